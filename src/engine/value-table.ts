// Value rows column by column. values.csv of 100,000 employees holds 3.7 M
// rows: as ValueRow objects they take ~480 MB and most of the loader's time
// goes to the garbage collector copying them; as columns, ~140 MB of plain
// numbers and no objects at all. Rows come out as ValueRow objects on demand.
import type { Source, ValueRow } from './types.ts';

export const SOURCES: readonly Source[] = ['manager', 'system', 'self'];

const TARGET_NULL = 1;
const ACTUAL_NULL = 2;
const RATING_NULL = 4;

/** Texts by code and codes by text: the distinct cycles, employee ids or indicator ids of a table. */
class Dictionary {
  readonly texts: string[] = [];
  private readonly codes = new Map<string, number>();

  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.codes.set(text, code);
    }
    return code;
  }
}

/** Value rows in input order; the first of two equal keys counts, as for a ValueRow[]. */
export class ValueTable implements Iterable<ValueRow> {
  length = 0;
  private capacity: number;
  /** Code per row: see cycleText, employeeText, indicatorText. */
  cycle: Uint32Array;
  employee: Uint32Array;
  indicator: Uint32Array;
  /** Index in SOURCES. */
  source: Uint8Array;
  target: Float64Array;
  actual: Float64Array;
  rating: Float64Array;
  /** TARGET_NULL | ACTUAL_NULL | RATING_NULL where the cell is null. */
  private nulls: Uint8Array;
  /** Index in `refs`, or -1 for none. */
  ref: Int32Array;
  private refs: string[] = [];

  constructor(
    capacity = 1024,
    private readonly cycles = new Dictionary(),
    private readonly employees = new Dictionary(),
    private readonly indicators = new Dictionary(),
  ) {
    this.capacity = Math.max(capacity, 16);
    this.cycle = new Uint32Array(this.capacity);
    this.employee = new Uint32Array(this.capacity);
    this.indicator = new Uint32Array(this.capacity);
    this.source = new Uint8Array(this.capacity);
    this.target = new Float64Array(this.capacity);
    this.actual = new Float64Array(this.capacity);
    this.rating = new Float64Array(this.capacity);
    this.nulls = new Uint8Array(this.capacity);
    this.ref = new Int32Array(this.capacity);
  }

  static from(rows: Iterable<ValueRow>): ValueTable {
    const table = new ValueTable();
    for (const row of rows) table.push(row);
    return table;
  }

  /** Codes of texts, for callers that append many rows of the same cycle, employee or indicator. */
  cycleCode(text: string): number {
    return this.cycles.code(text);
  }
  employeeCode(text: string): number {
    return this.employees.code(text);
  }
  indicatorCode(text: string): number {
    return this.indicators.code(text);
  }
  cycleText(code: number): string {
    return this.cycles.texts[code]!;
  }
  employeeText(code: number): string {
    return this.employees.texts[code]!;
  }
  indicatorText(code: number): string {
    return this.indicators.texts[code]!;
  }
  /** How many codes there are of each kind. */
  get employeeCodes(): number {
    return this.employees.texts.length;
  }
  get indicatorCodes(): number {
    return this.indicators.texts.length;
  }
  get cycleCodes(): number {
    return this.cycles.texts.length;
  }

  push(row: ValueRow): void {
    const source = SOURCES.indexOf(row.source);
    if (source < 0) throw new RangeError(`a value row's source must be one of ${SOURCES.join(', ')}, got ${String(row.source)}`);
    this.append(
      this.cycles.code(row.cycle),
      this.employees.code(row.employeeId),
      this.indicators.code(row.indicatorId),
      source,
      row.target,
      row.actual,
      row.rating,
      row.sourceRef,
    );
  }

