import { describe, it, expect } from 'vitest';
import type { Indicator, IndicatorResult, Policy, Source } from './types.ts';
import type { ScoredCycle, ScoredEmployee } from './scored-types.ts';
import { indexCycleRows } from './score-cycle.ts';
import { ValueTable } from './value-table.ts';
import {
  completionFigures,
  departmentIndicatorPoints,
  metTarget,
  summarizeIndicators,
} from './indicator-summary.ts';

// ---- minimal hand-made fixtures

const quant = (id: string): Indicator => ({ id, name: id, kind: 'quantitative', direction: 'higher', unit: null, goal: null, cap: 1.2 });
const qual = (id: string): Indicator => ({ id, name: id, kind: 'qualitative', unit: null, goal: null });

/** A quantitative result; completion null -> missing (source null, completion 0). */
function q(indicatorId: string, completion: number | null, source: Source = 'system'): IndicatorResult {
  const missing = completion === null;
  return {
    indicatorId,
    weight: 50,
    source: missing ? null : source,
    target: missing ? null : 100,
    actual: missing ? null : 100 * completion,
    rating: null,
    completion: completion ?? 0,
    score: 100 * (completion ?? 0),
  };
}

function rated(indicatorId: string, rating: number): IndicatorResult {
  return { indicatorId, weight: 50, source: 'manager', target: null, actual: null, rating, completion: null, score: 100 };
}

function emp(id: string, departmentId: string, indicators: IndicatorResult[]): ScoredEmployee {
  return {
    employee: { id, name: id, departmentId, managerId: null, role: 'employee', salary: null },
    score: 0,
    assignment: indicators.map((i) => ({ id: i.indicatorId, weight: i.weight })),
    indicators,
  };
}

function cycle(indicators: Indicator[], employees: ScoredEmployee[]): ScoredCycle {
  const policy: Policy = {
    name: 'test', ratingMax: 5, ratingScores: [40, 70, 100, 110, 120], goals: [], indicators, assignments: [],
    grading: { mode: 'bands', bands: [] },
    cleaning: { robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 },
    raises: { rates: {}, budget: null },
    results: { promotionTopShare: 0.2, promotionGrades: [], developmentBottomShare: 0.1 },
  };
  return {
    cycle: '2026', policy, indicatorById: new Map(indicators.map((i) => [i.id, i])),
    employees, rows: indexCycleRows({ employees: [] }, [], []), duplicates: [], cycleRows: new ValueTable(),
  };
}

// 0.3 against a target computed as 0.1 * 3: met on paper, 0.9999999999999998 in floats.
const NOISY_ONE = 0.3 / (0.1 * 3);

// sales: e1 D2 1.2 | e2 D1 1 | e3 D1 0.5 | e4 D2 missing | e5 D1 NOISY_ONE
// margin: e5 D1 0.8; cost is in the policy but assigned to nobody; attitude is qualitative.
const SCORED = cycle(
  [quant('sales'), quant('cost'), qual('attitude'), quant('margin')],
  [
    emp('e1', 'D2', [q('sales', 1.2), rated('attitude', 3)]),
    emp('e2', 'D1', [q('sales', 1)]),
    emp('e3', 'D1', [q('sales', 0.5)]),
    emp('e4', 'D2', [q('sales', null), rated('attitude', 4)]),
    emp('e5', 'D1', [q('sales', NOISY_ONE), q('margin', 0.8, 'self')]),
  ],
);

describe('metTarget', () => {
  it('accepts c >= 1 - 1e-9', () => {
    expect(NOISY_ONE).toBeLessThan(1);
    expect(metTarget(NOISY_ONE)).toBe(true);
    expect(metTarget(1 - 2e-9)).toBe(false);
    expect(metTarget(0.999)).toBe(false);
    expect(metTarget(1.2)).toBe(true);
  });
});

