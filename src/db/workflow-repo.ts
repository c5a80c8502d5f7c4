// The workflow's repository on drizzle, inside one transaction.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Card } from '../../cards/model.ts';
import type { Dataset, Policy, ValueRow } from '../engine/types.ts';
import { sortCycles } from '../engine/policy-lookup.ts';
import type { AnomalyRow, AppealRow, CycleRow, PolicyFeedbackRow, PolicyRecord, PolicyStatus, ResultRow, SubmissionRow, WorkflowRepo } from '../workflow/ports.ts';
import { buildOrg, type OrgIndex } from '../workflow/scope.ts';
import { appendAudit, type AuditChange } from './audit-log.ts';
import type { Db } from './connect.ts';
import { openNumbers, sealNumber, sealNumbers } from './crypto/sealed.ts';
import { loadDataset } from './load-dataset.ts';
import { appealEvidence, insertEvidence, submissionEvidence } from './evidence-rows.ts';
import type { EvidenceMeta } from '../workflow/evidence.ts';
import * as drafts from './policy-drafts.ts';
import { loadPolicy } from './policy-rows.ts';
import * as t from './schema.ts';

export class DrizzleWorkflowRepo implements WorkflowRepo {
  private orgCache: OrgIndex | undefined;
  private pendingAudit: AuditChange[] = [];

  constructor(
    private readonly tx: Db,
    private readonly sealKey: CryptoKey,
    private readonly now: () => Date,
    /** Chat platforms that are configured; the console always gets a copy. */
    private readonly platforms: readonly ('slack' | 'lark')[] = [],
  ) {}

  async org(): Promise<OrgIndex> {
    if (!this.orgCache) {
      const d = await this.tx.select().from(t.departments);
      const e = await this.tx.select().from(t.employees);
      this.orgCache = buildOrg(
        d.map((x) => ({ id: x.id, name: x.name, parentId: x.parentId, headId: x.headId })),
        e.map((x) => ({ id: x.id, name: x.name, departmentId: x.departmentId, managerId: x.managerId, role: x.role, salary: null, slackUserId: x.slackUserId, larkOpenId: x.larkOpenId })),
      );
    }
    return this.orgCache;
  }

  async cycle(id: string): Promise<CycleRow | undefined> {
    const [row] = await this.tx.select().from(t.cycles).where(eq(t.cycles.id, id));
    return row && toCycle(row);
  }

  async currentCycle(): Promise<CycleRow | undefined> {
    const rows = await this.tx.select().from(t.cycles);
    const order = sortCycles(rows.map((r) => r.id));
    const open = order.filter((id) => rows.find((r) => r.id === id)!.stage !== 'closed');
    const id = open[open.length - 1] ?? order[order.length - 1];
    const row = rows.find((r) => r.id === id);
    return row && toCycle(row);
  }

  async setCycleStage(id: string, stage: CycleRow['stage']): Promise<void> {
    await this.tx.update(t.cycles).set({ stage }).where(eq(t.cycles.id, id));
  }

  async policyOf(cycle: CycleRow): Promise<Policy> {
    return loadPolicy(this.tx, await this.policyIdOf(cycle));
  }

  async policyIdOf(cycle: CycleRow): Promise<number> {
    const [override] = await this.tx.select().from(t.cyclePolicies).where(eq(t.cyclePolicies.cycleId, cycle.id));
    return override?.policyId ?? cycle.policyId;
  }

  async departmentNames(): Promise<Record<string, string>> {
    return Object.fromEntries((await this.tx.select({ id: t.departments.id, name: t.departments.name }).from(t.departments)).map((d) => [d.id, d.name]));
  }

  dataset(): Promise<Dataset> {
    return loadDataset(this.tx, this.sealKey);
  }

