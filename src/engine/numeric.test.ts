import { describe, it, expect } from 'vitest';
import { EPS, roundHalfUp } from './numeric.ts';

describe('roundHalfUp', () => {
  it.each([
    // [x, expected, why]
    [0, 0, 'zero stays zero'],
    [0.4, 0, '0.4 + 0.5 = 0.9 -> floor 0'],
    [0.5, 1, 'exact half rounds up'],
    [1.4, 1, 'below half rounds down'],
    [2.5, 3, 'exact half rounds up, not to even'],
    [2.6, 3, 'above half rounds up'],
    [3, 3, 'integers stay'],
    [10 * (0.3 + 0.35), 7, '10 * (0.3 + 0.35) = 6.499999999999999 in floats; it means 6.5 -> 7'],
    [45 * (0.2 + 0.5), 32, '45 * 0.7 = 31.499999999999996 in floats; it means 31.5 -> 32'],
    [10 * (0.1 + 0.2 + 0.05), 4, '10 * 0.35000000000000003 = 3.5000000000000004 -> 4'],
    [3.5 - 1e-6, 3, 'a real shortfall of 1e-6 is not noise -> 3'],
  ])('roundHalfUp(%d) = %d (%s)', (x, expected) => {
    expect(roundHalfUp(x)).toBe(expected);
  });

  it('EPS is 1e-9', () => {
    expect(EPS).toBe(1e-9);
  });
});
