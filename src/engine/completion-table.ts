// What the completion statistics need of one cycle: per quantitative
// indicator, every assigned employee's department, clipped completion and
// scored actual, in employee-id order. Column by column in typed arrays:
// 100,000 employees x 10 indicators are ~20 MB of numbers, not a million objects.
import { EPS } from './numeric.ts';

/** The employees assigned one quantitative indicator in a cycle, in employee-id order. */
export interface AssignedCompletions {
  /** Each assigned employee's department: an index in the table's departmentIds. */
  departments: Int32Array;
  /** Each assigned employee's clipped completion; 0 when missing. */
  completions: Float64Array;
  /** The scored actuals (missing left out), in the same order. */
  actuals: Float64Array;
}

export interface CompletionTable {
  /** Department ids by index. */
  departmentIds: readonly string[];
  /** indicatorId -> its assigned employees, for every quantitative indicator assigned in the cycle. */
  columns: Map<string, AssignedCompletions>;
}

/**
 * Whether completion c meets the target: c >= 1 - EPS. The tolerance absorbs
 * float noise in A / T (an actual of 0.3 against a target computed as 0.1 * 3
 * gives 0.9999999999999998), so a target met on paper is never reported as
 * missed.
 *
 * Example: metTarget(0.9999999999) = true; metTarget(0.999) = false.
 */
export function metTarget(c: number): boolean {
  return c >= 1 - EPS;
}

/** One column being filled; room for every employee. */
export class ColumnBuilder {
  private readonly departments: Int32Array;
  private readonly completions: Float64Array;
  private readonly actuals: Float64Array;
  private n = 0;
  private nActuals = 0;

  constructor(capacity: number) {
    this.departments = new Int32Array(capacity);
    this.completions = new Float64Array(capacity);
    this.actuals = new Float64Array(capacity);
  }

  add(department: number, completion: number, actual: number | null): void {
    this.departments[this.n] = department;
    this.completions[this.n++] = completion;
    if (actual !== null) this.actuals[this.nActuals++] = actual;
  }

  done(): AssignedCompletions {
    return {
      departments: this.departments.subarray(0, this.n),
      completions: this.completions.subarray(0, this.n),
      actuals: this.actuals.subarray(0, this.nActuals),
    };
  }
}

/** A table being filled, column by column in order of first use; at most `capacity` employees. */
export class CompletionTableBuilder {
  private readonly columns = new Map<string, ColumnBuilder>();

  constructor(
    private readonly departmentIds: readonly string[],
    private readonly capacity: number,
  ) {}

  /** The column of an indicator, created on first use. */
  column(indicatorId: string): ColumnBuilder {
    let column = this.columns.get(indicatorId);
    if (column === undefined) this.columns.set(indicatorId, (column = new ColumnBuilder(this.capacity)));
    return column;
  }

  done(): CompletionTable {
    const columns = new Map<string, AssignedCompletions>();
    for (const [id, column] of this.columns) columns.set(id, column.done());
    return { departmentIds: this.departmentIds, columns };
  }
}

/** Completion figures of one group of assigned employees. */
export interface GroupFigures {
  n: number;
  /** Assigned employees with c >= 1 - EPS. */
  met: number;
  /** Sum of clipped completions, added in employee order. */
  sum: number;
}

/**
 * Per department of the table (by index; n = 0 where none is assigned): n,
 * how many met the target and the sum of completions, each department's sum
 * added in employee order as mean() over its completions would.
 *
 * Example: departments [0, 1, 0], completions [1, 0.5, 0.9] ->
 * [{ n: 2, met: 1, sum: 1.9 }, { n: 1, met: 0, sum: 0.5 }].
 */
export function figuresByDepartment(column: AssignedCompletions, departmentCount: number): GroupFigures[] {
  const n = new Int32Array(departmentCount);
  const met = new Int32Array(departmentCount);
  const sum = new Float64Array(departmentCount);
  const { departments, completions } = column;
  for (let i = 0; i < departments.length; i++) {
    const d = departments[i]!;
    const c = completions[i]!;
    n[d]! += 1;
    if (metTarget(c)) met[d]! += 1;
    sum[d]! += c;
  }
  return Array.from({ length: departmentCount }, (_, d) => ({ n: n[d]!, met: met[d]!, sum: sum[d]! }));
}
