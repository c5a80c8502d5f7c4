import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Application, Diagnosis, Simulation } from '../engine/types.ts';
import { main } from './main.ts';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('pandian diagnose on examples/demo', () => {
  it('prints one JSON document in the shape of FORMATS.md, with the planted problems found', async () => {
    const { code, out, err } = await run(['diagnose', 'examples/demo', '--json']);
    expect([code, err]).toEqual([0, '']);
    const d = JSON.parse(out) as Diagnosis;
    expect(Object.keys(d)).toEqual(['cycle', 'employees', 'departments', 'indicators', 'correlations', 'anomalies', 'traits', 'trends', 'findings']);
    expect(d.cycle).toBe('2026'); // the latest cycle by default
    expect(d.employees).toHaveLength(59); // E002 has no assignment
    expect(Object.keys(d.employees[0]!)).toEqual(['employeeId', 'departmentId', 'score', 'grade', 'rank', 'percentile', 'departmentPercentile', 'indicators']);
    expect(Object.keys(d.employees[0]!.indicators[0]!)).toEqual(['indicatorId', 'weight', 'source', 'target', 'actual', 'rating', 'completion', 'score']);
    const ids = d.employees.map((e) => e.employeeId);
    expect(ids).toEqual([...ids].sort());
    // Forced grading of 59: b = round(5.9)=6, round(17.7)=18, round(47.2)=47, round(56.05)=56, 59 -> 6 S, 12 A, 29 B, 9 C, 3 D.
    const count = (g: string) => d.employees.filter((e) => e.grade === g).length;
    expect(['S', 'A', 'B', 'C', 'D'].map(count)).toEqual([6, 12, 29, 9, 3]);

    const findings = d.findings.map((f) => `${f.kind} ${f.departmentId ?? '-'} ${f.indicatorId ?? '-'}`);
    expect(findings).toEqual([
      'department_gap D-MKT -',
      'low_completion D-MKT campaign_roi',
      'low_completion D-MKT csat',
      'low_completion D-MKT leads',
      'low_completion D-SALES repurchase_rate',
      'unreliable_self_report - new_customers',
      'unreliable_self_report - sales',
      'weight_misalignment D-SALES repurchase_rate',
      'divergent_pair - dev_cycle',
      'top_performer_trait - -',
      'unbound_indicator - training_rate',
    ]);
    const anomalies = d.anomalies.map((a) => `${a.kind} ${a.employeeId} ${a.indicatorId}`);
    expect(anomalies.filter((a) => a.startsWith('duplicate'))).toEqual(['duplicate E007 sales', 'duplicate E012 sales']);
    expect(anomalies.filter((a) => a.startsWith('mismatch'))).toHaveLength(10);
    expect(anomalies.filter((a) => a.startsWith('missing'))).toEqual(['missing E035 patents']);
    expect(anomalies.filter((a) => a.startsWith('outlier'))).toEqual(['outlier E047 unit_cost']);
    // mismatch rate 5 of 16 pairs on both planted indicators.
    expect(d.indicators.find((i) => i.indicatorId === 'sales')!.mismatchRate).toBe(5 / 16);
    expect(d.trends.map((t) => t.cycles.map((c) => c.cycle).join(','))).toContain('2024,2025,2026');
    // A field that does not apply is null, never missing.
    expect(out).not.toContain('undefined');
    expect(d.employees[0]!.indicators.find((i) => i.rating !== null)!.completion).toBeNull();
  });

  it('writes the findings in the chosen language', async () => {
    const zh = JSON.parse((await run(['diagnose', 'examples/demo', '--json'])).out) as Diagnosis;
    const en = JSON.parse((await run(['diagnose', 'examples/demo', '--json', '--lang', 'en'])).out) as Diagnosis;
    expect(zh.findings[0]!.message).toContain('市场部');
    expect(zh.findings[0]!.message).toMatch(/[低于均值|标准差]/);
    expect(en.findings[0]!.message).toMatch(/below the company mean/);
    // Only the sentences differ.
    expect(en.findings.map((f) => f.figures)).toEqual(zh.findings.map((f) => f.figures));
  });

  it('diagnoses an earlier cycle with --cycle, with trends only up to it', async () => {
    const d = JSON.parse((await run(['diagnose', 'examples/demo', '--json', '--cycle', '2025'])).out) as Diagnosis;
    expect(d.cycle).toBe('2025');
    expect(d.trends[0]!.cycles.map((c) => c.cycle)).toEqual(['2024', '2025']);
    // In 2025 only E010 inflates sales: 1/16 = 0.0625, below 0.1, so no unreliable_self_report.
    expect(d.findings.some((f) => f.kind === 'unreliable_self_report')).toBe(false);
  });

  it('writes report.md and report.json with --out, linked to each other', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pandian-out-'));
    const { code, out } = await run(['diagnose', 'examples/demo', '--out', dir, '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('# Performance diagnosis · 2026');
    const files = await readdir(dir);
    expect(files).toEqual(expect.arrayContaining(['report.md', 'report.json']));
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('](report.json)');
    expect(md.indexOf('## Findings')).toBeLessThan(md.indexOf('## Scores by department'));
    const json = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Diagnosis;
    expect(json.findings).toHaveLength(11);
  });
});

describe('pandian simulate and apply', () => {
  it('simulates the proposal: only 销售部 moves', async () => {
    const { code, out } = await run(['simulate', 'examples/demo', '--proposal', 'examples/demo/proposal.json', '--json']);
    expect(code).toBe(0);
    const s = JSON.parse(out) as Simulation;
    expect(Object.keys(s)).toEqual(['cycle', 'spearman', 'movedUp', 'movedDown', 'transitions', 'departments', 'employees']);
    for (const d of s.departments) {
      if (d.departmentId === 'D-SALES') expect(d.meanAfter!).toBeLessThan(d.meanBefore!);
      else expect(d.meanAfter).toBe(d.meanBefore);
    }
    const total = Object.values(s.transitions).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0);
    expect(total).toBe(59);
  });

  it('applies results with raises scaled to the budget', async () => {
    const a = JSON.parse((await run(['apply', 'examples/demo', '--json'])).out) as Application;
    expect(Object.keys(a)).toEqual(['cycle', 'promotions', 'development', 'raises', 'raiseTotal', 'budget', 'scale']);
    expect(a.budget).toBe(39000);
    expect(a.scale).toBeLessThan(1);
    expect(a.raiseTotal).toBeCloseTo(39000, 6);
    // top 20 % of 59 = round(11.8) = 12 positions, S or A only; bottom 10 % = round(5.9) = 6.
    expect(a.promotions.length).toBeLessThanOrEqual(12);
    expect(a.promotions.every((p) => p.grade === 'S' || p.grade === 'A')).toBe(true);
    expect(a.development).toHaveLength(6);
    expect(a.development.every((d) => d.weakestIndicator !== null)).toBe(true);
  });
});

