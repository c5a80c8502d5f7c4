// The org snapshot that permission checks read: the department tree (parentId),
// who heads which department (headId) and who reports to whom (managerId).
// Pure: built once from the store's rows and never written to.

import type { Department, Employee } from '../engine/types.ts';

/** An org snapshot as the store returns it. */
export interface Org {
  departments: Department[];
  employees: Employee[];
}

/** An Org with the lookups permissions need, computed once. */
export interface OrgIndex {
  /** The employee with this id; undefined when not in the org. */
  employee(employeeId: string): Employee | undefined;
  hasDepartment(departmentId: string): boolean;
  /** Every department id, in input order. */
  departmentIds(): string[];
  /** Every employee id, in input order. */
  employeeIds(): string[];
  /** The department and all its descendants via parentId; empty for an unknown id. */
  subtree(departmentId: string): Set<string>;
  /** The departments whose headId is this employee, in input order. */
  headedBy(employeeId: string): string[];
  /** The employees whose managerId is this employee, in input order. */
  reportsOf(employeeId: string): string[];
  /** The employees whose departmentId is one of these, in input order. */
  employeesIn(departmentIds: ReadonlySet<string>): string[];
}

/**
 * What a manager reaches. Two sources, because the org chart and the reporting
 * lines do not always agree:
 * - every department in a subtree the manager heads (Department.headId), with its employees;
 * - the manager's direct reports (Employee.managerId), wherever they sit, so that a
 *   manager who manages someone seconded to another department can still review them.
 * Heading comes from headId only: the role 'manager' alone heads nothing.
 */
export interface ManagerScope {
  departments: Set<string>;
  employees: Set<string>;
}

/**
 * Indexes an org snapshot. Of two rows with the same id the first counts.
 * A parentId cycle does not hang: each subtree is a walk with a visited set.
 */
export function buildOrg(departments: readonly Department[], employees: readonly Employee[]): OrgIndex {
  const departmentById = firstById(departments);
  const employeeById = firstById(employees);
  const uniqueDepartments = [...departmentById.values()];
  const uniqueEmployees = [...employeeById.values()];

  const children = groupIds(uniqueDepartments, (d) => d.parentId);
  const headed = groupIds(uniqueDepartments, (d) => d.headId);
  const reports = groupIds(uniqueEmployees, (e) => e.managerId);
  const subtrees = new Map<string, ReadonlySet<string>>();
  for (const d of uniqueDepartments) subtrees.set(d.id, walk(d.id, children));

  return {
    employee: (id) => employeeById.get(id),
    hasDepartment: (id) => departmentById.has(id),
    departmentIds: () => [...departmentById.keys()],
    employeeIds: () => [...employeeById.keys()],
    subtree: (id) => new Set(subtrees.get(id)),
    headedBy: (id) => [...(headed.get(id) ?? [])],
    reportsOf: (id) => [...(reports.get(id) ?? [])],
    employeesIn: (ids) => uniqueEmployees.filter((e) => ids.has(e.departmentId)).map((e) => e.id),
  };
}

/** The departments and employees a manager reaches (see ManagerScope); the manager's own row only when it falls inside. */
export function managerScope(org: OrgIndex, employeeId: string): ManagerScope {
  const departments = new Set<string>();
  for (const head of org.headedBy(employeeId)) for (const d of org.subtree(head)) departments.add(d);
  const employees = new Set(org.employeesIn(departments));
  for (const report of org.reportsOf(employeeId)) employees.add(report);
  return { departments, employees };
}

function firstById<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  return byId;
}

function groupIds<T extends { id: string }>(rows: readonly T[], key: (row: T) => string | null): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row.id);
    else groups.set(k, [row.id]);
  }
  return groups;
}

function walk(root: string, children: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set<string>([root]);
  const queue = [root];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return seen;
}
