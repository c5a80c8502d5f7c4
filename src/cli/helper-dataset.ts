// What the helper thread needs of a dataset to compute the completion tables
// of the earlier cycles (engine cycleCompletions) while the main thread
// scores the diagnosed one: the value table's columns (already shared, from
// the helper's own scan), the employees' ids, departments and roles, and
// the policies. Sent once, small apart from the shared columns.
import type { CompletionTable } from '../engine/completion-table.ts';
import type { Dataset, Employee, Policy, Role } from '../engine/types.ts';
import { ValueTable, type ValueColumns } from '../engine/value-table.ts';

export interface PackedDataset {
  policy: Policy;
  cyclePolicies: Record<string, Policy>;
  /** Per employee, in data.employees order. */
  ids: string[];
  department: Int32Array;
  departments: string[];
  role: Role[];
  /** The value table: its columns on SharedArrayBuffers, its length and its texts by code. */
  columns: ValueColumns;
  length: number;
  cycles: string[];
  indicators: string[];
}

/** A completion table as posted: its columns as entries (a Map would do too, but entries keep the order plain). */
export interface PackedCompletions {
  cycle: string;
  table: { departmentIds: readonly string[]; columns: [string, { departments: Int32Array; completions: Float64Array; actuals: Float64Array }][] } | null;
}

/** The dataset for the helper, or null when its value table is not shared memory (read by the careful reader): then the main thread does it all. */
export function packDataset(data: Dataset): PackedDataset | null {
  const table = data.values;
  if (!(table instanceof ValueTable)) return null;
  const columns = table.columns();
  const arrays = [columns.cycle, columns.employee, columns.indicator, columns.source, columns.nulls, columns.target, columns.actual, columns.ref];
  if (columns.rating !== null || arrays.some((a) => !(a.buffer instanceof SharedArrayBuffer))) return null;
  const departmentCode = new Map<string, number>();
  const departments: string[] = [];
  const department = new Int32Array(data.employees.length);
  data.employees.forEach((e, k) => {
    let d = departmentCode.get(e.departmentId);
    if (d === undefined) departmentCode.set(e.departmentId, (d = departments.push(e.departmentId) - 1));
    department[k] = d;
  });
  const texts = (count: number, text: (code: number) => string): string[] => Array.from({ length: count }, (_, c) => text(c));
  return {
    policy: data.policy,
    cyclePolicies: { ...data.cyclePolicies },
    ids: data.employees.map((e) => e.id),
    department,
    departments,
    role: data.employees.map((e) => e.role),
    // The refs are not needed: a completion table reads no source_ref.
    columns: { ...columns, refs: [] },
    length: table.length,
    cycles: texts(table.cycleCodes, (c) => table.cycleText(c)),
    indicators: texts(table.indicatorCodes, (c) => table.indicatorText(c)),
  };
}

/** The dataset back, with what cycleCompletions reads: employees with their id, department and role only. */
export function unpackDataset(packed: PackedDataset): Dataset {
  const employees = packed.ids.map(
    (id, k): Employee => ({ id, name: '', departmentId: packed.departments[packed.department[k]!]!, managerId: null, role: packed.role[k]!, salary: null }),
  );
  const values = ValueTable.adopt(packed.columns, packed.length, { cycles: packed.cycles, employees: packed.ids, indicators: packed.indicators });
  return { policy: packed.policy, cyclePolicies: packed.cyclePolicies, departments: [], employees, values, attributes: [], training: {} };
}

export function packCompletions(cycle: string, table: CompletionTable): PackedCompletions {
  return { cycle, table: { departmentIds: table.departmentIds, columns: [...table.columns] } };
}

export function unpackCompletions(packed: PackedCompletions): CompletionTable | undefined {
  return packed.table === null ? undefined : { departmentIds: packed.table.departmentIds, columns: new Map(packed.table.columns) };
}