  async values(cycleId: string, employeeId: string): Promise<ValueRow[]> {
    const rows = await this.tx
      .select()
      .from(t.values)
      .where(and(eq(t.values.cycleId, cycleId), eq(t.values.employeeId, employeeId)))
      .orderBy(asc(t.values.seq));
    return rows.map((v) => ({ cycle: v.cycleId, employeeId: v.employeeId, indicatorId: v.indicatorId, source: v.source, target: v.target, actual: v.actual, rating: v.rating, sourceRef: v.sourceRef === '' ? null : v.sourceRef }));
  }

  async setWorkflowValue(cycleId: string, employeeId: string, indicatorId: string, source: ValueRow['source'], row: Omit<ValueRow, 'cycle' | 'employeeId' | 'indicatorId' | 'source'> | null): Promise<void> {
    const key = and(eq(t.values.cycleId, cycleId), eq(t.values.employeeId, employeeId), eq(t.values.indicatorId, indicatorId), eq(t.values.source, source));
    // A reviewer's or employee's entry through the workflow replaces any earlier one of the same source.
    await this.tx.delete(t.values).where(and(key, eq(t.values.origin, 'workflow')));
    if (source !== 'system') await this.tx.delete(t.values).where(and(key, eq(t.values.origin, 'import')));
    if (row) {
      await this.tx.insert(t.values).values({ cycleId, employeeId, indicatorId, source, target: row.target, actual: row.actual, rating: row.rating, sourceRef: row.sourceRef ?? '', origin: 'workflow' });
    }
  }

  async submission(cycleId: string, employeeId: string): Promise<SubmissionRow | undefined> {
    const [row] = await this.tx.select().from(t.submissions).where(and(eq(t.submissions.cycleId, cycleId), eq(t.submissions.employeeId, employeeId)));
    return row;
  }

  async submissionById(id: number): Promise<SubmissionRow | undefined> {
    const [row] = await this.tx.select().from(t.submissions).where(eq(t.submissions.id, id));
    return row;
  }

  async createSubmission(cycleId: string, employeeId: string): Promise<SubmissionRow> {
    await this.tx.insert(t.submissions).values({ cycleId, employeeId }).onConflictDoNothing();
    return (await this.submission(cycleId, employeeId))!;
  }

  async updateSubmission(id: number, version: number, fields: Partial<Pick<SubmissionRow, 'status' | 'summary' | 'submittedAt'>>): Promise<boolean> {
    const updated = await this.tx
      .update(t.submissions)
      .set({ ...fields, version: version + 1 })
      .where(and(eq(t.submissions.id, id), eq(t.submissions.version, version)))
      .returning({ id: t.submissions.id });
    return updated.length === 1;
  }

  submissions(cycleId: string): Promise<SubmissionRow[]> {
    return this.tx.select().from(t.submissions).where(eq(t.submissions.cycleId, cycleId));
  }

  async addReview(review: Parameters<WorkflowRepo['addReview']>[0]): Promise<void> {
    await this.tx.insert(t.reviews).values(review);
  }

  reviews(submissionId: number) {
    return this.tx
      .select({ reviewerId: t.reviews.reviewerId, level: t.reviews.level, decision: t.reviews.decision, comment: t.reviews.comment, overrideScore: t.reviews.overrideScore, overrideReason: t.reviews.overrideReason })
      .from(t.reviews)
      .where(eq(t.reviews.submissionId, submissionId))
      .orderBy(asc(t.reviews.id));
  }

  anomalies(cycleId: string, employeeId: string): Promise<AnomalyRow[]> {
    return this.tx.select().from(t.anomalies).where(and(eq(t.anomalies.cycleId, cycleId), eq(t.anomalies.employeeId, employeeId))).orderBy(asc(t.anomalies.id));
  }

  async anomalyById(id: number): Promise<AnomalyRow | undefined> {
    const [row] = await this.tx.select().from(t.anomalies).where(eq(t.anomalies.id, id));
    return row;
  }

