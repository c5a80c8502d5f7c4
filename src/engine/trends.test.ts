import { describe, it, expect } from 'vitest';
import type { Indicator, IndicatorResult, Policy, TrendPoint } from './types.ts';
import type { ScoredCycle, ScoredEmployee } from './scored-types.ts';
import { indexCycleRows } from './score-cycle.ts';
import { ValueTable } from './value-table.ts';
import { buildTrends, trendPoints } from './trends.ts';

// ---- minimal hand-made fixtures

const quant = (id: string): Indicator => ({ id, name: id, kind: 'quantitative', direction: 'higher', unit: null, goal: null, cap: 1.2 });
const qual = (id: string): Indicator => ({ id, name: id, kind: 'qualitative', unit: null, goal: null });

/** A quantitative result from target and actual; actual null -> missing. */
function q(indicatorId: string, target: number, actual: number | null, completion: number): IndicatorResult {
  const missing = actual === null;
  return {
    indicatorId, weight: 50, source: missing ? null : 'system', target: missing ? null : target,
    actual, rating: null, completion, score: 100 * completion,
  };
}

const rated = (indicatorId: string): IndicatorResult =>
  ({ indicatorId, weight: 50, source: 'manager', target: null, actual: null, rating: 3, completion: null, score: 100 });

function emp(id: string, indicators: IndicatorResult[]): ScoredEmployee {
  return {
    employee: { id, name: id, departmentId: 'D1', managerId: null, role: 'employee', salary: null },
    score: 0,
    assignment: indicators.map((i) => ({ id: i.indicatorId, weight: i.weight })),
    indicators,
  };
}

function cycle(name: string, indicators: Indicator[], employees: ScoredEmployee[]): ScoredCycle {
  const policy: Policy = {
    name: 'test', ratingMax: 5, ratingScores: [40, 70, 100, 110, 120], goals: [], indicators, assignments: [],
    grading: { mode: 'bands', bands: [] },
    cleaning: { robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 },
    raises: { rates: {}, budget: null },
    results: { promotionTopShare: 0.2, promotionGrades: [], developmentBottomShare: 0.1 },
  };
  return {
    cycle: name, policy, indicatorById: new Map(indicators.map((i) => [i.id, i])),
    employees, rows: indexCycleRows({ employees: [] }, [], []), duplicates: [], cycleRows: new ValueTable(),
  };
}

describe('trendPoints', () => {
  const scored = cycle('2026', [quant('sales'), quant('cost'), qual('attitude'), quant('gone')], [
    emp('e1', [q('sales', 100, 120, 1.2), q('cost', 100, 90, 100 / 90), rated('attitude')]),
    emp('e2', [q('sales', 100, 80, 0.8), q('gone', 10, null, 0)]),
    emp('e3', [q('sales', 100, null, 0), rated('attitude')]),
  ]);
  const points = trendPoints(scored);

  it('has one point per assigned quantitative indicator', () => {
    expect([...points.keys()].sort()).toEqual(['cost', 'gone', 'sales']);
  });

  it('averages completion over everyone assigned and actuals over the scored ones', () => {
    const sales = points.get('sales');
    expect(sales?.cycle).toBe('2026');
    // (1.2 + 0.8 + 0) / 3 = 2/3; met: 1.2 only -> 1/3
    expect(sales?.meanCompletion).toBeCloseTo(2 / 3, 14);
    expect(sales?.metTargetRate).toBeCloseTo(1 / 3, 14);
    // e3 missing is left out: (120 + 80) / 2 = 100
    expect(sales?.meanActual).toBe(100);
    expect(points.get('cost')).toEqual({ cycle: '2026', meanCompletion: 100 / 90, metTargetRate: 1, meanActual: 90 });
  });

  it('has a null mean actual when every value is missing', () => {
    expect(points.get('gone')).toEqual({ cycle: '2026', meanCompletion: 0, metTargetRate: 0, meanActual: null });
  });
});

const pt = (cycle: string, meanCompletion: number | null, meanActual: number | null = null): TrendPoint =>
  ({ cycle, meanCompletion, metTargetRate: meanCompletion === null ? null : 0.5, meanActual });

describe('buildTrends', () => {
  const cycles = [
    { cycle: '2024', points: new Map([['sales', pt('2024', 0.9, 10)], ['cost', pt('2024', 1)], ['calls', pt('2024', 0.5)]]) },
    { cycle: '2025', points: new Map([['sales', pt('2025', 0.8, 11)], ['nps', pt('2025', 0.7)], ['calls', pt('2025', null)]]) },
    { cycle: '2026', points: new Map([['sales', pt('2026', 0.6, 12)], ['cost', pt('2026', 0.8)], ['calls', pt('2026', 0.7)]]) },
  ];
  const trends = buildTrends(cycles);
  const trend = (id: string) => trends.find((t) => t.indicatorId === id);

  it('has one trend per indicator of any cycle, by indicatorId', () => {
    expect(trends.map((t) => t.indicatorId)).toEqual(['calls', 'cost', 'nps', 'sales']);
  });

  it('fits the slope of meanCompletion over the cycle index', () => {
    // x = 0 1 2, y = 0.9 0.8 0.6: means 1 and 2.3/3; sxy = (-1)(0.9 - 0.7667) + (1)(0.6 - 0.7667) = -0.3
    // sxx = 2 -> slope -0.15
    expect(trend('sales')?.slope).toBeCloseTo(-0.15, 14);
    expect(trend('sales')?.cycles).toEqual([pt('2024', 0.9, 10), pt('2025', 0.8, 11), pt('2026', 0.6, 12)]);
  });

  it('lists every cycle, with nulls where the indicator is absent, and fits over the present ones', () => {
    // cost at index 0 and 2 only: (0, 1), (2, 0.8) -> slope (0.8 - 1) / 2 = -0.1
    expect(trend('cost')?.slope).toBeCloseTo(-0.1, 14);
    expect(trend('cost')?.cycles).toEqual([
      pt('2024', 1),
      { cycle: '2025', meanCompletion: null, metTargetRate: null, meanActual: null },
      pt('2026', 0.8),
    ]);
    // calls has a null meanCompletion at index 1: (0, 0.5), (2, 0.7) -> slope 0.1
    expect(trend('calls')?.slope).toBeCloseTo(0.1, 14);
  });

  it('has no slope with fewer than two points', () => {
    expect(trend('nps')?.slope).toBeNull();
    expect(trend('nps')?.cycles.map((c) => c.meanCompletion)).toEqual([null, 0.7, null]);
  });

  it('keeps the given cycle order, whatever the labels', () => {
    const reversed = buildTrends(cycles.slice(0, 2).reverse());
    const sales = reversed.find((t) => t.indicatorId === 'sales');
    expect(sales?.cycles.map((c) => c.cycle)).toEqual(['2025', '2024']);
    // (0, 0.8), (1, 0.9) -> +0.1
    expect(sales?.slope).toBeCloseTo(0.1, 14);
    expect(buildTrends([])).toEqual([]);
  });
});
