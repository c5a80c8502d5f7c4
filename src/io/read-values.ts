// values.csv, which can hold millions of rows: a hand-written loop, no zod per
// row, and the rows stored column by column (ValueTable), with the repeated
// texts (cycle, employee id, indicator id) as codes.
import type { Employee, Policy } from '../engine/types.ts';
import { widenCodes } from '../engine/value-columns.ts';
import { ACTUAL_NULL, RATING_NULL, TARGET_NULL, ValueTable } from '../engine/value-table.ts';
import { byteLength, type ByteSource } from './byte-source.ts';
import { detach, expectedNumber, plainDecimal, PLAIN_NUMBER } from './cells.ts';
import { openCsv, type CsvCursor } from './csv.ts';
import { EmployeeLookup } from './employee-lookup.ts';
import type { RawValues } from './values-scan.ts';

const FILE = 'values.csv';
const COLUMNS = ['cycle', 'employee_id', 'indicator_id', 'source', 'target', 'actual', 'rating'] as const;

/** Rows of values.csv run ~35 bytes (the benchmark company: 36.7); sizing the table from the file at 32 bytes a row saves regrowing it. */
const BYTES_PER_ROW = 32;

export interface ValuesContext {
  policy: Policy;
  /** cycle -> its own policy, and the file it came from. */
  cyclePolicies: Record<string, Policy>;
  employeeById: Map<string, Employee>;
}

/** An indicator of a cycle's policy, with its code in the table. */
interface KnownIndicator {
  id: string;
  code: number;
  quantitative: boolean;
  /** The indicator after this one in the policy (the first after the last). */
  next: KnownIndicator | undefined;
}

/** What a row of one cycle is checked against: the indicators of that cycle's policy. */
interface CycleRules {
  cycle: string;
  code: number;
  policyFile: string;
  ratingMax: number;
  indicators: Map<string, KnownIndicator>;
  first: KnownIndicator | undefined;
}

// Positions of the sources in the table (engine/value-table.ts SOURCES).
const MANAGER = 0;
const SYSTEM = 1;
const SELF = 2;

export function readValues(source: ByteSource, ctx: ValuesContext): ValueTable {
  const csv = openCsv(FILE, source, { required: COLUMNS, optional: ['source_ref'] });
  const { cycle: iCycle, employee_id: iEmployee, indicator_id: iIndicator, source: iSource } = csv.index;
  const { target: iTarget, actual: iActual, rating: iRating, source_ref: iRef } = csv.index;
  const table = new ValueTable(Math.ceil(byteLength(source) / BYTES_PER_ROW));
  const rulesByCycle = new Map<string, CycleRules>();
  const rulesFor = (cycle: string): CycleRules => {
    let rules = rulesByCycle.get(cycle);
    if (rules === undefined) {
      const own = Object.hasOwn(ctx.cyclePolicies, cycle) ? ctx.cyclePolicies[cycle] : undefined;
      const policy = own ?? ctx.policy;
      const list = policy.indicators.map(
        (x): KnownIndicator => ({ id: x.id, code: table.indicatorCode(x.id), quantitative: x.kind === 'quantitative', next: undefined }),
      );
      list.forEach((x, j) => (x.next = list[j + 1] ?? list[0]));
      const indicators = new Map(list.map((x) => [x.id, x]));
      const policyFile = own ? `policy.${cycle}.json` : 'policy.json';
      rules = { cycle, code: table.cycleCode(cycle), policyFile, ratingMax: policy.ratingMax, indicators, first: list[0] };
      rulesByCycle.set(cycle, rules);
    }
    return rules;
  };

  // Employee codes are positions in employees.csv.
  const employees = new EmployeeLookup(ctx.employeeById);
  for (const e of ctx.employeeById.values()) table.employeeCode(e.id);

  // The last row's cycle and indicator. Exports are usually grouped and
  // ordered: comparing with the last id, then with the one expected next (the
  // next indicator in the policy), is much cheaper than a Map lookup.
  let rules: CycleRules | undefined;
  let indicator: KnownIndicator | undefined;
  csv.forEach((cells, at) => {
    const cycle = cells[iCycle] as string;
    if (rules === undefined || rules.cycle !== cycle) {
      if (cycle === '') throw at.error('cycle', 'a cycle such as 2026', cycle);
      rules = rulesFor(cycle);
      indicator = undefined;
    }
    const employeeCell = cells[iEmployee] as string;
    if (employees.find(employeeCell) === undefined) throw at.error('employee_id', 'an employee id from employees.csv', employeeCell);
    const indicatorCell = cells[iIndicator] as string;
    if (indicator === undefined || indicator.id !== indicatorCell) {
      const next = indicator === undefined ? rules.first : indicator.next;
      indicator = next !== undefined && next.id === indicatorCell ? next : rules.indicators.get(indicatorCell);
      if (indicator === undefined) throw at.error('indicator_id', `an indicator id from ${rules.policyFile}`, indicatorCell);
    }
    const sourceCell = cells[iSource] as string;
    const source = sourceCell === 'system' ? SYSTEM : sourceCell === 'manager' ? MANAGER : sourceCell === 'self' ? SELF : -1;
    if (source < 0) throw at.error('source', 'one of system, self, manager', sourceCell);

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
    table.append(rules.code, employees.position, indicator.code, source, target, actual, rating, ref === '' ? null : detach(ref));
  });
  return table;
}

