import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis, Simulation } from '../engine/types.ts';
import { diagnosisChartSpecs, renderDiagnosisCharts, renderSimulationCharts, simulationChartSpecs } from './render.ts';
import { decodePng, inkStats, loadDemo, pixelDiff, type Demo } from './test-helpers.ts';
import type { RenderedChart } from './types.ts';

const DIAGNOSIS_CHARTS = [
  'scores-by-department',
  'grade-distribution',
  'indicator-ranking',
  'department-indicator-heatmap',
  'indicator-trends',
  'correlation-scatter',
];
const SIMULATION_CHARTS = ['simulation-department-means', 'simulation-grade-counts'];

let demo: Demo;
const rendered: Record<string, RenderedChart[]> = {};

beforeAll(async () => {
  demo = await loadDemo();
  rendered.zh = await renderDiagnosisCharts(demo.diagnosis, demo.ctx('zh'));
  rendered.en = await renderDiagnosisCharts(demo.diagnosis, demo.ctx('en'));
  rendered.simZh = await renderSimulationCharts(demo.simulation, demo.ctx('zh'));
  rendered.simEn = await renderSimulationCharts(demo.simulation, demo.ctx('en'));
});

describe.each(['zh', 'en', 'simZh', 'simEn'])('charts (%s)', (key) => {
  it('has every chart, each a PNG of its size, opaque, with enough ink and colours', async () => {
    const charts = rendered[key]!;
    expect(charts.map((c) => c.id)).toEqual(key.startsWith('sim') ? SIMULATION_CHARTS : DIAGNOSIS_CHARTS);
    for (const c of charts) {
      expect(c.file).toBe(`${c.id}.png`);
      expect([...c.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const img = await decodePng(c.png);
      expect({ id: c.id, width: img.width, height: img.height }).toEqual({ id: c.id, width: c.width, height: c.height });
      expect(c.width).toBeGreaterThanOrEqual(960);
      expect(c.height).toBeGreaterThanOrEqual(540);
      const stats = inkStats(img);
      expect(stats.transparent, c.id).toBe(0);
      // Text, axes and data marks: a blank or near-blank chart has far less.
      expect(stats.ink / (img.width * img.height), c.id).toBeGreaterThan(0.03);
      expect(stats.colours, c.id).toBeGreaterThan(30);
    }
  });
});

describe('titles', () => {
  it('are in the language asked for', () => {
    const zh = rendered.zh!.map((c) => c.title);
    const en = rendered.en!.map((c) => c.title);
    expect(zh[0]).toBe(`各部门得分分布 · ${demo.diagnosis.cycle}`);
    expect(en[0]).toBe(`Scores by department · ${demo.diagnosis.cycle}`);
    for (const t of zh) expect(t).toMatch(/[\u4e00-\u9fff]/);
    // English titles hold Chinese only where a data name (an indicator) is quoted.
    for (const t of en.slice(0, 5)) expect(t).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('rendering', () => {
  it('is deterministic: the same data gives the same bytes', async () => {
    const again = await renderDiagnosisCharts(demo.diagnosis, demo.ctx('zh'));
    again.forEach((c, i) => expect(Buffer.from(c.png).equals(Buffer.from(rendered.zh![i]!.png)), c.id).toBe(true));
  });

  it('changes every diagnosis chart when its data changes', async () => {
    const d: Diagnosis = structuredClone(demo.diagnosis);
    for (const s of d.departments) {
      if (s.median !== null) s.median += 3;
      if (s.p75 !== null) s.p75 += 3;
    }
    const worst = d.employees.find((e) => e.grade === 'D') ?? d.employees[d.employees.length - 1]!;
    worst.grade = 'S';
    d.indicators[0]!.metTargetRate = 0.5;
    d.indicators[0]!.byDepartment[0]!.metTargetRate = 0.5;
    const first = d.trends[0]!.cycles[0]!;
    first.meanCompletion = (first.meanCompletion ?? 1) - 0.15;
    const pair = d.correlations[0]!;
    const someone = d.employees.find((e) => e.indicators.some((r) => r.indicatorId === pair.x && r.source !== null))!;
    someone.indicators.find((r) => r.indicatorId === pair.x)!.score += 8;
    const changed = await renderDiagnosisCharts(d, demo.ctx('zh'));
    expect(changed.map((c) => c.id)).toEqual(DIAGNOSIS_CHARTS);
    for (const [i, c] of changed.entries()) {
      const before = await decodePng(rendered.zh![i]!.png);
      expect(pixelDiff(before, await decodePng(c.png)), c.id).toBeGreaterThan(20);
    }
  });

  it('changes both simulation charts when the simulation changes', async () => {
    const sim: Simulation = structuredClone(demo.simulation);
    const d0 = sim.departments[0]!;
    d0.meanAfter = (d0.meanAfter ?? 100) + 6;
    const [from, row] = Object.entries(sim.transitions)[0]!;
    const to = Object.keys(row).at(-1)!;
    sim.transitions[from]![to]! += 5;
    const changed = await renderSimulationCharts(sim, demo.ctx('en'));
    for (const [i, c] of changed.entries()) {
      const before = await decodePng(rendered.simEn![i]!.png);
      expect(pixelDiff(before, await decodePng(c.png)), c.id).toBeGreaterThan(20);
    }
  });

  it('leaves out a chart whose data is absent', () => {
    const d: Diagnosis = { ...demo.diagnosis, correlations: [], trends: [] };
    const ids = diagnosisChartSpecs(d, demo.ctx('en')).map((s) => s.id);
    expect(ids).toEqual(DIAGNOSIS_CHARTS.filter((id) => id !== 'correlation-scatter' && id !== 'indicator-trends'));
    expect(simulationChartSpecs({ ...demo.simulation, departments: [], employees: [] }, demo.ctx('en'))).toEqual([]);
  });
});
