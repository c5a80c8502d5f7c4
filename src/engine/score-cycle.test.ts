import { describe, expect, it } from 'vitest';
import { detectAnomalies } from './anomalies.ts';
import { scoreCycle } from './score-cycle.ts';
import { dataset, employee, policy, qual, quant, row } from './test-helpers.ts';

const p = policy({
  indicators: [quant('sales'), quant('cost', 'lower'), qual('att')],
  assignments: [
    { department: 'D1', indicators: [ { id: 'sales', weight: 60 }, { id: 'cost', weight: 25 }, { id: 'att', weight: 15 } ] },
    { role: 'manager', indicators: [ { id: 'att', weight: 100 } ] },
  ],
});

describe('scoreCycle', () => {
  it('weights indicator scores, using the manager row over system over self', () => {
    const data = dataset(
      p,
      [employee('e1'), employee('e2')],
      [
        row('e1', 'sales', { source: 'self', target: 100, actual: 150 }),
        row('e1', 'sales', { source: 'system', target: 100, actual: 90 }),
        row('e1', 'cost', { source: 'system', target: 50, actual: 40 }),
        row('e1', 'att', { source: 'manager', rating: 4 }),
        row('e2', 'sales', { source: 'system', target: 100, actual: 110 }),
        row('e2', 'sales', { source: 'manager', target: 100, actual: 100 }),
        row('e2', 'att', { source: 'manager', rating: 3 }),
      ],
    );
    const s = scoreCycle(data, '2026', data.values);
    const [e1, e2] = s.employees;
    // e1: sales system 90/100 -> 90 (the self 150 is ignored); cost lower 50/40 = 1.25 -> cap 1.2 -> 120;
    // att rating 4 -> 110. score = (60*90 + 25*120 + 15*110) / 100 = (5400 + 3000 + 1650) / 100 = 100.5
    expect(e1!.score).toBeCloseTo(100.5, 12);
    expect(e1!.indicators.map((i) => [i.indicatorId, i.source, i.score])).toEqual([
      ['sales', 'system', 90],
      ['cost', 'system', 120],
      ['att', 'manager', 110],
    ]);
    // e2: sales manager 100 -> 100; cost missing -> 0; att 3 -> 100. (6000 + 0 + 1500) / 100 = 75
    expect(e2!.score).toBeCloseTo(75, 12);
    expect(e2!.indicators[1]).toEqual({
      indicatorId: 'cost', weight: 25, source: null, target: null, actual: null, rating: null, completion: 0, score: 0,
    });
  });

  it('uses a department assignment over a role one, and leaves out the unassigned', () => {
    const data = dataset(
      p,
      [employee('m1', 'D1', { role: 'manager' }), employee('m2', 'D2', { role: 'manager' }), employee('x', 'D2')],
      [row('m1', 'att', { source: 'manager', rating: 5 }), row('m2', 'att', { source: 'manager', rating: 2 })],
    );
    const s = scoreCycle(data, '2026', data.values);
    // m1 is in D1: the department's three indicators, only att present: 15 * 120 / 100 = 18.
    // m2 is in D2 (no department assignment): the manager role's att at 100 %: 70.
    // x has no assignment at all: not scored.
    expect(s.employees.map((e) => [e.employee.id, e.score])).toEqual([
      ['m1', 18],
      ['m2', 70],
    ]);
  });

  it('keeps the first of two rows with the same key and records the second as a duplicate', () => {
    const first = row('e1', 'sales', { target: 100, actual: 80 });
    const again = row('e1', 'sales', { target: 100, actual: 120 });
    const data = dataset(p, [employee('e1')], [first, again]);
    const s = scoreCycle(data, '2026', data.values);
    expect(s.employees[0]!.indicators[0]!.actual).toBe(80);
    expect(s.duplicates).toEqual([{ row: again, first }]);
  });

  it('uses policy.<cycle>.json for its cycle', () => {
    const other = policy({ ...p, assignments: [{ department: 'D1', indicators: [{ id: 'sales', weight: 100 }] }] });
    const data = dataset(p, [employee('e1')], [row('e1', 'sales', { cycle: '2025', target: 100, actual: 70 })], {
      cyclePolicies: { '2025': other },
    });
    // under the 2025 policy, sales weighs 100: 70; under the common policy it would be 60 * 70 / 100 = 42.
    expect(scoreCycle(data, '2025', data.values).employees[0]!.score).toBeCloseTo(70, 12);
    expect(scoreCycle(data, '2026', data.values).employees[0]!.score).toBeCloseTo(42, 12);
  });
});

describe('scoreCycle keeps rows outside the employee list and the policy', () => {
  it('for the cleaning pass: an unknown employee\'s mismatch and repeated key, an unknown indicator\'s repeated key', () => {
    const data = dataset(
      p,
      [employee('e1')],
      [
        row('e1', 'sales', { source: 'system', target: 100, actual: 90 }),
        row('e9', 'sales', { source: 'system', target: 100, actual: 100 }),
        row('e9', 'sales', { source: 'self', target: 100, actual: 150 }),
        row('e9', 'sales', { source: 'self', target: 100, actual: 160 }),
        row('e1', 'bonus', { source: 'system', target: 10, actual: 1 }),
        row('e1', 'bonus', { source: 'system', target: 10, actual: 2 }),
      ],
    );
    const s = scoreCycle(data, '2026', data.values);
    expect(s.employees.map((e) => e.employee.id)).toEqual(['e1']);
    expect(s.rows.get('e9', 'sales')).toMatchObject({ system: { actual: 100 }, self: { actual: 150 } });
    expect(s.duplicates.map((d) => [d.row.employeeId, d.row.indicatorId, d.row.actual, d.first.actual])).toEqual([
      ['e9', 'sales', 160, 150],
      ['e1', 'bonus', 2, 1],
    ]);
    const { anomalies } = detectAnomalies(s);
    expect(anomalies.filter((a) => a.kind === 'mismatch')).toMatchObject([{ employeeId: 'e9', indicatorId: 'sales', value: 150, expected: 100 }]);
  });
});
