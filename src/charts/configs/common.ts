// Pieces every chart config shares: bilingual text, titles, axes, row limits.
import type { Lang } from '../../engine/types.ts';
import { GRID, TEXT } from '../palette.ts';

export const DEFAULT_WIDTH = 960;
export const DEFAULT_HEIGHT = 540;

/** Picks the Chinese or the English text. */
export function tr(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

/** Height for a chart with one band per row (horizontal bars, heatmap rows). */
export function heightForRows(rows: number, min: number, perRow = 28, chrome = 170): number {
  return Math.max(min, chrome + rows * perRow);
}

/** An axis title, always shown. */
export function axisTitle(text: string) {
  return { display: true, text, color: TEXT, font: { size: 13 } };
}

/** A value axis with grid lines, a title and an optional tick suffix such as `%`. */
export function valueAxis(title: string, extra: { min?: number; max?: number; suffix?: string } = {}) {
  const { suffix, ...range } = extra;
  return {
    type: 'linear' as const,
    ...range,
    title: axisTitle(title),
    grid: { color: GRID },
    // A plain formatter: chart.js's default builds an Intl.NumberFormat per chart.
    ticks: { color: TEXT, callback: (v: number | string) => `${Math.round(Number(v) * 1000) / 1000}${suffix ?? ''}` },
  };
}

/** A category axis: no grid lines, labels in the text colour. */
export function categoryAxis(title: string) {
  return { type: 'category' as const, title: axisTitle(title), grid: { display: false }, ticks: { color: TEXT, autoSkip: false } };
}

/** Title, subtitle lines (nulls dropped) and legend, in that order at the top and bottom. */
export function chartPlugins(title: string, subtitle: (string | null)[], legend: boolean) {
  const lines = subtitle.filter((s): s is string => s !== null);
  return {
    title: { display: true, text: title, color: TEXT, font: { size: 18, weight: 'bold' as const }, padding: { top: 4, bottom: lines.length > 0 ? 2 : 12 } },
    subtitle: { display: lines.length > 0, text: lines, color: '#555555', font: { size: 12 }, padding: { bottom: 10 } },
    legend: { display: legend, position: 'bottom' as const, labels: { color: TEXT, usePointStyle: true, padding: 16 } },
    tooltip: { enabled: false },
  };
}

/** Options every static chart needs: no animation, fixed size, some padding. */
export const STATIC = { responsive: false, animation: false as const, events: [], layout: { padding: 12 } };

/**
 * At most `max` rows, ordered by `key` ascending (null last): all of them when
 * they fit, else the lowest and the highest halves. `total` is the row count
 * before the cut.
 */
export function lowestAndHighest<T>(rows: readonly T[], key: (row: T) => number | null, max: number): { rows: T[]; total: number } {
  const sorted = [...rows].sort((a, b) => (key(a) ?? Infinity) - (key(b) ?? Infinity));
  if (sorted.length <= max) return { rows: sorted, total: rows.length };
  const low = Math.ceil(max / 2);
  return { rows: [...sorted.slice(0, low), ...sorted.slice(sorted.length - (max - low))], total: rows.length };
}

/** The subtitle note for a cut made by lowestAndHighest, or null when nothing was cut. */
export function cutNote(lang: Lang, shown: number, total: number, what: { zh: string; en: string }): string | null {
  if (shown >= total) return null;
  const low = Math.ceil(shown / 2);
  return tr(
    lang,
    `共 ${total} 个${what.zh}，仅显示最低 ${low} 个与最高 ${shown - low} 个`,
    `${total} ${what.en}; showing the lowest ${low} and the highest ${shown - low}`,
  );
}

/**
 * An axis range around [lo, hi] with ends on a round step (1, 2, 5 x 10^k,
 * about 5 to 10 steps), so the end ticks fall on the grid.
 * Example: niceRange(37.2, 121) -> { min: 20, max: 140 } (step 20).
 */
export function niceRange(lo: number, hi: number): { min: number; max: number } {
  const span = Math.max(hi - lo, 1e-9);
  const raw = span / 8;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step };
}

/** A number with at most `digits` decimals, as text. */
export function fmt(x: number, digits = 1): string {
  return Number(x.toFixed(digits)).toString();
}
