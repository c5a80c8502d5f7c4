import type { Dataset, Employee, Indicator, Policy, ValueRow, WeightedIndicator } from './types.ts';
import type { ScoredCycle, ScoredEmployee } from './scored-types.ts';
import { employeeIndex, FirstRows, type EmployeeIndex } from './first-rows.ts';
import { CompletionTableBuilder, type ColumnBuilder, type CompletionTable } from './completion-table.ts';
import { completionOf, scoreOf } from './indicator-score.ts';
import { assignmentFor, policyFor } from './policy-lookup.ts';
import { ColumnScoredEmployee, ResultColumns, type Slot } from './result-columns.ts';
import { asTable, type ValueTable } from './value-table.ts';

/**
 * Splits rows by cycle, keeping input order within each cycle; cycles in
 * order of first appearance. A cycle whose rows sit together (as exports
 * have them) is a view of the table, not a copy.
 */
export function groupByCycle(values: readonly ValueRow[] | ValueTable): Map<string, ValueTable> {
  const table = asTable(values);
  const counts = new Int32Array(table.cycleCodes);
  const firstRow = new Int32Array(table.cycleCodes);
  const seen: number[] = [];
  const cycles = table.cycle;
  for (let i = 0; i < table.length; i++) {
    const c = cycles[i]!;
    if (counts[c] === 0) {
      seen.push(c);
      firstRow[c] = i;
    }
    counts[c]! += 1;
  }
  const out = new Map<string, ValueTable>();
  for (const c of seen) {
    const start = firstRow[c]!;
    const end = start + counts[c]!;
    let together = true;
    for (let i = start; together && i < end; i++) together = cycles[i] === c;
    out.set(table.cycleText(c), together ? table.range(start, end) : table.select(rowsOf(table, c, counts[c]!)));
  }
  return out;
}

function rowsOf(table: ValueTable, cycle: number, count: number): Int32Array {
  const rows = new Int32Array(count);
  let n = 0;
  const cycles = table.cycle;
  for (let i = 0; i < table.length; i++) if (cycles[i] === cycle) rows[n++] = i;
  return rows;
}

/** The first row per (employee, indicator, source) of one cycle, indexed for the cycle's policy. */
export function indexCycleRows(
  data: Pick<Dataset, 'employees'>,
  indicatorIds: readonly string[],
  cycleRows: ValueTable | readonly ValueRow[],
): FirstRows {
  return new FirstRows(asTable(cycleRows), data.employees, employeeIndex(data.employees).at, indicatorIds);
}

/**
 * Scores every employee of one cycle.
 * The population is every employee in the data with at least one assigned
 * indicator; an assigned indicator with no row is missing (s = 0).
 * score = sum(w_i * s_i) / 100.
 * Example: weights 70/30, s = 120 and 100 -> (70*120 + 30*100) / 100 = 114.
 */
export function scoreCycle(data: Dataset, cycle: string, cycleRows: ValueTable | readonly ValueRow[]): ScoredCycle {
  return scoreRows(data, cycle, cycleRows, true, false).scored;
}

/**
 * scoreCycle, and the completion table of its result (quantitativeCompletions)
 * filled on the way instead of in a second pass.
 */
export function scoreCycleWithCompletions(
  data: Dataset,
  cycle: string,
  cycleRows: ValueTable | readonly ValueRow[],
): { scored: ScoredCycle; table: CompletionTable } {
  const { scored, table } = scoreRows(data, cycle, cycleRows, true, true);
  return { scored, table: table! };
}

/**
 * What trends and findings need of a past cycle, without scoring it in full:
 * the completion table of scoreCycle's result (quantitativeCompletions),
 * computed straight from the rows. Same employees, same order, same figures;
 * no per-employee objects.
 * Example: one employee assigned sales, target 100, actual 110 ->
 * sales: { departments: [0], completions: [1.1], actuals: [110] }.
 */
export function cycleCompletions(data: Dataset, cycle: string, cycleRows: ValueTable | readonly ValueRow[]): CompletionTable {
  return scoreRows(data, cycle, cycleRows, false, true).table!;
}

