// CSV files bigger than one block (1 MiB): records, cells and line numbers
// must come out as from parsing the whole text at once, wherever the blocks
// are cut (inside a quoted cell, a multi-byte character, a CR LF).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openCsv } from './csv.ts';
import { DataError } from './data-error.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['x', 'abc', '12.5', '销售额', '😀', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', ''];
/** Pieces that need no quoting: such a file is split natively, not by papaparse. */
const PLAIN = ['x', 'abc', '12.5', '销售额', '😀', ''];

/** A file of `rows` records of three cells, some quoted (commas, quotes, newlines inside), with line ends `newline`. */
function csvText(rows: number, newline: string, seed: number, pieces = PIECES): string {
  const next = random(seed);
  const cell = (): string => {
    let text = '';
    const parts = 1 + Math.floor(next() * 4);
    for (let i = 0; i < parts; i++) text += pieces[Math.floor(next() * pieces.length)];
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = ['a,b,c'];
  for (let i = 0; i < rows; i++) lines.push(`${cell()},${cell()},${i}`);
  return lines.join(newline) + newline;
}

/** The records after the header and the line each starts on, from the whole text at once. */
function reference(text: string, newline: string): { line: number; cells: string[] }[] {
  const mark = newline === '\r' ? '\r' : '\n';
  const out: { line: number; cells: string[] }[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: newline as Papa.ParseConfig['newline'],
    fastMode: false,
    step(result) {
      for (let i = text.indexOf(mark, counted); i !== -1 && i < start; i = text.indexOf(mark, i + 1)) line++;
      counted = start;
      const cells = result.data;
      if (start > 0 && !(cells.length === 1 && cells[0] === '')) out.push({ line, cells });
      start = result.meta.cursor;
    },
  });
  return out;
}

function read(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  openCsv('t.csv', bytes(text), { required: ['a', 'b', 'c'] }).forEach((cells, at) => out.push({ line: at.line(), cells: [...cells] }));
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

describe('openCsv across blocks', () => {
  it.each([
    ['LF', '\n'],
    ['CR LF', '\r\n'],
    ['CR', '\r'],
  ])('reads every record and line of a 2.4 MB file with %s line ends as the whole text gives them', (_, newline) => {
    const text = csvText(70_000, newline, 7);
    expect(bytes(text).length).toBeGreaterThan(2 << 20);
    const got = read(text);
    expect(got).toHaveLength(70_000);
    expect(got).toEqual(reference(text, newline));
  });

  it('reads a file with no quote, split natively, as papaparse does', () => {
    const text = csvText(70_000, '\n', 5, PLAIN);
    expect(text).not.toContain('"');
    expect(read(text)).toEqual(reference(text, '\n'));
  });

  it('reads a file whose quotes come after the first blocks, counting lines on across both ways of parsing', () => {
    const plain = csvText(50_000, '\n', 3, PLAIN);
    const quoted = csvText(20_000, '\n', 4).slice('a,b,c\n'.length);
    const text = plain + quoted + plain.slice('a,b,c\n'.length) + '\r in a cell,2,3\n';
    expect(bytes(plain).length).toBeGreaterThan(1 << 20);
    expect(read(text)).toEqual(reference(text, '\n'));
  });

  it.each([
    ['a row of four cells', (t: string, at: number) => `${t.slice(0, at)},extra${t.slice(at)}`, 'expected 3 cells as in the header, got 4', 0],
    ['an empty line between rows', (t: string, at: number) => `${t.slice(0, at + 1)}\n${t.slice(at + 1)}`, 'expected no empty line between rows', 1],
  ])('names the line of %s far into a file with no quote', (_, edit, message, after) => {
    const text = csvText(40_000, '\n', 13, PLAIN);
    const want = reference(text, '\n')[30_000]!;
    const at = text.indexOf(',30000\n') + ',30000'.length;
    const e = failure(() => read(edit(text, at)));
    expect(e.message).toBe(`t.csv line ${want.line + after}: ${message}`);
  });

  it('names the line of a bad record far into the file', () => {
    const text = csvText(40_000, '\n', 11);
    const want = reference(text, '\n')[30_000]!;
    expect(want.cells[2]).toBe('30000');
    // Row 30,000 gets a fourth cell: the error names the line the record starts on.
    const at = text.indexOf(',30000\n') + ',30000'.length;
    const e = failure(() => read(`${text.slice(0, at)},extra${text.slice(at)}`));
    expect(e.message).toBe(`t.csv line ${want.line}: expected 3 cells as in the header, got 4`);
  });

  it('finds the line and bytes of a non-UTF-8 byte in a later block', () => {
    const text = 'a,b,c\n' + '1,2,3\n'.repeat(400_000);
    const good = bytes(text);
    const bad = new Uint8Array(good.length + 2);
    const at = 6 * 300_000 + 2; // inside line 300,001
    bad.set(good.subarray(0, at));
    bad.set([0xd6, 0xd0], at);
    bad.set(good.subarray(at), at + 2);
    const e = failure(() => openCsv('t.csv', bad, { required: ['a'] }).forEach(() => {}));
    expect(e).toMatchObject({ line: 300_001, column: null });
    expect(e.message).toContain('got the bytes D6 D0 32 2C');
  });

  it('reports a quote left open near the start without reading the rest over and over', () => {
    const text = 'a,b,c\n1,"open,3\n' + '4,5,6\n'.repeat(1_000_000);
    const started = performance.now();
    const e = failure(() => read(text));
    expect(e).toMatchObject({ line: 2, column: null });
    expect(e.message).toContain('expected RFC 4180 quoting');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
