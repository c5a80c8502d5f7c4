// The employees of an import: new people arrive by COPY, changed people are
// upserted, unchanged people are not written at all, so re-importing the
// same files costs a read and a comparison. Every change is audited; a
// change of role, department or manager is a change of permission.
// Three steps, so that the middle one (sealing salaries, encoding rows,
// rendering the audit) can run while the connection is busy elsewhere:
// read what is stored, plan without the database, write the plan.
import type { Employee } from '../engine/types.ts';
import { canonicalJson } from './audit-chain.ts';
import { renderAudit, type RenderedChange } from './audit-log.ts';
import { bulkInsert } from './bulk.ts';
import type { Db } from './connect.ts';
import { copyChunks, encodeRows } from './copy-rows.ts';
import { openNumbers, sealNumbers } from './crypto/sealed.ts';
import { setIndexesAside } from './bulk-indexes.ts';
import { employees } from './schema.ts';
import { inSlices } from './take-turns.ts';

/** People per slice of planning: a few milliseconds of sealing. */
const SLICE = 1024;

const COLUMNS = ['id', 'name', 'department_id', 'manager_id', 'role', 'salary_sealed', 'slack_user_id', 'lark_open_id'] as const;
type Row = Record<(typeof COLUMNS)[number], string | null>;
type StoredEmployee = typeof employees.$inferSelect;

/** What is written for an import's people, and the audit of it, rendered. */
export interface EmployeesPlan {
  /** Existing people who changed, upserted. */
  changed: Row[];
  /** New people in COPY's text format. */
  created: Uint8Array[];
  audit: RenderedChange[];
}

/** The stored employees by id. */
export async function readEmployees(tx: Db): Promise<Map<string, StoredEmployee>> {
  return new Map((await tx.select().from(employees)).map((e) => [e.id, e]));
}

/**
 * Writes a plan: updates first, as a chat identity released by a changed
 * person may be taken by a new one. `rebuildIndexes`: claimForBulkLoad said
 * the new people's rows go in with the table's indexes set aside.
 */
export async function writeEmployees(tx: Db, plan: EmployeesPlan, rebuildIndexes = false): Promise<void> {
  await bulkInsert(
    tx,
    'employees',
    COLUMNS,
    plan.changed,
    `on conflict (id) do update set name = excluded.name, department_id = excluded.department_id, manager_id = excluded.manager_id,
     role = excluded.role, salary_sealed = excluded.salary_sealed, slack_user_id = excluded.slack_user_id, lark_open_id = excluded.lark_open_id`,
  );
  if (plan.created.length === 0) return;
  // Many new people (a first import): their rows in, then the indexes built.
  const rebuild = rebuildIndexes ? await setIndexesAside(tx, employees) : undefined;
  await copyChunks(tx, 'employees', COLUMNS, plan.created);
  await rebuild?.();
}

/** What to write for `people` given what is stored (readEmployees), and the audit entries of what changes. */
export async function planEmployees(existing: Map<string, StoredEmployee>, people: readonly Employee[], ctx: { actor: string; sealKey: CryptoKey }): Promise<EmployeesPlan> {
  // An unchanged salary keeps its sealed text (sealing draws a fresh IV, so
  // resealing would make every row look changed).
  // In slices: this runs while the values' COPY needs the event loop to feed Postgres (take-turns.ts).
  const returning = people.filter((e) => existing.has(e.id));
  const opened = await inSlices(returning.map((e) => existing.get(e.id)!.salarySealed), SLICE, (s) => openNumbers(ctx.sealKey, s));
  const previousSalary = new Map(returning.map((e, i) => [e.id, opened[i]!]));
  const unchanged = (e: Employee) => previousSalary.has(e.id) && previousSalary.get(e.id) === e.salary;
  const fresh = await inSlices(people.map((e) => (unchanged(e) ? null : e.salary)), SLICE, (s) => sealNumbers(ctx.sealKey, s));
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

  // One entry per kind of change, each listing every person it touched.
  const audit: RenderedChange[] = [];
  if (created.length > 0) {
    // canonicalJson of the list a slice at a time (the list of 100,000 new
    // people is megabytes of it), each slice a list of its own, unwrapped.
    const slices = await inSlices(created, SLICE, (s) => [canonicalJson(s).slice(1, -1)]);
    audit.push({ ...renderAudit({ actor: ctx.actor, action: 'employees.create', entity: 'employees', entityId: String(created.length) }), after: `[${slices.join(',')}]` });
  }
  for (const m of moved) audit.push(renderAudit({ actor: ctx.actor, action: 'employee.permission', entity: 'employee', entityId: m.id, before: m.before, after: m.after }));
  // The audit names the change, not the figures: salaries stay sealed.
  if (salaryChanged.length > 0) audit.push(renderAudit({ actor: ctx.actor, action: 'employees.salary', entity: 'employees', entityId: String(salaryChanged.length), after: salaryChanged }));
  return { changed, created: encodeRows(newRows.length, (i) => COLUMNS.map((c) => newRows[i]![c])), audit };
}
