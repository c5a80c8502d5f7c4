// Writes each value on its bar or cell, so a reader needs no colour key.
import type { Chart, ChartType, Plugin } from 'chart.js';
import { TEXT, textOn } from '../palette.ts';

export interface ValueLabelOptions {
  /** Datasets to label, by index; default all. */
  datasets?: number[];
  /** `end`: just past the end of a bar (right of it, or above it); `center`: in the middle of a cell. */
  position: 'end' | 'center';
  suffix?: string;
  /** Decimals for non-integers; integers are written without. Default 0. */
  digits?: number;
  /** Font size in pixels; default 11. */
  size?: number;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    valueLabels?: ValueLabelOptions | false;
  }
}

function valueOf(raw: unknown, horizontal: boolean): number | null {
  if (typeof raw === 'number') return raw;
  if (raw !== null && typeof raw === 'object') {
    const r = raw as { v?: unknown; x?: unknown; y?: unknown };
    const v = 'v' in r ? r.v : horizontal ? r.x : r.y;
    return typeof v === 'number' ? v : null;
  }
  return null;
}

export const valueLabels: Plugin = {
  id: 'valueLabels',
  afterDatasetsDraw(chart: Chart, _args, raw) {
    const options = raw as ValueLabelOptions | false;
    if (!options || !options.position) return;
    const ctx = chart.ctx;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.font = `${options.size ?? 11}px ${chart.options.font?.family ?? 'sans-serif'}`;
    chart.data.datasets.forEach((dataset, i) => {
      if (options.datasets && !options.datasets.includes(i)) return;
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((element, j) => {
        const v = valueOf(dataset.data[j], horizontal);
        const text = v === null ? '—' : `${Number.isInteger(v) ? v : v.toFixed(options.digits ?? 0)}${options.suffix ?? ''}`;
        if (options.position === 'center') {
          // Matrix cells and bars both implement getCenterPoint; chart.js's Element type does not declare it.
          const { x, y } = (element as unknown as { getCenterPoint(): { x: number; y: number } }).getCenterPoint();
          const fill = (element.options as { backgroundColor?: unknown }).backgroundColor;
          ctx.fillStyle = typeof fill === 'string' && fill.startsWith('rgb(') ? textOn(fill) : TEXT;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(text, x, y);
        } else {
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          ctx.fillStyle = TEXT;
          ctx.textAlign = horizontal ? 'left' : 'center';
          ctx.textBaseline = horizontal ? 'middle' : 'bottom';
          ctx.fillText(text, horizontal ? x + 4 : x, horizontal ? y : y - 3);
        }
      });
    });
    ctx.restore();
  },
};
