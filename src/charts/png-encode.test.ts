import { describe, expect, it } from 'vitest';
import { crc32, encodeRgbaPng, tableCrc32 } from './png-encode.ts';
import { decodePng } from './test-helpers.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it.each([
    ['IEND', 0xae426082],
    ['123456789', 0xcbf43926],
    ['', 0],
  ])('of %j is %i', (text, expected) => {
    expect(crc32(bytes(text))).toBe(expected);
    expect(tableCrc32(bytes(text))).toBe(expected);
  });
});

describe('encodeRgbaPng', () => {
  it('round-trips opaque pixels through an independent decoder', async () => {
    const width = 37;
    const height = 23;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([(i * 7) & 255, (i * 13) & 255, (i * 29) & 255, 255], i * 4);
    const png = await encodeRgbaPng(rgba, width, height);
    const img = await decodePng(png);
    expect([img.width, img.height]).toEqual([width, height]);
    expect(Buffer.from(img.rgba).equals(Buffer.from(rgba))).toBe(true);
  });

  it('refuses a pixel buffer of the wrong length', async () => {
    await expect(encodeRgbaPng(new Uint8Array(10), 2, 2)).rejects.toThrow(RangeError);
  });
});
