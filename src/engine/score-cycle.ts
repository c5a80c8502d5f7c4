import type { Dataset, Indicator, IndicatorResult, ValueRow } from './types.ts';
import type { DuplicateRow, RowsBySource, ScoredCycle, ScoredEmployee } from './scored-types.ts';
import { countedRow, scoreValue } from './indicator-score.ts';
import { assignmentFor, policyFor } from './policy-lookup.ts';

/** Splits rows by cycle, keeping input order within each cycle. */
export function groupByCycle(values: readonly ValueRow[]): Map<string, ValueRow[]> {
  const out = new Map<string, ValueRow[]>();
  for (const row of values) {
    let list = out.get(row.cycle);
    if (!list) out.set(row.cycle, (list = []));
    list.push(row);
  }
  return out;
}

/**
 * Scores every employee of one cycle.
 * The population is every employee in the data with at least one assigned
 * indicator; an assigned indicator with no row is missing (s = 0).
 * score = sum(w_i * s_i) / 100.
 * Example: weights 70/30, s = 120 and 100 -> (70*120 + 30*100) / 100 = 114.
 */
export function scoreCycle(data: Dataset, cycle: string, cycleRows: readonly ValueRow[]): ScoredCycle {
  const policy = policyFor(data, cycle);
  const indicatorById = new Map<string, Indicator>(policy.indicators.map((i) => [i.id, i]));
  const rows = new Map<string, Map<string, RowsBySource>>();
  const duplicates: DuplicateRow[] = [];
  for (const row of cycleRows) {
    let byIndicator = rows.get(row.employeeId);
    if (!byIndicator) rows.set(row.employeeId, (byIndicator = new Map()));
    let bySource = byIndicator.get(row.indicatorId);
    if (!bySource) byIndicator.set(row.indicatorId, (bySource = {}));
    const first = bySource[row.source];
    if (first) duplicates.push({ row, first });
    else bySource[row.source] = row;
  }

  const employees: ScoredEmployee[] = [];
  for (const employee of data.employees) {
    const assignment = assignmentFor(policy, employee);
    if (!assignment || assignment.length === 0) continue;
    const own = rows.get(employee.id);
    let total = 0;
    const indicators: IndicatorResult[] = [];
    for (const { id, weight } of assignment) {
      const indicator = indicatorById.get(id);
      if (!indicator) throw new Error(`policy assigns unknown indicator ${id}`); // loader rejects this earlier
      const row = countedRow(own?.get(id));
      const { completion, score } = scoreValue(indicator, row, policy);
      total += weight * score;
      indicators.push({
        indicatorId: id,
        weight,
        source: row ? row.source : null,
        target: row?.target ?? null,
        actual: row?.actual ?? null,
        rating: row?.rating ?? null,
        completion,
        score,
      });
    }
    employees.push({ employee, score: total / 100, assignment, indicators });
  }
  employees.sort((a, b) => (a.employee.id < b.employee.id ? -1 : a.employee.id > b.employee.id ? 1 : 0));
  return { cycle, policy, indicatorById, employees, rows, duplicates, cycleRows };
}
