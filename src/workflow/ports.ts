// What the review cycle needs of the outside world. src/db implements the
// repository, the adapters deliver the outbox; the workflow depends on neither.
import type { Card } from '../../cards/model.ts';
import type { Dataset, Policy, Source, ValueRow } from '../engine/types.ts';
import type { EvidenceMeta } from './evidence.ts';
import type { OrgIndex } from './scope.ts';

export type Stage = 'draft' | 'collecting' | 'reviewing' | 'calibrating' | 'published' | 'closed';
export const STAGES: readonly Stage[] = ['draft', 'collecting', 'reviewing', 'calibrating', 'published', 'closed'];

export interface CycleRow {
  id: string;
  stage: Stage;
  deadlines: Record<string, string>;
  reviewLevels: number;
  policyId: number;
}

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved_first' | 'approved';

export interface SubmissionRow {
  id: number;
  cycleId: string;
  employeeId: string;
  status: SubmissionStatus;
  summary: string | null;
  submittedAt: Date | null;
  version: number;
}

export interface ReviewRow {
  reviewerId: string;
  level: number;
  decision: 'approve' | 'return';
  comment: string | null;
  overrideScore: number | null;
  overrideReason: string | null;
}

export interface AnomalyRow {
  id: number;
  cycleId: string;
  employeeId: string;
  indicatorId: string;
  kind: 'outlier' | 'mismatch' | 'missing' | 'duplicate';
  value: number | null;
  expected: number | null;
  robustZ: number | null;
  sourceRef: string | null;
  status: 'open' | 'confirmed' | 'corrected';
  resolvedBy: string | null;
  correctedValue: number | null;
  note: string | null;
}

export interface ResultRow {
  cycleId: string;
  employeeId: string;
  score: number;
  grade: string;
  rank: number;
  percentile: number;
  raiseRate: number;
  raiseAmount: number | null;
  promotion: boolean;
  developmentIndicator: string | null;
  developmentTraining: string | null;
  status: 'published' | 'accepted' | 'appealed' | 'final';
}

export interface AppealRow {
  id: number;
  cycleId: string;
  employeeId: string;
  reason: string;
  status: 'open' | 'escalated' | 'upheld' | 'rejected';
  dueAt: Date;
  autoCheck: unknown;
  resolvedBy: string | null;
  resolution: string | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  gradeBefore: string | null;
  gradeAfter: string | null;
}

export interface EvidenceRow {
  id: string;
  cycleId: string;
  employeeId: string;
  indicatorId: string | null;
  fileName: string;
  size: number;
  sha256: string;
}

export type PolicyStatus = 'draft' | 'pilot' | 'published';

/** A policy version's workflow record (the policy itself is read with policyById). */
export interface PolicyRecord {
  id: number;
  name: string;
  version: number;
  status: PolicyStatus;
  reason: string | null;
  basedOn: number | null;
  pilotMembers: string[];
  createdBy: string | null;
  publishedAt: Date | null;
}

export interface PolicyFeedbackRow {
  employeeId: string;
  answer: 'agree' | 'concern';
  comment: string | null;
}

export interface AuditChange {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Reads and writes inside one transaction. */
export interface WorkflowRepo {
  org(): Promise<OrgIndex>;
  cycle(id: string): Promise<CycleRow | undefined>;
  /** The newest cycle that is not closed, else the newest. */
  currentCycle(): Promise<CycleRow | undefined>;
  setCycleStage(id: string, stage: Stage): Promise<void>;
  policyOf(cycle: CycleRow): Promise<Policy>;
  /** The whole store as the engine reads it (diagnosis, publication). */
  dataset(): Promise<Dataset>;
  values(cycleId: string, employeeId: string): Promise<ValueRow[]>;
  /** Replaces this employee's workflow rows of one (indicator, source) with `row` (or removes them when null). */
  setWorkflowValue(cycleId: string, employeeId: string, indicatorId: string, source: Source, row: Omit<ValueRow, 'cycle' | 'employeeId' | 'indicatorId' | 'source'> | null): Promise<void>;

  submission(cycleId: string, employeeId: string): Promise<SubmissionRow | undefined>;
  submissionById(id: number): Promise<SubmissionRow | undefined>;
  createSubmission(cycleId: string, employeeId: string): Promise<SubmissionRow>;
  /** Optimistic: updates only when the row still has `version`; returns false otherwise. */
  updateSubmission(id: number, version: number, fields: Partial<Pick<SubmissionRow, 'status' | 'summary' | 'submittedAt'>>): Promise<boolean>;
  submissions(cycleId: string): Promise<SubmissionRow[]>;
  addReview(review: { submissionId: number; reviewerId: string; level: number; decision: 'approve' | 'return'; comment: string | null; overrideScore: number | null; overrideReason: string | null }): Promise<void>;
  /** Reviews of one submission, oldest first. */
  reviews(submissionId: number): Promise<ReviewRow[]>;

