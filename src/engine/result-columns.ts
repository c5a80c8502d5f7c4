// The indicator results of a scored cycle, column by column. At 100,000
// employees x 12 indicators, 1.2 M IndicatorResult objects take ~180 MB and
// keep the garbage collector busy copying them; as columns (the counted row,
// the completion and the score per slot) they take 24 MB. The objects are
// made when someone asks for an employee's `indicators`, and kept from then
// on, so they read and change like plain data.
import type { Employee, Indicator, IndicatorResult, Source, WeightedIndicator } from './types.ts';
import type { ScoredCycle, ScoredEmployee } from './scored-types.ts';
import type { ValueTable } from './value-table.ts';

/** One assigned indicator, resolved against the policy and the row index. */
export interface Slot {
  id: string;
  weight: number;
  indicator: Indicator;
  /** The indicator's position in the row index. */
  column: number;
}

/** What making an IndicatorResult needs of a slot. */
export interface ResultSlot {
  id: string;
  weight: number;
  indicator: Pick<Indicator, 'kind'>;
}

/** The arrays of ResultColumns, each as long as the number of slots. */
export interface ResultArrays {
  row: Int32Array;
  completion: Float64Array;
  score: Float64Array;
}

/** Per slot (employee after employee, each employee's assigned indicators in order): what its IndicatorResult holds beyond the row. */
export class ResultColumns {
  length = 0;
  /** The counted row in `table`; -1 when missing. */
  private row: Int32Array;
  private completion: Float64Array;
  private score: Float64Array;

  constructor(
    private readonly table: ValueTable,
    capacity: number,
  ) {
    this.row = new Int32Array(memory(4 * capacity));
    this.completion = new Float64Array(memory(8 * capacity));
    this.score = new Float64Array(memory(8 * capacity));
  }

  /** Columns over arrays filled elsewhere (packed-results.ts), not copied. */
  static over(table: ValueTable, arrays: ResultArrays): ResultColumns {
    const columns = new ResultColumns(table, 0);
    columns.row = arrays.row;
    columns.completion = arrays.completion;
    columns.score = arrays.score;
    columns.length = arrays.row.length;
    return columns;
  }

  /** The filled part of the arrays (views, not copies). */
  arrays(): ResultArrays {
    return { row: this.row.subarray(0, this.length), completion: this.completion.subarray(0, this.length), score: this.score.subarray(0, this.length) };
  }

  /** The table the rows are in. */
  get rows(): ValueTable {
    return this.table;
  }

  /** Adds a slot; completion is ignored for a qualitative indicator (its completion is null). */
  add(row: number, completion: number, score: number): void {
    if (this.length === this.row.length) this.grow();
    const s = this.length++;
    this.row[s] = row;
    this.completion[s] = completion;
    this.score[s] = score;
  }

  /** The results of slots first .. first + slots.length - 1, as scoring made them before. */
  results(slots: readonly ResultSlot[], first: number): IndicatorResult[] {
    const { table } = this;
    const out: IndicatorResult[] = [];
    for (let j = 0; j < slots.length; j++) {
      const { id, weight, indicator } = slots[j]!;
      const i = this.row[first + j]!;
      out.push({
        indicatorId: id,
        weight,
        source: i < 0 ? null : table.sourceAt(i),
        target: i < 0 ? null : table.targetAt(i),
        actual: i < 0 ? null : table.actualAt(i),
        rating: i < 0 ? null : table.ratingAt(i),
        completion: indicator.kind === 'qualitative' ? null : this.completion[first + j]!,
        score: this.score[first + j]!,
      });
    }
    return out;
  }

  /** forEachResult over slots first .. first + slots.length - 1, without making objects. */
  visit(slots: readonly Slot[], first: number, k: number, visit: ResultVisitor): void {
    const { table } = this;
    for (let j = 0; j < slots.length; j++) {
      const i = this.row[first + j]!;
      visit(k, slots[j]!.id, i < 0 ? null : table.sourceAt(i), i < 0 ? null : table.actualAt(i), this.score[first + j]!);
    }
  }

  private grow(): void {
    const grown = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (memory: ArrayBufferLike) => T)(memory(a.BYTES_PER_ELEMENT * Math.max(16, 2 * a.length)));
      b.set(a);
      return b;
    };
    this.row = grown(this.row);
    this.completion = grown(this.completion);
    this.score = grown(this.score);
  }
}

/**
 * Shared memory where the runtime has it: the CLI hands the columns to a
 * worker thread to write the JSON (packed-results.ts), and shared they go
 * without a copy (24 MB at 100,000 employees).
 */
function memory(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** A scored employee whose indicator results stay in the cycle's columns until asked for. */
export class ColumnScoredEmployee implements ScoredEmployee {
  #indicators: IndicatorResult[] | undefined;

  constructor(
    readonly employee: Employee,
    readonly score: number,
    readonly assignment: WeightedIndicator[],
    readonly slots: readonly Slot[],
    readonly first: number,
    readonly columns: ResultColumns,
  ) {}

  /** Made on first use and kept, so a change to one sticks. */
  get indicators(): IndicatorResult[] {
    return (this.#indicators ??= this.columns.results(this.slots, this.first));
  }

  /** The indicators, made afresh and not kept unless already made: for one pass over every employee. */
  indicatorsOnce(): IndicatorResult[] {
    return this.#indicators ?? this.columns.results(this.slots, this.first);
  }

  /** Whether the results live in the columns only, not yet made. */
  get inColumns(): boolean {
    return this.#indicators === undefined;
  }
}

/** (position in scored.employees, indicator id, the counted row's source, its actual, the score); source null when missing. */
export type ResultVisitor = (k: number, indicatorId: string, source: Source | null, actual: number | null, score: number) => void;

/** Every indicator result of a scored cycle, employee by employee in order, without making objects where they are columns. */
export function forEachResult(scored: ScoredCycle, visit: ResultVisitor): void {
  const { employees } = scored;
  for (let k = 0; k < employees.length; k++) {
    const e = employees[k]!;
    if (e instanceof ColumnScoredEmployee && e.inColumns) {
      e.columns.visit(e.slots, e.first, k, visit);
      continue;
    }
    for (const r of e.indicators) visit(k, r.indicatorId, r.source, r.actual, r.score);
  }
}

/** A scored employee's indicators for one pass: not kept when they are columns. */
export function indicatorsOnce(e: ScoredEmployee): IndicatorResult[] {
  return e instanceof ColumnScoredEmployee ? e.indicatorsOnce() : e.indicators;
}
