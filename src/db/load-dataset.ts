// The store's data as the engine's Dataset: what `pandian diagnose` reads from
// a folder, read from the database instead, so both give the same diagnosis.
import { asc } from 'drizzle-orm';
import type { Dataset, Policy, ValueRow } from '../engine/types.ts';
import { sortCycles } from '../engine/policy-lookup.ts';
import { openNumbers } from './crypto/sealed.ts';
import type { Db } from './connect.ts';
import { loadPolicy } from './policy-rows.ts';
import { attributes, cyclePolicies, cycles, departments, employees, training, values } from './schema.ts';

export class NoDataError extends Error {
  readonly code = 'NO_DATA' as const;
}

export async function loadDataset(db: Db, sealKey: CryptoKey): Promise<Dataset> {
  const cycleRows = await db.select().from(cycles);
  if (cycleRows.length === 0) throw new NoDataError('nothing imported yet: no cycles');
  const overrides = new Map((await db.select().from(cyclePolicies)).map((c) => [c.cycleId, c.policyId]));
  const effective = new Map(cycleRows.map((c) => [c.id, overrides.get(c.id) ?? c.policyId]));
  const ordered = sortCycles(effective.keys());
  const latestPolicyId = effective.get(ordered[ordered.length - 1]!)!;
  const policyCache = new Map<number, Policy>();
  const policyById = async (id: number) => {
    let p = policyCache.get(id);
    if (!p) policyCache.set(id, (p = await loadPolicy(db, id)));
    return p;
  };
  const policy = await policyById(latestPolicyId);
  const cyclePolicyMap: Record<string, Policy> = {};
  for (const [cycle, id] of effective) if (id !== latestPolicyId) cyclePolicyMap[cycle] = await policyById(id);

  const employeeRows = await db.select().from(employees).orderBy(asc(employees.id));
  const salaries = await openNumbers(sealKey, employeeRows.map((e) => e.salarySealed));
  const valueRows = await db
    .select({
      cycle: values.cycleId,
      employeeId: values.employeeId,
      indicatorId: values.indicatorId,
      source: values.source,
      target: values.target,
      actual: values.actual,
      rating: values.rating,
      sourceRef: values.sourceRef,
    })
    .from(values)
    .orderBy(asc(values.seq));
  return {
    policy,
    cyclePolicies: cyclePolicyMap,
    departments: (await db.select().from(departments).orderBy(asc(departments.id))).map((d) => ({
      id: d.id,
      name: d.name,
      parentId: d.parentId,
      headId: d.headId,
    })),
    employees: employeeRows.map((e, i) => ({
      id: e.id,
      name: e.name,
      departmentId: e.departmentId,
      managerId: e.managerId,
      role: e.role,
      salary: salaries[i]!,
      slackUserId: e.slackUserId,
      larkOpenId: e.larkOpenId,
    })),
    values: valueRows.map((v): ValueRow => ({ ...v, sourceRef: v.sourceRef === '' ? null : v.sourceRef })),
    attributes: (await db.select().from(attributes)).map((a) => ({ cycle: a.cycleId, employeeId: a.employeeId, attribute: a.attribute, value: a.value })),
    training: Object.fromEntries((await db.select().from(training)).map((t) => [t.indicatorId, t.training])),
  };
}
