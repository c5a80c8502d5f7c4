import { describe, it, expect } from 'vitest';
import type { Indicator, IndicatorResult, Policy } from './types.ts';
import type { ScoredCycle, ScoredEmployee } from './scored-types.ts';
import { indexCycleRows } from './score-cycle.ts';
import { ValueTable } from './value-table.ts';
import { correlate } from './correlations.ts';

// ---- minimal hand-made fixtures

const quant = (id: string): Indicator => ({ id, name: id, kind: 'quantitative', direction: 'higher', unit: null, goal: null, cap: 1.2 });
const qual = (id: string): Indicator => ({ id, name: id, kind: 'qualitative', unit: null, goal: null });

/** A scored result; score null -> missing (source null, score 0). */
function result(indicatorId: string, score: number | null): IndicatorResult {
  return {
    indicatorId, weight: 20, source: score === null ? null : 'system',
    target: null, actual: null, rating: null, completion: null, score: score ?? 0,
  };
}

function emp(id: string, scores: Record<string, number | null>): ScoredEmployee {
  const indicators = Object.entries(scores).map(([k, s]) => result(k, s));
  return {
    employee: { id, name: id, departmentId: 'D1', managerId: null, role: 'employee', salary: null },
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

// Ten employees e01..e10 (in units of 10 for sales and calls):
//   sales    x = 1 2 3 4 5 6 7 8 9 10
//   calls    y = 2 1 4 3 6 5 8 7 10 9   (neighbours swapped)
//   nps      z = c^2 with c = 10 9 3 4 5 6 7 8 2 1
//   attitude 100 for everyone (constant)
//   rare     scored for e01..e09 only (n = 9 with anything)
// e11 has calls and nps but sales missing: out of every pair with sales.
const X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const Y = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
const C = [10, 9, 3, 4, 5, 6, 7, 8, 2, 1];
const ids = X.map((_, i) => `e${String(i + 1).padStart(2, '0')}`);
const employees = ids.map((id, i) =>
  emp(id, {
    sales: 10 * (X[i] as number),
    calls: 10 * (Y[i] as number),
    nps: (C[i] as number) ** 2,
    attitude: 100,
    ...(i < 9 ? { rare: i } : {}),
  }),
);
employees.push(emp('e11', { sales: null, calls: 40, nps: 50, rare: 3 }));

// Policy order: sales, calls, nps, attitude, rare (not alphabetical on purpose).
const SCORED = cycle([quant('sales'), quant('calls'), quant('nps'), qual('attitude'), quant('rare')], employees);
const result_ = correlate(SCORED);
const pair = (x: string, y: string) => result_.find((c) => c.x === x && c.y === y);

describe('correlate', () => {
  it('keeps pairs with n >= 10, x before y in policy order, sorted by |r| (nulls last)', () => {
    // |r| (scipy.stats.pearsonr): sales-calls 0.9394, calls-rare 0.9343,
    // calls-nps -0.5729, sales-nps -0.5611, nps-rare -0.4615; then the three
    // null pairs with the constant attitude, in policy pair order. sales-rare
    // has n = 9 and is left out; calls-rare and nps-rare reach 10 with e11.
    expect(result_.map((c) => `${c.x}-${c.y}`)).toEqual([
      'sales-calls',
      'calls-rare',
      'calls-nps',
      'sales-nps',
      'nps-rare',
      'sales-attitude',
      'calls-attitude',
      'nps-attitude',
    ]);
  });

  it('computes sales-calls by hand', () => {
    // x = 1..10, y swapped neighbours; both means 5.5
    // sum xy = 2+2+12+12+30+30+56+56+90+90 = 380; sxy = 380 - 10 * 5.5 * 5.5 = 77.5
    // sxx = syy = 385 - 302.5 = 82.5; r = 77.5 / 82.5 = 31/33 = 0.93939...
    // ranks equal the values, so rho = r too.
    // p: 8 df, z = 1 - r^2 = 128/1089; p = 1 - r (1 + z/2 + 3z^2/8 + 15z^3/48)
    // = 5.4840529985136e-05 (scipy.stats.pearsonr: 5.484052998513634e-05)
    const c = pair('sales', 'calls');
    expect(c?.n).toBe(10); // e11 has no sales
    expect(c?.pearson).toBeCloseTo(31 / 33, 14);
    expect(c?.spearman).toBeCloseTo(31 / 33, 14);
    const r = 31 / 33;
    const z = 1 - r * r;
    expect(c?.pValue).toBeCloseTo(1 - r * (1 + z / 2 + (3 * z * z) / 8 + (15 * z ** 3) / 48), 14);
    expect(c?.pValue).toBeCloseTo(5.484052998513634e-5, 14);
    // quartiles of both: h = 2.25 -> 30 + 2.5 = 32.5; h = 6.75 -> 70 + 7.5 = 77.5;
    // high sales (80, 90, 100) have calls 70, 100, 90: none low -> none off-diagonal
    expect(c?.offDiagonal).toEqual([]);
  });

  it('computes sales-nps by hand, Spearman differing from Pearson', () => {
    // z = [100,81,9,16,25,36,49,64,4,1]: sum 385, mean 38.5
    // sum x z = 100+162+27+64+125+216+343+512+36+10 = 1595; sxz = 1595 - 10*5.5*38.5 = -522.5
    // szz = 25333 - 10 * 38.5^2 = 10510.5; r = -522.5 / sqrt(82.5 * 10510.5) = -0.56110951...
    // (scipy: -0.5611095136178478, p 0.09149085936091741)
    // rho: ranks of z are c = 10 9 3 4 5 6 7 8 2 1; sum x c = 255, sxc = -47.5, rho = -47.5 / 82.5 = -19/33
    const c = pair('sales', 'nps');
    expect(c?.n).toBe(10);
    expect(c?.pearson).toBeCloseTo(-522.5 / Math.sqrt(82.5 * 10510.5), 14);
    expect(c?.spearman).toBeCloseTo(-19 / 33, 14);
    expect(c?.pValue).toBeCloseTo(0.09149085936091741, 13);
    // nps quartiles (sorted 1 4 9 16 25 36 49 64 81 100): p25 = 9 + 0.25*7 = 10.75, p75 = 49 + 0.75*15 = 60.25
    // high sales & low nps: e09 (90, 4), e10 (100, 1); high nps & low sales: e01 (10, 100), e02 (20, 81)
    expect(c?.offDiagonal).toEqual(['e01', 'e02', 'e09', 'e10']);
  });

  it('uses only employees scored on both indicators', () => {
    // calls-nps includes e11 (calls 40, nps 50): n = 11
    expect(pair('calls', 'nps')?.n).toBe(11);
    // sales-rare: e01..e09 only -> n = 9 < 10, left out
    expect(pair('sales', 'rare')).toBeUndefined();
    expect(pair('calls', 'rare')?.n).toBe(10);
  });

  it('gives null r, rho and p for a constant side, and applies the off-diagonal rule as written', () => {
    const c = pair('sales', 'attitude');
    expect(c).toMatchObject({ n: 10, pearson: null, spearman: null, pValue: null });
    // attitude p25 = p75 = 100, so every employee is both "high" and "low" on it:
    // off-diagonal = sales >= 77.5 or sales <= 32.5
    expect(c?.offDiagonal).toEqual(['e01', 'e02', 'e03', 'e08', 'e09', 'e10']);
  });

  it('returns nothing below ten employees', () => {
    expect(correlate(cycle([quant('a'), quant('b')], [emp('e1', { a: 1, b: 2 }), emp('e2', { a: 2, b: 1 })]))).toEqual([]);
  });
});
