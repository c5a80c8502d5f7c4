// Completion over cycles: one point per (indicator, cycle), and the slope.
import type { Trend, TrendPoint } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { completionFigures, quantitativeCompletions, type CompletionTable } from './indicator-summary.ts';
import { leastSquaresSlope, mean } from './stats.ts';

/**
 * Per quantitative indicator assigned in the cycle: meanCompletion and
 * metTargetRate as in summarizeIndicators (missing = completion 0, not met),
 * and meanActual = mean of the scored actuals (missing left out; null when
 * no employee has one).
 *
 * Example: sales for three people, actual 120 of 100, 80 of 100, missing ->
 * { meanCompletion: (1.2 + 0.8 + 0) / 3 = 0.6667, metTargetRate: 1/3, meanActual: 100 }.
 */
export function trendPoints(scored: ScoredCycle): Map<string, TrendPoint> {
  return trendPointsOf(scored.cycle, quantitativeCompletions(scored));
}

/** trendPoints from a cycle's completion table. */
export function trendPointsOf(cycle: string, table: CompletionTable): Map<string, TrendPoint> {
  const out = new Map<string, TrendPoint>();
  for (const [indicatorId, assigned] of table.columns) {
    const { meanCompletion, metTargetRate } = completionFigures(assigned.completions);
    out.set(indicatorId, { cycle, meanCompletion, metTargetRate, meanActual: mean(assigned.actuals) });
  }
  return out;
}

/**
 * One trend per indicator found in any cycle, sorted by indicatorId; its
 * points follow the given cycles in the given order, with null figures where
 * the indicator is absent. slope = least-squares slope of meanCompletion over
 * the cycle index i = 0, 1, 2, ... (position in the given list), over the
 * cycles where meanCompletion is not null; null when fewer than 2.
 *
 * Example: meanCompletion 0.9, absent, 0.7 at i = 0, 1, 2 -> points at
 * (0, 0.9), (2, 0.7) -> slope -0.1 per cycle.
 */
export function buildTrends(cycles: readonly { cycle: string; points: Map<string, TrendPoint> }[]): Trend[] {
  const ids = new Set<string>();
  for (const c of cycles) for (const id of c.points.keys()) ids.add(id);
  return [...ids]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((indicatorId) => {
      const points: TrendPoint[] = cycles.map(({ cycle, points: byIndicator }) => {
        const p = byIndicator.get(indicatorId);
        // The label of the list wins over the point's own, should they differ.
        return {
          cycle,
          meanCompletion: p?.meanCompletion ?? null,
          metTargetRate: p?.metTargetRate ?? null,
          meanActual: p?.meanActual ?? null,
        };
      });
      const xs: number[] = [];
      const ys: number[] = [];
      points.forEach((p, i) => {
        if (p.meanCompletion === null) return;
        xs.push(i);
        ys.push(p.meanCompletion);
      });
      return { indicatorId, slope: leastSquaresSlope(xs, ys), cycles: points };
    });
}
