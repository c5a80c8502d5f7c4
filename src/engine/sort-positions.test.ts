import { describe, expect, it } from 'vitest';
import { sortPositions } from './sort-positions.ts';

const all = (n: number) => Int32Array.from({ length: n }, (_, k) => k);

describe('sortPositions', () => {
  it.each([
    { name: 'small numbers', values: [30, -1, 20], want: [1, 2, 0] },
    { name: 'ties keep the given order', values: [2, 1, 2, 1], want: [1, 3, 0, 2] },
    { name: 'negatives, fractions, -0 before 0', values: [0, -0.5, -0, -1e300, 1e-300, 120, -120], want: [3, 6, 1, 2, 0, 4, 5] },
    { name: 'infinities', values: [Infinity, -Infinity, 0], want: [1, 2, 0] },
    { name: 'nothing', values: [], want: [] },
  ])('$name', ({ values, want }) => {
    expect([...sortPositions(Float64Array.from(values), all(values.length))]).toEqual(want);
  });

  it.each([5000, 100_000])('sorts only the given positions, and agrees with a comparator sort on %i random doubles', (n) => {
    let seed = 1;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = Float64Array.from({ length: n }, () => (next() - 0.5) * 10 ** Math.floor(next() * 20 - 10));
    values[17] = values[42]!; // a tie
    const positions = all(values.length).filter((k) => k % 3 !== 0);
    const want = [...positions].sort((p, q) => values[p]! - values[q]! || p - q);
    expect([...sortPositions(values, positions)]).toEqual(want);
  });
});
