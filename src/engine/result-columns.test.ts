// Indicator results kept as columns (result-columns.ts) read like the plain
// objects they stand for: in results, in ranked employees, in JSON, when
// changed, and after packing for another thread (packed-results.ts).
import { describe, expect, it } from 'vitest';
import { plainEmployeeResult, rankedResults } from './employee-results.ts';
import { packEmployees, unpackEmployees } from './packed-results.ts';
import { forEachResult } from './result-columns.ts';
import { scoreCycle } from './score-cycle.ts';
import { dataset, employee, policy, quant, qual, row } from './test-helpers.ts';
import type { IndicatorResult } from './types.ts';

const p = policy({
  indicators: [quant('sales'), quant('cost', 'lower'), qual('care')],
  assignments: [{ department: 'D1', indicators: [{ id: 'sales', weight: 50 }, { id: 'cost', weight: 30 }, { id: 'care', weight: 20 }] }],
});
const data = dataset(
  p,
  [employee('e2'), employee('e1'), employee('e3')],
  [
    row('e1', 'sales', { actual: 130, sourceRef: 'C-1' }),
    row('e1', 'cost', { target: 80, actual: 100 }),
    row('e1', 'care', { source: 'manager', rating: 4 }),
    row('e2', 'sales', { actual: 90.5 }),
    row('e2', 'care', { source: 'self', rating: 2 }),
    row('e3', 'cost', { target: 80, actual: 0 }),
  ],
);

/** The results as scoring made them before columns: one object per assigned indicator. */
const e1: IndicatorResult[] = [
  { indicatorId: 'sales', weight: 50, source: 'system', target: 100, actual: 130, rating: null, completion: 1.2, score: 120 },
  { indicatorId: 'cost', weight: 30, source: 'system', target: 80, actual: 100, rating: null, completion: 0.8, score: 80 },
  { indicatorId: 'care', weight: 20, source: 'manager', target: null, actual: null, rating: 4, completion: null, score: 110 },
];

describe('indicator results as columns', () => {
  it('read as the plain results, missing values included', () => {
    const scored = scoreCycle(data, '2026', data.values);
    expect(scored.employees.map((e) => e.employee.id)).toEqual(['e1', 'e2', 'e3']);
    expect(scored.employees[0]!.indicators).toEqual(e1);
    expect(scored.employees[2]!.indicators[0]).toEqual({ indicatorId: 'sales', weight: 50, source: null, target: null, actual: null, rating: null, completion: 0, score: 0 });
    const visited: unknown[] = [];
    forEachResult(scored, (k, id, source, actual, score) => visited.push([k, id, source, actual, score]));
    expect(visited.slice(0, 3)).toEqual(e1.map((r) => [0, r.indicatorId, r.source, r.actual, r.score]));
    expect(visited).toHaveLength(9);
  });

  it('make ranked employees that read, spread, compare and serialise as plain objects', () => {
    const { results } = rankedResults(scoreCycle(data, '2026', data.values));
    const e = results[0]!;
    expect(Object.keys(e)).toEqual(['employeeId', 'departmentId', 'score', 'grade', 'rank', 'percentile', 'departmentPercentile', 'indicators']);
    expect(e.indicators).toEqual(e1);
    expect({ ...e }).toEqual(plainEmployeeResult(e));
    expect(JSON.stringify(e)).toBe(JSON.stringify(plainEmployeeResult(e)));
    expect(JSON.stringify(results)).toBe(JSON.stringify(results.map(plainEmployeeResult)));
  });

  it('keep a change to a result, and an assignment of new ones', () => {
    const { results } = rankedResults(scoreCycle(data, '2026', data.values));
    results[0]!.indicators[0]!.score += 8;
    expect(results[0]!.indicators[0]!.score).toBe(128);
    expect(plainEmployeeResult(results[0]!).indicators[0]!.score).toBe(128);
    results[1]!.indicators = [];
    expect(JSON.stringify(results[1])).toContain('"indicators":[]');
  });

  it('pack for another thread and unpack to the same plain employees', () => {
    const { results } = rankedResults(scoreCycle(data, '2026', data.values));
    const packed = packEmployees(results)!;
    const employee = unpackEmployees(structuredClone(packed));
    expect(results.map((_, k) => JSON.stringify(employee(k)))).toEqual(results.map((e) => JSON.stringify(e)));
    results[0]!.indicators[0]!.score += 1; // no longer as ranking made them: not packed
    expect(packEmployees(results)).toBeNull();
  });
});
