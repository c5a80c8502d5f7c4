import { describe, expect, it } from 'vitest';
import { CopyWriter, encodeCell } from './copy-rows.ts';

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

  it('encodes a dictionary cell once to the same bytes the writer writes', () => {
    const w = new CopyWriter();
    w.cell('E\t01');
    expect([...encodeCell('E\t01')]).toEqual([...w.take()]);
    expect(text(encodeCell(null))).toBe('\\N');
  });
});
