import { describe, expect, it } from 'vitest';
import { BinaryCopyWriter, binaryField, CopyWriter } from './copy-rows.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('CopyWriter: rows in COPY text format', () => {
  it('writes NULLs, numbers, escapes and UTF-8 as Postgres reads them', () => {
    const w = new CopyWriter();
    const cells = [null, undefined, 0.1, -1e21, Number.NaN, Infinity, 3, '', 'a\tb\nc\rd\\e', '合同-甲', '\\N'];
    cells.forEach((c, i) => {
      if (i > 0) w.tab();
      w.cell(c);
    });
    w.endRow();
    // NaN and the infinities are NULL; a literal backslash-N text stays text (escaped).
    expect(text(w.take())).toBe('\\N\t\\N\t0.1\t-1e+21\t\\N\t\\N\t3\t\ta\\tb\\nc\\rd\\\\e\t合同-甲\t\\\\N\n');
    expect(w.empty).toBe(true);
  });

  it('grows for a cell longer than the buffer and reports full past 1 MB', () => {
    const w = new CopyWriter();
    const long = '长'.repeat(700_000); // 2.1 MB of UTF-8
    w.text(long);
    w.endRow();
    expect(w.full).toBe(true);
    const bytes = w.take();
    expect(bytes.length).toBe(700_000 * 3 + 1);
    expect(text(bytes)).toBe(`${long}\n`);
  });

});

describe('BinaryCopyWriter: rows in COPY binary format', () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  const HEADER = '5047434f50590aff0d0a00' + '00000000' + '00000000';

  it('writes the header, a row of every kind of field, and the trailer, byte for byte', () => {
    const w = new BinaryCopyWriter();
    w.row(6);
    w.text('E1'); // length 2, then "E1"
    w.float8(0.5); // length 8, then 0.5 as an IEEE double: sign 0, exponent 1022 (0x3fe), mantissa 0
    w.int4(-2); // length 4, then two's complement
    w.null(); // length -1
    w.text('合'); // U+5408 is 3 bytes of UTF-8: e5 90 88
    w.float8(Number.NaN); // NaN is NULL, as in the text format
    w.end();
    expect(hex(w.take())).toBe(
      HEADER +
        '0006' +
        '00000002' + '4531' +
        '00000008' + '3fe0000000000000' +
        '00000004' + 'fffffffe' +
        'ffffffff' +
        '00000003' + 'e59088' +
        'ffffffff' +
        'ffff',
    );
  });

  it('writes the header only once, in the first chunk', () => {
    const w = new BinaryCopyWriter();
    w.row(1);
    w.int4(7);
    const first = w.take();
    w.row(1);
    w.int4(7);
    w.end();
    expect(hex(first)).toBe(HEADER + '0001' + '00000004' + '00000007');
    expect(hex(w.take())).toBe('0001' + '00000004' + '00000007' + 'ffff');
  });

  it('refuses a rating that is not a 32-bit integer rather than cut it', () => {
    const w = new BinaryCopyWriter();
    expect(() => w.int4(2.5)).toThrow(RangeError);
    expect(() => w.int4(2 ** 31)).toThrow(RangeError);
    w.int4(2 ** 31 - 1);
    expect(hex(w.take()).slice(-8)).toBe('7fffffff');
  });

  it('encodes a dictionary text once to the bytes the writer writes, NULL included', () => {
    const w = new BinaryCopyWriter();
    w.take();
    w.text('销售额 a\tb');
    expect(hex(binaryField('销售额 a\tb'))).toBe(hex(w.take()));
    expect(hex(binaryField(null))).toBe('ffffffff');
    expect(hex(binaryField(''))).toBe('00000000');
  });

  it('grows for a field longer than the buffer and reports full past 1 MB', () => {
    const w = new BinaryCopyWriter();
    w.take();
    const long = 'a'.repeat(600_000) + '长'.repeat(200_000); // 600,000 + 600,000 bytes of UTF-8
    w.text(long);
    expect(w.full).toBe(true);
    const bytes = w.take();
    expect(new DataView(bytes.buffer, bytes.byteOffset).getInt32(0)).toBe(1_200_000);
    expect(new TextDecoder().decode(bytes.subarray(4))).toBe(long);
  });
});
