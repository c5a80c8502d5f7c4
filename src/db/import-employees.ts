// The employees of an import: new people arrive by COPY, changed people are
// upserted, unchanged people are not written at all, so re-importing the
// same files costs a read and a comparison. Every change is audited; a
// change of role, department or manager is a change of permission.
import type { Employee } from '../engine/types.ts';
import type { AuditChange } from './audit-log.ts';
import { bulkInsert } from './bulk.ts';
import type { Db } from './connect.ts';
import { copyRows } from './copy-rows.ts';
import { openNumbers, sealNumbers } from './crypto/sealed.ts';
import { employees } from './schema.ts';

const COLUMNS = ['id', 'name', 'department_id', 'manager_id', 'role', 'salary_sealed', 'slack_user_id', 'lark_open_id'] as const;
type Row = Record<(typeof COLUMNS)[number], string | null>;

/** Writes `people` and returns the audit entries of what changed. */
export async function importEmployees(tx: Db, people: readonly Employee[], ctx: { actor: string; sealKey: CryptoKey }): Promise<AuditChange[]> {
  const existing = new Map((await tx.select().from(employees)).map((e) => [e.id, e]));
  // An unchanged salary keeps its sealed text (sealing draws a fresh IV, so
  // resealing would make every row look changed).
  const returning = people.filter((e) => existing.has(e.id));
  const opened = await openNumbers(ctx.sealKey, returning.map((e) => existing.get(e.id)!.salarySealed));
  const previousSalary = new Map(returning.map((e, i) => [e.id, opened[i]!]));
  const unchanged = (e: Employee) => previousSalary.has(e.id) && previousSalary.get(e.id) === e.salary;
  const fresh = await sealNumbers(ctx.sealKey, people.map((e) => (unchanged(e) ? null : e.salary)));
  const sealed = people.map((e, i) => (unchanged(e) ? existing.get(e.id)!.salarySealed : fresh[i]!));

  const created: unknown[] = [];
  const moved: { id: string; before: unknown; after: unknown }[] = [];
  const salaryChanged: string[] = [];
  const newRows: Row[] = [];
  const changed: Row[] = [];
  people.forEach((e, i) => {
    const row: Row = {
      id: e.id,
      name: e.name,
      department_id: e.departmentId,
      manager_id: e.managerId,
      role: e.role,
      salary_sealed: sealed[i] ?? null,
      slack_user_id: e.slackUserId ?? null,
      lark_open_id: e.larkOpenId ?? null,
    };
    const before = existing.get(e.id);
    if (!before) {
      created.push({ id: e.id, role: e.role, departmentId: e.departmentId, managerId: e.managerId });
      newRows.push(row);
      return;
    }
    if (before.role !== e.role || before.departmentId !== e.departmentId || before.managerId !== e.managerId) {
      moved.push({
        id: e.id,
        before: { role: before.role, departmentId: before.departmentId, managerId: before.managerId },
        after: { role: e.role, departmentId: e.departmentId, managerId: e.managerId },
      });
    }
    if (!unchanged(e)) salaryChanged.push(e.id);
    const same =
      before.name === row.name &&
      before.departmentId === row.department_id &&
      before.managerId === row.manager_id &&
      before.role === row.role &&
      before.salarySealed === row.salary_sealed &&
      before.slackUserId === row.slack_user_id &&
      before.larkOpenId === row.lark_open_id;
    if (!same) changed.push(row);
  });

  // Updates first: a chat identity released by a changed person may be taken by a new one.
  await bulkInsert(
    tx,
    'employees',
    COLUMNS,
    changed,
    `on conflict (id) do update set name = excluded.name, department_id = excluded.department_id, manager_id = excluded.manager_id,
     role = excluded.role, salary_sealed = excluded.salary_sealed, slack_user_id = excluded.slack_user_id, lark_open_id = excluded.lark_open_id`,
  );
  await copyRows(tx, 'employees', COLUMNS, newRows.length, (i) => COLUMNS.map((c) => newRows[i]![c]));

  // One entry per kind of change, each listing every person it touched.
  const audit: AuditChange[] = [];
  if (created.length > 0) audit.push({ actor: ctx.actor, action: 'employees.create', entity: 'employees', entityId: String(created.length), after: created });
  for (const m of moved) audit.push({ actor: ctx.actor, action: 'employee.permission', entity: 'employee', entityId: m.id, before: m.before, after: m.after });
  // The audit names the change, not the figures: salaries stay sealed.
  if (salaryChanged.length > 0) audit.push({ actor: ctx.actor, action: 'employees.salary', entity: 'employees', entityId: String(salaryChanged.length), after: salaryChanged });
  return audit;
}
