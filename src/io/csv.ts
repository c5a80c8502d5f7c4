// CSV files of a data folder: UTF-8 (BOM accepted), RFC 4180 quoting, header
// row first, columns in any order. The file is read in blocks of 1 MiB
// (utf8.ts) and each piece of text goes through papaparse's core parser with
// its quote-aware mode forced on (`fastMode: false`), one record at a time
// (`step`); the unfinished last record of a piece starts the next one.
// Measured on values.csv of 100,000 employees (3.7 M rows, 136 MB), parsing
// alone: whole text ~2.6 s and ~310 MB peak RSS (papaparse's fast mode, which
// splits every line up front, ~8 s and ~1 GB); in blocks ~1.6 s and ~120 MB.
// Records in a piece are stepped, not collected (papaparse's `chunk`): a
// chunk's worth of row arrays lives long enough to be promoted, and the GC
// then costs more than parsing (values.csv of 100,000: 3 s of GC against 0.7).
// Bytes that are not UTF-8 are found when reading reaches them, so a data
// error in the rows before them is the one reported.
// A piece with no quote in a file with LF line ends (the usual export) is
// split into lines and cells natively instead (splitLines), which gives what
// papaparse would, ~3x faster. The biggest files rarely come here at all:
// byte-csv.ts scans them, and only a file it gives up on is read this way.
import Papa from 'papaparse';
import type { ByteSource } from './byte-source.ts';
import { CsvCursor } from './csv-cursor.ts';
import { DataError } from './data-error.ts';
import { Utf8Blocks } from './utf8.ts';

export { CsvCursor } from './csv-cursor.ts';

/** papaparse guesses the line ending from the first 1 MiB of text. */
const GUESS_CHARS = 1 << 20;

export interface CsvColumns<C extends string> {
  required: readonly C[];
  /** Columns whose cells may all be empty; the column itself may then be left out. */
  optional?: readonly C[];
}

export interface CsvFile<C extends string> {
  file: string;
  /** Cell index of each column; -1 for an absent optional column. */
  index: Record<C, number>;
  /** Visits the data rows in order; `cells` has exactly one entry per header column. Call it once. */
  forEach(visit: (cells: string[], at: CsvCursor) => void): void;
}

/** Reads the header; rows are read and parsed when `forEach` runs. */
export function openCsv<C extends string>(file: string, source: ByteSource, columns: CsvColumns<C>): CsvFile<C> {
  const blocks = new Utf8Blocks(file, source);
  try {
    // Enough text to guess the line ending as papaparse would from the whole
    // file, to tell a blank file, and to hold the whole header record.
    const headOf = (t: string) => Papa.parse<string[]>(t, { delimiter: ',', preview: 1, skipEmptyLines: false });
    let text = blocks.next() ?? '';
    while (!blocks.ended && (text.length < GUESS_CHARS || text.trim() === '')) text = blocks.next(text) ?? '';
    if (text.trim() === '') {
      throw new DataError({ file, line: 1, expected: 'a header row', detail: 'expected a header row, got an empty file' });
    }
    let cells: string[];
    let newline: string;
    const plain = plainHeader(text, blocks.ended);
    if (plain !== null) {
      cells = plain;
      newline = '\n';
    } else {
      let head = headOf(text);
      while (head.meta.truncated !== true && !blocks.ended) head = headOf((text = blocks.next(text) ?? ''));
      cells = head.data[0] ?? [];
      newline = head.meta.linebreak;
    }
    const header = cells.map((name) => name.trim());
    const index = headerIndex(file, header, columns);
    return {
      file,
      index,
      forEach(visit) {
        try {
          forEachRow(blocks, text, newline, header.length, visit);
        } finally {
          blocks.close();
        }
      },
    };
  } catch (e) {
    blocks.close();
    throw e;
  }
}

/**
 * The header's cells as papaparse would give them, for the usual file: no
 * quote and no CR where papaparse guesses the line ending (the first 1 MiB
 * of text), so LF ends lines, and the first line is the header. null
 * otherwise, or when the text holds no whole line yet. Guessing costs
 * papaparse two splits of that 1 MiB: ~20 ms per file.
 */
