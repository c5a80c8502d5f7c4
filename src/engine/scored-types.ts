// Intermediate shapes shared between the engine's steps (scoring -> statistics,
// anomalies, findings). Not part of the JSON output.
import type { Employee, Indicator, IndicatorResult, Policy, ValueRow, WeightedIndicator } from './types.ts';
import type { FirstRows } from './first-rows.ts';
import type { ValueTable } from './value-table.ts';

/** The rows of one (employee, indicator) in one cycle: the first row per source. */
export interface RowsBySource {
  manager?: ValueRow;
  system?: ValueRow;
  self?: ValueRow;
}

export interface ScoredEmployee {
  employee: Employee;
  /** Weighted score, sum(w_i * s_i) / 100. */
  score: number;
  /** The assignment's indicators, in assignment order. */
  assignment: WeightedIndicator[];
  /** One per assigned indicator, in assignment order. */
  indicators: IndicatorResult[];
}

/** A later row that repeated an earlier (cycle, employee, indicator, source) key. */
export interface DuplicateRow {
  row: ValueRow;
  /** The earlier row, which counts. */
  first: ValueRow;
}

export interface ScoredCycle {
  cycle: string;
  policy: Policy;
  indicatorById: Map<string, Indicator>;
  /** Every employee with at least one assigned indicator, sorted by id. */
  employees: ScoredEmployee[];
  /** The first row per (employee, indicator, source) of this cycle. */
  rows: FirstRows;
  /** Repeated keys, in input order. */
  duplicates: DuplicateRow[];
  /** The rows of this cycle in input order (for source_ref checks). */
  cycleRows: ValueTable;
}

/** Per (department, indicator, cycle) completion figures, for trends and findings. */
export interface DepartmentIndicatorPoint {
  departmentId: string;
  indicatorId: string;
  cycle: string;
  n: number;
  metTargetRate: number | null;
  meanCompletion: number | null;
}