function scoreRows(
  data: Dataset,
  cycle: string,
  cycleRows: ValueTable | readonly ValueRow[],
  withResults: boolean,
  withCompletions: boolean,
): { scored: ScoredCycle; table: CompletionTable | undefined } {
  const policy = policyFor(data, cycle);
  const indicatorById = new Map<string, Indicator>(policy.indicators.map((i) => [i.id, i]));
  const table = asTable(cycleRows);
  const rows = indexCycleRows(data, policy.indicators.map((i) => i.id), table);
  const index = employeeIndex(data.employees);
  const slotsOf = assignmentSlots(policy, indicatorById, rows);
  const completions = withCompletions ? new CompletionTableBuilder(index.departmentIds, data.employees.length) : undefined;
  const results = withResults ? new ResultColumns(table, data.employees.length * policy.indicators.length) : undefined;

  const employees = scoreEmployees(data, policy, table, rows, index, slotsOf, completions, results);
  const scored: ScoredCycle = { cycle, policy, indicatorById, employees, rows, duplicates: rows.duplicates, cycleRows: table };
  return { scored, table: completions?.done() };
}

/**
 * scoreRows' loop over the employees, in employee-id order (a stable sort of
 * the employee list). A function of its own: V8 compiles it while the loop
 * runs (on-stack replacement), and code after the loop that had not run yet
 * then threw that compilation away (a third of a 10,000-person run's
 * compiling of scoreRows).
 */
function scoreEmployees(
  data: Dataset,
  policy: Policy,
  table: ValueTable,
  rows: FirstRows,
  index: EmployeeIndex,
  slotsOf: (employee: Employee) => { assignment: WeightedIndicator[]; slots: Slot[] } | undefined,
  completions: CompletionTableBuilder | undefined,
  results: ResultColumns | undefined,
): ScoredEmployee[] {
  // Per position in the policy: the column of the table being filled.
  const columns: (ColumnBuilder | undefined)[] = [];
  const employees: ScoredEmployee[] = [];
  for (const position of index.byId) {
    const employee = data.employees[position]!;
    const assigned = slotsOf(employee);
    if (!assigned || assigned.slots.length === 0) continue;
    const k = index.first[position]!;
    const department = index.department[position]!;
    let total = 0;
    const first = results?.length ?? 0;
    for (const { id, weight, indicator, column } of assigned.slots) {
      const i = rows.counted(k, column);
      const target = i < 0 ? null : table.targetAt(i);
      const actual = i < 0 ? null : table.actualAt(i);
      const rating = i < 0 ? null : table.ratingAt(i);
      // scoreFigures, without an object per value.
      const completion = completionOf(indicator, target, actual);
      if (completions !== undefined && indicator.kind === 'quantitative') {
        (columns[column] ??= completions.column(id)).add(department, completion ?? 0, actual);
      }
      if (results === undefined) continue;
      const score = scoreOf(indicator, completion, rating, policy);
      total += weight * score;
      results.add(i, completion ?? 0, score);
    }
    if (results !== undefined) employees.push(new ColumnScoredEmployee(employee, total / 100, assigned.assignment, assigned.slots, first, results));
  }
  return employees;
}

/**
 * An employee's assignment (assignmentFor) with its indicators looked up once
 * per assignment, not once per employee.
 */
function assignmentSlots(
  policy: Policy,
  indicatorById: Map<string, Indicator>,
  rows: FirstRows,
): (employee: Employee) => { assignment: WeightedIndicator[]; slots: Slot[] } | undefined {
  const resolved = new Map<WeightedIndicator[], { assignment: WeightedIndicator[]; slots: Slot[] }>();
  return (employee) => {
    const assignment = assignmentFor(policy, employee);
    if (assignment === undefined) return undefined;
    let assigned = resolved.get(assignment);
    if (assigned === undefined) {
      // Built by push, not map: arrays from map() differ in elements kind
      // once the caller is optimised, and the loop below deoptimised on that.
      const slots: Slot[] = [];
      for (const { id, weight } of assignment) {
        const indicator = indicatorById.get(id);
        if (!indicator) throw new Error(`policy assigns unknown indicator ${id}`); // loader rejects this earlier
        slots.push({ id, weight, indicator, column: rows.indicatorPosition(id)! });
      }
      resolved.set(assignment, (assigned = { assignment, slots }));
    }
    return assigned;
  };
}
