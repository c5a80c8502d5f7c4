import { describe, expect, it } from 'vitest';
import type { DepartmentSummary, Finding, Indicator, IndicatorSummary, Policy } from './types.ts';
import type { DepartmentIndicatorPoint } from './scored-types.ts';
import { buildFindings, type FindingsInput } from './findings.ts';

const quant = (id: string, name: string, goal: string | null = 'g1'): Indicator => ({
  id,
  name,
  kind: 'quantitative',
  direction: 'higher',
  unit: null,
  goal,
  cap: 1.2,
});

const POLICY: Policy = {
  name: 'test',
  ratingMax: 5,
  ratingScores: [40, 70, 100, 110, 120],
  goals: [{ id: 'g1', name: 'Grow' }],
  indicators: [quant('revenue', '销售额'), quant('repeat', '客户复购率'), quant('visits', '拜访量'), quant('margin', '毛利率')],
  assignments: [
    {
      department: 'sales',
      indicators: [
        { id: 'revenue', weight: 60 },
        { id: 'margin', weight: 30 },
        { id: 'repeat', weight: 10 },
      ],
    },
    { role: 'employee', indicators: [{ id: 'visits', weight: 100 }] },
  ],
  grading: { mode: 'bands', bands: [{ grade: 'A', min: 0 }] },
  cleaning: { robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 },
  raises: { rates: {}, budget: null },
  results: { promotionTopShare: 0.2, promotionGrades: ['A'], developmentBottomShare: 0.1 },
};

function input(over: Partial<FindingsInput> = {}): FindingsInput {
  return {
    policy: POLICY,
    departmentNames: new Map([
      ['sales', '销售部'],
      ['ops', '运营部'],
    ]),
    employeeScores: [],
    departments: [],
    indicators: [],
    correlations: [],
    traits: [],
    points: [],
    cycles: ['2025', '2026'],
    ...over,
  };
}

const summary = (indicatorId: string, byDepartment: [string, number, number | null][], mismatchRate: number | null = null): IndicatorSummary => ({
  indicatorId,
  n: 10,
  metTargetRate: null,
  meanCompletion: null,
  mismatchRate,
  byDepartment: byDepartment.map(([departmentId, n, metTargetRate]) => ({ departmentId, n, metTargetRate, meanCompletion: 0.8 })),
});

const point = (departmentId: string, indicatorId: string, cycle: string, meanCompletion: number | null, metTargetRate: number | null = 0.5): DepartmentIndicatorPoint => ({
  departmentId,
  indicatorId,
  cycle,
  n: 5,
  meanCompletion,
  metTargetRate,
});

const kinds = (fs: Finding[]) => fs.map((f) => [f.kind, f.severity, f.departmentId, f.indicatorId]);

describe('low_completion', () => {
  it('fires below 0.6, high below 0.3, not at exactly 0.6', () => {
    // revenue: sales 3/5 = 0.6 (no), ops 2/5 = 0.4 (medium); repeat: sales 1/5 = 0.2 (high), ops n = 0 (skipped).
    const indicators = [summary('revenue', [['sales', 5, 3 / 5], ['ops', 5, 2 / 5]]), summary('repeat', [['sales', 5, 1 / 5], ['ops', 0, null]])];
    const fs = buildFindings(input({ indicators }), 'zh');
    expect(kinds(fs)).toEqual([
      ['low_completion', 'high', 'sales', 'repeat'],
      ['low_completion', 'medium', 'ops', 'revenue'],
    ]);
    expect(fs[1]!.figures).toEqual({ metTargetRate: 0.4, meanCompletion: 0.8, n: 5, threshold: 0.6 });
    expect(fs[1]!.message).toContain('运营部的「销售额」达标率仅 40.0%（低于 60%）');
  });
});

