// Multi-cycle trend lines: mean completion per indicator per cycle.
import type { ChartConfiguration, PointStyle } from 'chart.js';
import type { Diagnosis } from '../../engine/types.ts';
import { DASHES, SERIES } from '../palette.ts';
import type { ChartContext, ChartSpec } from '../types.ts';
import { categoryAxis, chartPlugins, DEFAULT_HEIGHT, DEFAULT_WIDTH, fmt, STATIC, tr, valueAxis } from './common.ts';

const POINTS: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'cross'];

/**
 * One line per quantitative indicator: mean completion (%) in each cycle up to
 * the diagnosed one, gaps where a cycle has no value; colour, dash and point
 * shape vary together so lines stay apart without colour. A dashed 100 % line
 * marks the target. Null when there is no trend.
 */
export function trendsChart(d: Diagnosis, ctx: ChartContext): ChartSpec | null {
  const { lang, names } = ctx;
  const trends = d.trends.filter((t) => t.cycles.some((c) => c.meanCompletion !== null));
  if (trends.length === 0) return null;
  const cycles = [...new Set(trends.flatMap((t) => t.cycles.map((c) => c.cycle)))];
  const values = trends.flatMap((t) => t.cycles.map((c) => c.meanCompletion).filter((v): v is number => v !== null));
  const lo = Math.min(80, Math.floor((Math.min(...values) * 100) / 10) * 10);
  const hi = Math.max(110, Math.ceil((Math.max(...values) * 100) / 10) * 10);
  const title = tr(lang, `指标平均完成度趋势 · ${cycles[0]}–${cycles[cycles.length - 1]}`, `Mean completion by indicator over cycles · ${cycles[0]}–${cycles[cycles.length - 1]}`);
  const subtitle = tr(lang, '完成度 = 实际 ÷ 目标（“越低越好”的指标为 目标 ÷ 实际），封顶后取均值；图例括号内为每周期变化（百分点）',
    'Completion = actual ÷ target (target ÷ actual where lower is better), capped, then averaged; legend: change per cycle in percentage points (pp)');
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels: cycles,
      datasets: [
        ...trends.map((t, i) => {
          const colour = SERIES[i % SERIES.length]!;
          const byCycle = new Map(t.cycles.map((c) => [c.cycle, c.meanCompletion]));
          const sign = t.slope !== null && t.slope >= 0 ? '+' : '';
          const slope = t.slope === null ? '' : tr(lang, `（每期 ${sign}${fmt(t.slope * 100)} pp）`, ` (${sign}${fmt(t.slope * 100)} pp/cycle)`);
          return {
            label: `${names.indicator(t.indicatorId)}${slope}`,
            data: cycles.map((c) => {
              const v = byCycle.get(c);
              return v === null || v === undefined ? null : v * 100;
            }),
            borderColor: colour,
            backgroundColor: colour,
            borderDash: DASHES[Math.floor(i / SERIES.length) % DASHES.length]!,
            pointStyle: POINTS[i % POINTS.length]!,
            pointRadius: 4,
            borderWidth: 2,
            spanGaps: true,
          };
        }),
        {
          label: tr(lang, '目标 100%', 'Target 100 %'),
          data: cycles.map(() => 100),
          borderColor: '#888888',
          backgroundColor: '#888888',
          borderDash: [3, 3],
          borderWidth: 1,
          pointRadius: 0,
          pointStyle: 'line',
        },
      ],
    },
    options: {
      ...STATIC,
      scales: {
        x: { ...categoryAxis(tr(lang, '考核周期', 'Review cycle')), offset: true },
        y: valueAxis(tr(lang, '平均完成度（%）', 'Mean completion (%)'), { min: lo, max: hi, suffix: '%' }),
      },
      plugins: chartPlugins(title, [subtitle], true),
    },
  };
  return {
    id: 'indicator-trends',
    title,
    config: config as unknown as ChartConfiguration,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: Math.max(ctx.height ?? DEFAULT_HEIGHT, 460 + Math.ceil(trends.length / 4) * 24),
  };
}
