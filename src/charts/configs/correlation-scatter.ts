// Correlation scatter of the strongest indicator pair, off-diagonal people marked.
import type { ChartConfiguration } from 'chart.js';
import type { Diagnosis } from '../../engine/types.ts';
import { OKABE_ITO, withAlpha } from '../palette.ts';
import type { ChartContext, ChartSpec } from '../types.ts';
import { chartPlugins, DEFAULT_HEIGHT, DEFAULT_WIDTH, fmt, niceRange, STATIC, tr, valueAxis } from './common.ts';

/** Grid cells per axis for merging: finer than a pixel at 960 x 540, so nothing visible moves. */
const GRID = 1200;

interface Point {
  x: number;
  y: number;
}

/**
 * Merges points that would land on the same pixel into one, counting the
 * people in it: 10,000 people become at most a few thousand draw calls, and
 * ratings (a handful of distinct scores) stay readable as sized dots.
 */
export function mergePoints(points: readonly Point[], box: Box): { points: Point[]; counts: number[] } {
  const sx = GRID / (box.x1 - box.x0 || 1);
  const sy = GRID / (box.y1 - box.y0 || 1);
  const at = new Map<number, number>();
  const out: Point[] = [];
  const counts: number[] = [];
  for (const p of points) {
    const key = Math.round((p.x - box.x0) * sx) * (GRID + 1) + Math.round((p.y - box.y0) * sy);
    const i = at.get(key);
    if (i !== undefined) counts[i]! += 1;
    else {
      at.set(key, out.length);
      out.push(p);
      counts.push(1);
    }
  }
  return { points: out, counts };
}

/**
 * Dot radius from 'base' (one person) to 12 px (the fullest spot, or 20
 * people when no spot holds more), by the square root of the count.
 */
function radii(counts: readonly number[], most: number, base: number): number[] {
  const top = Math.max(most, 20) - 1;
  return counts.map((c) => base + (12 - base) * Math.sqrt((c - 1) / top));
}

/**
 * The pair with the largest |Pearson r| (the first of d.correlations with an
 * r): each person's two indicator scores, the off-diagonal people (high on one,
 * low on the other) as vermillion triangles over blue dots. Null when no pair
 * has an r.
 */
export function correlationScatterChart(d: Diagnosis, ctx: ChartContext): ChartSpec | null {
  const { lang, names } = ctx;
  const pair = d.correlations.find((c) => c.pearson !== null);
  if (pair === undefined) return null;
  const off = new Set(pair.offDiagonal);
  const others: Point[] = [];
  const marked: Point[] = [];
  for (const e of d.employees) {
    let x: number | null = null;
    let y: number | null = null;
    for (const r of e.indicators) {
      if (r.source === null) continue;
      if (r.indicatorId === pair.x) x = r.score;
      else if (r.indicatorId === pair.y) y = r.score;
    }
    if (x === null || y === null) continue;
    (off.has(e.employeeId) ? marked : others).push({ x, y });
  }
  const all = [...others, ...marked];
  if (all.length === 0) return null;
  const box = bounds(all);
  const plain = mergePoints(others, box);
  const odd = mergePoints(marked, box);
  const most = Math.max(...plain.counts, ...odd.counts);
  const xName = names.indicator(pair.x);
  const yName = names.indicator(pair.y);
  const title = tr(lang, `相关性最强的指标对：${xName} × ${yName}`, `Strongest correlated pair: ${xName} × ${yName}`);
  const rho = pair.spearman === null ? '' : `, Spearman ρ = ${fmt(pair.spearman, 2)}`;
  const subtitle = tr(
    lang,
    `Pearson r = ${fmt(pair.pearson!, 2)}${rho}，n = ${pair.n}；背离者 = 一项 ≥ P75 而另一项 ≤ P25；点越大，该处重合的人越多`,
    `Pearson r = ${fmt(pair.pearson!, 2)}${rho}, n = ${pair.n}; off-diagonal = ≥ P75 on one, ≤ P25 on the other; larger dots = more people there`,
  );
  const config: ChartConfiguration<'scatter'> = {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: tr(lang, `其他员工（${others.length} 人）`, `Others (${others.length})`),
          data: plain.points,
          backgroundColor: withAlpha(OKABE_ITO.blue, 0.45),
          borderWidth: 0,
          pointRadius: radii(plain.counts, most, 3),
          pointStyle: 'circle',
        },
        {
          label: tr(lang, `背离者（${marked.length} 人）`, `Off-diagonal (${marked.length})`),
          data: odd.points,
          backgroundColor: withAlpha(OKABE_ITO.vermillion, 0.85),
          borderColor: '#FFFFFF',
          borderWidth: 0.5,
          pointRadius: radii(odd.counts, most, 5),
          pointStyle: 'triangle',
        },
      ],
    },
    options: {
      ...STATIC,
      parsing: false,
      normalized: true,
      scales: {
        x: valueAxis(tr(lang, `${xName} 得分（分）`, `${xName} score (points)`), { min: box.x0, max: box.x1 }),
        y: valueAxis(tr(lang, `${yName} 得分（分）`, `${yName} score (points)`), { min: box.y0, max: box.y1 }),
      },
      plugins: chartPlugins(title, [subtitle], true),
    },
  };
  return {
    id: 'correlation-scatter',
    title,
    config: config as unknown as ChartConfiguration,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: ctx.height ?? DEFAULT_HEIGHT,
  };
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Axis ranges: the data plus a point of margin, ends on a round step. */
function bounds(points: readonly Point[]): Box {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
  }
  const x = niceRange(x0 - 1, x1 + 1);
  const y = niceRange(y0 - 1, y1 + 1);
  return { x0: x.min, x1: x.max, y0: y.min, y1: y.max };
}
