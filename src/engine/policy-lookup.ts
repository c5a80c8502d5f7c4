import type { Dataset, Employee, Policy, WeightedIndicator } from './types.ts';

/** The policy a cycle uses: its own (policy.<cycle>.json) or the common one. */
export function policyFor(data: Pick<Dataset, 'policy' | 'cyclePolicies'>, cycle: string): Policy {
  return data.cyclePolicies[cycle] ?? data.policy;
}

/**
 * The indicators and weights an employee is measured on: the assignment of their
 * department, else the one for their role, else none (the employee is not scored).
 */
export function assignmentFor(policy: Policy, employee: Employee): WeightedIndicator[] | undefined {
  let byRole: WeightedIndicator[] | undefined;
  for (const a of policy.assignments) {
    if (a.department !== undefined && a.department === employee.departmentId) return a.indicators;
    if (byRole === undefined && a.role !== undefined && a.role === employee.role) byRole = a.indicators;
  }
  return byRole;
}

/**
 * Cycles in chronological order. Cycle ids are compared as strings with numeric
 * runs compared by value ("2026Q2" < "2026Q10"), so years and quarters sort naturally.
 */
export function sortCycles(cycles: Iterable<string>): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...new Set(cycles)].sort(collator.compare);
}
