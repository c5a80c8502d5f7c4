// Chart rendering at company scale: every diagnosis chart of one cycle of a
// synthetic 10,000-person company, timed, with peak memory.
//   npx tsx bench/charts.bench.ts [employees]
// LANGS=zh,en,... sets the rounds (default zh,en,zh,en,zh).
// Budget (issue 5): all charts within 0.5 s together, peak RSS under 400 MB.
// The company is generated and diagnosed in this process; the charts are
// rendered in a child process that loads only the diagnosis, so its peak RSS
// is the rendering's (plus the diagnosis it needs), not the generator's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnosis, Policy } from '../src/engine/types.ts';

interface Job {
  diagnosis: Diagnosis;
  policy: Policy;
  departments: [string, string][];
  indicators: [string, string][];
}

async function parent(n: number): Promise<void> {
  const { generateCompany } = await import('./generate-company.ts');
  const { parseDataFiles } = await import('../src/io/load-data-folder.ts');
  const { diagnose } = await import('../src/engine/diagnose.ts');
  const files = generateCompany(n, { cycles: 3 });
  const data = parseDataFiles(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])));
  const diagnosis = diagnose(data, { lang: 'zh' });
  const job: Job = {
    diagnosis,
    policy: data.cyclePolicies[diagnosis.cycle] ?? data.policy,
    departments: data.departments.map((d) => [d.id, d.name]),
    indicators: data.policy.indicators.map((i) => [i.id, i.name]),
  };
  const dir = mkdtempSync(join(tmpdir(), 'pandian-charts-bench-'));
  const file = join(dir, 'job.json');
  writeFileSync(file, JSON.stringify(job));
  console.log(`employees ${diagnosis.employees.length}, departments ${diagnosis.departments.length}, ` +
    `indicators ${diagnosis.indicators.length}, cycles ${diagnosis.trends[0]?.cycles.length ?? 0}, ` +
    `scatter points ${diagnosis.correlations[0]?.n ?? 0}`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = child.status ?? 1;
}

async function child(file: string): Promise<void> {
  const rssAtStart = process.resourceUsage().maxRSS * 1024;
  const job = JSON.parse(readFileSync(file, 'utf8')) as Job;
  const { diagnosisChartSpecs, renderCharts } = await import('../src/charts/render.ts');
  const { renderPng } = await import('../src/charts/png.ts');
  // Loading chart.js, the plugins, the canvas binary and the font, apart: a
  // chart with no data and no text.
  let t = performance.now();
  await renderPng({ id: 'warm-up', title: '', width: 16, height: 16, config: { type: 'bar', data: { datasets: [] }, options: { plugins: { legend: { display: false } }, scales: { x: { display: false }, y: { display: false } } } } });
  const setUp = performance.now() - t;
  const departments = new Map(job.departments);
  const indicators = new Map(job.indicators);
  const names = { department: (id: string) => departments.get(id) ?? id, indicator: (id: string) => indicators.get(id) ?? id };
  const rssLoaded = process.resourceUsage().maxRSS * 1024;

  const rounds: string[] = [];
  const walls: number[] = [];
  for (const lang of (process.env.LANGS ?? 'zh,en,zh,en,zh').split(',') as ('zh' | 'en')[]) {
    const cpu = process.cpuUsage();
    t = performance.now();
    const charts = await renderCharts(diagnosisChartSpecs(job.diagnosis, { names, policy: job.policy, lang }));
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    walls.push(wall);
    const kib = charts.reduce((s, c) => s + c.png.length, 0) / 1024;
    rounds.push(`${lang}: ${charts.length} charts in ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${kib.toFixed(0)} KiB of PNG`);
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  console.log(`set-up (loading chart.js, its plugins, the canvas binary, the font): ${setUp.toFixed(0)} ms`);
  console.log('rounds (the first of each language also rasterises its glyphs for the first time):');
  for (const r of rounds) console.log(`  ${r}`);
  const warm = walls.slice(1).sort((a, b) => a - b);
  const later = warm.length > 0 ? `, later rounds median ${warm[Math.floor(warm.length / 2)]!.toFixed(0)} ms` : '';
  console.log(`first round ${walls[0]!.toFixed(0)} ms${later} (budget 500 ms)`);
  console.log(`peak RSS ${mib(peak)} (budget 400 MiB); at start ${mib(rssAtStart)}, with the diagnosis and the chart modules loaded ${mib(rssLoaded)}`);
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1]!);
else await parent(Number(process.argv[2] ?? 10_000));
