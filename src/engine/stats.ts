// Descriptive statistics, correlation and the p-value of Pearson's r.
// Where ENGINE.md is silent these follow numpy/scipy defaults, so results agree
// with a pandas/scipy reference to 1e-9 (mostly to a few ulps).
import { regularizedIncompleteBeta } from './incomplete-beta.ts';

export { regularizedIncompleteBeta } from './incomplete-beta.ts';

/** A sample: a plain array, or a typed one from the engine's columnar steps. */
export type Numbers = readonly number[] | Float64Array;

/**
 * Arithmetic mean: sum(x_i) / n; null when empty.
 *
 * Example: mean([1, 2, 3, 6]) = 12 / 4 = 3.
 */
export function mean(xs: Numbers): number | null {
  if (xs.length === 0) return null;
  return meanOf(xs);
}

/** mean() for callers that have already checked xs is not empty. */
function meanOf(xs: Numbers): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i] as number;
  return sum / xs.length;
}

/**
 * Quantile by linear interpolation (type 7, the numpy and pandas default) of
 * values already sorted ascending: h = (n - 1) * p, lo = floor(h),
 * q = x[lo] + (h - lo) * (x[lo + 1] - x[lo]); null when empty. p in [0, 1].
 *
 * Example: quantile([1, 2, 3, 4], 0.25): h = 0.75, q = 1 + 0.75 * (2 - 1) = 1.75.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.min(Math.max(Math.floor(h), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  const t = h - lo;
  // numpy's _lerp: interpolate from the nearer end, so t = 1 gives b exactly.
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * Median of values sorted ascending: quantile(sorted, 0.5); null when empty.
 *
 * Example: median([1, 2, 3, 10]) = 2 + 0.5 * (3 - 2) = 2.5.
 */
export function median(sorted: Numbers): number | null {
  return quantile(sorted, 0.5);
}

/**
 * Sample standard deviation: sqrt(sum((x_i - mean)^2) / (n - 1)), two-pass;
 * null when n < 2.
 *
 * Example: sampleStd([2, 4, 4, 4, 5, 5, 7, 9]): mean 5, squares sum 32,
 * sqrt(32 / 7) = 2.138089935299395.
 */
export function sampleStd(xs: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const m = meanOf(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (n - 1));
}

function isConstant(xs: Numbers): boolean {
  // scipy's test: (x == x[0]).all(). A computed variance of a constant sample
  // need not be exactly 0 (the mean of [0.1, 0.1, 0.1] is not exactly 0.1).
  const first = xs[0];
  for (let i = 1; i < xs.length; i++) if (xs[i] !== first) return false;
  return true;
}

function checkPaired(xs: Numbers, ys: Numbers): void {
  if (xs.length !== ys.length) {
    throw new RangeError(`paired samples differ in length: ${xs.length} and ${ys.length}`);
  }
}

/**
 * Pearson's r = sum(dx_i * dy_i) / sqrt(sum(dx_i^2) * sum(dy_i^2)) with
 * dx = x - mean(x), dy = y - mean(y), clipped to [-1, 1]; null when n < 2 or
 * either side is constant (scipy returns NaN there). xs and ys are paired.
 *
 * Example: pearson([1, 2, 3, 4], [2, 1, 4, 3]) = 3 / sqrt(5 * 5) = 0.6.
 */
export function pearson(xs: Numbers, ys: Numbers): number | null {
  checkPaired(xs, ys);
  const n = xs.length;
  if (n < 2 || isConstant(xs) || isConstant(ys)) return null;
  centredSums(xs, ys, meanOf(xs), meanOf(ys));
  const sxx = sums[0]!;
  const syy = sums[1]!;
  const sxy = sums[2]!;
  // One square root of the product is exact more often (sqrt(2 * 2) = 2, while
  // sqrt(2) * sqrt(2) is not); two roots only if the product over/underflows.
  const product = sxx * syy;
  const norm =
    Number.isFinite(product) && product > 0 ? Math.sqrt(product) : Math.sqrt(sxx) * Math.sqrt(syy);
  const r = sxy / norm;
  return Math.min(1, Math.max(-1, r));
}

/** sum(dx^2), sum(dy^2), sum(dx * dy) of pearson(), dx = x - mx, dy = y - my. */
const sums = new Float64Array(3);

// The loop over 100,000 pairs sits in a function of its own: V8 compiles a
// long loop while it runs, and code after the loop that had not run yet then
// threw the compiled pearson() back to the interpreter on every call.
function centredSums(xs: Numbers, ys: Numbers, mx: number, my: number): void {
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  sums[0] = sxx;
  sums[1] = syy;
  sums[2] = sxy;
}

/**
 * Average ranks, 1-based, in input order: equal values share the mean of the
 * positions they occupy in ascending order (scipy.stats.rankdata 'average').
 *
 * Example: averageRanks([10, 20, 20, 5]) = [2, 3.5, 3.5, 1].
 */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((i, j) => (xs[i] as number) - (xs[j] as number));
  const ranks = new Array<number>(xs.length).fill(0);
  let start = 0;
  while (start < order.length) {
    const value = xs[order[start] as number];
    let end = start + 1;
    while (end < order.length && xs[order[end] as number] === value) end++;
    // Positions start+1 .. end share their mean, (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rho = pearson(averageRanks(xs), averageRanks(ys)); null when
 * n < 2 or either side is constant.
 *
 * Example: spearman([1, 2, 3, 4], [10, 30, 20, 40]) = pearson([1,2,3,4], [1,3,2,4]) = 0.8.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  checkPaired(xs, ys);
  return pearson(averageRanks(xs), averageRanks(ys));
}

/**
 * Two-sided p-value of Pearson's r for n pairs, as scipy.stats.pearsonr:
 * p = I_x((n - 2) / 2, 1 / 2) with x = (n - 2) / (n - 2 + t^2),
 * t = r * sqrt((n - 2) / (1 - r^2)). Since x simplifies to 1 - r^2 it is
 * computed as (1 - |r|)(1 + |r|), which keeps its digits when |r| is near 1.
 * 0 when |r| = 1; null when r is null or n < 3.
 *
 * Example: pearsonPValue(0.5, 10) = 0.14111328125 (t = 1.633 on 8 df).
 */
export function pearsonPValue(r: number | null, n: number): number | null {
  if (r === null || n < 3) return null;
  const a = Math.abs(r);
  if (a >= 1) return 0;
  return regularizedIncompleteBeta((1 - a) * (1 + a), (n - 2) / 2, 0.5);
}

/**
 * Least-squares slope of y on x: sum(dx_i * dy_i) / sum(dx_i^2), two-pass;
 * null when fewer than 2 points or xs constant. xs and ys are paired.
 *
 * Example: leastSquaresSlope([0, 1, 2], [1, 3, 4]): dx = [-1, 0, 1],
 * dy = [-5/3, 1/3, 4/3], slope = (5/3 + 4/3) / 2 = 1.5.
 */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): number | null {
  checkPaired(xs, ys);
  const n = xs.length;
  if (n < 2 || isConstant(xs)) return null;
  const mx = meanOf(xs);
  const my = meanOf(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - my);
  }
  return sxy / sxx;
}
