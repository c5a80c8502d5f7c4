// values.csv, which can hold millions of rows: a hand-written loop, no zod per
// row, and the repeated texts (cycle, employee id, indicator id) interned so
// every row shares one string instance each.
import type { Employee, Policy, Source, ValueRow } from '../engine/types.ts';
import type { ByteSource } from './byte-source.ts';
import { expectedNumber, plainDecimal, PLAIN_NUMBER } from './cells.ts';
import { openCsv, type CsvCursor } from './csv.ts';

const FILE = 'values.csv';
const COLUMNS = ['cycle', 'employee_id', 'indicator_id', 'source', 'target', 'actual', 'rating'] as const;

export interface ValuesContext {
  policy: Policy;
  /** cycle -> its own policy, and the file it came from. */
  cyclePolicies: Record<string, Policy>;
  employeeById: Map<string, Employee>;
}

/** What a row of one cycle is checked against: the indicators of that cycle's policy. */
interface CycleRules {
  cycle: string;
  policyFile: string;
  ratingMax: number;
  indicators: Map<string, { id: string; quantitative: boolean }>;
}

export function readValues(source: ByteSource, ctx: ValuesContext): ValueRow[] {
  const csv = openCsv(FILE, source, { required: COLUMNS, optional: ['source_ref'] });
  const { cycle: iCycle, employee_id: iEmployee, indicator_id: iIndicator, source: iSource } = csv.index;
  const { target: iTarget, actual: iActual, rating: iRating, source_ref: iRef } = csv.index;
  const indicatorIds = new Map<string, string>();
  const rulesByCycle = new Map<string, CycleRules>();
  const rulesFor = (cycle: string): CycleRules => {
    let rules = rulesByCycle.get(cycle);
    if (rules === undefined) {
      const own = Object.hasOwn(ctx.cyclePolicies, cycle) ? ctx.cyclePolicies[cycle] : undefined;
      const policy = own ?? ctx.policy;
      const indicators = new Map<string, { id: string; quantitative: boolean }>();
      for (const x of policy.indicators) {
        let id = indicatorIds.get(x.id);
        if (id === undefined) indicatorIds.set(x.id, (id = x.id));
        indicators.set(id, { id, quantitative: x.kind === 'quantitative' });
      }
      rules = { cycle, policyFile: own ? `policy.${cycle}.json` : 'policy.json', ratingMax: policy.ratingMax, indicators };
      rulesByCycle.set(cycle, rules);
    }
    return rules;
  };

  const rows: ValueRow[] = [];
  // The last row's cycle, employee and indicator: exports are usually grouped,
  // and comparing with the previous id is much cheaper than a Map lookup.
  let rules: CycleRules | undefined;
  let employee: Employee | undefined;
  let indicator: { id: string; quantitative: boolean } | undefined;
  csv.forEach((cells, at) => {
    const cycle = cells[iCycle] as string;
    if (rules === undefined || rules.cycle !== cycle) {
      if (cycle === '') throw at.error('cycle', 'a cycle such as 2026', cycle);
      rules = rulesFor(cycle);
      indicator = undefined;
    }
    const employeeCell = cells[iEmployee] as string;
    if (employee === undefined || employee.id !== employeeCell) {
      employee = ctx.employeeById.get(employeeCell);
      if (employee === undefined) throw at.error('employee_id', 'an employee id from employees.csv', employeeCell);
    }
    const indicatorCell = cells[iIndicator] as string;
    if (indicator === undefined || indicator.id !== indicatorCell) {
      indicator = rules.indicators.get(indicatorCell);
      if (indicator === undefined) throw at.error('indicator_id', `an indicator id from ${rules.policyFile}`, indicatorCell);
    }
    const sourceCell = cells[iSource] as string;
    const source: Source | undefined =
      sourceCell === 'system' ? 'system' : sourceCell === 'manager' ? 'manager' : sourceCell === 'self' ? 'self' : undefined;
    if (source === undefined) throw at.error('source', 'one of system, self, manager', sourceCell);

    let target: number | null = null;
    let actual: number | null = null;
    let rating: number | null = null;
    if (indicator.quantitative) {
      target = number(cells[iTarget] as string, 'target', at);
      if (target <= 0) throw at.error('target', 'a target > 0', cells[iTarget]);
      actual = number(cells[iActual] as string, 'actual', at);
      if (cells[iRating] !== '') throw at.error('rating', 'empty for a quantitative indicator', cells[iRating]);
    } else {
      const cell = cells[iRating] as string;
      rating = plainDecimal(cell) ?? NaN;
      if (!Number.isInteger(rating) || rating < 1 || rating > rules.ratingMax) {
        throw at.error('rating', `a whole number from 1 to ${rules.ratingMax}`, cell);
      }
      if (cells[iTarget] !== '') throw at.error('target', 'empty for a qualitative indicator', cells[iTarget]);
      if (cells[iActual] !== '') throw at.error('actual', 'empty for a qualitative indicator', cells[iActual]);
    }
    const ref = iRef < 0 ? '' : (cells[iRef] as string);
    rows.push({
      cycle: rules.cycle,
      employeeId: employee.id,
      indicatorId: indicator.id,
      source,
      target,
      actual,
      rating,
      sourceRef: ref === '' ? null : ref,
    });
  });
  return rows;
}

function number(cell: string, column: string, at: CsvCursor): number {
  const value = plainDecimal(cell);
  if (value !== undefined) return value;
  throw at.error(column, cell === '' ? `a number for a quantitative indicator (${PLAIN_NUMBER})` : expectedNumber(cell), cell);
}
