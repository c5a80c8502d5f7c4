// employees.csv the fast way (byte-csv.ts), like values-scan.ts: a string
// is made only for the texts an Employee keeps, and the repeated ones
// (department, manager, role) once per distinct text. Same checks as
// read-organisation.ts readEmployees, which it stands in for: null
// wherever that reader would throw, or where byte-csv gives up (a quote, a
// CR, bytes that are not UTF-8 ...); the caller then reads the file the
// careful way, which names the error. Measured on 10,000 people (0.9 MB):
// ~60-110 ms the careful way in a fresh process, most of it one string
// per cell and the garbage of it.
import type { Employee, Role } from '../engine/types.ts';
import type { ByteSource } from './byte-source.ts';
import { decimal, headerIndex, scanCsv, utf8 } from './byte-csv.ts';
import { ByteDictionary } from './byte-dictionary.ts';
import { ROLES } from './policy-fast.ts';

const REQUIRED = ['id', 'name', 'department_id', 'role'] as const;
const OPTIONAL = ['manager_id', 'salary', 'slack_user_id', 'lark_open_id'] as const;

/** The rows of employees.csv as readEmployees gives them, or null where it would throw. */
export function scanEmployees(source: ByteSource, validUtf8: (bytes: Uint8Array) => boolean): Employee[] | null {
  const departments = new ByteDictionary(utf8);
  const managers = new ByteDictionary(utf8);
  const roles = new ByteDictionary(utf8);
  const employees: Employee[] = [];
  const ids = new Set<string>();
  const done = scanCsv(source, validUtf8, (header) => {
    const at = headerIndex(header, REQUIRED);
    if (at === null) return null;
    const [id, name, department, role] = REQUIRED.map((c) => at.get(c)!) as [number, number, number, number];
    const [manager, salary, slack, lark] = OPTIONAL.map((c) => at.get(c) ?? -1) as [number, number, number, number];
    // Empty for an absent column (index -1), as readEmployees reads it.
    const text = (bytes: Buffer, starts: Int32Array, ends: Int32Array, k: number): string | null =>
      k < 0 || starts[k] === ends[k] ? null : utf8(bytes, starts[k]!, ends[k]!);
    return (bytes, starts, ends) => {
      if (starts[id] === ends[id] || starts[name] === ends[name] || starts[department] === ends[department]) return false;
      const own = utf8(bytes, starts[id]!, ends[id]!);
      if (ids.has(own)) return false;
      ids.add(own);
      const r = roles.texts[roles.code(bytes, starts[role]!, ends[role]!)] as Role;
      if (!ROLES.includes(r)) return false;
      let pay: number | null = null;
      if (salary >= 0 && starts[salary] !== ends[salary]) {
        pay = decimal(bytes, starts[salary]!, ends[salary]!);
        if (!(pay >= 0)) return false; // NaN (not a plain decimal) or negative
      }
      const managerId = manager < 0 || starts[manager] === ends[manager] ? null : managers.texts[managers.code(bytes, starts[manager]!, ends[manager]!)]!;
      if (managerId === own) return false;
      employees.push({
        id: own,
        name: utf8(bytes, starts[name]!, ends[name]!),
        departmentId: departments.texts[departments.code(bytes, starts[department]!, ends[department]!)]!,
        managerId,
        role: r,
        salary: pay,
        slackUserId: text(bytes, starts, ends, slack),
        larkOpenId: text(bytes, starts, ends, lark),
      });
      return true;
    };
  });
  return done ? employees : null;
}
