// Pairwise correlation of indicator scores, and the employees who break the pattern.
import type { Correlation, IndicatorResult } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { pearson, pearsonPValue, quantile } from './stats.ts';

/** ENGINE.md: pairs with fewer common employees are not reported. */
const MIN_PAIRS = 10;

/**
 * Employees high on one indicator and low on the other: s_x >= p75(x) and
 * s_y <= p25(y), or s_y >= p75(y) and s_x <= p25(x), with type-7 quartiles
 * over the same employees. ids come in employee-id order already.
 */
function offDiagonal(ids: readonly string[], sx: readonly number[], sy: readonly number[], x: Quartiles, y: Quartiles): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const a = sx[i] as number;
    const b = sy[i] as number;
    if ((a >= x.p75 && b <= y.p25) || (b >= y.p75 && a <= x.p25)) out.push(ids[i] as string);
  }
  return out;
}

interface Quartiles {
  p25: number;
  p75: number;
}

/**
 * Average ranks (1-based, ties share their mean position) and the quartiles of
 * the members of one indicator's precomputed ascending order that are in `keep`.
 * Linear in n: the sort happened once per indicator, not once per pair.
 */
function ranksWithin(order: Int32Array, scores: Float64Array, keep: Uint8Array, n: number): { ranks: Float64Array; quartiles: Quartiles } {
  const sorted = new Float64Array(n);
  const members = new Int32Array(n);
  let m = 0;
  for (const k of order) {
    if (keep[k] === 1) {
      members[m] = k;
      sorted[m++] = scores[k] as number;
    }
  }
  const ranks = new Float64Array(scores.length);
  let start = 0;
  while (start < m) {
    let end = start + 1;
    while (end < m && sorted[end] === sorted[start]) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[members[i] as number] = rank;
    start = end;
  }
  return { ranks, quartiles: { p25: quantile(sorted, 0.25) as number, p75: quantile(sorted, 0.75) as number } };
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
  const n = scored.employees.length;
  const order = scored.policy.indicators.map((i) => i.id);
  // Per indicator: scores by employee position (NaN = no value) and that position order sorted by score.
  const scores = new Map<string, Float64Array>();
  for (const id of order) scores.set(id, new Float64Array(n).fill(NaN));
  scored.employees.forEach((e, k) => {
    for (const result of e.indicators) if (hasValue(result)) scores.get(result.indicatorId)![k] = result.score;
  });
  const sortedOrder = new Map<string, Int32Array>();
  for (const [id, s] of scores) {
    const idx = Int32Array.from({ length: n }, (_, k) => k).filter((k) => !Number.isNaN(s[k]));
    sortedOrder.set(id, idx.sort((a, b) => (s[a] as number) - (s[b] as number)));
  }
  const out: Correlation[] = [];
  const keep = new Uint8Array(n);
  for (let i = 0; i < order.length; i++) {
    const xs = scores.get(order[i] as string)!;
    for (let j = i + 1; j < order.length; j++) {
      const ys = scores.get(order[j] as string)!;
      const ids: string[] = [];
      const sx: number[] = [];
      const sy: number[] = [];
      const positions: number[] = [];
      for (let k = 0; k < n; k++) {
        const both = !Number.isNaN(xs[k]) && !Number.isNaN(ys[k]);
        keep[k] = both ? 1 : 0;
        if (!both) continue;
        ids.push(scored.employees[k]!.employee.id);
        sx.push(xs[k] as number);
        sy.push(ys[k] as number);
        positions.push(k);
      }
      if (ids.length < MIN_PAIRS) continue;
      const rx = ranksWithin(sortedOrder.get(order[i] as string)!, xs, keep, ids.length);
      const ry = ranksWithin(sortedOrder.get(order[j] as string)!, ys, keep, ids.length);
      const r = pearson(sx, sy);
      out.push({
        x: order[i] as string,
        y: order[j] as string,
        n: ids.length,
        pearson: r,
        spearman: pearson(
          positions.map((k) => rx.ranks[k] as number),
          positions.map((k) => ry.ranks[k] as number),
        ),
        pValue: pearsonPValue(r, ids.length),
        offDiagonal: offDiagonal(ids, sx, sy, rx.quartiles, ry.quartiles),
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
