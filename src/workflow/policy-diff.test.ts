import { describe, expect, it } from 'vitest';
import { policy, quant, qual } from '../engine/test-helpers.ts';
import { policyChanges } from './policy-diff.ts';

const before = policy({
  indicators: [quant('sales'), quant('cost', 'lower'), qual('attitude')],
  assignments: [
    { department: 'D1', indicators: [{ id: 'sales', weight: 60 }, { id: 'cost', weight: 20 }, { id: 'attitude', weight: 20 }] },
    { role: 'leader', indicators: [{ id: 'attitude', weight: 100 }] },
  ],
});
const names = { D1: '销售部' };

describe('policyChanges', () => {
  it('finds nothing between a policy and itself, even renamed and with keys in another order', () => {
    const reordered = { ...before, name: 'other', grading: { grades: before.grading.mode === 'forced' ? before.grading.grades : [], mode: 'forced' as const } };
    expect(policyChanges(before, reordered, 'why', 'zh', names)).toEqual([]);
  });

  it('lists weights, indicators, grading, raises and settings, each with the reason', () => {
    const after = policy({
      indicators: [quant('sales'), qual('attitude'), { id: 'nps', name: '净推荐值', kind: 'quantitative', direction: 'higher', unit: '%', goal: 'G1', cap: 1.2 }],
      assignments: [
        { department: 'D1', indicators: [{ id: 'sales', weight: 50 }, { id: 'nps', weight: 30 }, { id: 'attitude', weight: 20 }] },
        { role: 'leader', indicators: [{ id: 'attitude', weight: 100 }] },
      ],
      grading: { mode: 'bands', bands: [{ grade: 'A', min: 100 }, { grade: 'B', min: 0 }] },
      raises: { rates: { A: 0.05, B: 0.02 }, budget: 30000 },
      cleaning: { robustZ: 3, minPeers: 5, mismatchTolerance: 0.02 },
    });
    const changes = policyChanges(before, after, '客户留存更重要', 'zh', names);
    expect(changes.every((c) => c.why === '客户留存更重要')).toBe(true);
    expect(changes.map(({ what, before: b, after: a }) => [what, b, a])).toEqual([
      ['销售部 · sales 权重', '60%', '50%'],
      ['销售部 · 净推荐值 权重', '—', '30%'],
      ['销售部 · cost 权重', '20%', '—'],
      ['新增指标：净推荐值', '—', '量化，越高越好，单位 %，上限 1.2，目标 Goal'],
      ['删除指标：cost', '量化，越低越好，上限 1.2，目标 Goal', '—'],
      ['评级方式', '强制分布 S 10% · A 20% · B 50% · C 15% · D 5%', '分数段 A ≥ 100 · B ≥ 0'],
      ['A 级调薪比例', '6%', '5%'],
      ['B 级调薪比例', '3%', '2%'],
      ['S 级调薪比例', '10%', '—'],
      ['C 级调薪比例', '0%', '—'],
      ['D 级调薪比例', '0%', '—'],
      ['调薪预算（每月）', '不设预算', '30000'],
      ['离群值阈值（稳健 Z）', '3.5', '3'],
    ]);
  });

  it('speaks English too', () => {
    const after = { ...before, assignments: [{ role: 'leader' as const, indicators: [{ id: 'attitude', weight: 50 }, { id: 'sales', weight: 50 }] }, before.assignments[0]!] };
    expect(policyChanges(before, after, 'r', 'en', names).map((c) => c.what)).toEqual(['role leader · weight of attitude', 'role leader · weight of sales']);
  });
});