describe('department_gap', () => {
  // scores [50, 90, 90, 90, 90, 90]: mean = 500 / 6 = 83.333..., deviations [-33.33, 6.67 x5],
  // sum of squares = 1111.11 + 5 * 44.44 = 1333.33, sample var = 1333.33 / 5 = 266.67, std = 16.3299.
  // threshold = 83.333 - 16.330 = 67.003: ops (mean 50) is below; sales (mean 90) is not.
  const employeeScores = [50, 90, 90, 90, 90, 90].map((score, k) => ({ employeeId: `e${k}`, departmentId: k === 0 ? 'ops' : 'sales', score }));
  const dept = (departmentId: string, n: number, mean: number | null): DepartmentSummary => ({
    departmentId, n, mean, median: mean, p25: null, p75: null, std: null, min: null, max: null, gradeCounts: {},
  });

  it('fires more than one std below the company mean', () => {
    const fs = buildFindings(input({ employeeScores, departments: [dept('ops', 1, 50), dept('sales', 5, 90)] }), 'en');
    expect(kinds(fs)).toEqual([['department_gap', 'high', 'ops', null]]);
    expect(fs[0]!.figures.companyMean).toBeCloseTo(500 / 6, 12);
    expect(fs[0]!.figures.companyStd).toBeCloseTo(Math.sqrt(4000 / 3 / 5), 12);
    expect(fs[0]!.figures).toMatchObject({ mean: 50, n: 1 });
    expect(fs[0]!.message).toContain('运营部 averages 50.0');
  });

  it('does not fire at 67.1 (within one std) nor with a single employee', () => {
    expect(buildFindings(input({ employeeScores, departments: [dept('ops', 1, 67.1)] }), 'en')).toEqual([]);
    const one = [{ employeeId: 'e', departmentId: 'ops', score: 10 }];
    expect(buildFindings(input({ employeeScores: one, departments: [dept('ops', 1, 10)] }), 'en')).toEqual([]);
  });
});

describe('unreliable_self_report', () => {
  it('fires above 0.1 only', () => {
    // 3 / 20 = 0.15 fires; 1 / 10 = 0.1 does not; null does not.
    const indicators = [summary('revenue', [], 3 / 20), summary('repeat', [], 1 / 10), summary('margin', [], null)];
    const fs = buildFindings(input({ indicators }), 'zh');
    expect(kinds(fs)).toEqual([['unreliable_self_report', 'high', null, 'revenue']]);
    expect(fs[0]!.figures).toEqual({ mismatchRate: 0.15, threshold: 0.1 });
  });
});

describe('weight_misalignment', () => {
  // sales: revenue 60, margin 30, repeat 10. repeat fell 0.95 -> 0.85 (drop 0.1, float 0.09999999999999998,
  // kept by the 1e-9 tolerance); revenue and margin both 0.9 in 2026 -> tie, revenue comes first in the assignment.
  const base = [
    point('sales', 'repeat', '2025', 0.95),
    point('sales', 'repeat', '2026', 0.85),
    point('sales', 'revenue', '2026', 1.1, 0.9),
    point('sales', 'margin', '2026', 1.0, 0.9),
  ];

  it('fires when the light indicator drops >= 0.10 while a heavy one stays >= 0.9', () => {
    const fs = buildFindings(input({ points: base }), 'zh');
    expect(kinds(fs)).toEqual([['weight_misalignment', 'high', 'sales', 'repeat']]);
    expect(fs[0]!.figures).toEqual({
      weight: 10,
      completionFirst: 0.95,
      completionLast: 0.85,
      drop: 0.95 - 0.85,
      heavyIndicator: 'revenue',
      heavyWeight: 60,
      heavyMetTargetRate: 0.9,
    });
    expect(fs[0]!.message).toContain('「客户复购率」');
    expect(fs[0]!.message).toContain('「销售额」');
  });

  it('names the heavy indicator with the highest met-target rate', () => {
    const points = base.map((p) => (p.indicatorId === 'margin' ? { ...p, metTargetRate: 0.95 } : p));
    expect(buildFindings(input({ points }), 'zh')[0]!.figures.heavyIndicator).toBe('margin');
  });

  it.each([
    ['drop 0.09', base.map((p) => (p.indicatorId === 'repeat' && p.cycle === '2026' ? { ...p, meanCompletion: 0.86 } : p))],
    ['heavy rate 0.8', base.map((p) => (p.cycle === '2026' && p.indicatorId !== 'repeat' ? { ...p, metTargetRate: 0.8 } : p))],
    ['no first-cycle point', base.filter((p) => p.cycle !== '2025')],
    ['null completion', base.map((p) => (p.cycle === '2025' ? { ...p, meanCompletion: null } : p))],
  ])('does not fire: %s', (_label, points) => {
    expect(buildFindings(input({ points }), 'zh')).toEqual([]);
  });

  it('does not fire with one cycle, nor for a role-only assignment', () => {
    expect(buildFindings(input({ points: base, cycles: ['2026'] }), 'zh')).toEqual([]);
    const visits = [point('ops', 'visits', '2025', 1), point('ops', 'visits', '2026', 0.5)];
    expect(buildFindings(input({ points: visits }), 'zh')).toEqual([]);
  });
});

