import type { EmployeeResult } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { gradesInOrder } from './grading.ts';
import { forEachRank, gradingOrder, type Scored } from './ranking.ts';

/**
 * Scores, grades, company rank and percentiles (company-wide and within the
 * employee's own department) for every scored employee, sorted by employee id.
 */
export function employeeResults(scored: ScoredCycle): EmployeeResult[] {
  return rankedResults(scored).results;
}

/**
 * employeeResults, and the employee ids in grading order (score descending,
 * ties by id), sorted once for grades, ranks and the caller.
 */
export function rankedResults(scored: ScoredCycle): { results: EmployeeResult[]; order: string[] } {
  const n = scored.employees.length;
  // Results by position k in scored.employees (employee ids are unique).
  const items: Ranked[] = scored.employees.map((e, k) => ({ employeeId: e.employee.id, score: e.score, k }));
  const ordered = gradingOrder(items);
  const grade = new Array<string>(n);
  gradesInOrder(ordered, scored.policy.grading).forEach((g, i) => (grade[ordered[i]!.k] = g));
  const rank = new Int32Array(n);
  const percentile = new Float64Array(n);
  forEachRank(ordered, (i, r, p) => {
    rank[ordered[i]!.k] = r;
    percentile[ordered[i]!.k] = p;
  });
  const byDepartment = new Map<string, Ranked[]>();
  scored.employees.forEach((e, k) => {
    const list = byDepartment.get(e.employee.departmentId);
    if (list === undefined) byDepartment.set(e.employee.departmentId, [items[k]!]);
    else list.push(items[k]!);
  });
  const departmentPercentile = new Float64Array(n);
  for (const list of byDepartment.values()) {
    const inDepartment = gradingOrder(list);
    forEachRank(inDepartment, (i, _, p) => (departmentPercentile[inDepartment[i]!.k] = p));
  }
  const results = scored.employees.map(
    (e, k): EmployeeResult => ({
      employeeId: e.employee.id,
      departmentId: e.employee.departmentId,
      score: e.score,
      grade: grade[k]!,
      rank: rank[k]!,
      percentile: percentile[k]!,
      departmentPercentile: departmentPercentile[k]!,
      indicators: e.indicators,
    }),
  );
  return { results, order: ordered.map((e) => e.employeeId) };
}

interface Ranked extends Scored {
  /** Position in scored.employees. */
  k: number;
}
