import type { Dataset, Diagnosis, Lang, TrendPoint } from './types.ts';
import type { DepartmentIndicatorPoint } from './scored-types.ts';
import { detectAnomalies } from './anomalies.ts';
import { correlate } from './correlations.ts';
import { summarizeDepartments } from './department-summary.ts';
import { employeeResults } from './employee-results.ts';
import { buildFindings } from './findings.ts';
import { gradeNames } from './grading.ts';
import { departmentIndicatorPoints, summarizeIndicators } from './indicator-summary.ts';
import { sortCycles } from './policy-lookup.ts';
import { gradingOrder } from './ranking.ts';
import { groupByCycle, scoreCycle } from './score-cycle.ts';
import { topPerformerTraits } from './traits.ts';
import { buildTrends, trendPoints } from './trends.ts';

export interface DiagnoseOptions {
  /** The cycle to diagnose; default the latest. Trends use every cycle up to it. */
  cycle?: string;
  lang?: Lang;
}

/** Thrown for a request the data cannot answer (an unknown cycle, no values). */
export class EngineError extends Error {
  constructor(
    readonly code: 'UNKNOWN_CYCLE' | 'NO_VALUES',
    message: string,
  ) {
    super(message);
  }
}

/** Every cycle in the data, oldest first. */
export function cyclesOf(data: Dataset): string[] {
  const seen = new Set<string>();
  for (const row of data.values) seen.add(row.cycle);
  return sortCycles(seen);
}

/** The cycle asked for, or the latest one; an unknown cycle is an EngineError. */
export function resolveCycle(data: Dataset, cycle: string | undefined): { cycle: string; history: string[] } {
  const all = cyclesOf(data);
  if (all.length === 0) throw new EngineError('NO_VALUES', 'values.csv has no rows');
  const chosen = cycle ?? all[all.length - 1]!;
  const at = all.indexOf(chosen);
  if (at < 0) throw new EngineError('UNKNOWN_CYCLE', `cycle "${chosen}" has no values; known cycles: ${all.join(', ')}`);
  return { cycle: chosen, history: all.slice(0, at + 1) };
}

/**
 * The whole diagnosis of one cycle: scores and grades, department and indicator
 * statistics, correlations, anomalies, top-performer traits, trends over every
 * cycle up to this one, and the findings in words.
 */
export function diagnose(data: Dataset, options: DiagnoseOptions = {}): Diagnosis {
  const lang = options.lang ?? 'zh';
  const { cycle, history } = resolveCycle(data, options.cycle);
  const byCycle = groupByCycle(data.values);
  const trendInput: { cycle: string; points: Map<string, TrendPoint> }[] = [];
  const points: DepartmentIndicatorPoint[] = [];
  for (const c of history.slice(0, -1)) {
    const past = scoreCycle(data, c, byCycle.get(c) ?? []);
    trendInput.push({ cycle: c, points: trendPoints(past) });
    points.push(...departmentIndicatorPoints(past));
  }
  const scored = scoreCycle(data, cycle, byCycle.get(cycle) ?? []);
  trendInput.push({ cycle, points: trendPoints(scored) });
  points.push(...departmentIndicatorPoints(scored));

  const employees = employeeResults(scored);
  const { anomalies, mismatch } = detectAnomalies(scored);
  const departments = summarizeDepartments(employees, gradeNames(scored.policy.grading));
  const indicators = summarizeIndicators(scored, mismatch);
  const correlations = correlate(scored);
  const order = gradingOrder(employees).map((e) => e.employeeId);
  const traits = topPerformerTraits(
    order,
    data.attributes.filter((a) => a.cycle === cycle),
  );
  const trends = buildTrends(trendInput);
  const findings = buildFindings(
    {
      policy: scored.policy,
      departmentNames: new Map(data.departments.map((d) => [d.id, d.name])),
      employeeScores: employees.map((e) => ({ employeeId: e.employeeId, departmentId: e.departmentId, score: e.score })),
      departments,
      indicators,
      correlations,
      traits,
      points,
      cycles: history,
    },
    lang,
  );
  return { cycle, employees, departments, indicators, correlations, anomalies, traits, trends, findings };
}
