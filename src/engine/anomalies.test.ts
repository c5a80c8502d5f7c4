import { describe, expect, it } from 'vitest';
import type { Employee, Indicator, IndicatorResult, Policy, Source, ValueRow } from './types.ts';
import type { ScoredCycle, ScoredEmployee } from './scored-types.ts';
import { detectAnomalies } from './anomalies.ts';
import { indexCycleRows } from './score-cycle.ts';
import { ValueTable } from './value-table.ts';

const INDICATORS: Indicator[] = [
  { id: 'sales', name: 'Sales', kind: 'quantitative', direction: 'higher', unit: null, goal: 'g1', cap: 1.2 },
  { id: 'care', name: 'Care', kind: 'qualitative', unit: null, goal: 'g1' },
];

const POLICY: Policy = {
  name: 'test',
  ratingMax: 5,
  ratingScores: [40, 70, 100, 110, 120],
  goals: [{ id: 'g1', name: 'Grow' }],
  indicators: INDICATORS,
  assignments: [{ department: 'd1', indicators: [{ id: 'sales', weight: 100 }] }],
  grading: { mode: 'bands', bands: [{ grade: 'A', min: 0 }] },
  cleaning: { robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 },
  raises: { rates: {}, budget: null },
  results: { promotionTopShare: 0.2, promotionGrades: ['A'], developmentBottomShare: 0.1 },
};

function row(employeeId: string, actual: number | null, extra: Partial<ValueRow> = {}): ValueRow {
  return { cycle: '2026', employeeId, indicatorId: 'sales', source: 'system', target: 100, actual, rating: null, sourceRef: null, ...extra };
}

/** A hand-built scored cycle: first row per (employee, indicator, source) counts, manager > system > self. */
function scoredCycle(
  employees: { id: string; dept: string; indicators?: string[] }[],
  cycleRows: ValueRow[],
): ScoredCycle {
  const people = employees.map(({ id, dept }): Employee => ({ id, name: id, departmentId: dept, managerId: null, role: 'employee', salary: null }));
  const table = ValueTable.from(cycleRows);
  const rows = indexCycleRows({ employees: people }, INDICATORS.map((i) => i.id), table);
  const scored: ScoredEmployee[] = employees.map(({ id, indicators = ['sales'] }, k) => ({
    employee: people[k]!,
    score: 0,
    assignment: indicators.map((i) => ({ id: i, weight: 100 / indicators.length })),
    indicators: indicators.map((i): IndicatorResult => {
      const by = rows.get(id, i);
      const counted = by?.manager ?? by?.system ?? by?.self;
      return {
        indicatorId: i,
        weight: 100 / indicators.length,
        source: (counted?.source ?? null) as Source | null,
        target: counted?.target ?? null,
        actual: counted?.actual ?? null,
        rating: counted?.rating ?? null,
        completion: 0,
        score: 0,
      };
    }),
  }));
  return {
    cycle: '2026',
    policy: POLICY,
    indicatorById: new Map(INDICATORS.map((i) => [i.id, i])),
    employees: scored,
    rows,
    duplicates: rows.duplicates,
    cycleRows: table,
  };
}

const five = (values: number[], dept = 'd1') => values.map((_, k) => ({ id: `e${k + 1}`, dept }));
const rowsOf = (values: number[]) => values.map((v, k) => row(`e${k + 1}`, v, { sourceRef: `r${k + 1}` }));

