import type { Grading } from './types.ts';
import { forEachEqualScoreGroup, gradingOrder, type Scored } from './ranking.ts';
import { EPS, roundHalfUp } from './numeric.ts';

/** Grade names from best to worst. */
export function gradeNames(grading: Grading): string[] {
  return grading.mode === 'forced' ? grading.grades.map((g) => g.grade) : grading.bands.map((b) => b.grade);
}

/**
 * Forced distribution. Order by score descending (ties by id); boundary
 * b_j = round-half-up(n * (q_1 + ... + q_j)), b_m = n; position k gets the first
 * g_j with k <= b_j; then each group of equal scores takes the best grade in it.
 * Example: n = 10, shares S .1 A .2 B .5 C .15 D .05 -> b = 1, 3, 8, 10 (9.5 rounds up), 10.
 */
export function forcedGrades(items: readonly Scored[], grades: { grade: string; share: number }[]): Map<string, string> {
  return forcedGradesInOrder(gradingOrder(items), grades);
}

/** forcedGrades of items already in grading order. */
function forcedGradesInOrder(ordered: readonly Scored[], grades: { grade: string; share: number }[]): Map<string, string> {
  const gradeIndex = forcedGradeIndexes(ordered, grades);
  const out = new Map<string, string>();
  ordered.forEach((item, k) => out.set(item.employeeId, grades[gradeIndex[k]!]!.grade));
  return out;
}

/** The index in `grades` of each position of items in grading order, by forced distribution. */
function forcedGradeIndexes(ordered: readonly Scored[], grades: { grade: string; share: number }[]): number[] {
  const n = ordered.length;
  const bounds: number[] = [];
  let cumulative = 0;
  grades.forEach((g, j) => {
    cumulative += g.share;
    bounds.push(j === grades.length - 1 ? n : roundHalfUp(n * cumulative));
  });
  const gradeIndex: number[] = [];
  let j = 0;
  for (let k = 1; k <= n; k++) {
    while (j < bounds.length - 1 && k > bounds[j]!) j++;
    gradeIndex.push(j);
  }
  forEachEqualScoreGroup(ordered, (start, end) => {
    // The group is ordered best first, so its first member holds the best grade.
    for (let k = start + 1; k < end; k++) gradeIndex[k] = gradeIndex[start]!;
  });
  return gradeIndex;
}

/**
 * Grade by bands (ordered high to low): the first band with score >= min.
 * A score within 1e-9 below a band's min counts as reaching it (scores that close compare
 * equal). Below every band: the lowest band.
 * Example: bands S 110, A 100, B 0; score 105 -> A.
 */
export function bandGrade(score: number, bands: { grade: string; min: number }[]): string {
  for (const band of bands) if (score >= band.min - EPS) return band.grade;
  return bands[bands.length - 1]!.grade;
}

/** Grades for a whole cycle's population under either grading mode. */
export function assignGrades(items: readonly Scored[], grading: Grading): Map<string, string> {
  if (grading.mode === 'forced') return forcedGrades(items, grading.grades);
  return new Map(items.map((i) => [i.employeeId, bandGrade(i.score, grading.bands)]));
}

/** assignGrades for items already in grading order: the grade of each position. */
export function gradesInOrder(ordered: readonly Scored[], grading: Grading): string[] {
  if (grading.mode === 'forced') return forcedGradeIndexes(ordered, grading.grades).map((j) => grading.grades[j]!.grade);
  return ordered.map((i) => bandGrade(i.score, grading.bands));
}