  async replaceOpenAnomalies(cycleId: string, employeeId: string, list: Parameters<WorkflowRepo['replaceOpenAnomalies']>[2]): Promise<void> {
    await this.tx.delete(t.anomalies).where(and(eq(t.anomalies.cycleId, cycleId), eq(t.anomalies.employeeId, employeeId), eq(t.anomalies.status, 'open')));
    if (list.length > 0) await this.tx.insert(t.anomalies).values(list);
  }

  async resolveAnomaly(id: number, f: { status: 'confirmed' | 'corrected'; resolvedBy: string; correctedValue: number | null; note: string | null; at: Date }): Promise<boolean> {
    const done = await this.tx
      .update(t.anomalies)
      .set({ status: f.status, resolvedBy: f.resolvedBy, correctedValue: f.correctedValue, note: f.note, resolvedAt: f.at })
      .where(and(eq(t.anomalies.id, id), eq(t.anomalies.status, 'open')))
      .returning({ id: t.anomalies.id });
    return done.length === 1;
  }

  async countOpenAnomalies(cycleId: string): Promise<number> {
    const [row] = await this.tx.select({ n: count() }).from(t.anomalies).where(and(eq(t.anomalies.cycleId, cycleId), eq(t.anomalies.status, 'open')));
    return row?.n ?? 0;
  }

  evidence(cycleId: string, employeeId: string) {
    return submissionEvidence(this.tx, cycleId, employeeId);
  }

  appealEvidence(appealId: number) {
    return appealEvidence(this.tx, appealId);
  }

  async saveEvidence(meta: EvidenceMeta): Promise<void> {
    await insertEvidence(this.tx, meta);
  }

  async results(cycleId: string): Promise<ResultRow[]> {
    const rows = await this.tx.select().from(t.results).where(eq(t.results.cycleId, cycleId)).orderBy(asc(t.results.employeeId));
    return this.toResults(rows);
  }

  async result(cycleId: string, employeeId: string): Promise<ResultRow | undefined> {
    const [row] = await this.tx.select().from(t.results).where(and(eq(t.results.cycleId, cycleId), eq(t.results.employeeId, employeeId)));
    return row && (await this.toResults([row]))[0];
  }

  async saveResults(rows: ResultRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.delete(t.results).where(and(eq(t.results.cycleId, rows[0]!.cycleId), inArray(t.results.employeeId, rows.map((r) => r.employeeId))));
    const amounts = await sealNumbers(this.sealKey, rows.map((r) => r.raiseAmount));
    const sealed = rows.map(({ raiseAmount: _amount, ...r }, i) => ({ ...r, raiseAmountSealed: amounts[i]! }));
    for (let i = 0; i < sealed.length; i += 1000) await this.tx.insert(t.results).values(sealed.slice(i, i + 1000));
  }

  async updateResult(cycleId: string, employeeId: string, fields: Partial<Omit<ResultRow, 'cycleId' | 'employeeId'>>): Promise<void> {
    const { raiseAmount, ...rest } = fields;
    const set: Partial<typeof t.results.$inferInsert> = { ...rest };
    if (raiseAmount !== undefined) set.raiseAmountSealed = await sealNumber(this.sealKey, raiseAmount);
    await this.tx.update(t.results).set(set).where(and(eq(t.results.cycleId, cycleId), eq(t.results.employeeId, employeeId)));
  }

  async createAppeal(a: { cycleId: string; employeeId: string; reason: string; dueAt: Date; autoCheck: unknown }): Promise<AppealRow> {
    const [row] = await this.tx.insert(t.appeals).values(a).returning();
    return row!;
  }

  async appealById(id: number): Promise<AppealRow | undefined> {
    const [row] = await this.tx.select().from(t.appeals).where(eq(t.appeals.id, id));
    return row;
  }

  appeals(cycleId: string): Promise<AppealRow[]> {
    return this.tx.select().from(t.appeals).where(eq(t.appeals.cycleId, cycleId)).orderBy(asc(t.appeals.id));
  }

