// The rows of one cycle indexed by (employee, indicator, source), keeping the
// first row of each key. A typed-array slot per (employee, policy indicator)
// instead of a Map of Maps of objects: at 100,000 employees x 12 indicators
// that is 14 MB of plain numbers rather than 1.2 M small objects to collect.
import type { Employee, ValueRow } from './types.ts';
import type { DuplicateRow, RowsBySource } from './scored-types.ts';
import { SOURCES, type ValueTable } from './value-table.ts';

// Positions in SOURCES.
const MANAGER = 0;
const SYSTEM = 1;
const SELF = 2;

/** The employees of a dataset by position, and in employee-id order. */
export interface EmployeeIndex {
  /** employeeId -> position in the employee list (the first, should an id repeat). */
  at: Map<string, number>;
  /** Position -> at.get(its id): itself, unless an earlier employee has the same id. */
  first: Int32Array;
  /** Positions sorted by employee id (stable). */
  byId: Int32Array;
  /** The distinct department ids of the employees, and each employee's as an index in them. */
  departmentIds: string[];
  department: Int32Array;
}

const employeeIndexes = new WeakMap<readonly Employee[], EmployeeIndex>();

/** Built once per employee list (a dataset's list is not changed after loading). */
export function employeeIndex(employees: readonly Employee[]): EmployeeIndex {
  let index = employeeIndexes.get(employees);
  if (index === undefined) {
    const n = employees.length;
    const at = new Map<string, number>();
    const first = new Int32Array(n);
    const departmentIds: string[] = [];
    const departmentCode = new Map<string, number>();
    const department = new Int32Array(n);
    const byId = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const e = employees[k]!;
      const seen = at.get(e.id);
      if (seen === undefined) at.set(e.id, k);
      first[k] = seen ?? k;
      let d = departmentCode.get(e.departmentId);
      if (d === undefined) {
        departmentCode.set(e.departmentId, (d = departmentIds.length));
        departmentIds.push(e.departmentId);
      }
      department[k] = d;
      byId[k] = k;
    }
    byId.sort((p, q) => {
      const a = employees[p]!.id;
      const b = employees[q]!.id;
      return a < b ? -1 : a > b ? 1 : p - q;
    });
    index = { at, first, byId, departmentIds, department };
    employeeIndexes.set(employees, index);
  }
  return index;
}

/**
 * The first row per (employee, indicator, source) of one cycle's rows, and
 * the later rows that repeat a key. Keys outside the employee list or the
 * policy's indicators are kept too, in a Map on the side.
 */
export class FirstRows {
  /** Repeated keys, in input order. */
  readonly duplicates: DuplicateRow[] = [];
  private readonly width: number;
  private readonly indicatorAt = new Map<string, number>();
  /** Per source (index in SOURCES): slot (employee position * width + indicator position) -> row, or -1. */
  private readonly first: Int32Array[];
  private readonly extra = new Map<string, Map<string, RowsBySource>>();

  constructor(
    private readonly table: ValueTable,
    private readonly employees: readonly Employee[],
    private readonly employeeAt: Map<string, number>,
    private readonly indicatorIds: readonly string[],
  ) {
    this.width = indicatorIds.length;
    indicatorIds.forEach((id, j) => {
      if (!this.indicatorAt.has(id)) this.indicatorAt.set(id, j);
    });
    this.first = SOURCES.map(() => new Int32Array(employees.length * this.width).fill(-1));
    // The table's codes -> positions here (-1: outside the index).
    const positionOfEmployee = new Int32Array(table.employeeCodes);
    for (let c = 0; c < positionOfEmployee.length; c++) positionOfEmployee[c] = employeeAt.get(table.employeeText(c)) ?? -1;
    const positionOfIndicator = new Int32Array(table.indicatorCodes);
    for (let c = 0; c < positionOfIndicator.length; c++) positionOfIndicator[c] = this.indicatorAt.get(table.indicatorText(c)) ?? -1;
    const { employee, indicator, source } = table;
    for (let i = 0; i < table.length; i++) {
      const k = positionOfEmployee[employee[i]!]!;
      const j = positionOfIndicator[indicator[i]!]!;
      if (k < 0 || j < 0) {
        this.addExtra(table.row(i));
        continue;
      }
      const slots = this.first[source[i]!]!;
      const slot = k * this.width + j;
      const seen = slots[slot]!;
      if (seen >= 0) this.duplicates.push({ row: table.row(i), first: table.row(seen) });
      else slots[slot] = i;
    }
  }

  private addExtra(row: ValueRow): void {
    let byIndicator = this.extra.get(row.employeeId);
    if (!byIndicator) this.extra.set(row.employeeId, (byIndicator = new Map()));
    let bySource = byIndicator.get(row.indicatorId);
    if (!bySource) byIndicator.set(row.indicatorId, (bySource = {}));
    const first = bySource[row.source];
    if (first) this.duplicates.push({ row, first });
    else bySource[row.source] = row;
  }

  /** Position of an indicator of the policy, or undefined. */
  indicatorPosition(indicatorId: string): number | undefined {
    return this.indicatorAt.get(indicatorId);
  }

  /** The row (in the table) that counts at (employee position, indicator position): manager, else system, else self; -1 for none. */
  counted(k: number, j: number): number {
    const slot = k * this.width + j;
    let i = this.first[MANAGER]![slot]!;
    if (i < 0) i = this.first[SYSTEM]![slot]!;
    if (i < 0) i = this.first[SELF]![slot]!;
    return i;
  }

  /** The first row per source of one (employee, indicator); undefined when it has none. */
  get(employeeId: string, indicatorId: string): RowsBySource | undefined {
    const k = this.employeeAt.get(employeeId);
    const j = this.indicatorAt.get(indicatorId);
    if (k === undefined || j === undefined) return this.extra.get(employeeId)?.get(indicatorId);
    const out: RowsBySource = {};
    let any = false;
    SOURCES.forEach((source, s) => {
      const i = this.first[s]![k * this.width + j]!;
      if (i >= 0) {
        out[source] = this.table.row(i);
        any = true;
      }
    });
    return any ? out : undefined;
  }

  /** Every (employee, indicator) with both a self and a system row, in no set order. */
  forEachSelfAndSystem(visit: (employeeId: string, indicatorId: string, self: ValueRow, system: ValueRow) => void): void {
    const self = this.first[SELF]!;
    const system = this.first[SYSTEM]!;
    for (let slot = 0; slot < self.length; slot++) {
      const a = self[slot]!;
      const b = system[slot]!;
      if (a < 0 || b < 0) continue;
      const k = Math.floor(slot / this.width);
      visit(this.employees[k]!.id, this.indicatorIds[slot - k * this.width]!, this.table.row(a), this.table.row(b));
    }
    for (const [employeeId, byIndicator] of this.extra) {
      for (const [indicatorId, rows] of byIndicator) {
        if (rows.self && rows.system) visit(employeeId, indicatorId, rows.self, rows.system);
      }
    }
  }
}
