// The workflow's policy versions (draft -> pilot -> published), their pilot
// feedback, and which cards already went out: the rows behind WorkflowRepo's
// policy and reminder methods.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Policy } from '../engine/types.ts';
import type { PolicyFeedbackRow, PolicyRecord, PolicyStatus } from '../workflow/ports.ts';
import type { Db } from './connect.ts';
import { savePolicy } from './policy-rows.ts';
import { cyclePolicies, cycles, outgoingMessages, policies, policyFeedback } from './schema.ts';

function toRecord(r: typeof policies.$inferSelect): PolicyRecord {
  return { id: r.id, name: r.name, version: r.version, status: r.status, reason: r.reason, basedOn: r.basedOn, pilotMembers: r.pilotMembers, createdBy: r.createdBy, publishedAt: r.publishedAt };
}

export async function policyRecord(tx: Db, id: number): Promise<PolicyRecord | undefined> {
  const [row] = await tx.select().from(policies).where(eq(policies.id, id));
  return row && toRecord(row);
}

export async function openPolicyDrafts(tx: Db): Promise<PolicyRecord[]> {
  const rows = await tx.select().from(policies).where(inArray(policies.status, ['draft', 'pilot'])).orderBy(desc(policies.id));
  return rows.map(toRecord);
}

/** A version with the same content (in any status) is reused; only a new one becomes a draft. */
export async function createPolicyDraft(tx: Db, policy: Policy, d: { reason: string; basedOn: number; createdBy: string }): Promise<{ created: boolean; record: PolicyRecord }> {
  const saved = await savePolicy(tx, policy, d.createdBy, ['draft', 'pilot', 'published']);
  if (saved.created) await tx.update(policies).set({ status: 'draft', reason: d.reason, basedOn: d.basedOn }).where(eq(policies.id, saved.id));
  return { created: saved.created, record: (await policyRecord(tx, saved.id))! };
}

export async function updatePolicyRecord(
  tx: Db,
  id: number,
  from: PolicyStatus[],
  fields: Partial<Pick<PolicyRecord, 'status' | 'pilotMembers' | 'publishedAt'>> & { frozenAt?: Date },
): Promise<boolean> {
  const done = await tx
    .update(policies)
    .set(fields)
    .where(and(eq(policies.id, id), inArray(policies.status, from)))
    .returning({ id: policies.id });
  return done.length === 1;
}

export async function setPolicyFeedback(tx: Db, policyId: number, f: PolicyFeedbackRow, at: Date): Promise<PolicyFeedbackRow | undefined> {
  const [before] = await tx
    .select({ employeeId: policyFeedback.employeeId, answer: policyFeedback.answer, comment: policyFeedback.comment })
    .from(policyFeedback)
    .where(and(eq(policyFeedback.policyId, policyId), eq(policyFeedback.employeeId, f.employeeId)));
  await tx
    .insert(policyFeedback)
    .values({ policyId, employeeId: f.employeeId, answer: f.answer, comment: f.comment, createdAt: at })
    .onConflictDoUpdate({ target: [policyFeedback.policyId, policyFeedback.employeeId], set: { answer: f.answer, comment: f.comment, updatedAt: at } });
  return before;
}

export function policyFeedbackRows(tx: Db, policyId: number): Promise<PolicyFeedbackRow[]> {
  return tx
    .select({ employeeId: policyFeedback.employeeId, answer: policyFeedback.answer, comment: policyFeedback.comment })
    .from(policyFeedback)
    .where(eq(policyFeedback.policyId, policyId))
    .orderBy(asc(policyFeedback.id));
}

export async function setCyclePolicy(tx: Db, cycleId: string, policyId: number): Promise<void> {
  await tx.update(cycles).set({ policyId }).where(eq(cycles.id, cycleId));
  await tx.delete(cyclePolicies).where(eq(cyclePolicies.cycleId, cycleId));
}

export async function sentKeys(tx: Db, prefix: string): Promise<Set<string>> {
  const key = sql<string>`${outgoingMessages.card}->>'key'`;
  const rows = await tx
    .select({ recipient: outgoingMessages.recipient, key })
    .from(outgoingMessages)
    .where(and(eq(outgoingMessages.platform, 'console'), sql`starts_with(${outgoingMessages.card}->>'key', ${prefix})`));
  return new Set(rows.map((r) => `${r.recipient} ${r.key}`));
}
