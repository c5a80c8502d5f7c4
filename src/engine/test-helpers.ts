// Builders for hand-made engine inputs in tests.
import type { Dataset, Employee, Indicator, Policy, ValueRow } from './types.ts';

export function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    name: 'test',
    ratingMax: 5,
    ratingScores: [40, 70, 100, 110, 120],
    goals: [{ id: 'G1', name: 'Goal' }],
    indicators: [],
    assignments: [],
    grading: {
      mode: 'forced',
      grades: [
        { grade: 'S', share: 0.1 },
        { grade: 'A', share: 0.2 },
        { grade: 'B', share: 0.5 },
        { grade: 'C', share: 0.15 },
        { grade: 'D', share: 0.05 },
      ],
    },
    cleaning: { robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 },
    raises: { rates: { S: 0.1, A: 0.06, B: 0.03, C: 0, D: 0 }, budget: null },
    results: { promotionTopShare: 0.2, promotionGrades: ['S', 'A'], developmentBottomShare: 0.1 },
    ...overrides,
  };
}

export function quant(id: string, direction: 'higher' | 'lower' = 'higher', cap = 1.2, goal: string | null = 'G1'): Indicator {
  return { id, name: id, kind: 'quantitative', direction, unit: null, goal, cap };
}

export function qual(id: string): Indicator {
  return { id, name: id, kind: 'qualitative', unit: null, goal: 'G1' };
}

export function employee(id: string, departmentId = 'D1', extra: Partial<Employee> = {}): Employee {
  return { id, name: id, departmentId, managerId: null, role: 'employee', salary: null, ...extra };
}

export function row(
  employeeId: string,
  indicatorId: string,
  fields: Partial<ValueRow> & { actual?: number | null },
): ValueRow {
  return {
    cycle: '2026',
    employeeId,
    indicatorId,
    source: 'system',
    target: fields.rating != null ? null : 100,
    actual: null,
    rating: null,
    sourceRef: null,
    ...fields,
  };
}

export function dataset(p: Policy, employees: Employee[], values: ValueRow[], extra: Partial<Dataset> = {}): Dataset {
  const departments = [...new Set(employees.map((e) => e.departmentId))].map((id) => ({ id, name: id, parentId: null, headId: null }));
  return { policy: p, cyclePolicies: {}, departments, employees, values, attributes: [], training: {}, ...extra };
}
