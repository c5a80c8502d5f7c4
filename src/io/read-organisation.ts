// departments.csv and employees.csv: the two refer to each other (a
// department's head is an employee, an employee's department is a
// department), so both are read first and cross-checked after.
import type { Department, Employee, Role } from '../engine/types.ts';
import type { ByteSource } from './byte-source.ts';
import { optionalCell, optionalDecimalCell, requiredCell } from './cells.ts';
import { openCsv, type CsvCursor } from './csv.ts';
import { DataError } from './data-error.ts';
import { scanEmployees } from './employees-scan.ts';
import { ROLES } from './policy-fast.ts';

export interface Organisation {
  departments: Department[];
  employees: Employee[];
  employeeById: Map<string, Employee>;
  departmentById: Map<string, Department>;
}

/** Where each record was read, for errors found after reading. */
type Lines = Map<string, number>;

/**
 * `validUtf8`, where given, lets employees.csv be scanned the fast way
 * (employees-scan.ts); it checks a run of whole lines, node:buffer's isUtf8
 * where there is one.
 */
export function readOrganisation(departmentsCsv: ByteSource, employeesCsv: ByteSource, validUtf8?: (bytes: Uint8Array) => boolean): Organisation {
  const depLines: Lines = new Map();
  const departments = readDepartments(departmentsCsv, depLines);
  // The fast scan keeps no lines: they are read again for an error, if one comes.
  let empLines: Lines | null = null;
  const scanned = validUtf8 === undefined ? null : scanEmployees(employeesCsv, validUtf8);
  const employees = scanned ?? readEmployees(employeesCsv, (empLines = new Map()));
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const employeeById = new Map(employees.map((e) => [e.id, e]));

  const depError = (id: string, column: string, expected: string, got: string, detail?: string): DataError =>
    new DataError({ file: 'departments.csv', line: depLines.get(id) ?? null, column, expected, got, detail });
  const empError = (id: string, column: string, expected: string, got: string, detail?: string): DataError => {
    if (empLines === null) readEmployees(employeesCsv, (empLines = new Map()));
    return new DataError({ file: 'employees.csv', line: empLines.get(id) ?? null, column, expected, got, detail });
  };

  for (const d of departments) {
    if (d.parentId !== null && !departmentById.has(d.parentId)) throw depError(d.id, 'parent_id', 'a department id from departments.csv', d.parentId);
    if (d.headId !== null && !employeeById.has(d.headId)) throw depError(d.id, 'head_id', 'an employee id from employees.csv', d.headId);
  }
  for (const e of employees) {
    if (!departmentById.has(e.departmentId)) throw empError(e.id, 'department_id', 'a department id from departments.csv', e.departmentId);
    if (e.managerId !== null && !employeeById.has(e.managerId)) throw empError(e.id, 'manager_id', 'an employee id from employees.csv', e.managerId);
  }
  const depLoop = findLoop(departments.map((d) => d.id), (id) => departmentById.get(id)?.parentId ?? null);
  if (depLoop) {
    throw depError(depLoop[0] as string, 'parent_id', 'a tree of departments', '', `expected a tree of departments, got a loop: ${depLoop.join(' -> ')}`);
  }
  const managerLoop = findLoop(employees.map((e) => e.id), (id) => employeeById.get(id)?.managerId ?? null);
  if (managerLoop) {
    throw empError(managerLoop[0] as string, 'manager_id', 'a chain of managers that ends', '', `expected a chain of managers that ends, got a loop: ${managerLoop.join(' -> ')}`);
  }
  return { departments, employees, employeeById, departmentById };
}

/** The record's id, required and not seen before in the file; remembered with its line. */
function uniqueId(cells: string[], i: number, at: CsvCursor, lines: Lines, what: 'department' | 'employee'): string {
  const article = what === 'employee' ? 'an' : 'a';
  const id = requiredCell(cells, i, 'id', at, `${article} ${what} id`);
  if (lines.has(id)) throw at.error('id', `a unique ${what} id`, undefined, `expected a unique ${what} id, got "${id}" again (first on line ${lines.get(id)})`);
  lines.set(id, at.line());
  return id;
}

function readDepartments(source: ByteSource, lines: Lines): Department[] {
  const csv = openCsv('departments.csv', source, { required: ['id', 'name'], optional: ['parent_id', 'head_id'] });
  const ix = csv.index;
  const departments: Department[] = [];
  csv.forEach((cells, at) => {
    const id = uniqueId(cells, ix.id, at, lines, 'department');
    departments.push({
      id,
      name: requiredCell(cells, ix.name, 'name', at, 'a department name'),
      parentId: optionalCell(cells, ix.parent_id),
      headId: optionalCell(cells, ix.head_id),
    });
  });
  return departments;
}

function readEmployees(source: ByteSource, lines: Lines): Employee[] {
  const csv = openCsv('employees.csv', source, {
    required: ['id', 'name', 'department_id', 'role'],
    optional: ['manager_id', 'salary', 'slack_user_id', 'lark_open_id'],
  });
  const ix = csv.index;
  const employees: Employee[] = [];
  csv.forEach((cells, at) => {
    const id = uniqueId(cells, ix.id, at, lines, 'employee');
    const role = cells[ix.role] as Role;
    if (!ROLES.includes(role)) throw at.error('role', `one of ${ROLES.join(', ')}`, role);
    const salary = optionalDecimalCell(cells, ix.salary, 'salary', at);
    if (salary !== null && salary < 0) throw at.error('salary', 'a salary >= 0', cells[ix.salary]);
    const managerId = optionalCell(cells, ix.manager_id);
    if (managerId === id) throw at.error('manager_id', 'another employee (not the employee itself) or empty', managerId);
    employees.push({
      id,
      name: requiredCell(cells, ix.name, 'name', at, 'an employee name'),
      departmentId: requiredCell(cells, ix.department_id, 'department_id', at, 'a department id'),
      managerId,
      role,
      salary,
      slackUserId: optionalCell(cells, ix.slack_user_id),
      larkOpenId: optionalCell(cells, ix.lark_open_id),
    });
  });
  return employees;
}

/** A loop in a parent relation, as the ids around it (first repeated at the end), or null for a forest. */
function findLoop(ids: string[], parentOf: (id: string) => string | null): string[] | null {
  const walkOf = new Map<string, number>(); // the walk that first reached each id
  for (let walk = 0; walk < ids.length; walk++) {
    let node = ids[walk] ?? null;
    while (node !== null) {
      const seenIn = walkOf.get(node);
      if (seenIn === walk) {
        const loop = [node];
        for (let next = parentOf(node); next !== null && next !== node; next = parentOf(next)) loop.push(next);
        return [...loop, node];
      }
      if (seenIn !== undefined) break; // joins a chain already known to end
      walkOf.set(node, walk);
      node = parentOf(node);
    }
  }
  return null;
}