describe('completionFigures', () => {
  it('counts met targets and averages completion', () => {
    // met: 1.2 and 1 -> 2 / 4; mean (1.2 + 1 + 0.5 + 0) / 4 = 2.7 / 4 = 0.675
    const f = completionFigures([1.2, 1, 0.5, 0]);
    expect(f.n).toBe(4);
    expect(f.metTargetRate).toBe(0.5);
    expect(f.meanCompletion).toBeCloseTo(0.675, 14);
  });
  it('is null for no employees', () => {
    expect(completionFigures([])).toEqual({ n: 0, metTargetRate: null, meanCompletion: null });
  });
});

describe('summarizeIndicators', () => {
  const mismatch = new Map([
    ['sales', { pairs: 4, mismatches: 1 }],
    ['margin', { pairs: 0, mismatches: 0 }],
  ]);
  const summary = summarizeIndicators(SCORED, mismatch);

  it('lists assigned quantitative indicators only, by indicatorId', () => {
    // cost: assigned to nobody; attitude: qualitative
    expect(summary.map((s) => s.indicatorId)).toEqual(['margin', 'sales']);
  });

  it('computes the company figures, missing counting as 0 and not met', () => {
    const sales = summary.find((s) => s.indicatorId === 'sales');
    expect(sales?.n).toBe(5);
    // met: 1.2, 1, NOISY_ONE (within 1e-9); not met: 0.5, missing -> 3 / 5
    expect(sales?.metTargetRate).toBeCloseTo(0.6, 14);
    // (1.2 + 1 + 0.5 + 0 + 1) / 5 = 3.7 / 5 = 0.74
    expect(sales?.meanCompletion).toBeCloseTo(0.74, 14);
    // 1 / 4
    expect(sales?.mismatchRate).toBe(0.25);
  });

  it('splits by the employee department, sorted by departmentId', () => {
    const sales = summary.find((s) => s.indicatorId === 'sales');
    expect(sales?.byDepartment.map((d) => d.departmentId)).toEqual(['D1', 'D2']);
    const [d1, d2] = sales?.byDepartment ?? [];
    // D1: e2 1, e3 0.5, e5 ~1 -> met 2 / 3, mean 2.5 / 3
    expect(d1?.n).toBe(3);
    expect(d1?.metTargetRate).toBeCloseTo(2 / 3, 14);
    expect(d1?.meanCompletion).toBeCloseTo(2.5 / 3, 14);
    // D2: e1 1.2, e4 missing -> met 1 / 2, mean 1.2 / 2 = 0.6
    expect(d2).toEqual({ departmentId: 'D2', n: 2, metTargetRate: 0.5, meanCompletion: 0.6 });
  });

  it('gives a null mismatch rate without pairs', () => {
    expect(summary.find((s) => s.indicatorId === 'margin')).toEqual({
      indicatorId: 'margin',
      n: 1,
      metTargetRate: 0,
      meanCompletion: 0.8,
      mismatchRate: null, // pairs = 0
      byDepartment: [{ departmentId: 'D1', n: 1, metTargetRate: 0, meanCompletion: 0.8 }],
    });
    // not in the map at all: null too
    expect(summarizeIndicators(SCORED, new Map()).every((s) => s.mismatchRate === null)).toBe(true);
  });
});

describe('departmentIndicatorPoints', () => {
  it('gives the same figures per (department, indicator), with the cycle', () => {
    const points = departmentIndicatorPoints(SCORED);
    expect(points.map((p) => [p.departmentId, p.indicatorId])).toEqual([
      ['D1', 'margin'],
      ['D1', 'sales'],
      ['D2', 'sales'],
    ]);
    expect(points[2]).toEqual({ departmentId: 'D2', indicatorId: 'sales', cycle: '2026', n: 2, metTargetRate: 0.5, meanCompletion: 0.6 });
    expect(points[1]?.metTargetRate).toBeCloseTo(2 / 3, 14);
  });
});
