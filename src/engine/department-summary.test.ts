import { describe, it, expect } from 'vitest';
import { summarizeDepartments } from './department-summary.ts';

const GRADES = ['A', 'B', 'C', 'D'];

describe('summarizeDepartments', () => {
  it('summarizes each department, by departmentId', () => {
    const rows = [
      { departmentId: 'D2', score: 55, grade: 'C' },
      { departmentId: 'D1', score: 90, grade: 'B' },
      { departmentId: 'D1', score: 70, grade: 'C' },
      { departmentId: 'D1', score: 100, grade: 'A' },
      { departmentId: 'D1', score: 80, grade: 'B' },
    ];
    expect(summarizeDepartments(rows, GRADES)).toEqual([
      {
        departmentId: 'D1',
        n: 4,
        // sorted 70 80 90 100: mean 340 / 4 = 85
        mean: 85,
        // h = 1.5: 80 + 0.5 * 10
        median: 85,
        // h = 0.75: 70 + 0.75 * 10
        p25: 77.5,
        // h = 2.25: 90 + 0.25 * 10
        p75: 92.5,
        // deviations -15 -5 5 15: (225 + 25 + 25 + 225) / 3 = 500 / 3
        std: Math.sqrt(500 / 3),
        min: 70,
        max: 100,
        gradeCounts: { A: 1, B: 2, C: 1, D: 0 },
      },
      {
        departmentId: 'D2',
        n: 1,
        mean: 55,
        median: 55,
        p25: 55,
        p75: 55,
        std: null, // n < 2
        min: 55,
        max: 55,
        gradeCounts: { A: 0, B: 0, C: 1, D: 0 },
      },
    ]);
  });

  it('sorts ids by plain string comparison, not locale', () => {
    const rows = ['b', 'D9', 'D10', 'A'].map((departmentId) => ({ departmentId, score: 1, grade: 'A' }));
    // code units: 'A' < 'D10' < 'D9' < 'b' (localeCompare would put 'b' second)
    expect(summarizeDepartments(rows, GRADES).map((d) => d.departmentId)).toEqual(['A', 'D10', 'D9', 'b']);
  });

  it('keeps gradeNames zeros and counts a grade outside them under its own name', () => {
    const [d] = summarizeDepartments([{ departmentId: 'D1', score: 50, grade: 'X' }], ['S', 'A']);
    expect(d?.gradeCounts).toEqual({ S: 0, A: 0, X: 1 });
  });

  it('returns nothing for no rows', () => {
    expect(summarizeDepartments([], GRADES)).toEqual([]);
  });
});
