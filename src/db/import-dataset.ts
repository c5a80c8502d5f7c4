// A data folder into the store, as one transaction. Importing the same files
// twice leaves the same state: rows from a previous import of the same cycles
// are replaced, while values that came through the API or the workflow stay.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Dataset } from '../engine/types.ts';
import { cyclesOf } from '../engine/diagnose.ts';
import { sealNumber, openNumber } from './crypto/sealed.ts';
import type { Db } from './connect.ts';
import { appendAudit, type AuditChange } from './audit-log.ts';
import { savePolicy } from './policy-rows.ts';
import { bulkInsert, pgArray } from './bulk.ts';
import { attributes, cyclePolicies, cycles, employees, training, values } from './schema.ts';

export interface ImportSummary {
  departments: number;
  employees: number;
  values: number;
  attributes: number;
  cycles: string[];
  policyVersions: { name: string; version: number; created: boolean }[];
}

const BATCH = 20_000;

export async function importDataset(tx: Db, data: Dataset, ctx: { actor: string; now: Date; sealKey: CryptoKey }): Promise<ImportSummary> {
  const audit: AuditChange[] = [];

  // Organisation: upsert, recording role changes (a change of permission).
  const existing = new Map((await tx.select().from(employees)).map((e) => [e.id, e]));
  await bulkInsert(
    tx,
    'departments',
    ['id', 'name', 'parent_id', 'head_id'],
    data.departments.map((d) => ({ id: d.id, name: d.name, parent_id: d.parentId, head_id: d.headId })),
    'on conflict (id) do update set name = excluded.name, parent_id = excluded.parent_id, head_id = excluded.head_id',
  );
  // Sealing and opening run concurrently (WebCrypto is asynchronous; the thread pool does the work).
  const sealed = await Promise.all(data.employees.map((e) => sealNumber(ctx.sealKey, e.salary)));
  const previousSalary = new Map(
    await Promise.all(
      data.employees.filter((e) => existing.has(e.id)).map(async (e) => [e.id, await openNumber(ctx.sealKey, existing.get(e.id)!.salarySealed)] as const),
    ),
  );
  const created: unknown[] = [];
  const moved: { id: string; before: unknown; after: unknown }[] = [];
  const salaryChanged: string[] = [];
  const employeeRows = data.employees.map((e, i) => {
    const before = existing.get(e.id);
    if (!before) created.push({ id: e.id, role: e.role, departmentId: e.departmentId, managerId: e.managerId });
    else {
      if (before.role !== e.role || before.departmentId !== e.departmentId || before.managerId !== e.managerId) {
        moved.push({
          id: e.id,
          before: { role: before.role, departmentId: before.departmentId, managerId: before.managerId },
          after: { role: e.role, departmentId: e.departmentId, managerId: e.managerId },
        });
      }
      if (previousSalary.get(e.id) !== e.salary) salaryChanged.push(e.id);
    }
    return {
      id: e.id,
      name: e.name,
      department_id: e.departmentId,
      manager_id: e.managerId,
      role: e.role,
      salary_sealed: sealed[i],
      slack_user_id: e.slackUserId ?? null,
      lark_open_id: e.larkOpenId ?? null,
    };
  });
  await bulkInsert(
    tx,
    'employees',
    ['id', 'name', 'department_id', 'manager_id', 'role', 'salary_sealed', 'slack_user_id', 'lark_open_id'],
    employeeRows,
    `on conflict (id) do update set name = excluded.name, department_id = excluded.department_id, manager_id = excluded.manager_id,
     role = excluded.role, salary_sealed = excluded.salary_sealed, slack_user_id = excluded.slack_user_id, lark_open_id = excluded.lark_open_id`,
  );
  // One entry per kind of change, each listing every person it touched.
  if (created.length > 0) audit.push({ actor: ctx.actor, action: 'employees.create', entity: 'employees', entityId: String(created.length), after: created });
  for (const m of moved) audit.push({ actor: ctx.actor, action: 'employee.permission', entity: 'employee', entityId: m.id, before: m.before, after: m.after });
  // The audit names the change, not the figures: salaries stay sealed.
  if (salaryChanged.length > 0) audit.push({ actor: ctx.actor, action: 'employees.salary', entity: 'employees', entityId: String(salaryChanged.length), after: salaryChanged });

  // Policies: a version per distinct content; cycles point at theirs.
  const policyVersions: ImportSummary['policyVersions'] = [];
  const common = await savePolicy(tx, data.policy, ctx.actor);
  policyVersions.push({ name: data.policy.name, version: common.version, created: common.created });
  if (common.created) audit.push({ actor: ctx.actor, action: 'policy.create', entity: 'policy', entityId: String(common.id), after: data.policy });
  const cycleIds = cyclesOf(data);
  for (const cycle of cycleIds) {
    const own = data.cyclePolicies[cycle];
    let policyId = common.id;
    if (own) {
      const saved = await savePolicy(tx, own, ctx.actor);
      policyVersions.push({ name: own.name, version: saved.version, created: saved.created });
      if (saved.created) audit.push({ actor: ctx.actor, action: 'policy.create', entity: 'policy', entityId: String(saved.id), after: own });
      policyId = saved.id;
      await tx.insert(cyclePolicies).values({ cycleId: cycle, policyId }).onConflictDoUpdate({ target: cyclePolicies.cycleId, set: { policyId } });
    } else {
      await tx.delete(cyclePolicies).where(eq(cyclePolicies.cycleId, cycle));
    }
    const [current] = await tx.select().from(cycles).where(eq(cycles.id, cycle));
    if (!current) {
      await tx.insert(cycles).values({ id: cycle, name: cycle, policyId: common.id, stage: 'collecting' });
      audit.push({ actor: ctx.actor, action: 'cycle.create', entity: 'cycle', entityId: cycle, after: { stage: 'collecting', policyId: common.id } });
    } else if (current.policyId !== common.id) {
      await tx.update(cycles).set({ policyId: common.id }).where(eq(cycles.id, cycle));
      audit.push({ actor: ctx.actor, action: 'cycle.policy', entity: 'cycle', entityId: cycle, before: { policyId: current.policyId }, after: { policyId: common.id } });
    }
  }

  // Values: replace this import's earlier rows for these cycles, keep input order.
  if (cycleIds.length > 0) {
    await tx.delete(values).where(and(inArray(values.cycleId, cycleIds), eq(values.origin, 'import')));
    await tx.delete(attributes).where(inArray(attributes.cycleId, cycleIds));
  }
  for (let i = 0; i < data.values.length; i += BATCH) {
    const batch = data.values.slice(i, i + BATCH);
    const column = <T extends string | number | null>(get: (v: (typeof batch)[number]) => T) => pgArray(batch.map(get));
    // One array parameter per column: unnest is the fastest INSERT both drivers share (COPY is not).
    await tx.execute(sql`
      insert into indicator_values (cycle_id, employee_id, indicator_id, source, target, actual, rating, source_ref, origin)
      select c, e, i, s, t, a, r, ref, 'import'
      from unnest(${column((v) => v.cycle)}::text[], ${column((v) => v.employeeId)}::text[], ${column((v) => v.indicatorId)}::text[],
                  ${column((v) => v.source)}::text[], ${column((v) => v.target)}::float8[], ${column((v) => v.actual)}::float8[],
                  ${column((v) => v.rating)}::int[], ${column((v) => v.sourceRef ?? '')}::text[])
        with ordinality as u(c, e, i, s, t, a, r, ref, n)
      order by n`);
  }
  await bulkInsert(
    tx,
    'attributes',
    ['cycle_id', 'employee_id', 'attribute', 'value'],
    data.attributes.map((a) => ({ cycle_id: a.cycle, employee_id: a.employeeId, attribute: a.attribute, value: a.value })),
  );
  await tx.delete(training);
  const trainingRows = Object.entries(data.training).map(([indicatorId, t]) => ({ indicatorId, training: t }));
  if (trainingRows.length > 0) await tx.insert(training).values(trainingRows);

  const summary: ImportSummary = {
    departments: data.departments.length,
    employees: data.employees.length,
    values: data.values.length,
    attributes: data.attributes.length,
    cycles: cycleIds,
    policyVersions,
  };
  audit.push({ actor: ctx.actor, action: 'import', entity: 'import', entityId: cycleIds.join(','), after: summary });
  await appendAudit(tx, audit, ctx.now);
  return summary;
}
