// `npm run bench` (after the build): `pandian diagnose DIR --json` end to end on
// synthetic companies of 10,000 and 100,000 employees (12 indicators, 3
// cycles), beside the floor (parsing values.csv alone, bench/parse-floor.mjs),
// and the chart rendering bench when there is one. Prints a table and writes
// bench/results.json. Issue 2's budget: 10,000 within 1 s, 100,000 within
// 8 s, peak RSS under 1 GB, cost growing no worse than n log n.
//   node bench/run.mjs [--runs-small N] [--runs-large N] [--no-charts]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const SIZES = [
  { n: 10_000, dir: 'bench/data/c10k', runs: option('--runs-small', 3), budgetS: 1 },
  { n: 100_000, dir: 'bench/data/c100k', runs: option('--runs-large', 2), budgetS: 8 },
];
const RSS_BUDGET_MB = 1024;
const scratch = mkdtempSync(join(tmpdir(), 'pandian-bench-'));
const rssFile = join(scratch, 'rss');
const log = (line) => process.stderr.write(line + '\n');

/** The floor's own report: {"rows","ms","maxRssMb"}. */
function floor(file) {
  const child = spawnSync(process.execPath, [join(root, 'bench/parse-floor.mjs'), file], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`parse-floor failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

function ensureCompany({ n, dir }) {
  if (existsSync(join(root, dir, 'values.csv'))) return;
  log(`generating ${n} employees into ${dir} ...`);
  const made = spawnSync('npx', ['tsx', 'bench/write-company.ts', String(n), dir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`bench/write-company.ts ${n} ${dir} failed`);
}

/** bench/charts.bench.ts, if present: its figures, read from what it prints. */
function chartsBench() {
  if (args.includes('--no-charts') || !existsSync(join(root, 'bench/charts.bench.ts'))) return null;
  log('charts: npx tsx bench/charts.bench.ts ...');
  const child = spawnSync('npx', ['tsx', 'bench/charts.bench.ts'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const out = `${child.stdout}${child.stderr}`;
  const figure = (re) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : null;
  };
  return {
    ok: child.status === 0,
    setUpMs: figure(/set-up[^:]*: (\d+) ms/),
    firstRoundMs: figure(/first round (\d+) ms/),
    laterRoundsMedianMs: figure(/later rounds median (\d+) ms/),
    peakRssMb: figure(/peak RSS (\d+) MiB/),
    output: out.trim().split('\n'),
  };
}

/**
 * Node's own start (`node -e 0`), best of 5, part of every timed run and
 * nothing pandian can change. NODE_EXTRA_CA_CERTS, where set, makes Node 20
 * parse its certificates before any script runs: then also timed without it.
 */
function nodeStart() {
  const best = (env) => Math.min(...Array.from({ length: 5 }, () => measure(process.execPath, ['-e', '0'], { cwd: root, env }).wallS));
  const extraCa = process.env.NODE_EXTRA_CA_CERTS;
  if (extraCa === undefined) return { s: round(best(process.env), 3), withoutExtraCaS: null };
  const { NODE_EXTRA_CA_CERTS: _, ...without } = process.env;
  return { s: round(best(process.env), 3), withoutExtraCaS: round(best(without), 3) };
}

// The machine may be shared: its load and the floor, measured alongside, tell how busy it was.
const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: loadavg().map((x) => round(x, 2)), sizes: [] };
try {
  results.nodeStart = nodeStart();
  for (const size of SIZES) {
    if (size.runs < 1) continue; // --runs-small 0 or --runs-large 0: that size is skipped
    ensureCompany(size);
    const values = join(root, size.dir, 'values.csv');
    // Timed as a user runs it; the peak RSS from one more run with the probe
    // preloaded (--import costs the run ~10-30 ms, so it is kept out of the timed ones).
    const command = ['bin/pandian.mjs', 'diagnose', size.dir, '--json'];
    const runs = [];
    for (let i = 0; i < size.runs; i++) {
      const run = measure(process.execPath, command, { cwd: root });
      log(`${size.n}: diagnose --json ${run.wallS.toFixed(2)} s`);
      runs.push(run);
    }
    const probed = measure(process.execPath, ['--import', './bench/rss-probe.mjs', ...command], { cwd: root, probe: rssFile });
    log(`${size.n}: peak RSS ${probed.rssMb?.toFixed(0)} MB (${probed.wallS.toFixed(2)} s with the probe)`);
    const floors = [];
    for (let i = 0; i < size.runs; i++) floors.push(floor(values));
    const best = Math.min(...runs.map((r) => r.wallS));
    const peak = probed.rssMb ?? 0;
    const floorMs = Math.min(...floors.map((f) => f.ms));
    results.sizes.push({
      employees: size.n,
      valueRows: floors[0].rows,
      runs: runs.map((r) => ({ wallS: round(r.wallS, 3) })),
      bestWallS: round(best, 3),
      peakRssMb: Math.round(peak),
      floorS: round(floorMs / 1000, 3),
      floorRssMb: Math.max(...floors.map((f) => f.maxRssMb)),
      budgetS: size.budgetS,
      withinBudget: best <= size.budgetS && peak < RSS_BUDGET_MB,
    });
  }
  const [small, large] = results.sizes;
  // Growth exponent k in t ~ n^k over the tenfold step; n log n gives log10(10 * log(1e5) / log(1e4)).
  if (results.sizes.length === 2) {
    results.growth = {
      exponent: round(Math.log10(large.bestWallS / small.bestWallS), 3),
      floorExponent: round(Math.log10(large.floorS / small.floorS), 3),
      nLogN: round(Math.log10((10 * Math.log(1e5)) / Math.log(1e4)), 3),
    };
    results.growth.noWorseThanNLogN = results.growth.exponent <= results.growth.nLogN;
  }
  results.charts = chartsBench();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
const rows = [
  ['employees', 'value rows', 'diagnose --json (best)', 'peak RSS', 'floor: parse values.csv', 'floor RSS', 'budget'],
  ...results.sizes.map((s) => [
    s.employees.toLocaleString('en'),
    s.valueRows.toLocaleString('en'),
    `${s.bestWallS.toFixed(2)} s`,
    `${s.peakRssMb} MB`,
    `${s.floorS.toFixed(2)} s`,
    `${s.floorRssMb} MB`,
    `${s.budgetS} s, < 1 GB: ${s.withinBudget ? 'met' : 'MISSED'}`,
  ]),
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
const g = results.growth;
if (g) console.log(`growth exponent ${g.exponent} (floor ${g.floorExponent}; n log n ${g.nLogN}): ${g.noWorseThanNLogN ? 'no worse than n log n' : 'WORSE than n log n'}`);
const ns = results.nodeStart;
console.log(
  `node start-up (node -e 0), in every run above: ${ns.s.toFixed(2)} s` +
    (ns.withoutExtraCaS === null ? '' : `; ${ns.withoutExtraCaS.toFixed(2)} s without NODE_EXTRA_CA_CERTS, which is set here (Node 20 parses those certificates at start)`),
);
if (results.charts) {
  const c = results.charts;
  console.log(`charts (10,000 employees): first round ${c.firstRoundMs} ms, later rounds median ${c.laterRoundsMedianMs} ms, peak RSS ${c.peakRssMb} MiB${c.ok ? '' : ' (the charts bench failed)'}`);
}
console.log('written: bench/results.json');

function round(x, digits) {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
