// values.csv the fast way (byte-csv.ts): its rows stored column by column
// (codes for the repeated texts, numbers as doubles) without a string per
// cell. Nothing is checked against the policy or the employees here
// (read-values.ts bindValues does that), so this can run on a worker thread
// while the other files are read. null where byte-csv gives up, or for a bad
// number or source: the caller then reads the file the careful way
// (readValues), which names the error exactly as before.
import { allocateColumns, resizeColumns, widenCodes, ACTUAL_NULL, RATING_NULL, TARGET_NULL, type ValueColumns } from '../engine/value-columns.ts';
import { byteLength, type ByteSource } from './byte-source.ts';
import { decimal, headerIndex, scanCsv, utf8 } from './byte-csv.ts';
import { ByteDictionary } from './byte-dictionary.ts';

/** The rows of values.csv as scanned; cycle, employee and indicator are codes in the lists below. */
export interface RawValues extends ValueColumns {
  rows: number;
  cycles: string[];
  employees: string[];
  indicators: string[];
}

export const VALUE_COLUMNS = ['cycle', 'employee_id', 'indicator_id', 'source', 'target', 'actual', 'rating'] as const;

/** Rows of values.csv run ~35 bytes (the benchmark company: 36.7): room for a row per 32 bytes saves regrowing; pages never touched cost nothing. */
const BYTES_PER_ROW = 32;

/**
 * `validUtf8` checks a run of whole lines; node:buffer's isUtf8 where there
 * is one. `shared`: the columns on SharedArrayBuffers (allocateColumns).
 */
export function scanValues(source: ByteSource, validUtf8: (bytes: Uint8Array) => boolean, shared = false): RawValues | null {
  let rows: Rows | undefined;
  const done = scanCsv(source, validUtf8, (header) => {
    const at = headerIndex(header, VALUE_COLUMNS);
    if (at === null) return null;
    rows = new Rows(at, Math.ceil(byteLength(source) / BYTES_PER_ROW), shared);
    const r = rows;
    return (bytes, starts, ends) => r.add(bytes, starts, ends);
  });
  return done && rows !== undefined ? rows.done() : null;
}

/** The columns being filled. */
class Rows {
  private length = 0;
  private capacity: number;
  private c: ValueColumns;
  private readonly cycles = new ByteDictionary(utf8);
  private readonly employees = new ByteDictionary(utf8);
  private readonly indicators = new ByteDictionary(utf8);
  private readonly cycle: number;
  private readonly employee: number;
  private readonly indicator: number;
  private readonly source: number;
  private readonly target: number;
  private readonly actual: number;
  private readonly rating: number;
  private readonly ref: number;

  constructor(at: Map<string, number>, capacity: number, shared: boolean) {
    this.cycle = at.get('cycle')!;
    this.employee = at.get('employee_id')!;
    this.indicator = at.get('indicator_id')!;
    this.source = at.get('source')!;
    this.target = at.get('target')!;
    this.actual = at.get('actual')!;
    this.rating = at.get('rating')!;
    this.ref = at.get('source_ref') ?? -1;
    this.capacity = Math.max(capacity, 16);
    this.c = allocateColumns(this.capacity, shared);
  }

  add(bytes: Buffer, starts: Int32Array, ends: Int32Array): boolean {
    const { cycle, employee, indicator, source, target, actual, rating, ref } = this;
    if (this.length === this.capacity) this.c = resizeColumns(this.c, (this.capacity = Math.ceil(this.capacity * 1.25)));
    const i = this.length++;
    const c = this.c;
    const cy = this.cycles.code(bytes, starts[cycle]!, ends[cycle]!);
    const ind = this.indicators.code(bytes, starts[indicator]!, ends[indicator]!);
    if (cy > 0xff) c.cycle = widenCodes(c.cycle, cy);
    if (ind > 0xff) c.indicator = widenCodes(c.indicator, ind);
    c.cycle[i] = cy;
    c.employee[i] = this.employees.code(bytes, starts[employee]!, ends[employee]!);
    c.indicator[i] = ind;
    const s = sourceOf(bytes, starts[source]!, ends[source]!);
    if (s < 0) return false;
    c.source[i] = s;
    // A row has a target or a rating, not both (readValues' rule): the rating goes where the target would.
    let nulls = 0;
    let x = 0;
    if (starts[target] === ends[target]) nulls |= TARGET_NULL;
    else if ((x = decimal(bytes, starts[target]!, ends[target]!)) !== x) return false;
    if (starts[rating] === ends[rating]) nulls |= RATING_NULL;
    else if ((nulls & TARGET_NULL) === 0 || (x = decimal(bytes, starts[rating]!, ends[rating]!)) !== x) return false;
    c.target[i] = x;
    x = 0;
    if (starts[actual] === ends[actual]) nulls |= ACTUAL_NULL;
    else if ((x = decimal(bytes, starts[actual]!, ends[actual]!)) !== x) return false;
    c.actual[i] = x;
    c.nulls[i] = nulls;
    if (ref < 0 || starts[ref] === ends[ref]) c.ref[i] = -1;
    else {
      c.ref[i] = c.refs.length;
      c.refs.push(utf8(bytes, starts[ref]!, ends[ref]!));
    }
    return true;
  }

  done(): RawValues {
    return { ...this.c, rows: this.length, cycles: this.cycles.texts, employees: this.employees.texts, indicators: this.indicators.texts };
  }
}

/** Index in SOURCES (manager, system, self) of the cell's text; -1 for anything else. */
function sourceOf(b: Uint8Array, from: number, to: number): number {
  const n = to - from;
  if (n === 6 && b[from] === 115 && b[from + 1] === 121 && b[from + 2] === 115 && b[from + 3] === 116 && b[from + 4] === 101 && b[from + 5] === 109) return 1;
  if (n === 7 && b[from] === 109 && b[from + 1] === 97 && b[from + 2] === 110 && b[from + 3] === 97 && b[from + 4] === 103 && b[from + 5] === 101 && b[from + 6] === 114) return 0;
  if (n === 4 && b[from] === 115 && b[from + 1] === 101 && b[from + 2] === 108 && b[from + 3] === 102) return 2;
  return -1;
}
