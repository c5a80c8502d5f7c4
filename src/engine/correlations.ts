// Pairwise correlation of indicator scores, and the employees who break the pattern.
import type { Correlation, IndicatorResult } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { pearson, pearsonPValue, quantile, spearman } from './stats.ts';

/** ENGINE.md: pairs with fewer common employees are not reported. */
const MIN_PAIRS = 10;

function sortedCopy(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/**
 * Employees high on one indicator and low on the other: s_x >= p75(x) and
 * s_y <= p25(y), or s_y >= p75(y) and s_x <= p25(x), with type-7 quartiles
 * over the same employees. ids are sorted ascending.
 */
function offDiagonal(ids: readonly string[], sx: readonly number[], sy: readonly number[]): string[] {
  const x = sortedCopy(sx);
  const y = sortedCopy(sy);
  const x25 = quantile(x, 0.25);
  const x75 = quantile(x, 0.75);
  const y25 = quantile(y, 0.25);
  const y75 = quantile(y, 0.75);
  if (x25 === null || x75 === null || y25 === null || y75 === null) return [];
  return ids
    .filter((_, i) => {
      const a = sx[i] as number;
      const b = sy[i] as number;
      return (a >= x75 && b <= y25) || (b >= y75 && a <= x25);
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * For every pair of indicators (x before y in policy order), over the
 * employees with a scored value for both (source not null), using indicator
 * scores s: n, Pearson r, Spearman rho, the two-sided p of r and the
 * off-diagonal employees. Only pairs with n >= 10; sorted by |r| descending,
 * null r last, ties in policy pair order.
 *
 * Off-diagonal follows the definition even when r is null: with a constant
 * side every employee sits on both its quartiles. Findings only read it for
 * |r| >= 0.5.
 *
 * Example: sales and margin both scored for 10 people with r = 0.5 ->
 * { x: 'sales', y: 'margin', n: 10, pearson: 0.5, spearman, pValue: 0.14111328125, offDiagonal }.
 */
export function correlate(scored: ScoredCycle): Correlation[] {
  const scoredValues = new Map<string, Map<string, number>>();
  for (const e of scored.employees) {
    for (const result of e.indicators) {
      if (!hasValue(result)) continue;
      let byEmployee = scoredValues.get(result.indicatorId);
      if (byEmployee === undefined) {
        byEmployee = new Map();
        scoredValues.set(result.indicatorId, byEmployee);
      }
      byEmployee.set(e.employee.id, result.score);
    }
  }
  const order = scored.policy.indicators.map((i) => i.id);
  const out: Correlation[] = [];
  for (let i = 0; i < order.length; i++) {
    const xValues = scoredValues.get(order[i] as string);
    if (xValues === undefined) continue;
    for (let j = i + 1; j < order.length; j++) {
      const yValues = scoredValues.get(order[j] as string);
      if (yValues === undefined) continue;
      const ids: string[] = [];
      const sx: number[] = [];
      const sy: number[] = [];
      for (const [id, x] of xValues) {
        const y = yValues.get(id);
        if (y === undefined) continue;
        ids.push(id);
        sx.push(x);
        sy.push(y);
      }
      if (ids.length < MIN_PAIRS) continue;
      const r = pearson(sx, sy);
      out.push({
        x: order[i] as string,
        y: order[j] as string,
        n: ids.length,
        pearson: r,
        spearman: spearman(sx, sy),
        pValue: pearsonPValue(r, ids.length),
        offDiagonal: offDiagonal(ids, sx, sy),
      });
    }
  }
  // Array.prototype.sort is stable, so equal |r| keep the policy pair order.
  return out.sort((a, b) => strength(b.pearson) - strength(a.pearson));
}

function hasValue(result: IndicatorResult): boolean {
  return result.source !== null;
}

/** |r|, with null below every real value so it sorts last. */
function strength(r: number | null): number {
  return r === null ? -1 : Math.abs(r);
}
