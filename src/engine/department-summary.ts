// Score distribution and grade counts per department.
import type { DepartmentSummary } from './types.ts';
import { mean, quantile, sampleStd } from './stats.ts';

export interface DepartmentScoreRow {
  departmentId: string;
  score: number;
  grade: string;
}

/**
 * Per department with at least one row, sorted by departmentId: n, mean,
 * median, p25, p75 (type 7), sample std (null when n < 2), min, max of the
 * scores, and the count per grade, every grade of gradeNames included (0 when
 * none). A grade outside gradeNames is counted under its own name, so the
 * counts always add up to n.
 *
 * Example: D1 scores [70, 80, 90, 100] graded [C, B, B, A], grades [A, B, C, D]
 * -> n 4, mean 85, median 85, p25 77.5, p75 92.5, std 12.909944487358056,
 * min 70, max 100, gradeCounts { A: 1, B: 2, C: 1, D: 0 }.
 */
export function summarizeDepartments(
  rows: readonly DepartmentScoreRow[],
  gradeNames: readonly string[],
): DepartmentSummary[] {
  const groups = new Map<string, DepartmentScoreRow[]>();
  for (const row of rows) {
    const group = groups.get(row.departmentId);
    if (group === undefined) groups.set(row.departmentId, [row]);
    else group.push(row);
  }
  const ids = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((departmentId) => {
    const group = groups.get(departmentId) ?? [];
    const scores = group.map((r) => r.score);
    const sorted = [...scores].sort((a, b) => a - b);
    const gradeCounts: Record<string, number> = {};
    for (const g of gradeNames) gradeCounts[g] = 0;
    for (const r of group) gradeCounts[r.grade] = (gradeCounts[r.grade] ?? 0) + 1;
    return {
      departmentId,
      n: scores.length,
      mean: mean(scores),
      median: quantile(sorted, 0.5),
      p25: quantile(sorted, 0.25),
      p75: quantile(sorted, 0.75),
      std: sampleStd(scores),
      min: sorted[0] ?? null,
      max: sorted[sorted.length - 1] ?? null,
      gradeCounts,
    };
  });
}