  anomalies(cycleId: string, employeeId: string): Promise<AnomalyRow[]>;
  anomalyById(id: number): Promise<AnomalyRow | undefined>;
  /** Replaces the open anomalies of one employee; resolved ones stay. */
  replaceOpenAnomalies(cycleId: string, employeeId: string, list: Omit<AnomalyRow, 'id' | 'status' | 'resolvedBy' | 'correctedValue' | 'note'>[]): Promise<void>;
  resolveAnomaly(id: number, fields: { status: 'confirmed' | 'corrected'; resolvedBy: string; correctedValue: number | null; note: string | null; at: Date }): Promise<boolean>;
  countOpenAnomalies(cycleId: string): Promise<number>;

  /** The evidence of an employee's submission in a cycle (not what backs an appeal). */
  evidence(cycleId: string, employeeId: string): Promise<EvidenceRow[]>;
  /** The files attached to one appeal. */
  appealEvidence(appealId: number): Promise<EvidenceRow[]>;
  /** Metadata of a file whose bytes are already stored. */
  saveEvidence(meta: EvidenceMeta): Promise<void>;

  results(cycleId: string): Promise<ResultRow[]>;
  result(cycleId: string, employeeId: string): Promise<ResultRow | undefined>;
  saveResults(rows: ResultRow[]): Promise<void>;
  updateResult(cycleId: string, employeeId: string, fields: Partial<Omit<ResultRow, 'cycleId' | 'employeeId'>>): Promise<void>;

  createAppeal(a: { cycleId: string; employeeId: string; reason: string; dueAt: Date; autoCheck: unknown }): Promise<AppealRow>;
  appealById(id: number): Promise<AppealRow | undefined>;
  appeals(cycleId: string): Promise<AppealRow[]>;
  updateAppeal(id: number, fromStatus: AppealRow['status'][], fields: Partial<Omit<AppealRow, 'id' | 'cycleId' | 'employeeId'>> & { resolvedAt?: Date }): Promise<boolean>;

  addSuggestion(s: { cycleId: string | null; employeeId: string | null; text: string }): Promise<void>;

  /** The id of the policy version a cycle uses (its own override, else the cycle's). */
  policyIdOf(cycle: CycleRow): Promise<number>;
  /** Department id -> name. */
  departmentNames(): Promise<Record<string, string>>;
  policyById(id: number): Promise<Policy>;
  policyRecord(id: number): Promise<PolicyRecord | undefined>;
  /** Versions in draft or pilot, newest first. */
  openPolicyDrafts(): Promise<PolicyRecord[]>;
  /** A proposal as a new draft version; a version with the same content already exists -> that one, not created. */
  createPolicyDraft(policy: Policy, draft: { reason: string; basedOn: number; createdBy: string }): Promise<{ created: boolean; record: PolicyRecord }>;
  /** Optimistic on status: changes the record only while its status is one of `from`. */
  updatePolicyRecord(id: number, from: PolicyStatus[], fields: Partial<Pick<PolicyRecord, 'status' | 'pilotMembers' | 'publishedAt'>> & { frozenAt?: Date }): Promise<boolean>;
  /** One answer per person per policy; returns the answer it replaced, if any. */
  setPolicyFeedback(policyId: number, feedback: PolicyFeedbackRow, at: Date): Promise<PolicyFeedbackRow | undefined>;
  policyFeedback(policyId: number): Promise<PolicyFeedbackRow[]>;
  cycles(): Promise<CycleRow[]>;
  /** Points a cycle at a policy version, dropping any per-cycle override. */
  setCyclePolicy(cycleId: string, policyId: number): Promise<void>;

  /**
   * Waits for, then holds until this unit of work ends, the lock named `job`:
   * two processes running the same timed job take turns, and the second sees
   * what the first sent.
   */
  exclusive(job: string): Promise<void>;
  /** `recipient key` of every card already sent (console copy) whose key starts with `prefix`. */
  sentKeys(prefix: string): Promise<Set<string>>;
  /** A card for one person, delivered on every platform they use (the console always). */
  send(recipientId: string, card: Card): Promise<void>;
  audit(changes: AuditChange[]): Promise<void>;
}

export interface UnitOfWork {
  /** Runs fn in one transaction: the state change, its audit entries and its messages land together. */
  run<T>(fn: (repo: WorkflowRepo) => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}
