// `pandian diagnose --out DIR`: report.md, report.json and the charts, side by side.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { policyFor } from '../engine/policy-lookup.ts';
import type { Dataset, Diagnosis, Lang } from '../engine/types.ts';
import { namesOf } from './labels.ts';
import { renderDiagnosisMarkdown } from './report-md.ts';
import { writeJson } from './write-json.ts';

/**
 * Writes DIR/report.json (the diagnosis as `--json` prints it), one PNG per
 * chart, and DIR/report.md linking both by relative path. Returns the names
 * of the files written.
 */
export async function writeDiagnosisReport(dir: string, d: Diagnosis, data: Dataset, lang: Lang): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const parts: string[] = [];
  writeJson(d, (t) => parts.push(t));
  await writeFile(join(dir, 'report.json'), parts.join(''));
  // Loaded here: chart.js and the canvas binary cost start-up time the other commands need not pay.
  const { renderDiagnosisCharts } = await import('../charts/render.ts');
  const charts = await renderDiagnosisCharts(d, { names: namesOf(data), policy: policyFor(data, d.cycle), lang });
  await Promise.all(charts.map((c) => writeFile(join(dir, c.file), c.png)));
  const images = charts.map((c) => ({ title: c.title, file: c.file }));
  await writeFile(join(dir, 'report.md'), renderDiagnosisMarkdown(d, data, lang, { linkJson: 'report.json', images }));
  return ['report.json', ...charts.map((c) => c.file), 'report.md'];
}
