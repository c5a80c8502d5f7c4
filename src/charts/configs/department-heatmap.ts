// Department x indicator heatmap of met-target rates.
import type { ChartConfiguration } from 'chart.js';
import type { Diagnosis } from '../../engine/types.ts';
import { MISSING, shareColour } from '../palette.ts';
import type { ChartContext, ChartSpec } from '../types.ts';
import { categoryAxis, chartPlugins, cutNote, DEFAULT_HEIGHT, DEFAULT_WIDTH, heightForRows, lowestAndHighest, STATIC, tr } from './common.ts';

const MAX_DEPARTMENTS = 30;

interface Cell {
  x: string;
  y: string;
  /** Met-target rate in %; absent when the department has people but no rate. */
  v?: number;
}

/**
 * One cell per (department, quantitative indicator) the department is scored
 * on, coloured by met-target rate (vermillion 0 %, pale yellow 50 %, blue
 * 100 %) and labelled with it. Columns: indicators by company rate, weakest
 * left. Rows: departments by their mean rate over their cells, weakest at the
 * top. Null when no indicator has a department breakdown.
 */
export function departmentHeatmapChart(d: Diagnosis, ctx: ChartContext): ChartSpec | null {
  const { lang, names } = ctx;
  const indicators = d.indicators
    .filter((i) => i.byDepartment.length > 0)
    .sort((a, b) => (a.metTargetRate ?? Infinity) - (b.metTargetRate ?? Infinity) || (a.indicatorId < b.indicatorId ? -1 : 1));
  if (indicators.length === 0) return null;
  const rates = new Map<string, number[]>();
  for (const i of indicators) {
    for (const c of i.byDepartment) {
      const list = rates.get(c.departmentId) ?? [];
      if (c.metTargetRate !== null) list.push(c.metTargetRate);
      rates.set(c.departmentId, list);
    }
  }
  const meanRate = (id: string): number | null => {
    const list = rates.get(id) ?? [];
    return list.length === 0 ? null : list.reduce((s, x) => s + x, 0) / list.length;
  };
  const { rows, total } = lowestAndHighest([...rates.keys()].sort(), meanRate, MAX_DEPARTMENTS);
  const shown = new Set(rows);
  const xLabels = indicators.map((i) => names.indicator(i.indicatorId));
  const yLabels = rows.map((id) => names.department(id));
  const cells: Cell[] = [];
  indicators.forEach((i, k) => {
    for (const c of i.byDepartment) {
      if (!shown.has(c.departmentId)) continue;
      const cell: Cell = { x: xLabels[k]!, y: names.department(c.departmentId) };
      if (c.metTargetRate !== null) cell.v = c.metTargetRate * 100;
      cells.push(cell);
    }
  });
  const title = tr(lang, `部门 × 指标达标率 · ${d.cycle}`, `Met-target rate by department and indicator · ${d.cycle}`);
  const subtitle = [
    tr(lang, '格内为达标率（%）；颜色：橙红 0% → 浅黄 50% → 蓝 100%；空白 = 该部门不考核此指标',
      'Cells: met-target rate (%); colour: vermillion 0 % → pale yellow 50 % → blue 100 %; blank = not assessed there'),
    cutNote(lang, rows.length, total, { zh: '部门', en: 'departments' }),
  ];
  const nx = xLabels.length;
  const ny = yLabels.length;
  const config: ChartConfiguration<'matrix'> = {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: tr(lang, '达标率（%）', 'Met-target rate (%)'),
          data: cells,
          // An array, not a function: resolved once per cell instead of per draw.
          backgroundColor: cells.map((c) => (c.v === undefined ? MISSING : shareColour(c.v / 100))),
          borderColor: '#FFFFFF',
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / nx,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / ny,
        },
      ],
    },
    options: {
      ...STATIC,
      scales: {
        x: { ...categoryAxis(tr(lang, '指标（按公司达标率由低到高）', 'Indicator (company rate, weakest first)')), labels: xLabels, offset: true, position: 'top' },
        // The matrix plugin reverses y by default; the first row belongs at the top.
        y: { ...categoryAxis(tr(lang, '部门', 'Department')), labels: yLabels, offset: true, reverse: false },
      },
      plugins: { ...chartPlugins(title, subtitle, false), valueLabels: { position: 'center', suffix: '%', digits: 0 } },
    },
  };
  return {
    id: 'department-indicator-heatmap',
    title,
    config: config as unknown as ChartConfiguration,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: heightForRows(ny, ctx.height ?? DEFAULT_HEIGHT, 30, 230),
  };
}
