// The optional files of a data folder: attributes.csv (named facts per cycle
// and employee) and training.csv (the catalogue: indicator -> training).
import type { AttributeRow, Employee } from '../engine/types.ts';
import type { ByteSource } from './byte-source.ts';
import { decimalCell, detach, nonEmptyCell, requiredCell } from './cells.ts';
import { openCsv } from './csv.ts';
import type { RawAttributes } from './attributes-scan.ts';
import { EmployeeLookup } from './employee-lookup.ts';

/** The rows of one (cycle, attribute) so far: the line of each employee's row, by position in employees.csv (0: none yet). */
interface AttributeLines {
  cycle: string;
  attribute: string;
  lines: Int32Array;
}

export function readAttributes(source: ByteSource, employeeById: Map<string, Employee>): AttributeRow[] {
  const csv = openCsv('attributes.csv', source, { required: ['cycle', 'employee_id', 'attribute', 'value'] });
  const ix = csv.index;
  const employees = new EmployeeLookup(employeeById);
  // cycle -> attribute -> the lines so far. Texts of cycles and attributes are
  // kept once per pair, so rows share them. Few pairs are usual: they are
  // compared in turn before the Maps are asked.
  const byCycle = new Map<string, Map<string, AttributeLines>>();
  const groups: AttributeLines[] = [];
  const groupOf = (cycle: string, attribute: string): AttributeLines => {
    if (groups.length <= 16) {
      for (const g of groups) if (g.attribute === attribute && g.cycle === cycle) return g;
    }
    let byAttribute = byCycle.get(cycle);
    if (byAttribute === undefined) byCycle.set(cycle, (byAttribute = new Map()));
    let group = byAttribute.get(attribute);
    if (group === undefined) {
      group = { cycle: detach(cycle), attribute: detach(attribute), lines: new Int32Array(employeeById.size) };
      byAttribute.set(attribute, group);
      groups.push(group);
    }
    return group;
  };
  const rows: AttributeRow[] = [];
  csv.forEach((cells, at) => {
    const cycleCell = nonEmptyCell(cells, ix.cycle, 'cycle', at, 'a cycle such as 2026');
    const employeeCell = cells[ix.employee_id] as string;
    const employee = employees.find(employeeCell);
    if (employee === undefined) throw at.error('employee_id', 'an employee id from employees.csv', employeeCell);
    const attributeCell = nonEmptyCell(cells, ix.attribute, 'attribute', at, 'an attribute name');
    const group = groupOf(cycleCell, attributeCell);
    const first = group.lines[employees.position]!;
    if (first !== 0) {
      throw at.error('attribute', 'one row per cycle, employee and attribute', undefined, `expected one row per cycle, employee and attribute, got "${group.attribute}" of ${employee.id} in ${group.cycle} again (first on line ${first})`);
    }
    group.lines[employees.position] = at.line();
    rows.push({ cycle: group.cycle, employeeId: employee.id, attribute: group.attribute, value: decimalCell(cells, ix.value, 'value', at) });
  });
  return rows;
}

/**
 * The rows readAttributes would give, from attributes.csv as scanAttributes
 * read it, or null where readAttributes would throw (the caller then runs
 * it for its error): same checks, same rows in the same order.
 */
export function bindAttributes(raw: RawAttributes, employeeById: Map<string, Employee>): AttributeRow[] | null {
  // Scanned employee code -> the employee and its position in employees.csv.
  const lookup = new EmployeeLookup(employeeById);
  const positions = new Int32Array(raw.employees.length);
  const employees = raw.employees.map((id, c) => {
    const employee = lookup.find(id);
    positions[c] = lookup.position;
    return employee;
  });
  // Per (cycle, attribute) code pair, by cycle * width + attribute: its
  // texts, and who has a row in it so far (a file has a few such pairs).
  const width = raw.attributes.length;
  const groups: ({ cycle: string; attribute: string; seen: Uint8Array } | undefined)[] = new Array(raw.cycles.length * width).fill(undefined);
  const rows: AttributeRow[] = [];
  for (let i = 0; i < raw.rows; i++) {
    const cycle = raw.cycle[i]!;
    const attribute = raw.attribute[i]!;
    const employee = employees[raw.employee[i]!];
    if (employee === undefined) return null;
    let group = groups[cycle * width + attribute];
    if (group === undefined) {
      const cycleText = raw.cycles[cycle]!;
      const attributeText = raw.attributes[attribute]!;
      if (cycleText === '' || attributeText === '') return null;
      group = { cycle: cycleText, attribute: attributeText, seen: new Uint8Array(employeeById.size) };
      groups[cycle * width + attribute] = group;
    }
    const k = positions[raw.employee[i]!]!;
    if (group.seen[k] === 1) return null;
    group.seen[k] = 1;
    rows.push({ cycle: group.cycle, employeeId: employee.id, attribute: group.attribute, value: raw.value[i]! });
  }
  return rows;
}

/** indicatorId -> training; `indicatorIds` are those of every policy of the folder. */
export function readTraining(source: ByteSource, indicatorIds: Set<string>): Record<string, string> {
  const csv = openCsv('training.csv', source, { required: ['indicator_id', 'training'] });
  const ix = csv.index;
  const training: Record<string, string> = Object.create(null) as Record<string, string>;
  const firstLine = new Map<string, number>();
  csv.forEach((cells, at) => {
    const id = cells[ix.indicator_id] as string;
    if (!indicatorIds.has(id)) throw at.error('indicator_id', 'an indicator id from the policy', id);
    const first = firstLine.get(id);
    if (first !== undefined) {
      throw at.error('indicator_id', 'one row per indicator', undefined, `expected one row per indicator, got "${id}" again (first on line ${first})`);
    }
    firstLine.set(id, at.line());
    training[id] = requiredCell(cells, ix.training, 'training', at, 'the name of a training');
  });
  return training;
}