describe('outliers', () => {
  it('falls back to the mean absolute deviation when MAD = 0', () => {
    // [10, 10, 10, 10, 50]: m = 10, |x - m| = [0, 0, 0, 0, 40], MAD = 0,
    // mean|x - m| = 40 / 5 = 8, z(50) = 40 / (1.253314 * 8) = 3.98942... > 3.5; z(10) = 0.
    const values = [10, 10, 10, 10, 50];
    const { anomalies } = detectAnomalies(scoredCycle(five(values), rowsOf(values)));
    expect(anomalies).toHaveLength(1);
    const [a] = anomalies;
    expect(a).toMatchObject({ kind: 'outlier', employeeId: 'e5', indicatorId: 'sales', value: 50, expected: 10, sourceRef: 'r5' });
    expect(a!.robustZ).toBeCloseTo(40 / (1.253314 * 8), 12);
    expect(a!.robustZ).toBeCloseTo(3.98942, 5);
  });

  it('uses the modified z with a non-zero MAD', () => {
    // [8, 9, 10, 11, 12, 40]: m = (10 + 11) / 2 = 10.5, |x - m| = [2.5, 1.5, 0.5, 0.5, 1.5, 29.5],
    // sorted [0.5, 0.5, 1.5, 1.5, 2.5, 29.5] -> MAD = 1.5; z(40) = 0.6745 * 29.5 / 1.5 = 13.265;
    // z(8) = 0.6745 * -2.5 / 1.5 = -1.124 (not flagged).
    const values = [8, 9, 10, 11, 12, 40];
    const { anomalies } = detectAnomalies(scoredCycle(five(values), rowsOf(values)));
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({ kind: 'outlier', employeeId: 'e6', value: 40, expected: 10.5 });
    expect(anomalies[0]!.robustZ).toBeCloseTo((0.6745 * 29.5) / 1.5, 12);
  });

  it('flags low outliers with a negative z, per department', () => {
    // d1: [100, 100, 100, 100, 0]: m = 100, MAD = 0, mean|x - m| = 100 / 5 = 20, z(0) = -100 / 25.06628 = -3.989.
    // d2 holds a wild value but only 2 people (< minPeers = 5): never tested.
    const emps = [...five([1, 1, 1, 1, 1]), { id: 'f1', dept: 'd2' }, { id: 'f2', dept: 'd2' }];
    const rows = [...rowsOf([100, 100, 100, 100, 0]), row('f1', 1), row('f2', 1000)];
    const { anomalies } = detectAnomalies(scoredCycle(emps, rows));
    expect(anomalies.map((a) => [a.kind, a.employeeId])).toEqual([['outlier', 'e5']]);
    expect(anomalies[0]!.robustZ).toBeCloseTo(-100 / (1.253314 * 20), 12);
  });

  it('tests nothing below minPeers, and gives z = 0 when every value is equal', () => {
    // 4 people: below minPeers = 5 even with an extreme value.
    const four = [10, 10, 10, 1000];
    expect(detectAnomalies(scoredCycle(five(four), rowsOf(four))).anomalies).toEqual([]);
    // 5 equal values: MAD = 0 and mean|x - m| = 0 -> z = 0 for all.
    const same = [7, 7, 7, 7, 7];
    expect(detectAnomalies(scoredCycle(five(same), rowsOf(same))).anomalies).toEqual([]);
  });

  it('leaves missing values out of the peer count', () => {
    // 5 people, one missing: 4 scored actuals < minPeers -> no outlier, one missing anomaly.
    const rows = rowsOf([10, 10, 10, 500]);
    const { anomalies } = detectAnomalies(scoredCycle(five([0, 0, 0, 0, 0]), rows));
    expect(anomalies.map((a) => [a.kind, a.employeeId])).toEqual([['missing', 'e5']]);
  });
});

describe('mismatches', () => {
  const pair = (id: string, self: number, system: number): ValueRow[] => [
    row(id, system, { sourceRef: `sys-${id}` }),
    row(id, self, { source: 'self', sourceRef: `self-${id}` }),
  ];
  const emps = [{ id: 'a', dept: 'd1' }, { id: 'b', dept: 'd1' }, { id: 'c', dept: 'd1' }, { id: 'd', dept: 'd1' }];

  it('flags strictly above the tolerance and counts pairs per indicator', () => {
    // a: |102 - 100| / 100 = 0.02 -> not > 0.02; b: |102.5 - 100| / 100 = 0.025 -> flagged;
    // c: system 0, self 5: 5 / max(0, 1e-9) = 5e9 -> flagged; d: 0 vs 0 -> 0, not flagged.
    const rows = [...pair('a', 102, 100), ...pair('b', 102.5, 100), ...pair('c', 5, 0), ...pair('d', 0, 0)];
    const { anomalies, mismatch } = detectAnomalies(scoredCycle(emps, rows));
    expect(anomalies).toEqual([
      { kind: 'mismatch', employeeId: 'b', indicatorId: 'sales', value: 102.5, expected: 100, robustZ: null, sourceRef: 'sys-b' },
      { kind: 'mismatch', employeeId: 'c', indicatorId: 'sales', value: 5, expected: 0, robustZ: null, sourceRef: 'sys-c' },
    ]);
    expect(mismatch).toEqual(new Map([['sales', { pairs: 4, mismatches: 2 }]]));
  });

  it("falls back to the self row's sourceRef, and ignores pairs with a null actual", () => {
    const rows = [
      row('a', 100),
      row('a', 150, { source: 'self', sourceRef: 'S1' }),
      row('b', null),
      row('b', 150, { source: 'self' }),
    ];
    const { anomalies, mismatch } = detectAnomalies(scoredCycle(emps.slice(0, 2), rows));
    expect(anomalies).toEqual([
      { kind: 'mismatch', employeeId: 'a', indicatorId: 'sales', value: 150, expected: 100, robustZ: null, sourceRef: 'S1' },
    ]);
    expect(mismatch.get('sales')).toEqual({ pairs: 1, mismatches: 1 });
  });
});

