// Indicator completion ranking: met-target rate per indicator, weakest first.
import type { ChartConfiguration } from 'chart.js';
import type { Diagnosis } from '../../engine/types.ts';
import { OKABE_ITO } from '../palette.ts';
import type { ChartContext, ChartSpec } from '../types.ts';
import { categoryAxis, chartPlugins, DEFAULT_HEIGHT, DEFAULT_WIDTH, heightForRows, STATIC, tr, valueAxis } from './common.ts';

/**
 * Horizontal bars of each quantitative indicator's met-target rate (share of
 * its scored people with completion >= 1, in %), lowest at the top, the rate
 * written at the end of each bar. Indicators with no rate are left out.
 * Null when no indicator has a rate.
 */
export function indicatorRankingChart(d: Diagnosis, ctx: ChartContext): ChartSpec | null {
  const { lang, names } = ctx;
  const rows = d.indicators
    .filter((i) => i.metTargetRate !== null)
    .sort((a, b) => a.metTargetRate! - b.metTargetRate! || (a.indicatorId < b.indicatorId ? -1 : 1));
  if (rows.length === 0) return null;
  const title = tr(lang, `指标达标率排名（由低到高）· ${d.cycle}`, `Met-target rate by indicator, weakest first · ${d.cycle}`);
  const subtitle = tr(lang, '达标率 = 完成度 ≥ 100% 的人数 ÷ 该指标参评人数', 'Met-target rate = people with completion ≥ 100 % ÷ people scored on the indicator');
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: rows.map((i) => `${names.indicator(i.indicatorId)} (n=${i.n})`),
      datasets: [
        {
          label: tr(lang, '达标率（%）', 'Met-target rate (%)'),
          data: rows.map((i) => i.metTargetRate! * 100),
          backgroundColor: OKABE_ITO.blue,
          borderWidth: 0,
          barPercentage: 0.75,
        },
      ],
    },
    options: {
      ...STATIC,
      indexAxis: 'y',
      scales: {
        // 108 leaves room for the "100%" label at the end of a full bar.
        x: {
          ...valueAxis(tr(lang, '达标率（%）', 'Met-target rate (%)'), { min: 0, max: 108, suffix: '%' }),
          // The end at 108 is a drawing margin, not a value: no tick there.
          afterBuildTicks: (axis) => {
            axis.ticks = axis.ticks.filter((t) => t.value <= 100);
          },
        },
        y: categoryAxis(tr(lang, '指标（参评人数）', 'Indicator (people scored)')),
      },
      plugins: { ...chartPlugins(title, [subtitle], true), valueLabels: { position: 'end', suffix: '%', digits: 0 } },
    },
  };
  return {
    id: 'indicator-ranking',
    title,
    config: config as unknown as ChartConfiguration,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: heightForRows(rows.length, ctx.height ?? DEFAULT_HEIGHT, 28),
  };
}
