import type { Indicator, Policy, Source, ValueRow } from './types.ts';
import type { RowsBySource } from './scored-types.ts';

/** Precedence of sources: a reviewer's row beats the system of record, which beats a self-report. */
export const SOURCE_PRECEDENCE: readonly Source[] = ['manager', 'system', 'self'];

/**
 * The row that counts for one (employee, indicator): manager, else system, else self.
 * Example: { system: A, self: B } -> A.
 */
export function countedRow(rows: RowsBySource | undefined): ValueRow | undefined {
  if (!rows) return undefined;
  return rows.manager ?? rows.system ?? rows.self;
}

/**
 * Completion of a quantitative value, clipped to [0, cap].
 * higher: c = A / T; lower: c = T / A, and c = cap when A = 0.
 * Example: lower, T = 90 days, A = 120 days -> c = 0.75.
 */
export function completion(direction: 'higher' | 'lower', target: number, actual: number, cap: number): number {
  let c: number;
  if (direction === 'higher') c = actual / target;
  else c = actual === 0 ? cap : target / actual;
  return Math.min(Math.max(c, 0), cap);
}

/**
 * Score of one indicator value. Quantitative: s = 100 * clipped completion.
 * Qualitative: s = policy.ratingScores[r - 1]. Missing row: s = 0, c = 0 (null for qualitative).
 * Example: higher, T = 100, A = 130, cap 1.2 -> c = 1.2, s = 120.
 */
export function scoreValue(
  indicator: Indicator,
  row: ValueRow | undefined,
  policy: Policy,
): { completion: number | null; score: number } {
  return row ? scoreFigures(indicator, row.target, row.actual, row.rating, policy) : scoreFigures(indicator, null, null, null, policy);
}

/**
 * scoreValue from the counted row's target, actual and rating (all null when
 * there is no row: a missing value scores as a row of empty cells).
 * Example: qualitative, rating 2, default ratingScores -> { completion: null, score: 70 }.
 */
export function scoreFigures(
  indicator: Indicator,
  target: number | null,
  actual: number | null,
  rating: number | null,
  policy: Policy,
): { completion: number | null; score: number } {
  const c = completionOf(indicator, target, actual);
  return { completion: c, score: scoreOf(indicator, c, rating, policy) };
}

/**
 * The completion of scoreFigures: clipped c for a quantitative indicator (0
 * without a target or an actual), null for a qualitative one.
 * Example: higher, T = 100, A = 90 -> 0.9.
 */
export function completionOf(indicator: Indicator, target: number | null, actual: number | null): number | null {
  if (indicator.kind === 'qualitative') return null;
  if (target === null || actual === null) return 0;
  return completion(indicator.direction, target, actual, indicator.cap);
}

/**
 * The score of scoreFigures from the completion (completionOf) or the rating:
 * 100 c, or ratingScores[r - 1] (0 without a rating).
 * Example: quantitative, c = 0.9 -> 90.
 */
export function scoreOf(indicator: Indicator, c: number | null, rating: number | null, policy: Policy): number {
  if (indicator.kind === 'qualitative') return rating === null ? 0 : (policy.ratingScores[rating - 1] ?? 0);
  return 100 * (c as number);
}