describe('missing', () => {
  it('reports every assigned indicator with no counted row, qualitative too', () => {
    const emps = [{ id: 'a', dept: 'd1', indicators: ['sales', 'care'] }];
    const { anomalies } = detectAnomalies(scoredCycle(emps, []));
    expect(anomalies).toEqual([
      { kind: 'missing', employeeId: 'a', indicatorId: 'care', value: null, expected: null, robustZ: null, sourceRef: null },
      { kind: 'missing', employeeId: 'a', indicatorId: 'sales', value: null, expected: null, robustZ: null, sourceRef: null },
    ]);
  });
});

describe('duplicates', () => {
  it('reports a repeated key against the first row, which counts', () => {
    const rows = [row('a', 100, { sourceRef: 'X1' }), row('a', 120, { sourceRef: 'X2' })];
    const { anomalies } = detectAnomalies(scoredCycle([{ id: 'a', dept: 'd1' }], rows));
    expect(anomalies).toEqual([
      { kind: 'duplicate', employeeId: 'a', indicatorId: 'sales', value: 120, expected: 100, robustZ: null, sourceRef: 'X2' },
    ]);
  });

  it('uses the rating when a repeated row has no actual', () => {
    const rows = [
      { ...row('a', null), indicatorId: 'care', source: 'manager' as const, rating: 3 },
      { ...row('a', null), indicatorId: 'care', source: 'manager' as const, rating: 5 },
    ];
    const { anomalies } = detectAnomalies(scoredCycle([{ id: 'a', dept: 'd1', indicators: ['care'] }], rows));
    expect(anomalies).toEqual([
      { kind: 'duplicate', employeeId: 'a', indicatorId: 'care', value: 5, expected: 3, robustZ: null, sourceRef: null },
    ]);
  });

  it('reports one source_ref credited to two people, once per person', () => {
    // C-7 counted for a (system and self) and for b; C-8 only for a (two sources, one person: fine);
    // an empty ref is no ref.
    const rows = [
      row('a', 100, { sourceRef: 'C-7' }),
      row('a', 101, { source: 'self', sourceRef: 'C-7' }),
      row('b', 90, { sourceRef: 'C-7' }),
      row('a', 5, { indicatorId: 'other', sourceRef: 'C-8' }),
      row('a', 6, { indicatorId: 'other', source: 'self', sourceRef: 'C-8' }),
      row('c', 50, { sourceRef: '' }),
      row('d', 50, { sourceRef: '' }),
    ];
    const emps = ['a', 'b', 'c', 'd'].map((id) => ({ id, dept: 'd1' }));
    const dups = detectAnomalies(scoredCycle(emps, rows)).anomalies.filter((a) => a.kind === 'duplicate');
    expect(dups).toEqual([
      { kind: 'duplicate', employeeId: 'a', indicatorId: 'sales', value: 100, expected: null, robustZ: null, sourceRef: 'C-7' },
      { kind: 'duplicate', employeeId: 'b', indicatorId: 'sales', value: 90, expected: null, robustZ: null, sourceRef: 'C-7' },
    ]);
  });
});

describe('order', () => {
  it('sorts by kind, employee, indicator, then sourceRef with null first', () => {
    const rows = [
      row('b', 100, { sourceRef: 'Z' }),
      row('b', 100, { sourceRef: 'Z' }), // repeated key, ref Z
      row('b', 100), // repeated key, ref null
      row('a', 100, { sourceRef: 'Z' }), // Z shared with b
      row('a', 100, { source: 'self' }),
      row('a', 200, { source: 'self' }), // repeated self key
    ];
    const emps = [{ id: 'b', dept: 'd1' }, { id: 'a', dept: 'd1', indicators: ['sales', 'care'] }];
    const { anomalies } = detectAnomalies(scoredCycle(emps, rows));
    expect(anomalies.map((a) => [a.kind, a.employeeId, a.indicatorId, a.sourceRef])).toEqual([
      ['duplicate', 'a', 'sales', null],
      ['duplicate', 'a', 'sales', 'Z'],
      ['duplicate', 'b', 'sales', null],
      ['duplicate', 'b', 'sales', 'Z'],
      ['duplicate', 'b', 'sales', 'Z'],
      ['missing', 'a', 'care', null],
    ]);
  });
});
