import { describe, expect, it } from 'vitest';
import type { FindingKind, Lang } from './types.ts';
import { findingMessage, formatNumber, formatPercent, type FindingFacts, type MessageNames } from './messages.ts';

const NAMES: MessageNames = {
  department: (id) => ({ sales: '销售部', ops: 'Operations' })[id] ?? id,
  indicator: (id) => ({ repeat: '客户复购率', revenue: '销售额', nps: 'NPS' })[id] ?? id,
  attribute: (id) => (id === 'cross_dept_projects' ? '跨部门项目' : id),
};

describe('formatting helpers', () => {
  it.each([
    [0.45, 1, '45.0%'],
    [0.6, 0, '60%'],
    [1, 1, '100.0%'],
    [0.12345, 1, '12.3%'],
    [null, 1, '—'],
  ] as const)('formatPercent(%s, %s) = %s', (rate, digits, text) => {
    expect(formatPercent(rate, digits)).toBe(text);
  });

  it.each([
    [92.44, 1, '92.4'],
    [10, 0, '10'],
    [-0.01, 1, '0.0'], // never "-0.0"
    [-3.25, 2, '-3.25'],
    [Number.NaN, 1, '—'],
    ['x', 1, '—'],
  ] as const)('formatNumber(%s, %s) = %s', (value, digits, text) => {
    expect(formatNumber(value, digits)).toBe(text);
  });
});

const CASES: { facts: FindingFacts; zh: string[]; en: string[] }[] = [
  {
    facts: {
      kind: 'low_completion',
      departmentId: 'sales',
      indicatorId: 'repeat',
      figures: { metTargetRate: 0.45, meanCompletion: 0.725, n: 8, threshold: 0.6 },
    },
    zh: ['销售部的「客户复购率」达标率仅 45.0%（低于 60%）', '72.5%', '8 人'],
    en: ['Only 45.0% of 销售部 met the target on "客户复购率" (below 60%)', '72.5%', '8 people'],
  },
  {
    facts: { kind: 'department_gap', departmentId: 'ops', indicatorId: null, figures: { mean: 61.25, companyMean: 80, companyStd: 12.5, n: 4 } },
    zh: ['Operations平均分 61.3', '公司平均 80.0', '低 18.8 分', '标准差（12.5）'],
    en: ['Operations averages 61.3', '18.8 points below the company mean of 80.0', '(12.5)'],
  },
  {
    facts: { kind: 'unreliable_self_report', departmentId: null, indicatorId: 'revenue', figures: { mismatchRate: 0.25, threshold: 0.1 } },
    zh: ['「销售额」', '25.0%', '高于 10%'],
    en: ['"销售额"', '25.0%', 'above 10%'],
  },
  {
    facts: {
      kind: 'weight_misalignment',
      departmentId: 'sales',
      indicatorId: 'repeat',
      figures: {
        weight: 10,
        completionFirst: 0.9,
        completionLast: 0.7,
        drop: 0.2,
        heavyIndicator: 'revenue',
        heavyWeight: 60,
        heavyMetTargetRate: 0.95,
      },
    },
    zh: ['销售部的「客户复购率」权重仅 10%', '从 90.0% 降至 70.0%', '下降 20.0 个百分点', '权重 60% 的「销售额」达标率高达 95.0%', '提高「客户复购率」的权重'],
    en: ['In 销售部', '"客户复购率" (weight 10%) fell from 90.0% to 70.0%', '"销售额" (weight 60%)', '95.0%', 'raising the weight of "客户复购率"'],
  },
  {
    facts: {
      kind: 'top_performer_trait',
      departmentId: null,
      indicatorId: null,
      figures: { attribute: 'cross_dept_projects', topShare: 0.8, restShare: 0.25, difference: 0.55 },
    },
    zh: ['80.0% 具有「跨部门项目」', '25.0%', '55.0 个百分点'],
    en: ['80.0% of the top 20% performers have "跨部门项目"', '25.0%', '55.0 points'],
  },
  {
    facts: {
      kind: 'divergent_pair',
      departmentId: null,
      indicatorId: 'revenue',
      figures: { x: 'revenue', y: 'nps', pearson: -0.634, n: 30, offDiagonalCount: 3 },
    },
    zh: ['「销售额」与「NPS」明显负相关', 'r = -0.63', '30 人', '3 人'],
    en: ['"销售额" and "NPS" are negatively correlated', 'r = -0.63', 'n = 30', '3 people'],
  },
  {
    facts: { kind: 'unbound_indicator', departmentId: null, indicatorId: 'nps', figures: {} },
    zh: ['「NPS」未关联任何战略目标'],
    en: ['"NPS" serves no strategic goal'],
  },
];

describe('findingMessage', () => {
  it('has a case for every kind', () => {
    const kinds: FindingKind[] = [
      'low_completion',
      'department_gap',
      'unreliable_self_report',
      'weight_misalignment',
      'top_performer_trait',
      'divergent_pair',
      'unbound_indicator',
    ];
    expect(CASES.map((c) => c.facts.kind)).toEqual(kinds);
  });

  for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
    it.each(CASES)(`${lang}: $facts.kind names the subjects and figures`, (c) => {
      const text = findingMessage(c.facts, NAMES, lang);
      for (const part of c[lang]) expect(text).toContain(part);
      expect(text).not.toMatch(/undefined|NaN|null/);
    });
  }

  it('keeps an attribute id when no attribute names are given', () => {
    const { attribute: _ignored, ...noAttributes } = NAMES;
    const text = findingMessage(CASES[4]!.facts, noAttributes, 'en');
    expect(text).toContain('"cross_dept_projects"');
  });
});
