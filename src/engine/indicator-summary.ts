// Completion figures per quantitative indicator: company-wide and per department.
import type { IndicatorCompletion, IndicatorSummary } from './types.ts';
import type { DepartmentIndicatorPoint, ScoredCycle } from './scored-types.ts';
import { EPS } from './numeric.ts';
import { mean } from './stats.ts';

export interface CompletionFigures {
  n: number;
  metTargetRate: number | null;
  meanCompletion: number | null;
}

/** One assigned (employee, quantitative indicator) of a cycle. */
export interface AssignedCompletion {
  departmentId: string;
  /** Clipped completion; 0 when missing. */
  completion: number;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether completion c meets the target: c >= 1 - EPS. The tolerance absorbs
 * float noise in A / T (an actual of 0.3 against a target computed as 0.1 * 3
 * gives 0.9999999999999998), so a target met on paper is never reported as
 * missed.
 *
 * Example: metTarget(0.9999999999) = true; metTarget(0.999) = false.
 */
export function metTarget(c: number): boolean {
  return c >= 1 - EPS;
}

/**
 * n, metTargetRate = (count of c >= 1) / n and meanCompletion = mean(c) over
 * the completions of the assigned employees (missing ones given as 0); the
 * rates are null when n = 0.
 *
 * Example: completionFigures([1.2, 1, 0.5, 0]) = { n: 4, metTargetRate: 0.5, meanCompletion: 0.675 }.
 */
export function completionFigures(completions: readonly number[]): CompletionFigures {
  const n = completions.length;
  if (n === 0) return { n, metTargetRate: null, meanCompletion: null };
  const met = completions.filter(metTarget).length;
  return { n, metTargetRate: met / n, meanCompletion: mean(completions) };
}

/**
 * indicatorId -> the assigned employees' completions, for every quantitative
 * indicator assigned to at least one employee of the cycle, in employee order.
 *
 * Example: two employees assigned `sales` at 1.1 and missing -> sales: [1.1, 0].
 */
export function quantitativeCompletions(scored: ScoredCycle): Map<string, AssignedCompletion[]> {
  const out = new Map<string, AssignedCompletion[]>();
  for (const e of scored.employees) {
    for (const result of e.indicators) {
      if (scored.indicatorById.get(result.indicatorId)?.kind !== 'quantitative') continue;
      let list = out.get(result.indicatorId);
      if (list === undefined) {
        list = [];
        out.set(result.indicatorId, list);
      }
      // Scoring gives a missing quantitative value completion 0; `?? 0` only
      // keeps the same reading should a null slip through.
      list.push({ departmentId: e.employee.departmentId, completion: result.completion ?? 0 });
    }
  }
  return out;
}

function byDepartment(assigned: readonly AssignedCompletion[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const a of assigned) {
    const list = out.get(a.departmentId);
    if (list === undefined) out.set(a.departmentId, [a.completion]);
    else list.push(a.completion);
  }
  return out;
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
): IndicatorSummary[] {
  const out: IndicatorSummary[] = [];
  for (const [indicatorId, assigned] of quantitativeCompletions(scored)) {
    const counts = mismatch.get(indicatorId);
    const departments: IndicatorCompletion[] = [...byDepartment(assigned)]
      .sort(([a], [b]) => byString(a, b))
      .map(([departmentId, cs]) => ({ departmentId, ...completionFigures(cs) }));
    out.push({
      indicatorId,
      ...completionFigures(assigned.map((a) => a.completion)),
      mismatchRate: counts === undefined || counts.pairs === 0 ? null : counts.mismatches / counts.pairs,
      byDepartment: departments,
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
  const out: DepartmentIndicatorPoint[] = [];
  for (const [indicatorId, assigned] of quantitativeCompletions(scored)) {
    for (const [departmentId, cs] of byDepartment(assigned)) {
      out.push({ departmentId, indicatorId, cycle: scored.cycle, ...completionFigures(cs) });
    }
  }
  return out.sort(
    (a, b) => byString(a.departmentId, b.departmentId) || byString(a.indicatorId, b.indicatorId),
  );
}