function plainHeader(text: string, ended: boolean): string[] | null {
  const guess = text.length > GUESS_CHARS ? text.slice(0, GUESS_CHARS) : text;
  if (guess.includes('"') || guess.includes('\r')) return null;
  const end = text.indexOf('\n');
  if (end < 0 && !ended) return null;
  const line = end < 0 ? text : text.slice(0, end);
  return line.includes('"') ? null : line.split(',');
}

function headerIndex<C extends string>(file: string, header: string[], columns: CsvColumns<C>): Record<C, number> {
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name !== '' && seen.has(name)) {
      throw new DataError({ file, line: 1, column: name, expected: 'each column once in the header', detail: `expected each column once in the header, got "${name}" twice` });
    }
    seen.set(name, i);
  });
  const index = {} as Record<C, number>;
  for (const name of columns.required) {
    const i = seen.get(name);
    if (i === undefined) {
      throw new DataError({ file, line: 1, column: name, expected: `a column "${name}" in the header`, detail: `expected a column "${name}" in the header (columns: ${header.join(',')})` });
    }
    index[name] = i;
  }
  for (const name of columns.optional ?? []) index[name] = seen.get(name) ?? -1;
  return index;
}

/** Parses `first` and the pieces after it, the header record included, visiting the data records. */
function forEachRow(blocks: Utf8Blocks, first: string, newline: string, width: number, visit: (cells: string[], at: CsvCursor) => void): void {
  const at = new CsvCursor(blocks.file, newline);
  let next = 0; // where the record after the one in hand starts, in the current piece
  let records = 0; // records stepped in the current piece
  let isHeader = true;
  let emptyLine = -1; // line of the first empty line not yet followed by a record
  const record = (cells: string[]): void => {
    if (isHeader) {
      isHeader = false;
      return;
    }
    if (cells[0] === '' && cells.every((cell) => cell === '')) {
      if (emptyLine < 0) emptyLine = at.line();
      return; // only trailing empty lines are allowed; see below
    }
    if (emptyLine >= 0) {
      throw at.errorAt(emptyLine, null, 'no empty line between rows', undefined, 'expected no empty line between rows');
    }
    if (cells.length !== width) {
      throw at.error(null, `${width} cells as in the header`, undefined, `expected ${width} cells as in the header, got ${cells.length}`);
    }
    visit(cells, at);
  };
  const parser = new Papa.Parser({
    delimiter: ',',
    newline: newline as Papa.ParseConfig['newline'],
    fastMode: false,
    step(result: Papa.ParseStepResult<string[]>) {
      at.setStart(next);
      next = result.meta.cursor;
      records++;
      if (result.errors.length > 0 && !isHeader) {
        throw at.error(null, 'RFC 4180 quoting', undefined, `expected RFC 4180 quoting ("a ""quoted"" cell"): ${result.errors[0]?.message ?? 'malformed quotes'}`);
      }
      // The core parser passes the row inside a one-row array.
      record((result.data as unknown as string[][])[0] as string[]);
    },
  });
  /** Parses a piece; returns how much of it was used (the rest is an unfinished record). */
  const parse = (text: string, last: boolean): number => {
    if (newline === '\n' && !text.includes('"')) return splitLines(text, last);
    at.reset(text);
    next = 0;
    records = 0;
    // With last = false the parser leaves out the final record, which may be cut off.
    parser.parse(text, 0, !last);
    at.consume(next, records);
    return next;
  };
  /**
   * Without a quote and with LF line ends a record is a line and its cells
   * are cut at every comma, exactly as papaparse would cut them, but split
   * natively: ~3x faster, and far less garbage.
   */
  const splitLines = (text: string, last: boolean): number => {
    const end = last ? text.length : text.lastIndexOf('\n') + 1;
    let k = 0;
    for (let from = 0; from < end; k++) {
      let to = text.indexOf('\n', from);
      if (to < 0 || to >= end) to = end;
      at.setLineInPiece(k);
      record(text.slice(from, to).split(','));
      from = to + 1;
    }
    at.consumeLines(k);
    return end;
  };

  let text = first;
  while (!blocks.ended) {
    const used = parse(text, false);
    text = blocks.next(text.slice(used)) ?? '';
  }
  parse(text, true);
}
