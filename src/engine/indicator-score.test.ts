import { describe, expect, it } from 'vitest';
import { completion, countedRow, scoreValue } from './indicator-score.ts';
import { policy, qual, quant, row } from './test-helpers.ts';

describe('completion', () => {
  it.each([
    // [direction, T, A, cap, expected, arithmetic]
    ['higher', 100, 80, 1.2, 0.8, '80 / 100'],
    ['higher', 100, 150, 1.2, 1.2, '150 / 100 = 1.5, clipped to the cap 1.2'],
    ['higher', 100, -20, 1.2, 0, '-20 / 100 = -0.2, clipped to 0'],
    ['higher', 200, 250, 1.5, 1.25, '250 / 200 = 1.25 under a cap of 1.5'],
    ['lower', 90, 120, 1.2, 0.75, '90 / 120'],
    ['lower', 90, 60, 1.2, 1.2, '90 / 60 = 1.5, clipped to 1.2'],
    ['lower', 90, 0, 1.2, 1.2, 'A = 0 -> c = cap'],
    ['lower', 90, 0, 1.5, 1.5, 'A = 0 -> c = cap (1.5)'],
  ] as const)('%s T=%d A=%d cap=%d -> %d (%s)', (direction, target, actual, cap, expected, _arithmetic) => {
    expect(completion(direction, target, actual, cap)).toBeCloseTo(expected, 12);
  });
});

describe('scoreValue', () => {
  const p = policy();
  it('scores a quantitative value as 100 * clipped completion', () => {
    // 93 / 120 = 0.775 -> 77.5
    expect(scoreValue(quant('sales'), row('e1', 'sales', { target: 120, actual: 93 }), p)).toEqual({ completion: 0.775, score: 77.5 });
  });
  it('scores lower-is-better with actual 0 at the cap', () => {
    expect(scoreValue(quant('defects', 'lower'), row('e1', 'defects', { target: 2, actual: 0 }), p)).toEqual({ completion: 1.2, score: 120 });
  });
  it('maps ratings through ratingScores', () => {
    // rating 2 -> ratingScores[1] = 70; rating 5 -> 120
    expect(scoreValue(qual('att'), row('e1', 'att', { rating: 2, source: 'manager' }), p)).toEqual({ completion: null, score: 70 });
    expect(scoreValue(qual('att'), row('e1', 'att', { rating: 5, source: 'manager' }), p).score).toBe(120);
    const custom = policy({ ratingMax: 3, ratingScores: [50, 100, 115] });
    expect(scoreValue(qual('att'), row('e1', 'att', { rating: 3 }), custom).score).toBe(115);
  });
  it('scores a missing value as 0 with completion 0 (null for qualitative)', () => {
    expect(scoreValue(quant('sales'), undefined, p)).toEqual({ completion: 0, score: 0 });
    expect(scoreValue(qual('att'), undefined, p)).toEqual({ completion: null, score: 0 });
  });
});

describe('countedRow', () => {
  const self = row('e', 'i', { source: 'self', actual: 1 });
  const system = row('e', 'i', { source: 'system', actual: 2 });
  const manager = row('e', 'i', { source: 'manager', actual: 3 });
  it('prefers manager, then system, then self', () => {
    expect(countedRow({ self, system, manager })).toBe(manager);
    expect(countedRow({ self, system })).toBe(system);
    expect(countedRow({ self })).toBe(self);
    expect(countedRow(undefined)).toBeUndefined();
  });
});