function number(cell: string, column: string, at: CsvCursor): number {
  const value = plainDecimal(cell);
  if (value !== undefined) return value;
  throw at.error(column, cell === '' ? `a number for a quantitative indicator (${PLAIN_NUMBER})` : expectedNumber(cell), cell);
}

/** A cycle's rules (readValues' CycleRules) by the scan's codes, made on first use, in row order as readValues makes them. */
interface ScannedCycleRules {
  code: number;
  ratingMax: number;
  /** Scanned indicator code -> table code; -1 for an indicator not in the cycle's policy. */
  indicator: Int32Array;
  /** Scanned indicator code -> 1 for a quantitative indicator. */
  quantitative: Uint8Array;
}

/**
 * The table readValues would give, from values.csv as scanValues read it, or
 * null where readValues would throw (the caller then runs readValues for its
 * error). Same checks, same codes in the same order; the scan's columns are
 * taken over and rewritten in place.
 */
export function bindValues(raw: RawValues, ctx: ValuesContext): ValueTable | null {
  // Scanned employee code -> position in employees.csv (the table's code).
  const employees = new EmployeeLookup(ctx.employeeById);
  const employeeAt = Int32Array.from(raw.employees, (id) => (employees.find(id) === undefined ? -1 : employees.position));
  const cycles: string[] = [];
  const indicators: string[] = [];
  const indicatorCode = new Map<string, number>();
  const rulesOf: (ScannedCycleRules | undefined)[] = [];
  const rulesFor = (c: number): ScannedCycleRules => {
    const cycle = raw.cycles[c]!;
    const own = Object.hasOwn(ctx.cyclePolicies, cycle) ? ctx.cyclePolicies[cycle] : undefined;
    const policy = own ?? ctx.policy;
    const known = new Map<string, { code: number; quantitative: boolean }>();
    for (const x of policy.indicators) {
      let code = indicatorCode.get(x.id);
      if (code === undefined) indicatorCode.set(x.id, (code = indicators.push(x.id) - 1));
      known.set(x.id, { code, quantitative: x.kind === 'quantitative' });
    }
    const indicator = Int32Array.from(raw.indicators, (id) => known.get(id)?.code ?? -1);
    const quantitative = Uint8Array.from(raw.indicators, (id) => (known.get(id)?.quantitative ? 1 : 0));
    return (rulesOf[c] = { code: cycles.push(cycle) - 1, ratingMax: policy.ratingMax, indicator, quantitative });
  };
  // Room for the table's codes, which may outnumber the scan's: every indicator of every policy gets one.
  const policies = [ctx.policy, ...Object.values(ctx.cyclePolicies)];
  raw.indicator = widenCodes(raw.indicator, policies.reduce((n, p) => n + p.indicators.length, 0));
  const { cycle, employee, indicator, target, nulls } = raw;
  let last = -1;
  let rules: ScannedCycleRules | undefined;
  for (let i = 0; i < raw.rows; i++) {
    const c = cycle[i]!;
    if (c !== last || rules === undefined) {
      if (raw.cycles[c] === '') return null;
      rules = rulesOf[c] ?? rulesFor(c);
      last = c;
    }
    const e = employeeAt[employee[i]!]!;
    const x = indicator[i]!;
    const code = rules.indicator[x]!;
    if (e < 0 || code < 0) return null;
    if (rules.quantitative[x] === 1) {
      if (nulls[i] !== RATING_NULL || !(target[i]! > 0)) return null;
    } else {
      const r = target[i]!; // the rating, in a row without a target
      if (nulls[i] !== (TARGET_NULL | ACTUAL_NULL) || !Number.isInteger(r) || r < 1 || r > rules.ratingMax) return null;
    }
    cycle[i] = rules.code;
    employee[i] = e;
    indicator[i] = code;
  }
  return ValueTable.adopt(raw, raw.rows, { cycles, employees: [...ctx.employeeById.keys()], indicators });
}
