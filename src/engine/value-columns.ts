// The storage of ValueTable: one typed array per column, as few bytes a row
// as the data allows. Memory is the main cost at scale (on the benchmark
// machine each new page costs a fault of ~10-25 us): values.csv of 100,000
// employees is 3.7 M rows, 104 MB in this layout against 156 MB with a
// four-byte code for every cycle and indicator and a column of its own for
// ratings, which only rows without a target have.

/** Bits of a row's null flags: the cell was empty. */
export const TARGET_NULL = 1;
export const ACTUAL_NULL = 2;
export const RATING_NULL = 4;

/** Codes of a column's texts per row: one byte each while there are at most 256 texts. */
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

/** A table's columns, each at least as long as the table. */
export interface ValueColumns {
  cycle: CodeArray;
  employee: Uint32Array;
  indicator: CodeArray;
  /** Index in SOURCES. */
  source: Uint8Array;
  /** TARGET_NULL | ACTUAL_NULL | RATING_NULL where the cell is null (its number is then 0). */
  nulls: Uint8Array;
  /** The target; in a row without one, the rating. */
  target: Float64Array;
  actual: Float64Array;
  /** The ratings of rows that have a target as well; null while no row has both. */
  rating: Float64Array | null;
  /** Index in `refs`, or -1. */
  ref: Int32Array;
  refs: string[];
}

/**
 * Columns for n rows; with `shared`, on SharedArrayBuffers, which another
 * thread can read without a copy (the CLI's loader and JSON writer).
 */
export function allocateColumns(n: number, shared = false): ValueColumns {
  const memory = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    cycle: new Uint8Array(memory(n)),
    employee: new Uint32Array(memory(4 * n)),
    indicator: new Uint8Array(memory(n)),
    source: new Uint8Array(memory(n)),
    nulls: new Uint8Array(memory(n)),
    target: new Float64Array(memory(8 * n)),
    actual: new Float64Array(memory(8 * n)),
    rating: null,
    ref: new Int32Array(memory(4 * n)),
    refs: [],
  };
}

/** `codes`, or a wider copy where it cannot hold `max`. */
export function widenCodes(codes: CodeArray, max: number): CodeArray {
  const bytes = max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
  if (codes.BYTES_PER_ELEMENT >= bytes) return codes;
  const out = bytes === 2 ? new Uint16Array(sameKind(codes.buffer, 2 * codes.length)) : new Uint32Array(sameKind(codes.buffer, 4 * codes.length));
  out.set(codes);
  return out;
}

/** New memory of `bytes`, shared if `like` is. */
function sameKind(like: ArrayBufferLike, bytes: number): ArrayBufferLike {
  return like instanceof ArrayBuffer ? new ArrayBuffer(bytes) : new SharedArrayBuffer(bytes);
}

type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** Every typed column through `f` (the same kind of array back); `refs` shared. */
function mapColumns(c: ValueColumns, f: <T extends Column>(a: T) => T): ValueColumns {
  return {
    cycle: f(c.cycle),
    employee: f(c.employee),
    indicator: f(c.indicator),
    source: f(c.source),
    nulls: f(c.nulls),
    target: f(c.target),
    actual: f(c.actual),
    rating: c.rating === null ? null : f(c.rating),
    ref: f(c.ref),
    refs: c.refs,
  };
}

/** The same columns `length` long (longer: room for more rows), values kept. */
export function resizeColumns(c: ValueColumns, length: number): ValueColumns {
  return mapColumns(c, <T extends Column>(a: T): T => {
    const b = new (a.constructor as new (memory: ArrayBufferLike) => T)(sameKind(a.buffer, length * a.BYTES_PER_ELEMENT));
    b.set(a.subarray(0, Math.min(length, a.length)));
    return b;
  });
}

/** Rows start .. end - 1 of the columns, sharing their memory. */
export function sliceColumns(c: ValueColumns, start: number, end: number): ValueColumns {
  return mapColumns(c, <T extends Column>(a: T): T => a.subarray(start, end) as T);
}

/** The given rows of the columns, in the given order, copied. */
export function pickColumns(c: ValueColumns, rows: ArrayLike<number>): ValueColumns {
  const n = rows.length;
  return mapColumns(c, <T extends Column>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(n);
    for (let k = 0; k < n; k++) b[k] = a[rows[k]!]!;
    return b;
  });
}
