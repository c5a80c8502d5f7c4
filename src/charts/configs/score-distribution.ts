// Score distribution per department: one box per department, the company mean as a line.
import type { ChartConfiguration } from 'chart.js';
import type { Diagnosis } from '../../engine/types.ts';
import { OKABE_ITO, withAlpha } from '../palette.ts';
import type { ChartContext, ChartSpec } from '../types.ts';
import {
  categoryAxis, chartPlugins, cutNote, DEFAULT_HEIGHT, DEFAULT_WIDTH, fmt, heightForRows, lowestAndHighest, niceRange, STATIC, tr, valueAxis,
} from './common.ts';

const MAX_DEPARTMENTS = 30;

/**
 * Horizontal box plots of the engine's department statistics (whiskers at
 * min and max, box p25-p75, median line, mean dot), lowest median at the top;
 * a dashed vertical line at the company mean score. Null when no department
 * has a score.
 */
export function scoreDistributionChart(d: Diagnosis, ctx: ChartContext): ChartSpec | null {
  const { lang, names } = ctx;
  const scored = d.departments.filter((s) => s.n > 0 && s.median !== null);
  if (scored.length === 0 || d.employees.length === 0) return null;
  const { rows, total } = lowestAndHighest(scored, (s) => s.median, MAX_DEPARTMENTS);
  const companyMean = d.employees.reduce((sum, e) => sum + e.score, 0) / d.employees.length;
  const labels = rows.map((s) => `${names.department(s.departmentId)} (n=${s.n})`);
  const lo = Math.min(...rows.map((s) => s.min ?? companyMean), companyMean);
  const hi = Math.max(...rows.map((s) => s.max ?? companyMean), companyMean);
  const range = niceRange(lo - 1, hi + 1);
  const title = tr(lang, `各部门得分分布 · ${d.cycle}`, `Scores by department · ${d.cycle}`);
  const subtitle = [
    tr(lang, `箱体为 P25–P75，竖线为中位数，圆点为均值，须线为最低与最高分；虚线为公司均值 ${fmt(companyMean)} 分`,
      `Box P25–P75, bar = median, dot = mean, whiskers = min and max; dashed line = company mean ${fmt(companyMean)}`),
    cutNote(lang, rows.length, total, { zh: '部门', en: 'departments' }),
  ];
  const config = {
    type: 'boxplot',
    data: {
      labels,
      datasets: [
        {
          type: 'boxplot',
          label: tr(lang, '部门得分分布', 'Department scores'),
          data: rows.map((s) => ({ min: s.min!, q1: s.p25!, median: s.median!, q3: s.p75!, max: s.max!, mean: s.mean!, items: [], outliers: [] })),
          backgroundColor: withAlpha(OKABE_ITO.skyBlue, 0.45),
          borderColor: OKABE_ITO.blue,
          borderWidth: 1.5,
          meanBackgroundColor: OKABE_ITO.blue,
          meanBorderColor: OKABE_ITO.blue,
          meanRadius: 3,
          outlierRadius: 0,
          itemRadius: 0,
        },
        {
          type: 'line',
          label: tr(lang, `公司均值 ${fmt(companyMean)} 分`, `Company mean ${fmt(companyMean)}`),
          data: rows.map(() => companyMean),
          indexAxis: 'y',
          borderColor: OKABE_ITO.vermillion,
          backgroundColor: OKABE_ITO.vermillion,
          borderDash: [6, 4],
          borderWidth: 2,
          pointRadius: 0,
          pointStyle: 'line',
        },
      ],
    },
    options: {
      ...STATIC,
      indexAxis: 'y',
      scales: {
        x: valueAxis(tr(lang, '综合得分（分）', 'Score (points)'), range),
        y: categoryAxis(tr(lang, '部门（人数）', 'Department (people)')),
      },
      plugins: chartPlugins(title, subtitle, true),
    },
  } as unknown as ChartConfiguration;
  return {
    id: 'scores-by-department',
    title,
    config,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: heightForRows(rows.length, ctx.height ?? DEFAULT_HEIGHT, 30),
  };
}