describe('top_performer_trait and divergent_pair', () => {
  it('fires at a difference of 0.2 (float tolerance) but not 0.19', () => {
    // 0.6 - 0.4 = 0.19999999999999996 still counts.
    const traits = [
      { attribute: 'cross_dept_projects', topShare: 0.6, restShare: 0.4, difference: 0.6 - 0.4 },
      { attribute: 'mentoring', topShare: 0.5, restShare: 0.31, difference: 0.19 },
    ];
    const fs = buildFindings(input({ traits }), 'en');
    expect(kinds(fs)).toEqual([['top_performer_trait', 'low', null, null]]);
    expect(fs[0]!.figures.attribute).toBe('cross_dept_projects');
    expect(fs[0]!.message).toContain('cross_dept_projects');
  });

  it('fires for |r| >= 0.5 with off-diagonal employees only', () => {
    const c = (x: string, y: string, pearson: number | null, offDiagonal: string[]) => ({ x, y, n: 12, pearson, spearman: null, pValue: null, offDiagonal });
    const correlations = [
      c('revenue', 'margin', -0.5, ['e1', 'e2']), // fires (|r| = 0.5)
      c('revenue', 'repeat', 0.9, []), // no off-diagonal
      c('margin', 'repeat', 0.49, ['e3']), // too weak
      c('visits', 'repeat', null, ['e4']), // constant side
    ];
    const fs = buildFindings(input({ correlations }), 'en');
    expect(kinds(fs)).toEqual([['divergent_pair', 'medium', null, 'revenue']]);
    expect(fs[0]!.figures).toEqual({ x: 'revenue', y: 'margin', pearson: -0.5, n: 12, offDiagonalCount: 2 });
    expect(fs[0]!.message).toContain('"销售额" and "毛利率"');
  });
});

describe('unbound_indicator and order', () => {
  it('reports goal-less indicators and sorts by severity, kind, department, indicator', () => {
    const policy: Policy = { ...POLICY, indicators: [quant('revenue', '销售额', null), quant('margin', '毛利率', null), quant('repeat', '客户复购率')] };
    const fs = buildFindings(
      input({
        policy,
        indicators: [summary('repeat', [['sales', 5, 0.4], ['ops', 5, 0.2]], 0.5)],
        traits: [{ attribute: 'a', topShare: 1, restShare: 0, difference: 1 }],
      }),
      'zh',
    );
    expect(kinds(fs)).toEqual([
      ['low_completion', 'high', 'ops', 'repeat'],
      ['unreliable_self_report', 'high', null, 'repeat'],
      ['low_completion', 'medium', 'sales', 'repeat'],
      ['top_performer_trait', 'low', null, null],
      ['unbound_indicator', 'low', null, 'margin'],
      ['unbound_indicator', 'low', null, 'revenue'],
    ]);
    expect(fs[4]).toMatchObject({ figures: {}, message: '「毛利率」未关联任何战略目标，建议将其关联到目标或移出指标库。' });
  });
});
