// Bulk loading by COPY FROM STDIN, the fastest way into Postgres: the rows
// skip the planner and per-row parameter decoding. Two formats: text
// (CopyWriter) for rows of texts, which Postgres reads fastest so, and binary
// (BinaryCopyWriter) for rows of numbers, which then travel as doubles and
// integers rather than as text each side must write and parse. Both drivers
// speak COPY, each in its own way: postgres.js streams into a writable,
// PGlite reads a Blob mounted as /dev/blob. Drizzle's transaction object
// keeps the driver's own transaction client on `session.client` (not public
// API, so it is checked here and the tests run this on both drivers).
//
// Rows are written as bytes into ~1 MB buffers rather than built as strings:
// for 100,000 rows, string concatenation spent more time in the garbage
// collector than Postgres spent loading them.
import type { Db } from './database.ts';

type Cell = string | number | null | undefined;

interface PostgresJsTx {
  unsafe(query: string): { writable(): Promise<WritableLike> };
}
interface WritableLike {
  write(chunk: Uint8Array): boolean;
  end(): void;
  once(event: 'drain' | 'finish' | 'error', listener: (error?: Error) => void): unknown;
}
interface PgliteTx {
  query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const CHUNK_BYTES = 1 << 20;
const TAB = 9;
const NEWLINE = 10;
const encoder = new TextEncoder();

/**
 * Rows [0, count) in COPY's text format, about a megabyte per chunk, for
 * copyChunks: made ahead, while the connection is busy with something else.
 */
export function encodeRows(count: number, row: (i: number) => readonly Cell[]): Uint8Array[] {
  return [...rowChunks(count, row)];
}

/** Rows [0, count) in COPY's text format, about a megabyte per chunk. */
function* rowChunks(count: number, row: (i: number) => readonly Cell[]): Generator<Uint8Array> {
  const out = new CopyWriter();
  for (let i = 0; i < count; i++) {
    const cells = row(i);
    for (let c = 0; c < cells.length; c++) {
      if (c > 0) out.tab();
      out.cell(cells[c]);
    }
    out.endRow();
    if (out.full) yield out.take();
  }
  if (!out.empty) yield out.take();
}

/**
 * Appends rows to `table` (columns in order) with COPY, inside the caller's
 * transaction, from chunks in `format`: text (encodeRows, CopyWriter: whole
 * rows, each ending with a newline) or binary (BinaryCopyWriter: header
 * first, trailer last). Chunks made lazily are made while earlier ones are
 * on their way, so the server loads as this process writes. Rows land in
 * the order given.
 */
export async function copyChunks(
  tx: Db,
  table: string,
  columns: readonly string[],
  chunks: Iterable<Uint8Array>,
  format: 'text' | 'binary' = 'text',
): Promise<void> {
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`bad identifier in copy into ${table}`);
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  const options = format === 'binary' ? ' with (format binary)' : '';
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (client && typeof (client as PostgresJsTx).unsafe === 'function') {
    const stream = await (client as PostgresJsTx).unsafe(`${statement} stdin${options}`).writable();
    const finished = new Promise<void>((resolve, reject) => {
      stream.once('finish', () => resolve());
      stream.once('error', (error) => reject(error));
    });
    for (const chunk of chunks) {
      if (chunk.length > 0 && !stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    }
    stream.end();
    await finished;
  } else if (client && typeof (client as PgliteTx).query === 'function') {
    const parts = [...chunks].filter((p) => p.length > 0);
    if (parts.length === 0) return;
    await (client as PgliteTx).query(`${statement} '/dev/blob'${options}`, [], { blob: new Blob(parts as Uint8Array<ArrayBuffer>[]) });
  } else {
    throw new Error('copyChunks: the transaction does not expose a postgres.js or PGlite client');
  }
}

/**
 * The ~1 MB buffers both writers write into: `take()` hands over what was
 * written whenever `full`, and a buffer grows for a field longer than its
 * spare 4 KB.
 */
abstract class ChunkedBytes {
  protected buf = new Uint8Array(CHUNK_BYTES + 4096);
  protected at = 0;

  get full(): boolean {
    return this.at >= CHUNK_BYTES;
  }

  get empty(): boolean {
    return this.at === 0;
  }

  /** The bytes written since the last take. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.replace(new Uint8Array(CHUNK_BYTES + 4096));
    this.at = 0;
    return out;
  }

  /** Room for n more bytes. */
  protected ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.replace(bigger);
  }

  /** Writes go to `buf` from now on. */
  protected replace(buf: Uint8Array<ArrayBuffer>): void {
    this.buf = buf;
  }
}

/**
 * Rows in COPY's text format, written as UTF-8. Callers write cells and
 * separators, then `take()` a buffer whenever `full`.
 */
