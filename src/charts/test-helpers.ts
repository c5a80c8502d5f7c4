// Shared by the chart tests: the demo company's diagnosis and PNG decoding.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../engine/diagnose.ts';
import { simulate } from '../engine/simulate.ts';
import type { Dataset, Diagnosis, Lang, Simulation } from '../engine/types.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { parsePolicyText } from '../io/policy-schema.ts';
import type { ChartContext, ChartNames } from './types.ts';

export const DEMO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'demo');

export function namesFor(data: Dataset): ChartNames {
  const departments = new Map(data.departments.map((d) => [d.id, d.name]));
  const indicators = new Map(data.policy.indicators.map((i) => [i.id, i.name]));
  return { department: (id) => departments.get(id) ?? id, indicator: (id) => indicators.get(id) ?? id };
}

export interface Demo {
  data: Dataset;
  diagnosis: Diagnosis;
  simulation: Simulation;
  ctx(lang: Lang): ChartContext;
}

export async function loadDemo(): Promise<Demo> {
  const data = await loadDataFolder(DEMO);
  const diagnosis = diagnose(data, { lang: 'zh' });
  const proposal = parsePolicyText(await readFile(join(DEMO, 'proposal.json'), 'utf8'), 'proposal.json');
  const simulation = simulate(data, proposal);
  const policy = data.cyclePolicies[diagnosis.cycle] ?? data.policy;
  return { data, diagnosis, simulation, ctx: (lang) => ({ names: namesFor(data), policy, lang }) };
}

export interface Decoded {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** Decodes PNG bytes with @napi-rs/canvas (an independent decoder from our encoder). */
export async function decodePng(png: Uint8Array): Promise<Decoded> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** Pixels that are not white, distinct colours, and pixels that are not opaque. */
export function inkStats(img: Decoded): { ink: number; colours: number; transparent: number } {
  let ink = 0;
  let transparent = 0;
  const colours = new Set<number>();
  const { rgba } = img;
  for (let i = 0; i < rgba.length; i += 4) {
    const r = rgba[i]!, g = rgba[i + 1]!, b = rgba[i + 2]!, a = rgba[i + 3]!;
    if (a !== 255) transparent++;
    if (r < 245 || g < 245 || b < 245) ink++;
    colours.add((r << 16) | (g << 8) | b);
  }
  return { ink, colours: colours.size, transparent };
}

/** Pixels that differ between two images of the same size. */
export function pixelDiff(a: Decoded, b: Decoded): number {
  if (a.width !== b.width || a.height !== b.height) return a.width * a.height;
  let n = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    if (a.rgba[i] !== b.rgba[i] || a.rgba[i + 1] !== b.rgba[i + 1] || a.rgba[i + 2] !== b.rgba[i + 2]) n++;
  }
  return n;
}
