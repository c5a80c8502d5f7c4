// Ranked employees as a few typed arrays and lists of texts, to hand to
// another thread (the CLI writes a diagnosis' employees as JSON on a worker
// thread while the rest is computed). Unpacked, each employee is the plain
// object plainEmployeeResult gives, made by the same code, so
// JSON.stringify writes the same text for it.
import type { EmployeeResult } from './types.ts';
import { columnsBehind } from './employee-results.ts';
import { ResultColumns, type ResultArrays, type ResultSlot } from './result-columns.ts';
import { ValueTable, type ValueColumns } from './value-table.ts';

/** The value columns an IndicatorResult reads. */
type RowColumns = Pick<ValueColumns, 'source' | 'nulls' | 'target' | 'actual' | 'rating'>;

export interface PackedEmployees {
  count: number;
  employeeIds: string[];
  /** Per employee, an index in `texts`: department id and grade. */
  department: Int32Array;
  grade: Int32Array;
  texts: string[];
  score: Float64Array;
  rank: Int32Array;
  percentile: Float64Array;
  departmentPercentile: Float64Array;
  /** Per employee: its first slot in `results`, and its assignment's slots as an index in `assignments`. */
  first: Int32Array;
  assignment: Int32Array;
  assignments: ResultSlot[][];
  results: ResultArrays;
  rows: RowColumns;
}

/** The employees packed, or null when any of them is not as ranking made it (then they are written the usual way). */
export function packEmployees(employees: readonly EmployeeResult[]): PackedEmployees | null {
  const n = employees.length;
  const scored = employees.map(columnsBehind);
  const columns = scored[0]?.columns;
  if (columns === undefined || scored.some((s) => s === null || s.columns !== columns)) return null;
  const textCode = new Map<string, number>();
  const texts: string[] = [];
  const code = (text: string): number => {
    let c = textCode.get(text);
    if (c === undefined) textCode.set(text, (c = texts.push(text) - 1));
    return c;
  };
  const assignmentCode = new Map<readonly ResultSlot[], number>();
  const assignments: ResultSlot[][] = [];
  const packed: PackedEmployees = {
    count: n,
    employeeIds: employees.map((e) => e.employeeId),
    department: new Int32Array(n),
    grade: new Int32Array(n),
    texts,
    score: new Float64Array(n),
    rank: new Int32Array(n),
    percentile: new Float64Array(n),
    departmentPercentile: new Float64Array(n),
    first: new Int32Array(n),
    assignment: new Int32Array(n),
    assignments,
    results: columns.arrays(),
    rows: rowColumns(columns.rows.columns()),
  };
  for (let k = 0; k < n; k++) {
    const e = employees[k]!;
    const s = scored[k]!;
    packed.department[k] = code(e.departmentId);
    packed.grade[k] = code(e.grade);
    packed.score[k] = e.score;
    packed.rank[k] = e.rank;
    packed.percentile[k] = e.percentile;
    packed.departmentPercentile[k] = e.departmentPercentile;
    packed.first[k] = s.first;
    let a = assignmentCode.get(s.slots);
    if (a === undefined) {
      assignmentCode.set(s.slots, (a = assignments.length));
      assignments.push(s.slots.map(({ id, weight, indicator }) => ({ id, weight, indicator: { kind: indicator.kind } })));
    }
    packed.assignment[k] = a;
  }
  return packed;
}

function rowColumns({ source, nulls, target, actual, rating }: ValueColumns): RowColumns {
  return { source, nulls, target, actual, rating };
}

/** The packed employees back as plain EmployeeResult objects, one at a time: employee(k). */
export function unpackEmployees(packed: PackedEmployees): (k: number) => EmployeeResult {
  const none = new Uint8Array(0);
  const rows = ValueTable.adopt({ ...packed.rows, cycle: none, employee: new Uint32Array(0), indicator: none, ref: new Int32Array(0), refs: [] }, packed.rows.nulls.length, {
    cycles: [],
    employees: [],
    indicators: [],
  });
  const results = ResultColumns.over(rows, packed.results);
  const { texts } = packed;
  return (k) => ({
    employeeId: packed.employeeIds[k]!,
    departmentId: texts[packed.department[k]!]!,
    score: packed.score[k]!,
    grade: texts[packed.grade[k]!]!,
    rank: packed.rank[k]!,
    percentile: packed.percentile[k]!,
    departmentPercentile: packed.departmentPercentile[k]!,
    indicators: results.results(packed.assignments[packed.assignment[k]!]!, packed.first[k]!),
  });
}
