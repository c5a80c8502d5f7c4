// A CSV file the fast way, for the usual file: no quote anywhere, LF line
// ends, UTF-8. Lines are cut into cells as bytes, without a string per cell:
// the big files (values.csv, attributes.csv) are scanned ~5x faster than
// with papaparse, with almost no garbage. Anything else (a quote, a CR, a
// row of the wrong width, an empty line before the last row, bytes that are
// not UTF-8, an empty or odd header) makes the scan give up (false): the
// caller then reads the file the careful way (csv.ts), which names the
// error exactly, line and column.
import { byteLength, openBytes, type ByteSource } from './byte-source.ts';

/** One data row: cell k is bytes[starts[k], ends[k]). False to give up. */
export type RowHandler = (bytes: Buffer, starts: Int32Array, ends: Int32Array) => boolean;

const BLOCK = 1 << 20;
/**
 * The block buffer of the last scan, for the next: a fresh one costs a page
 * fault per 4 KiB on first use (~20 ms a MiB on the benchmark machine).
 * Taken while a scan runs, so two at once cannot share it.
 */
let spare: Buffer | null = null;
const COMMA = 44;
const NEWLINE = 10;
const QUOTE = 34;
const CR = 13;
/** Powers of ten that are exact doubles (as cells.ts plainDecimal). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Scans the file: `open` gets the header's names (trimmed) and returns the
 * handler of the data rows, or null to give up. `validUtf8` checks a run of
 * whole lines; node:buffer's isUtf8 where there is one. True when every row
 * was handled.
 */
export function scanCsv(source: ByteSource, validUtf8: (bytes: Uint8Array) => boolean, open: (header: string[]) => RowHandler | null): boolean {
  const reader = openBytes(source);
  let buffer: Buffer = spare ?? Buffer.allocUnsafe(Math.min(BLOCK, byteLength(source) + 1));
  spare = null;
  let filled = 0;
  let position = 0;
  let atEnd = false;
  const fill = (): void => {
    while (filled < buffer.length) {
      const n = reader.read(buffer.subarray(filled), position);
      if (n === 0) {
        atEnd = true;
        return;
      }
      filled += n;
      position += n;
    }
  };
  /** Where the last whole line of the buffer ends; at the end of the file a last line without LF gets one. */
  const wholeLines = (): number => {
    if (atEnd && filled > 0 && buffer[filled - 1] !== NEWLINE) {
      if (filled === buffer.length) buffer = grow(buffer, filled + 1);
      buffer[filled++] = NEWLINE;
    }
    return filled === 0 ? 0 : buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
  };
  try {
    fill();
    let cut = wholeLines();
    while (cut === 0 && !atEnd) {
      buffer = grow(buffer, 2 * buffer.length);
      fill();
      cut = wholeLines();
    }
    if (cut === 0) return false; // an empty file
    const headerEnd = buffer.indexOf(NEWLINE);
    // A BOM is dropped, as utf8.ts drops it; a second one is left to the careful reader.
    const bom = (at: number): boolean => at + 3 <= headerEnd && buffer[at] === 0xef && buffer[at + 1] === 0xbb && buffer[at + 2] === 0xbf;
    const start = bom(0) ? 3 : 0;
    if (bom(start)) return false;
    const head = buffer.subarray(start, headerEnd);
    if (head.includes(QUOTE) || head.includes(CR) || !validUtf8(head)) return false;
    const header = head.toString('utf8').split(',');
    const row = open(header.map((name) => name.trim()));
    if (row === null) return false;
    const lines = new Lines(header.length, row);
    let from = headerEnd + 1;
    for (;;) {
      const part = buffer.subarray(from, cut);
      if (part.includes(QUOTE) || part.includes(CR) || !validUtf8(part)) return false;
      if (!lines.scan(buffer, from, cut)) return false;
      buffer.copyWithin(0, cut, filled);
      filled -= cut;
      from = 0;
      if (atEnd && filled === 0) return true;
      if (filled === buffer.length) buffer = grow(buffer, 2 * buffer.length);
      fill();
      cut = wholeLines();
    }
  } finally {
    reader.close();
    keepSpare(buffer);
  }
}

/** Keeps a block buffer for the next scan, unless grown for a huge line: a server would hold it for good. */
function keepSpare(buffer: Buffer): void {
  if (buffer.length === BLOCK) spare = buffer;
}

/** Cuts whole lines into cells and hands each data row on. */
class Lines {
  /** An empty line was met (allowed after the last row only, as csv.ts has it). */
  private empty = false;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    private readonly width: number,
    private readonly row: RowHandler,
  ) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
  }

  /** The lines of bytes[from, to), which ends with an LF. */
  scan(bytes: Buffer, from: number, to: number): boolean {
    const { width, starts, ends } = this;
    let p = from;
    while (p < to) {
      let cell = 0;
      let any = false;
      starts[0] = p;
      for (;;) {
        const c = bytes[p]!;
        if (c === COMMA) {
          if (cell < width) ends[cell] = p;
          if (++cell < width) starts[cell] = p + 1;
        } else if (c === NEWLINE) {
          if (cell < width) ends[cell] = p;
          cell++;
          p++;
          break;
        } else any = true;
        p++;
      }
      // A line of empty cells is an empty line to papaparse too.
      if (!any) {
        this.empty = true;
        continue;
      }
      if (this.empty || cell !== width || !this.row(bytes, starts, ends)) return false;
    }
    return true;
  }
}

/** The text of bytes[from, to). */
export function utf8(bytes: Buffer, from: number, to: number): string {
  return bytes.toString('utf8', from, to);
}

/** cells.ts plainDecimal over bytes: the same number, or NaN where it gives undefined. */
export function decimal(b: Buffer, from: number, to: number): number {
  const negative = b[from] === 45; // '-'
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = negative ? from + 1 : from; i < to; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0 && digits > 0) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || decimals === 0) return NaN;
  if (digits <= 15) {
    const value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
    return negative ? -value : value;
  }
  const value = Number(b.toString('latin1', from, to));
  return Number.isFinite(value) ? value : NaN;
}

/** Cell index per name in a header as openCsv reads it; null where openCsv would throw (a name twice, a required one missing). */
export function headerIndex(names: readonly string[], required: readonly string[]): Map<string, number> | null {
  const at = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name !== '' && at.has(name)) return null;
    at.set(name, i);
  }
  return required.every((name) => at.has(name)) ? at : null;
}

function grow(buffer: Buffer, length: number): Buffer {
  const bigger = Buffer.allocUnsafe(length);
  buffer.copy(bigger);
  return bigger;
}
