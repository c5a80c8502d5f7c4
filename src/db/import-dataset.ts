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
import { attributes, cyclePolicies, cycles, departments, employees, training, values } from './schema.ts';

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
  for (let i = 0; i < data.departments.length; i += 1000) {
    await tx
      .insert(departments)
      .values(data.departments.slice(i, i + 1000))
      .onConflictDoUpdate({ target: departments.id, set: { name: sql`excluded.name`, parentId: sql`excluded.parent_id`, headId: sql`excluded.head_id` } });
  }
  const employeeRows = [];
  for (const e of data.employees) {
    const before = existing.get(e.id);
    employeeRows.push({
      id: e.id,
      name: e.name,
      departmentId: e.departmentId,
      managerId: e.managerId,
      role: e.role,
      salarySealed: await sealNumber(ctx.sealKey, e.salary),
      slackUserId: e.slackUserId ?? null,
      larkOpenId: e.larkOpenId ?? null,
    });
    if (!before) {
      audit.push({ actor: ctx.actor, action: 'employee.create', entity: 'employee', entityId: e.id, after: { role: e.role, departmentId: e.departmentId } });
      continue;
    }
    if (before.role !== e.role || before.departmentId !== e.departmentId || before.managerId !== e.managerId) {
      audit.push({
        actor: ctx.actor,
        action: 'employee.permission',
        entity: 'employee',
        entityId: e.id,
        before: { role: before.role, departmentId: before.departmentId, managerId: before.managerId },
        after: { role: e.role, departmentId: e.departmentId, managerId: e.managerId },
      });
    }
    if ((await openNumber(ctx.sealKey, before.salarySealed)) !== e.salary) {
      // The audit names the change, not the figures: salaries stay sealed.
      audit.push({ actor: ctx.actor, action: 'employee.salary', entity: 'employee', entityId: e.id });
    }
  }
  for (let i = 0; i < employeeRows.length; i += 1000) {
    await tx
      .insert(employees)
      .values(employeeRows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: employees.id,
        set: {
          name: sql`excluded.name`,
          departmentId: sql`excluded.department_id`,
          managerId: sql`excluded.manager_id`,
          role: sql`excluded.role`,
          salarySealed: sql`excluded.salary_sealed`,
          slackUserId: sql`excluded.slack_user_id`,
          larkOpenId: sql`excluded.lark_open_id`,
        },
      });
  }

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
    const batch = data.values.slice(i, i + BATCH).map((v) => [
      v.cycle, v.employeeId, v.indicatorId, v.source, v.target, v.actual, v.rating, v.sourceRef ?? '',
    ]);
    // One JSON parameter per batch: fast on both drivers, and no 65,535-parameter limit.
    await tx.execute(sql`
      insert into indicator_values (cycle_id, employee_id, indicator_id, source, target, actual, rating, source_ref, origin)
      select r->>0, r->>1, r->>2, r->>3, (r->>4)::float8, (r->>5)::float8, (r->>6)::int, r->>7, 'import'
      from json_array_elements(${JSON.stringify(batch)}::json) with ordinality as t(r, n) order by n`);
  }
  for (let i = 0; i < data.attributes.length; i += 5_000) {
    await tx.insert(attributes).values(
      data.attributes.slice(i, i + 5_000).map((a) => ({ cycleId: a.cycle, employeeId: a.employeeId, attribute: a.attribute, value: a.value })),
    );
  }
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
