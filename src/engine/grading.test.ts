import { describe, expect, it } from 'vitest';
import { bandGrade, forcedGrades } from './grading.ts';
import { rankAndPercentile } from './ranking.ts';

const five = [
  { grade: 'S', share: 0.1 },
  { grade: 'A', share: 0.2 },
  { grade: 'B', share: 0.5 },
  { grade: 'C', share: 0.15 },
  { grade: 'D', share: 0.05 },
];
const people = (scores: number[]) => scores.map((score, i) => ({ employeeId: `e${String(i + 1).padStart(2, '0')}`, score }));

describe('forced grading', () => {
  it('cuts 10 people at 1, 3, 8, 10 (9.5 rounds half up), 10', () => {
    // b_S = round(10*0.1) = 1; b_A = round(10*0.3) = 3; b_B = round(10*0.8) = 8;
    // b_C = round(10*0.95) = round(9.5) = 10 (half up); b_D = n = 10.
    // So D gets nobody: the exact half at the C boundary went to C.
    const g = forcedGrades(people([100, 95, 90, 85, 80, 75, 70, 65, 60, 55]), five);
    expect([...g.values()].join('')).toBe('SAABBBBBCC');
  });
  it('rounds an exact half up at the first boundary', () => {
    // n = 5: b_S = round(0.5) = 1, b_A = round(1.5) = 2, b_B = round(4) = 4, b_C = round(4.75) = 5, b_D = 5.
    const g = forcedGrades(people([50, 40, 30, 20, 10]), five);
    expect([...g.values()].join('')).toBe('SABBC');
  });
  it('gives equal scores across a boundary the best grade of their group', () => {
    // n = 10, boundaries 1, 3, 8, 10. Positions 3 and 4 tie at 90 (A | B boundary):
    // by position e03 -> A, e04 -> B; the tie lifts e04 to A. Positions 8, 9 tie at 60: B and C -> both B.
    const g = forcedGrades(people([100, 95, 90, 90, 80, 75, 70, 60, 60, 50]), five);
    expect(Object.fromEntries(g)).toEqual({
      e01: 'S', e02: 'A', e03: 'A', e04: 'A', e05: 'B', e06: 'B', e07: 'B', e08: 'B', e09: 'B', e10: 'C',
    });
  });
  it('orders equal scores by employee id, and treats scores within 1e-9 as equal', () => {
    // e02 and e01 both ~90: e01 comes first by id; the 1e-10 difference does not count.
    const g = forcedGrades(
      [
        { employeeId: 'e02', score: 90 + 1e-10 },
        { employeeId: 'e01', score: 90 },
        { employeeId: 'e03', score: 10 },
      ],
      [
        { grade: 'A', share: 0.34 },
        { grade: 'B', share: 0.66 },
      ],
    );
    // n = 3: b_A = round(1.02) = 1 -> e01 (first by id) A, e02 B by position, lifted to A by the tie.
    expect(Object.fromEntries(g)).toEqual({ e01: 'A', e02: 'A', e03: 'B' });
  });
});

describe('band grading', () => {
  const bands = [
    { grade: 'S', min: 110 },
    { grade: 'A', min: 100 },
    { grade: 'B', min: 80 },
    { grade: 'C', min: 0 },
  ];
  it('takes the first band whose min the score reaches', () => {
    expect(bandGrade(110, bands)).toBe('S');
    expect(bandGrade(109.99, bands)).toBe('A');
    expect(bandGrade(110 - 1e-12, bands)).toBe('S'); // within 1e-9: equal
    expect(bandGrade(80, bands)).toBe('B');
    expect(bandGrade(-5, bands)).toBe('C'); // below every band: the lowest
  });
});

describe('rank and percentile', () => {
  it('shares the lowest rank number among equal scores (1, 2, 2, 4)', () => {
    const r = rankAndPercentile(people([90, 80, 80, 70]));
    expect([...['e01', 'e02', 'e03', 'e04']].map((id) => r.get(id)!.rank)).toEqual([1, 2, 2, 4]);
    // percentile = 100 * (below + 0.5 * equal) / n
    // 90: (3 + 0.5*1)/4 = 87.5; 80: (1 + 0.5*2)/4 = 50; 70: (0 + 0.5)/4 = 12.5
    expect(['e01', 'e02', 'e03', 'e04'].map((id) => r.get(id)!.percentile)).toEqual([87.5, 50, 50, 12.5]);
  });
  it('gives everybody 50 when all are equal', () => {
    const r = rankAndPercentile(people([5, 5, 5]));
    expect([...r.values()].map((x) => [x.rank, x.percentile])).toEqual([
      [1, 50],
      [1, 50],
      [1, 50],
    ]);
  });
});
