import type { Dataset, Diagnosis, EmployeeResult, Lang, TrendPoint } from './types.ts';
import type { DepartmentIndicatorPoint } from './scored-types.ts';
import { detectAnomalies } from './anomalies.ts';
import { correlate } from './correlations.ts';
import { summarizeDepartments } from './department-summary.ts';
import { rankedResults } from './employee-results.ts';
import { buildFindings } from './findings.ts';
import { gradeNames } from './grading.ts';
import { departmentPointsOf, summarizeIndicators } from './indicator-summary.ts';
import { sortCycles } from './policy-lookup.ts';
import { cycleCompletions, groupByCycle, scoreCycleWithCompletions } from './score-cycle.ts';
import { topPerformerTraits } from './traits.ts';
import { buildTrends, trendPointsOf } from './trends.ts';
import { cyclesIn } from './value-table.ts';

export interface DiagnoseOptions {
  /** The cycle to diagnose; default the latest. Trends use every cycle up to it. */
  cycle?: string;
  lang?: Lang;
  /**
   * Called with the diagnosis' cycle and employees as soon as they are
   * ranked, before the rest is computed (they do not change after), so a
   * caller can start writing them out meanwhile.
   */
  onEmployees?: (cycle: string, employees: EmployeeResult[]) => void;
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
  return sortCycles(cyclesIn(data.values));
}

/** The cycle asked for, or the latest one; an unknown cycle is an EngineError. */
export function resolveCycle(data: Dataset, cycle: string | undefined): { cycle: string; history: string[] } {
  return pickCycle(cyclesOf(data), cycle);
}

/** resolveCycle over the cycles of the data, oldest first. */
function pickCycle(all: string[], cycle: string | undefined): { cycle: string; history: string[] } {
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
  const byCycle = groupByCycle(data.values);
  const { cycle, history } = pickCycle(sortCycles(byCycle.keys()), options.cycle);
  const { scored, table } = scoreCycleWithCompletions(data, cycle, byCycle.get(cycle) ?? []);
  const { results: employees, order } = rankedResults(scored);
  options.onEmployees?.(cycle, employees);
  const { anomalies, mismatch } = detectAnomalies(scored);
  const departments = summarizeDepartments(employees, gradeNames(scored.policy.grading));
  const indicators = summarizeIndicators(scored, mismatch, table);
  const correlations = correlate(scored);
  const traits = topPerformerTraits(
    order,
    data.attributes.filter((a) => a.cycle === cycle),
  );
  // Earlier cycles only feed trends and findings: their completions suffice.
  const trendInput: { cycle: string; points: Map<string, TrendPoint> }[] = [];
  let points: DepartmentIndicatorPoint[] = [];
  for (const c of history) {
    const completions = c === cycle ? table : cycleCompletions(data, c, byCycle.get(c) ?? []);
    trendInput.push({ cycle: c, points: trendPointsOf(c, completions) });
    points = points.concat(departmentPointsOf(c, completions));
  }
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
