// Pairwise correlation of indicator scores, and the employees who break the pattern.
import type { Correlation } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { forEachResult } from './result-columns.ts';
import { sortPositions } from './sort-positions.ts';
import { pearson, pearsonPValue, quantile } from './stats.ts';

/** ENGINE.md: pairs with fewer common employees are not reported. */
const MIN_PAIRS = 10;

/** One indicator's scores by employee position (NaN = no scored value). */
interface Column {
  scores: Float64Array;
  /** The positions with a value, by score ascending. */
  order: Int32Array;
}

/** Over some employees: their average ranks (by position) and their scores ascending. */
interface Ranked {
  ranks: Float64Array;
  sorted: Float64Array;
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
 * Each indicator's employees are sorted by score once; its ranks serve every
 * pair whose employees are the indicator's own, and a pair with fewer
 * (someone missing one side) takes its ranks in one pass over that order.
 * Sums run in employee order, as pearson() over the pair's values would.
 *
 * Example: sales and margin both scored for 10 people with r = 0.5 ->
 * { x: 'sales', y: 'margin', n: 10, pearson: 0.5, spearman, pValue: 0.14111328125, offDiagonal }.
 */
export function correlate(scored: ScoredCycle): Correlation[] {
  const n = scored.employees.length;
  const order = scored.policy.indicators.map((i) => i.id);
  const columns = columnsOf(scored, order);
  const ids = scored.employees.map((e) => e.employee.id);
  const own = columns.map((c) => ranked(c.scores, c.order, scratch(0, c.order.length, n)));
  const both = new Uint8Array(n);
  const common = new Int32Array(n);
  // Room for one pair at a time, used again for every pair: 66 pairs of
  // 100,000 employees would otherwise take ~300 MB of short-lived arrays.
  const forX = scratch(n, n, n);
  const forY = scratch(n, n, n);
  const gathered = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  const out: Correlation[] = [];
  for (let i = 0; i < order.length; i++) {
    const x = columns[i]!;
    for (let j = i + 1; j < order.length; j++) {
      const y = columns[j]!;
      // Usually everyone has both: then the pair's employees are all, in place.
      const everyone = x.order.length === n && y.order.length === n;
      let m = n;
      if (!everyone) {
        m = 0;
        for (let k = 0; k < n; k++) {
          const has = !Number.isNaN(x.scores[k]!) && !Number.isNaN(y.scores[k]!);
          both[k] = has ? 1 : 0;
          if (has) common[m++] = k;
        }
      }
      if (m < MIN_PAIRS) continue;
      const at = everyone ? null : common.subarray(0, m);
      // Over the pair's employees: the column's own ranks when they are the same people.
      const rx = m === x.order.length ? own[i]! : ranked(x.scores, kept(x.order, both, forX.members), forX);
      const ry = m === y.order.length ? own[j]! : ranked(y.scores, kept(y.order, both, forY.members), forY);
      const sx = gather(x.scores, at, gathered[0]);
      const sy = gather(y.scores, at, gathered[1]);
      const r = pearson(sx, sy);
      out.push({
        x: order[i]!,
        y: order[j]!,
        n: m,
        pearson: r,
        spearman: pearson(gather(rx.ranks, at, gathered[2]), gather(ry.ranks, at, gathered[3])),
        pValue: pearsonPValue(r, m),
        offDiagonal: offDiagonal(ids, at, sx, sy, rx.sorted, ry.sorted),
      });
    }
  }
  // Array.prototype.sort is stable, so equal |r| keep the policy pair order.
  return out.sort((a, b) => strength(b.pearson) - strength(a.pearson));
}

function columnsOf(scored: ScoredCycle, order: readonly string[]): Column[] {
  const n = scored.employees.length;
  const byId = new Map(order.map((id) => [id, new Float64Array(n).fill(NaN)]));
  forEachResult(scored, (k, indicatorId, source, _actual, score) => {
    if (source !== null) byId.get(indicatorId)![k] = score;
  });
  return order.map((id) => {
    const scores = byId.get(id)!;
    const present = new Int32Array(n);
    let count = 0;
    for (let k = 0; k < n; k++) if (!Number.isNaN(scores[k]!)) present[count++] = k;
    return { scores, order: sortPositions(scores, present.subarray(0, count)) };
  });
}

/** The positions of `order` marked in `keep`, in order, in the front of `into`. */
function kept(order: Int32Array, keep: Uint8Array, into: Int32Array): Int32Array {
  let count = 0;
  for (let i = 0; i < order.length; i++) if (keep[order[i]!] === 1) into[count++] = order[i]!;
  return into.subarray(0, count);
}

/** Memory for ranked(): room for the members, their sorted scores, and a rank per employee. */
interface Scratch {
  members: Int32Array;
  sorted: Float64Array;
  ranks: Float64Array;
}

function scratch(members: number, sorted: number, ranks: number): Scratch {
  return { members: new Int32Array(members), sorted: new Float64Array(sorted), ranks: new Float64Array(ranks) };
}

/**
 * Average ranks (1-based; equal scores share the mean of their positions, as
 * scipy.stats.rankdata 'average') and ascending scores of `members`
 * (positions in score order): one pass. Written into `into`; ranks are set
 * for those employees only (the others keep whatever was there: no one
 * reads them). The members are passed in, rather than picked here for some
 * calls only: code that the first calls never ran made V8 throw this
 * function's compilation away when a later call reached it.
 */
function ranked(scores: Float64Array, members: Int32Array, into: Scratch): Ranked {
  const m = members.length;
  const sorted = into.sorted.subarray(0, m);
  for (let i = 0; i < m; i++) sorted[i] = scores[members[i]!]!;
  const ranks = into.ranks;
  let start = 0;
  while (start < m) {
    let end = start + 1;
    while (end < m && sorted[end] === sorted[start]) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[members[i]!] = rank;
    start = end;
  }
  return { ranks, sorted };
}

/**
 * Employees high on one indicator and low on the other: s_x >= p75(x) and
 * s_y <= p25(y), or s_y >= p75(y) and s_x <= p25(x), with type-7 quartiles
 * over the same employees. In employee-id order, as the employees are.
 */
function offDiagonal(
  ids: readonly string[],
  at: Int32Array | null,
  sx: Float64Array,
  sy: Float64Array,
  sortedX: Float64Array,
  sortedY: Float64Array,
): string[] {
  const x25 = quantile(sortedX, 0.25)!;
  const x75 = quantile(sortedX, 0.75)!;
  const y25 = quantile(sortedY, 0.25)!;
  const y75 = quantile(sortedY, 0.75)!;
  const out: string[] = [];
  for (let i = 0; i < sx.length; i++) {
    const a = sx[i]!;
    const b = sy[i]!;
    if ((a >= x75 && b <= y25) || (b >= y75 && a <= x25)) out.push(ids[at === null ? i : at[i]!]!);
  }
  return out;
}

/** values at the given positions, in the front of `into`; all of them (not copied) for null. */
function gather(values: Float64Array, at: Int32Array | null, into: Float64Array): Float64Array {
  if (at === null) return values;
  const out = into.subarray(0, at.length);
  for (let i = 0; i < at.length; i++) out[i] = values[at[i]!]!;
  return out;
}

/** |r|, with null below every real value so it sorts last. */
function strength(r: number | null): number {
  return r === null ? -1 : Math.abs(r);
}