export class CopyWriter extends ChunkedBytes {

  tab(): void {
    this.ensure(1);
    this.buf[this.at++] = TAB;
  }

  endRow(): void {
    this.ensure(1);
    this.buf[this.at++] = NEWLINE;
  }

  cell(value: Cell): void {
    if (typeof value === 'string') this.text(value);
    else this.ascii(cellText(value));
  }

  /** A number as JavaScript writes it (shortest round trip), which float8 and int read back exactly; NaN and infinities are NULL. */
  number(value: number | null): void {
    this.ascii(cellText(value));
  }

  text(value: string): void {
    const escaped = cellText(value);
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.ensure(escaped.length * 3);
    this.at += encoder.encodeInto(escaped, this.buf.subarray(this.at)).written;
  }

  private ascii(value: string): void {
    this.ensure(value.length);
    for (let i = 0; i < value.length; i++) this.buf[this.at++] = value.charCodeAt(i);
  }
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: \N for NULL and for NaN and the infinities; backslash, tab, newline and CR escaped. */
function cellText(value: Cell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (value === null || value === undefined) return '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIALS, (ch) => ESCAPES[ch]!) : value;
}

/** "PGCOPY\n\377\r\n\0", then the flags and the header extension's length, both 0. */
const BINARY_HEADER = new Uint8Array([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

/**
 * Rows in COPY's binary format, for a table whose column types the caller
 * knows: numbers travel as IEEE doubles and 32-bit integers, so neither
 * side turns them into text and back (for 100,000 value rows, formatting
 * their 300,000 numbers was most of this process's share of the COPY, and
 * parsing them a good part of Postgres's). Call `row(n)`, then n fields;
 * `end()` after the last row, then `take()` the rest.
 */
export class BinaryCopyWriter extends ChunkedBytes {
  private view = new DataView(this.buf.buffer);

  constructor() {
    super();
    this.bytes(BINARY_HEADER);
  }

  /** A row of `fields` fields follows. */
  row(fields: number): void {
    this.ensure(2);
    this.view.setInt16(this.at, fields);
    this.at += 2;
  }

  /** The trailer, after the last row. */
  end(): void {
    this.row(-1);
  }

  null(): void {
    this.ensure(4);
    this.view.setInt32(this.at, -1);
    this.at += 4;
  }

  /** A float8 field; null, NaN and the infinities are NULL (as in the text format's writer). */
  float8(value: number | null): void {
    if (value === null || !Number.isFinite(value)) return this.null();
    this.ensure(12);
    this.view.setInt32(this.at, 8);
    this.view.setFloat64(this.at + 4, value);
    this.at += 12;
  }

  /** An int4 field; a number that is not a 32-bit integer is refused rather than cut. */
  int4(value: number | null): void {
    if (value === null) return this.null();
    if (!Number.isInteger(value) || value < INT4_MIN || value > INT4_MAX) throw new RangeError(`${value} is not a 32-bit integer`);
    this.ensure(8);
    this.view.setInt32(this.at, 4);
    this.view.setInt32(this.at + 4, value);
    this.at += 8;
  }

  /** A text field, as UTF-8; null is NULL. */
  text(value: string | null): void {
    if (value === null) return this.null();
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.ensure(4 + value.length * 3);
    const start = this.at + 4;
    let end = start;
    // Short ASCII texts byte by byte: TextEncoder's call costs more than they do.
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code >= 0x80) {
        end = start + encoder.encodeInto(value, this.buf.subarray(start)).written;
        break;
      }
      this.buf[end++] = code;
    }
    this.view.setInt32(this.at, end - start);
    this.at = end;
  }

  /** A field encoded once by binaryField: a dictionary text written many times. */
  field(encoded: Uint8Array): void {
    this.bytes(encoded);
  }

  private bytes(b: Uint8Array): void {
    this.ensure(b.length);
    // A few bytes are copied faster by hand than by set().
    if (b.length <= 32) for (let i = 0; i < b.length; i++) this.buf[this.at + i] = b[i]!;
    else this.buf.set(b, this.at);
    this.at += b.length;
  }

  protected override replace(buf: Uint8Array<ArrayBuffer>): void {
    super.replace(buf);
    this.view = new DataView(buf.buffer);
  }
}

/** A text field in COPY's binary format (its length, then its UTF-8), for BinaryCopyWriter.field. */
export function binaryField(value: string | null): Uint8Array {
  const utf8 = value === null ? null : encoder.encode(value);
  const out = new Uint8Array(4 + (utf8?.length ?? 0));
  new DataView(out.buffer).setInt32(0, utf8 === null ? -1 : utf8.length);
  if (utf8 !== null) out.set(utf8, 4);
  return out;
}
