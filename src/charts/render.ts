// The charts of a diagnosis and of a simulation, as PNG files.
import type { Diagnosis, Simulation } from '../engine/types.ts';
import { correlationScatterChart } from './configs/correlation-scatter.ts';
import { departmentHeatmapChart } from './configs/department-heatmap.ts';
import { gradeDistributionChart } from './configs/grade-distribution.ts';
import { indicatorRankingChart } from './configs/indicator-ranking.ts';
import { scoreDistributionChart } from './configs/score-distribution.ts';
import { simulationDepartmentMeansChart, simulationGradeCountsChart, type SimulationChartContext } from './configs/simulation.ts';
import { trendsChart } from './configs/trends.ts';
import { renderPng } from './png.ts';
import type { ChartContext, ChartSpec, RenderedChart } from './types.ts';

export type { ChartContext, ChartNames, ChartSpec, RenderedChart } from './types.ts';
export type { SimulationChartContext } from './configs/simulation.ts';

/**
 * The chart specs of a diagnosis, in report order; a chart whose data is
 * absent (no correlations, a single indicator-less cycle...) is left out.
 * Pure: no canvas.
 */
export function diagnosisChartSpecs(d: Diagnosis, ctx: ChartContext): ChartSpec[] {
  return [
    scoreDistributionChart(d, ctx),
    gradeDistributionChart(d, ctx),
    indicatorRankingChart(d, ctx),
    departmentHeatmapChart(d, ctx),
    trendsChart(d, ctx),
    correlationScatterChart(d, ctx),
  ].filter((s): s is ChartSpec => s !== null);
}

/** The chart specs of a simulation: department means and grade counts, before vs after. Pure. */
export function simulationChartSpecs(sim: Simulation, ctx: SimulationChartContext): ChartSpec[] {
  return [simulationDepartmentMeansChart(sim, ctx), simulationGradeCountsChart(sim, ctx)].filter((s): s is ChartSpec => s !== null);
}

/**
 * Renders specs to PNG. Drawing is synchronous; the PNG encodings run on
 * libuv's thread pool, so they overlap each other and the next drawing.
 */
export async function renderCharts(specs: readonly ChartSpec[]): Promise<RenderedChart[]> {
  return Promise.all(
    specs.map(async (spec) => ({
      id: spec.id,
      title: spec.title,
      file: `${spec.id}.png`,
      width: spec.width,
      height: spec.height,
      png: await renderPng(spec),
    })),
  );
}

/** Every chart of a diagnosis as PNG, in report order, titles in ctx.lang. */
export function renderDiagnosisCharts(d: Diagnosis, ctx: ChartContext): Promise<RenderedChart[]> {
  return renderCharts(diagnosisChartSpecs(d, ctx));
}

/** The charts of a simulation as PNG, titles in ctx.lang. */
export function renderSimulationCharts(sim: Simulation, ctx: SimulationChartContext): Promise<RenderedChart[]> {
  return renderCharts(simulationChartSpecs(sim, ctx));
}
