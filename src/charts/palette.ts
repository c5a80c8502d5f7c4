// Colours that colour-blind readers can tell apart.

/**
 * Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable
 * under the common colour-vision deficiencies. Black last: it doubles as text.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Series colours in order; yellow is left out (unreadable as a line on white). */
export const SERIES = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.purple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
] as const;

/** Line dash patterns that, with SERIES, keep up to 21 series apart. */
export const DASHES: number[][] = [[], [6, 4], [2, 3]];

export const TEXT = '#222222';
export const GRID = '#E3E3E3';
export const MISSING = '#F2F2F2';

/** `#RRGGBB` at opacity a, as `rgba(...)`. */
export function withAlpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

/**
 * Sequential scale for shares in [0, 1]: from Okabe-Ito vermillion (0) through
 * pale yellow (0.5) to blue (1), a diverging ramp whose ends differ in lightness
 * as well as hue, so it reads in grey too. Returns `rgb(...)`.
 */
export function shareColour(t: number): string {
  const stops: [number, number, number][] = [
    [213, 94, 0],
    [250, 240, 200],
    [0, 114, 178],
  ];
  const x = Math.min(1, Math.max(0, t)) * 2;
  const i = Math.min(1, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  const c = a.map((v, k) => Math.round(v + (b[k]! - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Black or white, whichever reads on the given `rgb(r, g, b)` fill. */
export function textOn(rgb: string): string {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).map(Number) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? '#000000' : '#FFFFFF';
}
