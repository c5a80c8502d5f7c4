// Bulk loading by COPY FROM STDIN, the fastest way into Postgres: the rows
// travel as Postgres's text format and skip the planner and per-row parameter
// decoding. Both drivers speak it, each in its own way: postgres.js streams
// into a writable, PGlite reads a Blob mounted as /dev/blob. Drizzle's
// transaction object keeps the driver's own transaction client on
// `session.client` (not public API, so it is checked here and the tests run
// this on both drivers).
import type { Db } from './connect.ts';

type Cell = string | number | null | undefined;

interface PostgresJsTx {
  unsafe(query: string): { writable(): Promise<WritableLike> };
}
interface WritableLike {
  write(chunk: string): boolean;
  end(): void;
  once(event: 'drain' | 'finish' | 'error', listener: (error?: Error) => void): unknown;
}
interface PgliteTx {
  query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** About 1 MB per chunk: few writes, no single huge string. */
export const CHUNK_ROWS = 16_384;

/**
 * Appends `count` rows to `table` (columns in order) with COPY, inside the
 * caller's transaction. `row(i)` gives the cells of row i; null or a
 * non-finite number is NULL. Rows land in the order given.
 */
export async function copyRows(tx: Db, table: string, columns: readonly string[], count: number, row: (i: number) => readonly Cell[]): Promise<void> {
  if (count === 0) return;
  return copyText(tx, table, columns, textChunks(count, row));
}

/** Rows [0, count) in COPY's text format, about a megabyte per chunk. */
export function* textChunks(count: number, row: (i: number) => readonly Cell[]): Generator<string> {
  for (let i = 0; i < count; i += CHUNK_ROWS) yield textChunk(i, Math.min(count, i + CHUNK_ROWS), row);
}

/**
 * COPY from chunks already in the text format (each ending with a newline),
 * for callers that write rows faster than cell by cell. Chunks are made
 * while earlier ones are on their way, so the server parses as we write.
 */
export async function copyText(tx: Db, table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void> {
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
    const parts = [...chunks];
    if (parts.every((p) => p.length === 0)) return;
    await (client as PgliteTx).query(`${statement} '/dev/blob'`, [], { blob: new Blob(parts) });
  } else {
    throw new Error('copyRows: the transaction does not expose a postgres.js or PGlite client');
  }
}

/** Rows [from, to) in COPY's text format, each ending in a newline. */
function textChunk(from: number, to: number, row: (i: number) => readonly Cell[]): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const cells = row(i);
    for (let c = 0; c < cells.length; c++) {
      if (c > 0) out += '\t';
      out += textCell(cells[c]);
    }
    out += '\n';
  }
  return out;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: \N for NULL; backslash, tab, newline and CR escaped. */
export function textCell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (ch) => ESCAPES[ch]!) : value;
}