  async updateAppeal(id: number, fromStatus: AppealRow['status'][], fields: Parameters<WorkflowRepo['updateAppeal']>[2]): Promise<boolean> {
    const done = await this.tx
      .update(t.appeals)
      .set(fields)
      .where(and(eq(t.appeals.id, id), inArray(t.appeals.status, fromStatus)))
      .returning({ id: t.appeals.id });
    return done.length === 1;
  }

  async addSuggestion(s: { cycleId: string | null; employeeId: string | null; text: string }): Promise<void> {
    await this.tx.insert(t.suggestions).values(s);
  }

  policyById(id: number): Promise<Policy> {
    return loadPolicy(this.tx, id);
  }

  policyRecord(id: number): Promise<PolicyRecord | undefined> {
    return drafts.policyRecord(this.tx, id);
  }

  openPolicyDrafts(): Promise<PolicyRecord[]> {
    return drafts.openPolicyDrafts(this.tx);
  }

  createPolicyDraft(policy: Policy, d: { reason: string; basedOn: number; createdBy: string }) {
    return drafts.createPolicyDraft(this.tx, policy, d);
  }

  updatePolicyRecord(id: number, from: PolicyStatus[], fields: Parameters<WorkflowRepo['updatePolicyRecord']>[2]): Promise<boolean> {
    return drafts.updatePolicyRecord(this.tx, id, from, fields);
  }

  setPolicyFeedback(policyId: number, feedback: PolicyFeedbackRow, at: Date) {
    return drafts.setPolicyFeedback(this.tx, policyId, feedback, at);
  }

  policyFeedback(policyId: number): Promise<PolicyFeedbackRow[]> {
    return drafts.policyFeedbackRows(this.tx, policyId);
  }

  async cycles(): Promise<CycleRow[]> {
    const rows = await this.tx.select().from(t.cycles);
    const order = sortCycles(rows.map((r) => r.id));
    return order.map((id) => toCycle(rows.find((r) => r.id === id)!));
  }

  setCyclePolicy(cycleId: string, policyId: number): Promise<void> {
    return drafts.setCyclePolicy(this.tx, cycleId, policyId);
  }

  async exclusive(job: string): Promise<void> {
    // A transaction-scoped advisory lock: released by commit or rollback, never leaked.
    await this.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pandian.job.${job}`}))`);
  }

  sentKeys(prefix: string): Promise<Set<string>> {
    return drafts.sentKeys(this.tx, prefix);
  }

  async send(recipientId: string, card: Card): Promise<void> {
    const person = (await this.org()).employee(recipientId);
    const rows: (typeof t.outgoingMessages.$inferInsert)[] = [{ platform: 'console', recipient: recipientId, card }];
    if (person?.slackUserId && this.platforms.includes('slack')) rows.push({ platform: 'slack', recipient: person.slackUserId, card });
    if (person?.larkOpenId && this.platforms.includes('lark')) rows.push({ platform: 'lark', recipient: person.larkOpenId, card });
    await this.tx.insert(t.outgoingMessages).values(rows);
  }

  async audit(changes: AuditChange[]): Promise<void> {
    this.pendingAudit.push(...changes);
  }

  /** Written last, once per transaction, so the chain lock is held only briefly. */
  async flushAudit(): Promise<void> {
    await appendAudit(this.tx, this.pendingAudit, this.now());
    this.pendingAudit = [];
  }

  /** Rows with their raise amounts opened, in one batch. */
  private async toResults(rows: (typeof t.results.$inferSelect)[]): Promise<ResultRow[]> {
    const amounts = await openNumbers(this.sealKey, rows.map((r) => r.raiseAmountSealed));
    return rows.map(({ raiseAmountSealed: _sealed, publishedAt: _publishedAt, ...rest }, i) => ({ ...rest, raiseAmount: amounts[i]! }));
  }
}

function toCycle(row: typeof t.cycles.$inferSelect): CycleRow {
  return { id: row.id, stage: row.stage, deadlines: row.deadlines, reviewLevels: row.reviewLevels, policyId: row.policyId };
}

