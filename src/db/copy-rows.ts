// Bulk loading by COPY FROM STDIN, the fastest way into Postgres: the rows
// travel as Postgres's text format and skip the planner and per-row parameter
// decoding. Both drivers speak it, each in its own way: postgres.js streams
// into a writable, PGlite reads a Blob mounted as /dev/blob. Drizzle's
// transaction object keeps the driver's own transaction client on
// `session.client` (not public API, so it is checked here and the tests run
// this on both drivers).
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
 * Appends `count` rows to `table` (columns in order) with COPY, inside the
 * caller's transaction. `row(i)` gives the cells of row i; null or a
 * non-finite number is NULL. Rows land in the order given.
 */
export async function copyRows(tx: Db, table: string, columns: readonly string[], count: number, row: (i: number) => readonly Cell[]): Promise<void> {
  if (count === 0) return;
  return copyChunks(tx, table, columns, rowChunks(count, row));
}

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
 * COPY from chunks already in the text format (whole rows, each ending with
 * a newline). Chunks are made while earlier ones are on their way, so the
 * server parses as we write.
 */
export async function copyChunks(tx: Db, table: string, columns: readonly string[], chunks: Iterable<Uint8Array>): Promise<void> {
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`bad identifier in copy into ${table}`);
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (client && typeof (client as PostgresJsTx).unsafe === 'function') {
    const stream = await (client as PostgresJsTx).unsafe(`${statement} stdin`).writable();
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
    await (client as PgliteTx).query(`${statement} '/dev/blob'`, [], { blob: new Blob(parts as Uint8Array<ArrayBuffer>[]) });
  } else {
    throw new Error('copyRows: the transaction does not expose a postgres.js or PGlite client');
  }
}

/**
 * Rows in COPY's text format, written as UTF-8 into ~1 MB buffers. Callers
 * write cells and separators, then `take()` a buffer whenever `full`.
 */
export class CopyWriter {
  private buf = new Uint8Array(CHUNK_BYTES + 4096);
  private at = 0;

  get full(): boolean {
    return this.at >= CHUNK_BYTES;
  }

  get empty(): boolean {
    return this.at === 0;
  }

  /** The bytes written since the last take. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(CHUNK_BYTES + 4096);
    this.at = 0;
    return out;
  }

  tab(): void {
    this.ensure(1);
    this.buf[this.at++] = TAB;
  }

  endRow(): void {
    this.ensure(1);
    this.buf[this.at++] = NEWLINE;
  }

  /** Bytes already in the text format (see `encodeCell`): a dictionary text escaped once. */
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
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

  /** Room for n more bytes: a long cell can outgrow the spare 4 KB. */
  private ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
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

/** One value in COPY's text format, as UTF-8: for texts written many times (dictionary entries), encode once. */
export function encodeCell(value: Cell): Uint8Array {
  return encoder.encode(cellText(value));
}
