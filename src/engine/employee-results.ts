import type { EmployeeResult } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { assignGrades } from './grading.ts';
import { rankAndPercentile, type Scored } from './ranking.ts';

/**
 * Scores, grades, company rank and percentiles (company-wide and within the
 * employee's own department) for every scored employee, sorted by employee id.
 */
export function employeeResults(scored: ScoredCycle): EmployeeResult[] {
  const items: Scored[] = scored.employees.map((e) => ({ employeeId: e.employee.id, score: e.score }));
  const grades = assignGrades(items, scored.policy.grading);
  const company = rankAndPercentile(items);
  const byDepartment = new Map<string, Scored[]>();
  for (const e of scored.employees) {
    const list = byDepartment.get(e.employee.departmentId) ?? [];
    list.push({ employeeId: e.employee.id, score: e.score });
    byDepartment.set(e.employee.departmentId, list);
  }
  const departmentRanks = new Map<string, number>();
  for (const list of byDepartment.values()) {
    for (const [id, r] of rankAndPercentile(list)) departmentRanks.set(id, r.percentile);
  }
  return scored.employees.map((e) => {
    const id = e.employee.id;
    const r = company.get(id)!;
    return {
      employeeId: id,
      departmentId: e.employee.departmentId,
      score: e.score,
      grade: grades.get(id)!,
      rank: r.rank,
      percentile: r.percentile,
      departmentPercentile: departmentRanks.get(id)!,
      indicators: e.indicators,
    };
  });
}
