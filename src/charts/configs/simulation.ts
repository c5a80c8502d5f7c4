// A proposed policy's effect: department means and grade counts, before vs after.
import type { ChartConfiguration } from 'chart.js';
import type { Simulation } from '../../engine/types.ts';
import { OKABE_ITO } from '../palette.ts';
import type { ChartContext, ChartSpec } from '../types.ts';
import {
  categoryAxis, chartPlugins, cutNote, DEFAULT_HEIGHT, DEFAULT_WIDTH, fmt, heightForRows, lowestAndHighest, niceRange, STATIC, tr, valueAxis,
} from './common.ts';

export type SimulationChartContext = Omit<ChartContext, 'policy'>;

const MAX_DEPARTMENTS = 24;

function summary(sim: Simulation, lang: SimulationChartContext['lang']): string {
  const rho = sim.spearman === null ? '—' : fmt(sim.spearman, 3);
  return tr(lang, `排名相关 Spearman ρ = ${rho}；升级 ${sim.movedUp} 人，降级 ${sim.movedDown} 人`,
    `Rank correlation Spearman ρ = ${rho}; ${sim.movedUp} people move up a grade, ${sim.movedDown} down`);
}

/**
 * Each department's mean score under the current policy (orange) and the
 * proposal (blue), horizontal bars, the largest drop at the top. Null when no
 * department has both means.
 */
export function simulationDepartmentMeansChart(sim: Simulation, ctx: SimulationChartContext): ChartSpec | null {
  const { lang, names } = ctx;
  const both = sim.departments.filter((d) => d.meanBefore !== null && d.meanAfter !== null);
  if (both.length === 0) return null;
  const { rows, total } = lowestAndHighest(both, (d) => d.meanAfter! - d.meanBefore!, MAX_DEPARTMENTS);
  const title = tr(lang, `方案模拟：部门平均分变化 · ${sim.cycle}`, `Simulation: department mean score, before vs after · ${sim.cycle}`);
  const subtitle = [
    `${summary(sim, lang)}${tr(lang, '；按变化由降到升排列', '; ordered from the largest drop to the largest rise')}`,
    cutNote(lang, rows.length, total, { zh: '部门', en: 'departments' }),
  ];
  const all = rows.flatMap((d) => [d.meanBefore!, d.meanAfter!]);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: rows.map((d) => {
        const delta = d.meanAfter! - d.meanBefore!;
        const change = Math.abs(delta) < 0.05 ? '±0' : `${delta > 0 ? '+' : ''}${fmt(delta)}`;
        return `${names.department(d.departmentId)} (${change})`;
      }),
      datasets: [
        { label: tr(lang, '现行政策', 'Current policy'), data: rows.map((d) => d.meanBefore!), backgroundColor: OKABE_ITO.orange, borderWidth: 0 },
        { label: tr(lang, '新方案', 'Proposal'), data: rows.map((d) => d.meanAfter!), backgroundColor: OKABE_ITO.blue, borderWidth: 0 },
      ],
    },
    options: {
      ...STATIC,
      indexAxis: 'y',
      scales: {
        x: { ...valueAxis(tr(lang, '部门平均分（分）', 'Department mean score (points)'), { min: Math.max(0, niceRange(Math.min(...all) - 5, Math.max(...all)).min) }), grace: '6%' },
        y: categoryAxis(tr(lang, '部门（变化，分）', 'Department (change, points)')),
      },
      plugins: { ...chartPlugins(title, subtitle, true), valueLabels: { position: 'end', digits: 1, size: 10 } },
    },
  };
  return {
    id: 'simulation-department-means',
    title,
    config: config as unknown as ChartConfiguration,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: heightForRows(rows.length, ctx.height ?? DEFAULT_HEIGHT, 40),
  };
}

/**
 * People per grade under the current policy and under the proposal, from the
 * transition matrix (row sums before, column sums after). Grades in the
 * current policy's order, then any grade only the proposal has.
 */
export function simulationGradeCountsChart(sim: Simulation, ctx: SimulationChartContext): ChartSpec | null {
  const { lang } = ctx;
  if (sim.employees.length === 0) return null;
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const [from, row] of Object.entries(sim.transitions)) {
    for (const [to, count] of Object.entries(row)) {
      before.set(from, (before.get(from) ?? 0) + count);
      after.set(to, (after.get(to) ?? 0) + count);
    }
  }
  const grades = [...new Set([...before.keys(), ...after.keys()])];
  const title = tr(lang, `方案模拟：等级人数变化 · ${sim.cycle}`, `Simulation: people per grade, before vs after · ${sim.cycle}`);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: grades,
      datasets: [
        { label: tr(lang, '现行政策', 'Current policy'), data: grades.map((g) => before.get(g) ?? 0), backgroundColor: OKABE_ITO.orange, borderWidth: 0 },
        { label: tr(lang, '新方案', 'Proposal'), data: grades.map((g) => after.get(g) ?? 0), backgroundColor: OKABE_ITO.blue, borderWidth: 0 },
      ],
    },
    options: {
      ...STATIC,
      scales: {
        x: categoryAxis(tr(lang, '等级（由高到低）', 'Grade (best first)')),
        y: { ...valueAxis(tr(lang, '人数（人）', 'People'), { min: 0 }), grace: '8%' },
      },
      plugins: { ...chartPlugins(title, [summary(sim, lang)], true), valueLabels: { position: 'end' } },
    },
  };
  return {
    id: 'simulation-grade-counts',
    title,
    config: config as unknown as ChartConfiguration,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: ctx.height ?? DEFAULT_HEIGHT,
  };
}
