// The CJK font, registered from the npm package so Chinese renders on a machine
// with no system fonts at all (see README.md for the licence).
import type { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';

/** The family every chart uses, for Latin and Chinese alike. */
export const FONT_FAMILY = 'Pandian Sans';

const FILES = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
];

let registered = false;

/**
 * Registers Noto Sans SC (regular and bold) as FONT_FAMILY in @napi-rs/canvas's
 * font registry, once; the files are memory-mapped, not read. Throws when a
 * file is missing.
 */
export function registerChartFont(fonts: typeof GlobalFonts): string {
  if (registered) return FONT_FAMILY;
  const require = createRequire(import.meta.url);
  for (const file of FILES) {
    const path = require.resolve(file);
    if (fonts.registerFromPath(path, FONT_FAMILY) === null) throw new Error(`could not register the chart font ${path}`);
  }
  registered = true;
  return FONT_FAMILY;
}
