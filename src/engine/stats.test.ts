import { describe, it, expect } from 'vitest';
import {
  averageRanks,
  leastSquaresSlope,
  mean,
  median,
  pearson,
  pearsonPValue,
  quantile,
  regularizedIncompleteBeta,
  sampleStd,
  spearman,
} from './stats.ts';

/** |got - want| <= tol * max(|want|, tiny): a relative check that also works far below 1e-300... */
function expectRelative(got: number, want: number, tol: number): void {
  const scale = Math.max(Math.abs(want), Number.MIN_VALUE);
  expect(Math.abs(got - want) / scale).toBeLessThanOrEqual(tol);
}

describe('mean', () => {
  it('is sum / n', () => {
    // (1 + 2 + 3 + 6) / 4 = 12 / 4 = 3
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([-2.5])).toBe(-2.5);
  });
  it('is null when empty', () => {
    expect(mean([])).toBeNull();
  });
});

describe('quantile (type 7)', () => {
  it.each([
    // [sorted, p, expected, arithmetic with h = (n - 1) p]
    [[1, 2, 3, 4], 0.25, 1.75, 'h = 0.75: 1 + 0.75 * (2 - 1)'],
    [[1, 2, 3, 4], 0.5, 2.5, 'h = 1.5: 2 + 0.5 * (3 - 2)'],
    [[1, 2, 3, 4], 0.75, 3.25, 'h = 2.25: 3 + 0.25 * (4 - 3)'],
    [[1, 2, 3, 4], 0, 1, 'h = 0: the minimum'],
    [[1, 2, 3, 4], 1, 4, 'h = 3: the maximum'],
    [[10, 20, 30, 40, 50], 0.1, 14, 'h = 0.4: 10 + 0.4 * 10'],
    [[10, 20, 30, 40, 50], 0.9, 46, 'h = 3.6: 40 + 0.6 * 10 (numpy computes 50 - 0.4 * 10)'],
    [[0, 100], 0.75, 75, 'h = 0.75: 0 + 0.75 * 100'],
    [[7], 0.3, 7, 'one value: h = 0'],
    [[5, 5, 5], 0.25, 5, 'equal neighbours: no interpolation noise'],
  ])('quantile(%j, %d) = %d (%s)', (sorted, p, expected) => {
    expect(quantile(sorted, p)).toBeCloseTo(expected, 12);
  });
  it('is null when empty', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('median', () => {
  it('is the middle value or the mean of the two middle values', () => {
    expect(median([1, 3, 9])).toBe(3);
    // h = 1.5: 2 + 0.5 * (3 - 2) = 2.5
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('sampleStd', () => {
  it('divides by n - 1', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sqrt(32 / 7)
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    // mean 2; (1 + 1) / 1 = 2; sqrt(2)
    expect(sampleStd([1, 3])).toBeCloseTo(Math.SQRT2, 14);
    expect(sampleStd([3, 3, 3])).toBe(0);
  });
  it('is null when n < 2', () => {
    expect(sampleStd([])).toBeNull();
    expect(sampleStd([5])).toBeNull();
  });
  it('keeps its digits on a large offset (two-pass)', () => {
    // deviations from the mean 1e9 + 10 are -6, -3, 3, 6: (36 + 9 + 9 + 36) / 3 = 30.
    // A one-pass sum(x^2) - n mean^2 loses these digits at 1e18.
    expect(sampleStd([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(Math.sqrt(30));
  });
});

describe('pearson', () => {
  it('matches a hand-made 4-point set', () => {
    // x = [1,2,3,4], y = [2,1,4,3]; both means 2.5
    // dx = [-1.5,-0.5,0.5,1.5], dy = [-0.5,-1.5,1.5,0.5]
    // sum dx dy = 0.75 + 0.75 + 0.75 + 0.75 = 3; sum dx^2 = sum dy^2 = 5
    // r = 3 / sqrt(5 * 5) = 0.6
    expect(pearson([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 14);
  });
  it('matches scipy.stats.pearsonr on a 5-point set', () => {
    // dx = [-2,-1,0,1,2], dy = [-1,-2,1,0,2]: sum dx dy = 2+2+0+0+4 = 8,
    // sum dx^2 = sum dy^2 = 10, r = 0.8 (scipy 1.17.1 prints 0.8)
    expect(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 14);
  });
  it('is exactly +-1 on a line, and clipped there', () => {
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(pearson([0.1, 0.2, 0.3, 0.7], [0.3, 0.6, 0.9, 2.1])).toBeLessThanOrEqual(1);
    expect(pearson([0.1, 0.2, 0.3, 0.7], [0.3, 0.6, 0.9, 2.1])).toBeCloseTo(1, 14);
    // n = 2 is always a line
    expect(pearson([1, 2], [9, 5])).toBe(-1);
  });
  it('keeps its digits on a large offset', () => {
    expect(pearson([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12);
  });
  it('is null when either side is constant or n < 2', () => {
    // mean([0.1, 0.1, 0.1]) is not exactly 0.1 in floats; constancy is tested on the values
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([], [])).toBeNull();
  });
  it('rejects unpaired samples', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe('averageRanks', () => {
  it('gives ties the mean of their positions', () => {
    // sorted: 5 (1), 10 (2), 20 20 (3 and 4 -> 3.5)
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(averageRanks([7, 7, 7])).toEqual([2, 2, 2]);
    // 1 1 | 2 | 3 3 3: (1+2)/2 = 1.5, 3, (4+5+6)/3 = 5
    expect(averageRanks([3, 1, 3, 2, 1, 3])).toEqual([5, 1.5, 5, 3, 1.5, 5]);
    expect(averageRanks([])).toEqual([]);
  });
});

describe('spearman', () => {
  it('is Pearson on ranks, with ties', () => {
    // ranks x = [1, 2.5, 2.5, 4], ranks y = [1, 3, 2, 4], both means 2.5
    // dx = [-1.5,0,0,1.5], dy = [-1.5,0.5,-0.5,1.5]
    // sum dx dy = 2.25 + 2.25 = 4.5; sum dx^2 = 4.5; sum dy^2 = 5
    // rho = 4.5 / sqrt(4.5 * 5) = sqrt(0.9) = 0.94868... (scipy spearmanr agrees)
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(Math.sqrt(0.9), 14);
  });
  it('is 1 for any increasing relation', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toBeCloseTo(1, 14);
    // y ranks [1,3,2,4]: pearson([1,2,3,4],[1,3,2,4]) = 4 / 5 = 0.8
    expect(spearman([1, 2, 3, 4], [10, 30, 20, 40])).toBeCloseTo(0.8, 14);
  });
  it('is null when a side is constant', () => {
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});

/**
 * Two-sided p of Student's t with even df v, in terms of r (Abramowitz & Stegun
 * 26.7.3 with sin(theta) = |r|, cos^2(theta) = 1 - r^2):
 * p = 1 - |r| * sum_{k=0}^{v/2-1} c_k (1 - r^2)^k, c_0 = 1, c_k = c_{k-1} (2k - 1) / (2k).
 * An independent route to the same number, through no incomplete beta.
 */
function evenDfPValue(r: number, n: number): number {
  const v = n - 2;
  const z = 1 - r * r;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < v / 2; k++) {
    term *= (z * (2 * k - 1)) / (2 * k);
    sum += term;
  }
  return 1 - Math.abs(r) * sum;
}

describe('pearsonPValue', () => {
  it('r = 0.5, n = 10 gives 0.14111328125 (A&S 26.7.3, 8 df)', () => {
    // t = 0.5 * sqrt(8 / 0.75) = 1.633; z = 1 - r^2 = 0.75
    // 1 + z/2 + 3z^2/8 + 15z^3/48 = 1 + 0.375 + 0.2109375 + 0.1318359375 = 1.7177734375
    // p = 1 - 0.5 * 1.7177734375 = 0.14111328125 (scipy: 0.14111328125000006)
    expect(pearsonPValue(0.5, 10)).toBeCloseTo(0.14111328125, 14);
    expect(pearsonPValue(-0.5, 10)).toBeCloseTo(0.14111328125, 14);
  });
  it.each([
    // n = 4 (2 df): I_x(1, 1/2) = 1 - sqrt(1 - x) = 1 - |r|
    [0.3, 4, 0.7],
    // n = 3 (1 df): I_x(1/2, 1/2) = (2/pi) asin(sqrt x) = 1 - (2/pi) asin|r|; r = 0.5 -> 1 - 1/3
    [0.5, 3, 2 / 3],
    // n = 5 (3 df, A&S 26.7.3 odd): p = 1 - (2/pi)(theta + sin cos), theta = pi/6
    // = 2/3 - sqrt(3) / (2 pi) = 0.39100221895577... (scipy: 0.3910022189557705)
    [0.5, 5, 2 / 3 - Math.sqrt(3) / (2 * Math.PI)],
    // the scipy.stats.pearsonr p of the 5-point set above, r = 0.8
    [0.8, 5, 0.10408803866182782],
  ])('r = %d, n = %d -> %d', (r, n, p) => {
    expect(pearsonPValue(r, n)).toBeCloseTo(p, 14);
  });
  it.each([
    [0.1, 1002],
    [0.05, 502],
    [0.3, 50],
    [0.9, 20],
    [0.999, 12],
  ])('agrees with the even-df closed form: r = %d, n = %d', (r, n) => {
    // 0.1, 1002 -> 0.0015273578790529906 and 0.05, 502 -> 0.26349243108585874 in scipy
    expect(pearsonPValue(r, n)).toBeCloseTo(evenDfPValue(r, n), 14);
  });
  it('is 0 at |r| = 1, 1 at r = 0, null when r is null or n < 3', () => {
    expect(pearsonPValue(1, 10)).toBe(0);
    expect(pearsonPValue(-1, 10)).toBe(0);
    expect(pearsonPValue(0, 10)).toBe(1);
    expect(pearsonPValue(null, 10)).toBeNull();
    expect(pearsonPValue(0.5, 2)).toBeNull();
  });
});

/** P(Binomial(a + b - 1, x) >= a) = I_x(a, b) for whole a, b, summed in logs. */
function binomialTail(x: number, a: number, b: number): number {
  const m = a + b - 1;
  let sum = 0;
  for (let j = a; j <= m; j++) {
    let lnChoose = 0;
    for (let i = 1; i <= m - j; i++) lnChoose += Math.log((j + i) / i);
    sum += Math.exp(lnChoose + j * Math.log(x) + (m - j) * Math.log1p(-x));
  }
  return sum;
}

describe('regularizedIncompleteBeta', () => {
  it('I_0.3(2, 3) = 0.3483 by the binomial sum', () => {
    // P(Bin(4, 0.3) >= 2) = 6(0.09)(0.49) + 4(0.027)(0.7) + 0.0081 = 0.2646 + 0.0756 + 0.0081
    expect(regularizedIncompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 15);
  });
  it.each([
    // [x, a, b, closed form, name]
    [0.3, 2.5, 1, Math.pow(0.3, 2.5), 'I_x(a, 1) = x^a'],
    [0.8, 7, 1, Math.pow(0.8, 7), 'I_x(a, 1) = x^a, upper branch'],
    [0.3, 1, 4.5, 1 - Math.pow(0.7, 4.5), 'I_x(1, b) = 1 - (1 - x)^b'],
    [0.2, 0.5, 0.5, (2 / Math.PI) * Math.asin(Math.sqrt(0.2)), 'arcsine law'],
    [0.9, 0.5, 0.5, (2 / Math.PI) * Math.asin(Math.sqrt(0.9)), 'arcsine law, upper branch'],
  ])('I_%d(%d, %d) has a closed form', (x, a, b, want) => {
    expectRelative(regularizedIncompleteBeta(x, a, b), want, 1e-14);
  });
  it.each([
    [0.45, 40, 60],
    [0.5, 12, 12],
    [0.02, 3, 150],
    [0.9, 5000, 3],
    [0.35, 30, 70],
  ])('I_%d(%d, %d) matches the binomial tail to 1e-13 relative', (x, a, b) => {
    // scipy.special.betainc(40, 60, 0.45) = 0.8462247976813987;
    // betainc(5000, 3, 0.9) = 2.0477686336534362e-224
    expectRelative(regularizedIncompleteBeta(x, a, b), binomialTail(x, a, b), 1e-13);
  });
  it('is symmetric: I_x(a, b) = 1 - I_(1-x)(b, a)', () => {
    const left = regularizedIncompleteBeta(0.6, 3.3, 7.1);
    const right = 1 - regularizedIncompleteBeta(0.4, 7.1, 3.3);
    expect(left).toBeCloseTo(right, 14);
    // scipy.special.betainc(3.3, 7.1, 0.6) = 0.9696672972330169
    expect(left).toBeCloseTo(0.9696672972330169, 14);
  });
  it('is 0 at x = 0 and 1 at x = 1, and rejects bad arguments', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(Number.NaN, 2, 3)).toThrow(RangeError);
  });
});

describe('leastSquaresSlope', () => {
  it('matches a hand computation', () => {
    // mean x = 1, mean y = 8/3; dx = [-1, 0, 1], dy = [-5/3, 1/3, 4/3]
    // sum dx dy = 5/3 + 0 + 4/3 = 3; sum dx^2 = 2; slope = 1.5
    expect(leastSquaresSlope([0, 1, 2], [1, 3, 4])).toBeCloseTo(1.5, 14);
    expect(leastSquaresSlope([0, 1, 2, 3], [1, 3, 5, 7])).toBeCloseTo(2, 14);
    // the x values need not be evenly spaced: (0,0.9), (2,0.7) -> -0.1 per unit
    expect(leastSquaresSlope([0, 2], [0.9, 0.7])).toBeCloseTo(-0.1, 14);
  });
  it('is null with fewer than 2 points or constant x', () => {
    expect(leastSquaresSlope([1], [5])).toBeNull();
    expect(leastSquaresSlope([], [])).toBeNull();
    expect(leastSquaresSlope([2, 2, 2], [1, 2, 3])).toBeNull();
  });
  it('rejects unpaired samples', () => {
    expect(() => leastSquaresSlope([1, 2], [1])).toThrow(RangeError);
  });
});
