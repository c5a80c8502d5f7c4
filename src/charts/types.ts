// The chart module's vocabulary: specs (pure chart.js configs) and rendered PNGs.
import type { ChartConfiguration } from 'chart.js';
import type { Lang, Policy } from '../engine/types.ts';

/** Display names for ids; `namesOf` in src/cli/labels.ts fits this shape. */
export interface ChartNames {
  department(id: string): string;
  indicator(id: string): string;
}

export interface ChartContext {
  names: ChartNames;
  /** The policy of the diagnosed cycle (its grading gives the quotas). */
  policy: Policy;
  lang: Lang;
  /** Pixels; default 960 x 540. A chart with many rows grows taller than `height`. */
  width?: number;
  height?: number;
}

/** One chart before rendering: everything a renderer needs, no canvas. */
export interface ChartSpec {
  /** Stable kebab-case id, also the file name stem. */
  id: string;
  title: string;
  config: ChartConfiguration;
  width: number;
  height: number;
}

export interface RenderedChart {
  id: string;
  title: string;
  /** File name, e.g. `scores-by-department.png`. */
  file: string;
  width: number;
  height: number;
  png: Uint8Array;
}