  /** Appends a row by codes (cycleCode, employeeCode, indicatorCode; source as an index in SOURCES). */
  append(
    cycle: number,
    employee: number,
    indicator: number,
    source: number,
    target: number | null,
    actual: number | null,
    rating: number | null,
    sourceRef: string | null,
  ): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.cycle[i] = cycle;
    this.employee[i] = employee;
    this.indicator[i] = indicator;
    this.source[i] = source;
    this.target[i] = target ?? 0;
    this.actual[i] = actual ?? 0;
    this.rating[i] = rating ?? 0;
    this.nulls[i] = (target === null ? TARGET_NULL : 0) | (actual === null ? ACTUAL_NULL : 0) | (rating === null ? RATING_NULL : 0);
    if (sourceRef === null) this.ref[i] = -1;
    else {
      this.ref[i] = this.refs.length;
      this.refs.push(sourceRef);
    }
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.cycle = grown(this.cycle);
    this.employee = grown(this.employee);
    this.indicator = grown(this.indicator);
    this.source = grown(this.source);
    this.target = grown(this.target);
    this.actual = grown(this.actual);
    this.rating = grown(this.rating);
    this.nulls = grown(this.nulls);
    this.ref = grown(this.ref);
  }

  sourceAt(i: number): Source {
    return SOURCES[this.source[i]!]!;
  }
  targetAt(i: number): number | null {
    return (this.nulls[i]! & TARGET_NULL) === 0 ? this.target[i]! : null;
  }
  actualAt(i: number): number | null {
    return (this.nulls[i]! & ACTUAL_NULL) === 0 ? this.actual[i]! : null;
  }
  ratingAt(i: number): number | null {
    return (this.nulls[i]! & RATING_NULL) === 0 ? this.rating[i]! : null;
  }
  refAt(i: number): string | null {
    const r = this.ref[i]!;
    return r < 0 ? null : this.refs[r]!;
  }

  /** Row i as an object. */
  row(i: number): ValueRow {
    return {
      cycle: this.cycles.texts[this.cycle[i]!]!,
      employeeId: this.employees.texts[this.employee[i]!]!,
      indicatorId: this.indicators.texts[this.indicator[i]!]!,
      source: this.sourceAt(i),
      target: this.targetAt(i),
      actual: this.actualAt(i),
      rating: this.ratingAt(i),
      sourceRef: this.refAt(i),
    };
  }

  /** Rows start..end - 1 as objects, like Array.prototype.slice. */
  slice(start = 0, end = this.length): ValueRow[] {
    const out: ValueRow[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.push(this.row(i));
    return out;
  }

  *[Symbol.iterator](): Iterator<ValueRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }

  /** Rows start..end - 1 as a table sharing this one's codes and columns (no copy). */
  range(start: number, end: number): ValueTable {
    const out = new ValueTable(0, this.cycles, this.employees, this.indicators);
    out.refs = this.refs;
    out.cycle = this.cycle.subarray(start, end);
    out.employee = this.employee.subarray(start, end);
    out.indicator = this.indicator.subarray(start, end);
    out.source = this.source.subarray(start, end);
    out.target = this.target.subarray(start, end);
    out.actual = this.actual.subarray(start, end);
    out.rating = this.rating.subarray(start, end);
    out.nulls = this.nulls.subarray(start, end);
    out.ref = this.ref.subarray(start, end);
    out.length = out.capacity = end - start;
    return out;
  }

  /** The given rows, in the given order, as a table sharing this one's codes. */
  select(rows: ArrayLike<number>): ValueTable {
    const out = new ValueTable(rows.length, this.cycles, this.employees, this.indicators);
    out.refs = this.refs;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      out.cycle[k] = this.cycle[i]!;
      out.employee[k] = this.employee[i]!;
      out.indicator[k] = this.indicator[i]!;
      out.source[k] = this.source[i]!;
      out.target[k] = this.target[i]!;
      out.actual[k] = this.actual[i]!;
      out.rating[k] = this.rating[i]!;
      out.nulls[k] = this.nulls[i]!;
      out.ref[k] = this.ref[i]!;
    }
    out.length = rows.length;
    return out;
  }
}

/** A dataset's values as a table: the table itself, or the rows copied into one. */
export function asTable(values: ValueTable | readonly ValueRow[]): ValueTable {
  return values instanceof ValueTable ? values : ValueTable.from(values);
}

/** The distinct cycles of some values, in order of first appearance. */
export function cyclesIn(values: ValueTable | readonly ValueRow[]): string[] {
  if (!(values instanceof ValueTable)) return [...new Set(values.map((row) => row.cycle))];
  const seen = new Uint8Array(values.cycleCodes);
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const c = values.cycle[i]!;
    if (seen[c] === 0) {
      seen[c] = 1;
      out.push(values.cycleText(c));
    }
  }
  return out;
}
