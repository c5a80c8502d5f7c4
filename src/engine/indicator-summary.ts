// Completion figures per quantitative indicator: company-wide and per department.
import type { IndicatorCompletion, IndicatorSummary } from './types.ts';
import type { DepartmentIndicatorPoint, ScoredCycle } from './scored-types.ts';
import {
  CompletionTableBuilder,
  figuresByDepartment,
  metTarget,
  type AssignedCompletions,
  type CompletionTable,
  type GroupFigures,
} from './completion-table.ts';
import type { Numbers } from './stats.ts';

export { metTarget, type AssignedCompletions, type CompletionTable } from './completion-table.ts';

export interface CompletionFigures {
  n: number;
  metTargetRate: number | null;
  meanCompletion: number | null;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * n, metTargetRate = (count of c >= 1) / n and meanCompletion = mean(c) over
 * the completions of the assigned employees (missing ones given as 0); the
 * rates are null when n = 0.
 *
 * Example: completionFigures([1.2, 1, 0.5, 0]) = { n: 4, metTargetRate: 0.5, meanCompletion: 0.675 }.
 */
export function completionFigures(completions: Numbers): CompletionFigures {
  const n = completions.length;
  if (n === 0) return { n, metTargetRate: null, meanCompletion: null };
  let met = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = completions[i]!;
    if (metTarget(c)) met++;
    sum += c;
  }
  return { n, metTargetRate: met / n, meanCompletion: sum / n };
}

/** completionFigures of a group from its counts (n > 0). */
function figuresOf({ n, met, sum }: GroupFigures): CompletionFigures {
  return { n, metTargetRate: met / n, meanCompletion: sum / n };
}

/**
 * The completion table of a scored cycle: per quantitative indicator assigned
 * to at least one employee, the assigned employees' departments and
 * completions, and the scored actuals, in employee order.
 *
 * Example: two employees assigned `sales` at 1.1 (actual 110) and missing ->
 * sales: { completions: [1.1, 0], actuals: [110] }.
 */
export function quantitativeCompletions(scored: ScoredCycle): CompletionTable {
  const departmentIds: string[] = [];
  const departmentCode = new Map<string, number>();
  const table = new CompletionTableBuilder(departmentIds, scored.employees.length);
  for (const e of scored.employees) {
    const departmentId = e.employee.departmentId;
    let department = departmentCode.get(departmentId);
    if (department === undefined) {
      departmentCode.set(departmentId, (department = departmentIds.length));
      departmentIds.push(departmentId);
    }
    for (const result of e.indicators) {
      if (scored.indicatorById.get(result.indicatorId)?.kind !== 'quantitative') continue;
      // Scoring gives a missing quantitative value completion 0; `?? 0` only
      // keeps the same reading should a null slip through.
      const actual = result.source !== null ? result.actual : null;
      table.column(result.indicatorId).add(department, result.completion ?? 0, actual);
    }
  }
  return table.done();
}

/** The departments of a column with their figures, sorted by departmentId. */
function byDepartment(table: CompletionTable, assigned: AssignedCompletions): [string, CompletionFigures][] {
  const out: [string, CompletionFigures][] = [];
  figuresByDepartment(assigned, table.departmentIds.length).forEach((figures, d) => {
    if (figures.n > 0) out.push([table.departmentIds[d]!, figuresOf(figures)]);
  });
  return out.sort(([a], [b]) => byString(a, b));
}

/**
 * Per quantitative indicator assigned in the cycle, sorted by indicatorId:
 * n assigned, metTargetRate = share with c >= 1 (missing = not met),
 * meanCompletion = mean clipped c (missing = 0), mismatchRate =
 * mismatches / pairs (null when no pair has both a self and a system actual),
 * and the same completion figures per department (the employee's own),
 * sorted by departmentId.
 *
 * Example: sales assigned to 4, completions [1.2, 1, 0.5, missing], 1 of 2
 * self/system pairs mismatched -> n 4, metTargetRate 0.5, meanCompletion 0.675,
 * mismatchRate 0.5.
 */
export function summarizeIndicators(
  scored: ScoredCycle,
  mismatch: Map<string, { pairs: number; mismatches: number }>,
  table: CompletionTable = quantitativeCompletions(scored),
): IndicatorSummary[] {
  const out: IndicatorSummary[] = [];
  for (const [indicatorId, assigned] of table.columns) {
    const counts = mismatch.get(indicatorId);
    out.push({
      indicatorId,
      ...completionFigures(assigned.completions),
      mismatchRate: counts === undefined || counts.pairs === 0 ? null : counts.mismatches / counts.pairs,
      byDepartment: byDepartment(table, assigned).map(([departmentId, figures]): IndicatorCompletion => ({ departmentId, ...figures })),
    });
  }
  return out.sort((a, b) => byString(a.indicatorId, b.indicatorId));
}

/**
 * The completion figures of summarizeIndicators per (department, quantitative
 * indicator) of this cycle, sorted by departmentId, then indicatorId.
 *
 * Example: D1 has two sales people at [1.1, 0.8] -> { departmentId: 'D1',
 * indicatorId: 'sales', cycle, n: 2, metTargetRate: 0.5, meanCompletion: 0.95 }.
 */
export function departmentIndicatorPoints(scored: ScoredCycle): DepartmentIndicatorPoint[] {
  return departmentPointsOf(scored.cycle, quantitativeCompletions(scored));
}

/** departmentIndicatorPoints from a cycle's completion table. */
export function departmentPointsOf(cycle: string, table: CompletionTable): DepartmentIndicatorPoint[] {
  const out: DepartmentIndicatorPoint[] = [];
  for (const [indicatorId, assigned] of table.columns) {
    for (const [departmentId, figures] of byDepartment(table, assigned)) {
      out.push({ departmentId, indicatorId, cycle, ...figures });
    }
  }
  return out.sort(
    (a, b) => byString(a.departmentId, b.departmentId) || byString(a.indicatorId, b.indicatorId),
  );
}
