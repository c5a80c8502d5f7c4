import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, registerChartFont } from './font.ts';

/** Renders text in black on white; returns the dark-pixel count, a hash of the pixels and the advance width. */
function draw(text: string, family: string): { ink: number; hash: string; width: number } {
  const canvas = createCanvas(240, 48);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, 240, 48);
  ctx.fillStyle = '#000000';
  ctx.font = `28px "${family}"`;
  ctx.fillText(text, 4, 36);
  const data = ctx.getImageData(0, 0, 240, 48).data;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) ink++;
  return { ink, hash: createHash('sha256').update(data).digest('hex'), width: ctx.measureText(text).width };
}

describe('the chart font', () => {
  registerChartFont(GlobalFonts);

  it('draws distinct, non-empty glyphs for different Chinese characters', () => {
    const glyphs = ['销', '售', '额', '达', '标', '率'].map((c) => draw(c, FONT_FAMILY));
    for (const g of glyphs) expect(g.ink).toBeGreaterThan(40);
    // A missing glyph is drawn as the same box (or nothing) whatever the character.
    expect(new Set(glyphs.map((g) => g.hash)).size).toBe(glyphs.length);
    // CJK glyphs are square: one em wide each.
    expect(draw('销售额', FONT_FAMILY).width).toBeCloseTo(3 * 28, 0);
  });

  it('gives different pictures for two Chinese strings of the same length', () => {
    const a = draw('部门得分', FONT_FAMILY);
    const b = draw('指标趋势', FONT_FAMILY);
    expect(a.hash).not.toBe(b.hash);
    expect(Math.min(a.ink, b.ink)).toBeGreaterThan(150);
  });

  it('is not the missing-glyph box', () => {
    // Private-use code points have a glyph in no font here, so they show what a
    // missing glyph looks like: the same box (or nothing) whatever the character.
    const tofu = draw('\uE000\uE001\uE002\uE003', FONT_FAMILY);
    expect(draw('\uE010\uE011\uE012\uE013', FONT_FAMILY).hash).toBe(tofu.hash);
    for (const text of ['部门得分', '指标趋势']) expect(draw(text, FONT_FAMILY).hash).not.toBe(tofu.hash);
  });

  it('registers once and returns the family', () => {
    expect(registerChartFont(GlobalFonts)).toBe(FONT_FAMILY);
    expect(registerChartFont(GlobalFonts)).toBe(FONT_FAMILY);
  });
});