describe('exit statuses', () => {
  it('exits 2 on bad usage and prints nothing on stdout', async () => {
    for (const args of [['frobnicate'], ['diagnose'], ['diagnose', 'examples/demo', '--lang', 'fr'], ['diagnose', 'examples/demo', '--bogus'], ['simulate', 'examples/demo']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });

  it('exits 1 on bad input with the file, line and column on stderr and nothing on stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pandian-bad-'));
    await cp('examples/demo', dir, { recursive: true });
    const values = (await readFile(join(dir, 'values.csv'), 'utf8')).split('\n');
    values[4] = values[4]!.replace(/,([\d.]+),([\d.]+),,/, ',$1,"1,234.5",,');
    await writeFile(join(dir, 'values.csv'), values.join('\n'));
    const r = await run(['diagnose', dir, '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('values.csv line 5, column "actual"');
    expect(r.err).toContain('1,234.5');
  });

  it('exits 1 on an unknown cycle', async () => {
    const r = await run(['diagnose', 'examples/demo', '--cycle', '1999', '--json']);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toContain('1999');
  });

  it('runs as the installed binary', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/pandian.mjs', 'apply', 'examples/demo', '--json'], { maxBuffer: 1 << 24 });
    expect((JSON.parse(stdout) as Application).cycle).toBe('2026');
    const failed = await promisify(execFile)('node', ['bin/pandian.mjs', 'diagnose', 'no/such/folder']).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
  });
});
