// Value rows column by column (value-columns.ts). values.csv of 100,000
// employees holds 3.7 M rows: as ValueRow objects they take ~480 MB and most
// of the loader's time goes to the garbage collector copying them; as
// columns, ~100 MB of plain numbers and no objects at all. Rows come out as
// ValueRow objects on demand.
import type { Source, ValueRow } from './types.ts';
import { ACTUAL_NULL, allocateColumns, pickColumns, RATING_NULL, resizeColumns, sliceColumns, TARGET_NULL, widenCodes, type CodeArray, type ValueColumns } from './value-columns.ts';

export { ACTUAL_NULL, RATING_NULL, TARGET_NULL, type CodeArray, type ValueColumns } from './value-columns.ts';

export const SOURCES: readonly Source[] = ['manager', 'system', 'self'];

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
  private c: ValueColumns;

  constructor(
    capacity = 1024,
    private readonly cycles = new Dictionary(),
    private readonly employees = new Dictionary(),
    private readonly indicators = new Dictionary(),
  ) {
    this.capacity = Math.max(capacity, 16);
    this.c = allocateColumns(this.capacity);
  }

  /** Code per row: see cycleText, employeeText, indicatorText. */
  get cycle(): CodeArray {
    return this.c.cycle;
  }
  get employee(): Uint32Array {
    return this.c.employee;
  }
  get indicator(): CodeArray {
    return this.c.indicator;
  }
  /** Index in SOURCES. */
  get source(): Uint8Array {
    return this.c.source;
  }

  /**
   * A table over columns filled elsewhere (the CSV loader's scan), taken as
   * they are, not copied. Codes in `cycle`, `employee` and `indicator` must be
   * those the table gives: cycleCode etc. are called first, in row order.
   */
  static adopt(columns: ValueColumns, length: number, codes: { cycles: string[]; employees: string[]; indicators: string[] }): ValueTable {
    const table = new ValueTable(0);
    for (const text of codes.cycles) table.cycleCode(text);
    for (const text of codes.employees) table.employeeCode(text);
    for (const text of codes.indicators) table.indicatorCode(text);
    table.c = columns;
    table.length = length;
    table.capacity = columns.cycle.length;
    return table;
  }

  /** The table's columns (views, not copies), at least `length` long. */
  columns(): ValueColumns {
    return this.c;
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
    if (this.length === this.capacity) this.c = resizeColumns(this.c, (this.capacity *= 2));
    const c = this.c;
    if (cycle > 0xff) c.cycle = widenCodes(c.cycle, cycle);
    if (indicator > 0xff) c.indicator = widenCodes(c.indicator, indicator);
    const i = this.length++;
    c.cycle[i] = cycle;
    c.employee[i] = employee;
    c.indicator[i] = indicator;
    c.source[i] = source;
    c.target[i] = target ?? rating ?? 0;
    c.actual[i] = actual ?? 0;
    if (target !== null && rating !== null) (c.rating ??= new Float64Array(this.capacity))[i] = rating;
    c.nulls[i] = (target === null ? TARGET_NULL : 0) | (actual === null ? ACTUAL_NULL : 0) | (rating === null ? RATING_NULL : 0);
    if (sourceRef === null) c.ref[i] = -1;
    else {
      c.ref[i] = c.refs.length;
      c.refs.push(sourceRef);
    }
  }

  sourceAt(i: number): Source {
    return SOURCES[this.c.source[i]!]!;
  }
  targetAt(i: number): number | null {
    return (this.c.nulls[i]! & TARGET_NULL) === 0 ? this.c.target[i]! : null;
  }
  actualAt(i: number): number | null {
    return (this.c.nulls[i]! & ACTUAL_NULL) === 0 ? this.c.actual[i]! : null;
  }
  ratingAt(i: number): number | null {
    const nulls = this.c.nulls[i]!;
    if ((nulls & RATING_NULL) !== 0) return null;
    return (nulls & TARGET_NULL) !== 0 ? this.c.target[i]! : this.c.rating![i]!;
  }
  refAt(i: number): string | null {
    const r = this.c.ref[i]!;
    return r < 0 ? null : this.c.refs[r]!;
  }

  /** Row i as an object. */
  row(i: number): ValueRow {
    return {
      cycle: this.cycles.texts[this.c.cycle[i]!]!,
      employeeId: this.employees.texts[this.c.employee[i]!]!,
      indicatorId: this.indicators.texts[this.c.indicator[i]!]!,
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
    out.c = sliceColumns(this.c, start, end);
    out.length = out.capacity = end - start;
    return out;
  }

  /** The given rows, in the given order, as a table sharing this one's codes. */
  select(rows: ArrayLike<number>): ValueTable {
    const out = new ValueTable(0, this.cycles, this.employees, this.indicators);
    out.c = pickColumns(this.c, rows);
    out.length = out.capacity = rows.length;
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
  const cycles = values.cycle;
  for (let i = 0; i < values.length; i++) {
    const c = cycles[i]!;
    if (seen[c] === 0) {
      seen[c] = 1;
      out.push(values.cycleText(c));
    }
  }
  return out;
}
