// A Policy <-> its rows (policies, goals, indicators, assignments).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PolicyStatus } from '../workflow/ports.ts';
import type { Indicator, Policy, Role } from '../engine/types.ts';
import type { Db } from './connect.ts';
import { assignments, goals, indicators, policies } from './schema.ts';
import { canonicalJson } from './audit-chain.ts';
import { bulkInsert } from './bulk.ts';

type Settings = Pick<Policy, 'ratingMax' | 'ratingScores' | 'grading' | 'cleaning' | 'raises' | 'results'>;

export async function policyDigest(policy: Policy): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(policy));
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The policy version with this content, creating it when new. A version that a
 * cycle already uses is frozen: a changed policy is always a new version.
 * Only versions whose status is in `reuse` are taken: an import reuses
 * published versions only, so identical content in a workflow draft does not
 * put the imported cycles on that draft.
 */
export async function savePolicy(
  tx: Db,
  policy: Policy,
  actor: string,
  reuse: readonly PolicyStatus[] = ['published'],
): Promise<{ id: number; version: number; created: boolean }> {
  const digest = await policyDigest(policy);
  const same = await tx
    .select()
    .from(policies)
    .where(and(eq(policies.digest, digest), inArray(policies.status, [...reuse])))
    .orderBy(asc(policies.id))
    .limit(1);
  if (same[0]) return { id: same[0].id, version: same[0].version, created: false };
  const versions = await tx.select({ version: policies.version }).from(policies).where(eq(policies.name, policy.name));
  const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
  const settings: Settings = {
    ratingMax: policy.ratingMax,
    ratingScores: policy.ratingScores,
    grading: policy.grading,
    cleaning: policy.cleaning,
    raises: policy.raises,
    results: policy.results,
  };
  const [row] = await tx
    .insert(policies)
    .values({ name: policy.name, version, settings, digest, createdBy: actor, status: 'published' })
    .returning({ id: policies.id });
  const id = row!.id;
  if (policy.goals.length > 0) {
    await tx.insert(goals).values(policy.goals.map((g, position) => ({ policyId: id, id: g.id, name: g.name, position })));
  }
  if (policy.indicators.length > 0) {
    await tx.insert(indicators).values(
      policy.indicators.map((i, position) => ({
        policyId: id,
        id: i.id,
        name: i.name,
        kind: i.kind,
        direction: i.kind === 'quantitative' ? i.direction : null,
        unit: i.unit,
        goalId: i.goal,
        cap: i.kind === 'quantitative' ? i.cap : null,
        position,
      })),
    );
  }
  const weightRows = policy.assignments.flatMap((a, position) =>
    a.indicators.map((w, slot) => ({
      policyId: id,
      position,
      slot,
      departmentId: a.department ?? null,
      role: a.role ?? null,
      indicatorId: w.id,
      weight: w.weight,
    })),
  );
  await bulkInsert(
    tx,
    'assignments',
    ['policy_id', 'position', 'slot', 'department_id', 'role', 'indicator_id', 'weight'],
    weightRows.map((w) => ({ policy_id: w.policyId, position: w.position, slot: w.slot, department_id: w.departmentId, role: w.role, indicator_id: w.indicatorId, weight: w.weight })),
  );
  return { id, version, created: true };
}

/** Reads a policy version back into the engine's shape. */
export async function loadPolicy(db: Db, policyId: number): Promise<Policy> {
  const [p] = await db.select().from(policies).where(eq(policies.id, policyId));
  if (!p) throw new Error(`policy ${policyId} not found`);
  const settings = p.settings as Settings;
  const goalRows = await db.select().from(goals).where(eq(goals.policyId, policyId)).orderBy(asc(goals.position));
  const indicatorRows = await db.select().from(indicators).where(eq(indicators.policyId, policyId)).orderBy(asc(indicators.position));
  const weightRows = await db
    .select()
    .from(assignments)
    .where(eq(assignments.policyId, policyId))
    .orderBy(asc(assignments.position), asc(assignments.slot));
  const byPosition = new Map<number, Policy['assignments'][number]>();
  for (const w of weightRows) {
    let a = byPosition.get(w.position);
    if (!a) {
      a = { indicators: [] };
      if (w.departmentId !== null) a.department = w.departmentId;
      if (w.role !== null) a.role = w.role as Role;
      byPosition.set(w.position, a);
    }
    a.indicators.push({ id: w.indicatorId, weight: w.weight });
  }
  return {
    name: p.name,
    ...settings,
    goals: goalRows.map((g) => ({ id: g.id, name: g.name })),
    indicators: indicatorRows.map(
      (i): Indicator =>
        i.kind === 'quantitative'
          ? { id: i.id, name: i.name, kind: 'quantitative', direction: i.direction ?? 'higher', unit: i.unit, goal: i.goalId, cap: i.cap ?? 1.2 }
          : { id: i.id, name: i.name, kind: 'qualitative', unit: null, goal: i.goalId },
    ),
    assignments: [...byPosition.entries()].sort(([x], [y]) => x - y).map(([, a]) => a),
  };
}
