import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartDataset } from 'chart.js';
import type { Diagnosis, Policy } from '../engine/types.ts';
import { lowestAndHighest, niceRange } from './configs/common.ts';
import { mergePoints } from './configs/correlation-scatter.ts';
import { gradeDistributionChart } from './configs/grade-distribution.ts';
import { indicatorRankingChart } from './configs/indicator-ranking.ts';
import { OKABE_ITO } from './palette.ts';
import { diagnosisChartSpecs, simulationChartSpecs } from './render.ts';
import { loadDemo, type Demo } from './test-helpers.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo();
});

type Axis = { title?: { display?: boolean; text?: string } };

describe('every chart spec', () => {
  it.each(['zh', 'en'] as const)('has a title, a subtitle or legend, and titled axes (%s)', (lang) => {
    const specs = [...diagnosisChartSpecs(demo.diagnosis, demo.ctx(lang)), ...simulationChartSpecs(demo.simulation, demo.ctx(lang))];
    expect(specs).toHaveLength(8);
    for (const s of specs) {
      const plugins = s.config.options!.plugins!;
      expect(plugins.title!.text, s.id).toBe(s.title);
      expect(plugins.legend!.display || (plugins.subtitle!.text as string[]).length > 0, s.id).toBe(true);
      const scales = s.config.options!.scales as Record<string, Axis>;
      for (const axis of ['x', 'y']) {
        expect(scales[axis]?.title?.display, `${s.id} ${axis}`).toBe(true);
        expect(scales[axis]?.title?.text, `${s.id} ${axis}`).toMatch(/\S/);
      }
      // English axis titles quote no Chinese, except the scatter's, which name the indicators.
      if (lang === 'en' && s.id !== 'correlation-scatter') expect(`${scales.x!.title!.text} ${scales.y!.title!.text}`).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills bars and lines with Okabe-Ito colours', () => {
    const palette = new Set<string>(Object.values(OKABE_ITO));
    for (const s of diagnosisChartSpecs(demo.diagnosis, demo.ctx('zh'))) {
      if (s.config.type !== 'bar' && s.config.type !== 'line') continue;
      for (const ds of s.config.data.datasets as ChartDataset<'bar' | 'line'>[]) {
        if (ds.label?.includes('100')) continue; // the grey target line
        expect(palette.has(ds.backgroundColor as string), `${s.id} ${ds.label}`).toBe(true);
      }
    }
  });
});

describe('indicator ranking', () => {
  it('puts the weakest met-target rate first', () => {
    const spec = indicatorRankingChart(demo.diagnosis, demo.ctx('en'))!;
    const rates = spec.config.data.datasets[0]!.data as number[];
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(rates).toHaveLength(demo.diagnosis.indicators.filter((i) => i.metTargetRate !== null).length);
  });
});

describe('grade distribution', () => {
  const d = { cycle: 'C', employees: ['S', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'X'].map((grade, i) => ({ employeeId: `E${i}`, grade })) } as unknown as Diagnosis;

  it('sets the forced quotas beside the counts: share x n, unrounded', () => {
    const policy = { grading: { mode: 'forced', grades: [{ grade: 'S', share: 0.1 }, { grade: 'A', share: 0.2 }, { grade: 'B', share: 0.5 }, { grade: 'C', share: 0.2 }] } } as Policy;
    const spec = gradeDistributionChart(d, { names: demo.ctx('en').names, policy, lang: 'en' })!;
    expect(spec.config.data.labels).toEqual(['S', 'A', 'B', 'C', 'X']);
    expect(spec.config.data.datasets[0]!.data).toEqual([1, 2, 4, 1, 1]);
    const quota = spec.config.data.datasets[1]!.data as number[];
    [0.9, 1.8, 4.5, 1.8, 0].forEach((q, i) => expect(quota[i]).toBeCloseTo(q, 10));
  });

  it('shows band counts with each band lower bound', () => {
    const policy = { grading: { mode: 'bands', bands: [{ grade: 'S', min: 110 }, { grade: 'A', min: 100 }, { grade: 'B', min: 80 }, { grade: 'C', min: 0 }] } } as Policy;
    const spec = gradeDistributionChart(d, { names: demo.ctx('zh').names, policy, lang: 'zh' })!;
    expect(spec.config.data.labels).toEqual(['S (≥ 110)', 'A (≥ 100)', 'B (≥ 80)', 'C (≥ 0)', 'X']);
    expect(spec.config.data.datasets).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('lowestAndHighest keeps everything that fits, else both ends', () => {
    const rows = [5, 1, 4, 2, 3];
    expect(lowestAndHighest(rows, (x) => x, 9)).toEqual({ rows: [1, 2, 3, 4, 5], total: 5 });
    expect(lowestAndHighest(rows, (x) => x, 3)).toEqual({ rows: [1, 2, 5], total: 5 });
    expect(lowestAndHighest([2, null, 1], (x) => x, 3).rows).toEqual([1, 2, null]);
  });

  it.each([
    [37.2, 121, { min: 20, max: 140 }],
    [37.2, 101, { min: 30, max: 110 }],
    [0, 100, { min: 0, max: 100 }],
    [99, 101, { min: 99, max: 101 }],
  ])('niceRange(%d, %d)', (lo, hi, expected) => {
    expect(niceRange(lo, hi)).toEqual(expected);
  });

  it('mergePoints counts the people on one spot and keeps apart points a pixel apart', () => {
    const box = { x0: 0, x1: 100, y0: 0, y1: 100 };
    const merged = mergePoints([{ x: 10, y: 10 }, { x: 10, y: 10 }, { x: 10.001, y: 10 }, { x: 11, y: 10 }], box);
    expect(merged.points).toEqual([{ x: 10, y: 10 }, { x: 11, y: 10 }]);
    expect(merged.counts).toEqual([3, 1]);
  });
});
