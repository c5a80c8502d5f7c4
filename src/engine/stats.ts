// Descriptive statistics, correlation and the p-value of Pearson's r.
// Where ENGINE.md is silent these follow numpy/scipy defaults, so results agree
// with a pandas/scipy reference to 1e-9 (mostly to a few ulps).

/**
 * Arithmetic mean: sum(x_i) / n; null when empty.
 *
 * Example: mean([1, 2, 3, 6]) = 12 / 4 = 3.
 */
export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** mean() for callers that have already checked xs is not empty. */
function meanOf(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
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
export function median(sorted: readonly number[]): number | null {
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

function isConstant(xs: readonly number[]): boolean {
  // scipy's test: (x == x[0]).all(). A computed variance of a constant sample
  // need not be exactly 0 (the mean of [0.1, 0.1, 0.1] is not exactly 0.1).
  const first = xs[0];
  return xs.every((x) => x === first);
}

function checkPaired(xs: readonly number[], ys: readonly number[]): void {
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
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  checkPaired(xs, ys);
  const n = xs.length;
  if (n < 2 || isConstant(xs) || isConstant(ys)) return null;
  const mx = meanOf(xs);
  const my = meanOf(ys);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // One square root of the product is exact more often (sqrt(2 * 2) = 2, while
  // sqrt(2) * sqrt(2) is not); two roots only if the product over/underflows.
  const product = sxx * syy;
  const norm =
    Number.isFinite(product) && product > 0 ? Math.sqrt(product) : Math.sqrt(sxx) * Math.sqrt(syy);
  const r = sxy / norm;
  return Math.min(1, Math.max(-1, r));
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

// Lanczos approximation of ln(Gamma(x)) for x > 0 (Numerical Recipes, 3rd ed.,
// gammln: g = 671/128, 14 terms); absolute error ~1e-15 near 1, relative
// ~2e-16 for large x.
const LANCZOS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
  0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4,
  0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3,
  -0.16431810653676389e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5,
];

function lnGamma(x: number): number {
  let tmp = x + 5.2421875;
  tmp = (x + 0.5) * Math.log(tmp) - tmp;
  let ser = 0.999999999999997092;
  let y = x;
  for (const c of LANCZOS) ser += c / ++y;
  return tmp + Math.log((2.5066282746310005 * ser) / x);
}

const STIRLING_MIN = 10;
const HALF_LN_2PI = 0.9189385332046728;

/**
 * Stirling's remainder delta(x) = lnGamma(x) - ((x - 0.5) ln x - x + ln(2 pi) / 2)
 * = 1/(12x) - 1/(360x^3) + 1/(1260x^5) - ..., to double precision for x >= 10.
 */
function stirlingDelta(x: number): number {
  const z = 1 / (x * x);
  const series =
    1 / 12 - z * (1 / 360 - z * (1 / 1260 - z * (1 / 1680 - z * (1 / 1188 - z * (691 / 360360 - z / 156)))));
  return series / x;
}

/**
 * ln B(a, b). For a large argument the difference lnGamma(q) - lnGamma(p + q)
 * of two huge, nearly equal numbers would lose digits (1e-11 at q = 5000), so
 * it is taken in closed form from Stirling's series instead.
 */
function lnBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (q < STIRLING_MIN) return lnGamma(p) + lnGamma(q) - lnGamma(p + q);
  const corr = stirlingDelta(q) - stirlingDelta(p + q);
  if (p < STIRLING_MIN) {
    // lnGamma(q) - lnGamma(p + q) = -(q - 1/2) ln(1 + p/q) - p ln(p + q) + p + corr
    return lnGamma(p) - (q - 0.5) * Math.log1p(p / q) - p * Math.log(p + q) + p + corr;
  }
  return (
    HALF_LN_2PI - 0.5 * Math.log(q) + (p - 0.5) * Math.log(p / (p + q)) +
    q * Math.log1p(-p / (p + q)) + stirlingDelta(p) + corr
  );
}

const CF_EPS = 1e-16;
const CF_TINY = 1e-300;
const CF_MAX_ITER = 100_000;

/** Lentz's guard: a denominator that comes out 0 is replaced by a tiny number. */
function nonZero(v: number): number {
  return Math.abs(v) < CF_TINY ? CF_TINY : v;
}

/** The continued fraction of I_x(a, b) (NR 6.4.5), by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 / nonZero(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= CF_MAX_ITER; m++) {
    // Even step: d_2m = m (b - m) x / ((a + 2m - 1)(a + 2m)).
    let aa = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / nonZero(1 + aa * d);
    c = nonZero(1 + aa / c);
    h *= d * c;
    // Odd step: d_2m+1 = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    aa = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / nonZero(1 + aa * d);
    c = nonZero(1 + aa / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPS) break;
  }
  // Converges in O(sqrt(max(a, b))) steps; the cap is never reached for the
  // sample sizes of a company, and the last estimate is returned if it were.
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b) = B(x; a, b) / B(a, b), for x in
 * [0, 1] and a, b > 0: front factor x^a (1 - x)^b / (a B(a, b)) times the
 * continued fraction, evaluated where it converges fast (x < (a + 1) /
 * (a + b + 2)), else via I_x(a, b) = 1 - I_(1-x)(b, a). ln B(a, b) comes
 * from Lanczos, or Stirling's series for large arguments. Checked against
 * scipy.special.betainc: relative error ~1e-14, up to 2e-13 where
 * a ln x is in the hundreds (results below 1e-100); absolute error < 3e-14.
 *
 * Example: regularizedIncompleteBeta(0.3, 2, 3) = 6(.09)(.49) + 4(.027)(.7) + .0081 = 0.3483.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
    throw new RangeError(`incomplete beta needs 0 <= x <= 1 and a, b > 0; got x=${x}, a=${a}, b=${b}`);
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
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
