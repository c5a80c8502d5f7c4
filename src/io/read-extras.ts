// The optional files of a data folder: attributes.csv (named facts per cycle
// and employee) and training.csv (the catalogue: indicator -> training).
import type { AttributeRow, Employee } from '../engine/types.ts';
import type { ByteSource } from './byte-source.ts';
import { decimalCell, requiredCell } from './cells.ts';
import { openCsv } from './csv.ts';

export function readAttributes(source: ByteSource, employeeById: Map<string, Employee>): AttributeRow[] {
  const csv = openCsv('attributes.csv', source, { required: ['cycle', 'employee_id', 'attribute', 'value'] });
  const ix = csv.index;
  const interned = new Map<string, string>();
  const intern = (text: string): string => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    interned.set(text, text);
    return text;
  };
  const firstLine = new Map<string, number>();
  const rows: AttributeRow[] = [];
  csv.forEach((cells, at) => {
    const cycle = intern(requiredCell(cells, ix.cycle, 'cycle', at, 'a cycle such as 2026'));
    const employeeCell = cells[ix.employee_id] as string;
    const employee = employeeById.get(employeeCell);
    if (employee === undefined) throw at.error('employee_id', 'an employee id from employees.csv', employeeCell);
    const attribute = intern(requiredCell(cells, ix.attribute, 'attribute', at, 'an attribute name'));
    const key = JSON.stringify([cycle, employee.id, attribute]);
    const first = firstLine.get(key);
    if (first !== undefined) {
      throw at.error('attribute', 'one row per cycle, employee and attribute', undefined, `expected one row per cycle, employee and attribute, got "${attribute}" of ${employee.id} in ${cycle} again (first on line ${first})`);
    }
    firstLine.set(key, at.line());
    rows.push({ cycle, employeeId: employee.id, attribute, value: decimalCell(cells, ix.value, 'value', at) });
  });
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
