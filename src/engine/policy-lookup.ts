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
  const index = assignmentIndex(policy);
  return index.byDepartment.get(employee.departmentId) ?? index.byRole.get(employee.role);
}

interface AssignmentIndex {
  byDepartment: Map<string, WeightedIndicator[]>;
  byRole: Map<string, WeightedIndicator[]>;
}

// Policies are immutable values; a company may have thousands of department assignments.
const indexes = new WeakMap<Policy, AssignmentIndex>();

function assignmentIndex(policy: Policy): AssignmentIndex {
  let index = indexes.get(policy);
  if (!index) {
    index = { byDepartment: new Map(), byRole: new Map() };
    // The first assignment of a department or role counts.
    for (const a of policy.assignments) {
      if (a.department !== undefined && !index.byDepartment.has(a.department)) index.byDepartment.set(a.department, a.indicators);
      if (a.role !== undefined && !index.byRole.has(a.role)) index.byRole.set(a.role, a.indicators);
    }
    indexes.set(policy, index);
  }
  return index;
}

/**
 * Cycles in chronological order. Cycle ids are compared as strings with numeric
 * runs compared by value ("2026Q2" < "2026Q10"), so years and quarters sort naturally.
 */
export function sortCycles(cycles: Iterable<string>): string[] {
  // Made once: setting up an ICU collator takes ~10 ms.
  collator ??= new Intl.Collator('en', { numeric: true });
  return [...new Set(cycles)].sort(collator.compare);
}

let collator: Intl.Collator | undefined;
