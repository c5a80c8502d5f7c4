import { describe, expect, it } from 'vitest';
import { openCsv } from './csv.ts';
import { DataError } from './data-error.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Every row as an object of the asked columns, and the line each started on. */
function rows(text: string, required: string[], optional: string[] = []) {
  const csv = openCsv('t.csv', bytes(text), { required, optional });
  const out: { line: number; cells: Record<string, string | null> }[] = [];
  csv.forEach((cells, at) => {
    const row: Record<string, string | null> = {};
    for (const name of [...required, ...optional]) {
      const i = csv.index[name] as number;
      row[name] = i < 0 ? null : (cells[i] as string);
    }
    out.push({ line: at.line(), cells: row });
  });
  return out;
}

function failure(run: () => unknown): DataError {
  try {
    run();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('openCsv', () => {
  it('reads columns in any order, by name; absent optional columns are -1', () => {
    expect(rows('b,a\r\n2,1\r\n', ['a', 'b'], ['c'])).toEqual([{ line: 2, cells: { a: '1', b: '2', c: null } }]);
  });

  it('unquotes RFC 4180 cells, keeps commas and doubled quotes', () => {
    expect(rows('a,b\n"x, y","say ""hi"""\n', ['a', 'b'])[0]?.cells).toEqual({ a: 'x, y', b: 'say "hi"' });
  });

  it('counts physical lines: a quoted cell over two lines shifts the next record', () => {
    expect(rows('a,b\n1,"two\nlines"\n3,4\n', ['a', 'b']).map((r) => r.line)).toEqual([2, 4]);
  });

  it('reads CR-only line ends (old Excel for Mac)', () => {
    expect(rows('a,b\r1,2\r3,4\r', ['a', 'b']).map((r) => r.line)).toEqual([2, 3]);
  });

  it('strips a BOM and trims header names', () => {
    expect(rows('\uFEFFid , name\n1,张伟\n', ['id', 'name'])[0]?.cells).toEqual({ id: '1', name: '张伟' });
  });

  it('rejects a column named twice', () => {
    const e = failure(() => openCsv('t.csv', bytes('a,b,a\n1,2,3\n'), { required: ['a'] }));
    expect(e).toMatchObject({ file: 't.csv', line: 1, column: 'a' });
    expect(e.message).toContain('expected each column once in the header, got "a" twice');
  });

  it('rejects extra cells in a row', () => {
    const e = failure(() => rows('a,b\n1,2\n1,2,3\n', ['a']));
    expect(e).toMatchObject({ file: 't.csv', line: 3, column: null });
    expect(e.message).toBe('t.csv line 3: expected 2 cells as in the header, got 3');
  });

  it('finds the line of the first non-UTF-8 byte', () => {
    const text = new Uint8Array([...bytes('a,b\n1,2\n3,'), 0xc3, 0x28, ...bytes('\n')]);
    const e = failure(() => openCsv('t.csv', text, { required: ['a'] }));
    expect(e).toMatchObject({ line: 3, column: null });
    expect(e.message).toContain('got the bytes C3 28 0A');
  });
});
