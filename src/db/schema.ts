// The whole review cycle of WORKFLOW.md as tables. drizzle-kit generates
// migrations/ from this file; never edit a landed migration, add a new one.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBuffer)),
});

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const departments = pgTable('departments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  headId: text('head_id'),
});

export const employees = pgTable(
  'employees',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    departmentId: text('department_id').notNull(),
    managerId: text('manager_id'),
    role: text('role', { enum: ['employee', 'manager', 'hr', 'leader'] }).notNull(),
    /** AES-256-GCM sealed monthly salary (see src/db/crypto/sealed.ts); null when unknown. */
    salarySealed: text('salary_sealed'),
    slackUserId: text('slack_user_id'),
    larkOpenId: text('lark_open_id'),
  },
  (t) => [
    index('employees_department_idx').on(t.departmentId),
    uniqueIndex('employees_slack_idx').on(t.slackUserId),
    uniqueIndex('employees_lark_idx').on(t.larkOpenId),
  ],
);

/** A policy version. Frozen (frozen_at set) once a cycle uses it; a change is a new version. */
export const policies = pgTable('policies', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  status: text('status', { enum: ['draft', 'pilot', 'published'] }).notNull().default('draft'),
  /** ratingMax, ratingScores, grading, cleaning, raises, results: the scalar settings. */
  settings: jsonb('settings').notNull(),
  /** SHA-256 of the policy's canonical JSON: importing the same policy twice reuses the version. */
  digest: text('digest').notNull(),
  frozenAt: timestamp('frozen_at', { withTimezone: true }),
  createdBy: text('created_by'),
  createdAt: created(),
  /** A workflow draft: HR's reason for the change, shown as the "why" of every change it makes. */
  reason: text('reason'),
  /** A workflow draft: the version it changes (its changes are computed against it). */
  basedOn: integer('based_on'),
  /** A workflow draft: the employee ids asked for pilot feedback. */
  pilotMembers: jsonb('pilot_members').$type<string[]>().notNull().default([]),
  /** Set when published through the workflow (imported versions are published without it). */
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

export const goals = pgTable(
  'goals',
  {
    policyId: integer('policy_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.id] })],
);

export const indicators = pgTable(
  'indicators',
  {
    policyId: integer('policy_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['quantitative', 'qualitative'] }).notNull(),
    direction: text('direction', { enum: ['higher', 'lower'] }),
    unit: text('unit'),
    goalId: text('goal_id'),
    cap: doublePrecision('cap'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.id] })],
);

/** Weights: one row per (policy, department or role, indicator). */
export const assignments = pgTable(
  'assignments',
  {
    policyId: integer('policy_id').notNull(),
    position: integer('position').notNull(),
    departmentId: text('department_id'),
    role: text('role'),
    /** The indicator's place within its assignment. */
    slot: integer('slot').notNull(),
    indicatorId: text('indicator_id').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.position, t.slot] })],
);

export const cycles = pgTable('cycles', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  policyId: integer('policy_id').notNull(),
  stage: text('stage', { enum: ['draft', 'collecting', 'reviewing', 'calibrating', 'published', 'closed'] })
    .notNull()
    .default('draft'),
  /** Stage -> ISO deadline. */
  deadlines: jsonb('deadlines').$type<Record<string, string>>().notNull().default({}),
  /** Reviewer levels above the employee: 1 or 2. */
  reviewLevels: integer('review_levels').notNull().default(1),
  createdAt: created(),
});

/** Per-cycle policy overrides (policy.<cycle>.json). */
export const cyclePolicies = pgTable('cycle_policies', {
  cycleId: text('cycle_id').primaryKey(),
  policyId: integer('policy_id').notNull(),
});

export const values = pgTable(
  'indicator_values',
  {
    /** Insertion order is input order: the first of two equal keys counts. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    cycleId: text('cycle_id').notNull(),
    employeeId: text('employee_id').notNull(),
    indicatorId: text('indicator_id').notNull(),
    source: text('source', { enum: ['system', 'self', 'manager'] }).notNull(),
    target: doublePrecision('target'),
    actual: doublePrecision('actual'),
    rating: integer('rating'),
    /** '' when none, so that it can be part of the idempotency key. */
    sourceRef: text('source_ref').notNull().default(''),
    /** import (a data folder), api (PUT /api/v1/values), workflow (chat and console). */
    origin: text('origin', { enum: ['import', 'api', 'workflow'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One index serves both the key and the lookups (a person's values in a
    // cycle, in input order): a second index on seq would cost every bulk load
    // about a third more.
    primaryKey({ name: 'indicator_values_pkey', columns: [t.cycleId, t.employeeId, t.seq] }),
    uniqueIndex('values_api_key')
      .on(t.cycleId, t.employeeId, t.indicatorId, t.source, t.sourceRef)
      .where(sql`origin = 'api'`),
  ],
);

export const attributes = pgTable(
  'attributes',
  {
    cycleId: text('cycle_id').notNull(),
    employeeId: text('employee_id').notNull(),
    attribute: text('attribute').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.employeeId, t.attribute] })],
);

export const training = pgTable('training', {
  indicatorId: text('indicator_id').primaryKey(),
  training: text('training').notNull(),
});

export const submissions = pgTable(
  'submissions',
  {
    id: serial('id').primaryKey(),
    cycleId: text('cycle_id').notNull(),
    employeeId: text('employee_id').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'approved_first', 'approved'] })
      .notNull()
      .default('draft'),
    summary: text('summary'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Optimistic version: a stale button press names an older one. */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('submissions_cycle_employee').on(t.cycleId, t.employeeId)],
);

export const reviews = pgTable('reviews', {
  id: serial('id').primaryKey(),
  submissionId: integer('submission_id').notNull(),
  reviewerId: text('reviewer_id').notNull(),
  level: integer('level').notNull(),
  decision: text('decision', { enum: ['approve', 'return'] }).notNull(),
  comment: text('comment'),
  overrideScore: doublePrecision('override_score'),
  overrideReason: text('override_reason'),
  createdAt: created(),
});

export const anomalies = pgTable(
  'anomalies',
  {
    id: serial('id').primaryKey(),
    cycleId: text('cycle_id').notNull(),
    employeeId: text('employee_id').notNull(),
    indicatorId: text('indicator_id').notNull(),
    kind: text('kind', { enum: ['outlier', 'mismatch', 'missing', 'duplicate'] }).notNull(),
    value: doublePrecision('value'),
    expected: doublePrecision('expected'),
    robustZ: doublePrecision('robust_z'),
    sourceRef: text('source_ref'),
    status: text('status', { enum: ['open', 'confirmed', 'corrected'] }).notNull().default('open'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    correctedValue: doublePrecision('corrected_value'),
    note: text('note'),
  },
  (t) => [index('anomalies_cycle_employee_idx').on(t.cycleId, t.employeeId)],
);

export const evidence = pgTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    cycleId: text('cycle_id').notNull(),
    employeeId: text('employee_id').notNull(),
    indicatorId: text('indicator_id'),
    submissionId: integer('submission_id'),
    /** Set for evidence attached to an appeal: it belongs to the appeal, not to the submission. */
    appealId: integer('appeal_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: created(),
  },
  (t) => [index('evidence_owner_idx').on(t.cycleId, t.employeeId), index('evidence_appeal_idx').on(t.appealId)],
);

/** The default BlobStore: evidence bytes in the database itself. */
export const blobs = pgTable('blobs', {
  key: text('key').primaryKey(),
  contentType: text('content_type').notNull(),
  data: bytea('data').notNull(),
  /** When the bytes were last put: an unreferenced file is swept only once it is older than the grace period. */
  storedAt: timestamp('stored_at', { withTimezone: true }).notNull().defaultNow(),
});

export const results = pgTable(
  'results',
  {
    cycleId: text('cycle_id').notNull(),
    employeeId: text('employee_id').notNull(),
    score: doublePrecision('score').notNull(),
    grade: text('grade').notNull(),
    rank: integer('rank').notNull(),
    percentile: doublePrecision('percentile').notNull(),
    raiseRate: doublePrecision('raise_rate').notNull(),
    /** Sealed like salaries: the raise amount reveals the salary. */
    raiseAmountSealed: text('raise_amount_sealed'),
    promotion: boolean('promotion').notNull().default(false),
    developmentIndicator: text('development_indicator'),
    developmentTraining: text('development_training'),
    status: text('status', { enum: ['published', 'accepted', 'appealed', 'final'] }).notNull().default('published'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.employeeId] })],
);

export const appeals = pgTable('appeals', {
  id: serial('id').primaryKey(),
  cycleId: text('cycle_id').notNull(),
  employeeId: text('employee_id').notNull(),
  reason: text('reason').notNull(),
  status: text('status', { enum: ['open', 'escalated', 'upheld', 'rejected'] }).notNull().default('open'),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  /** The automatic check against system-of-record values, as found when filed. */
  autoCheck: jsonb('auto_check'),
  resolvedBy: text('resolved_by'),
  resolution: text('resolution'),
  scoreBefore: doublePrecision('score_before'),
  scoreAfter: doublePrecision('score_after'),
  gradeBefore: text('grade_before'),
  gradeAfter: text('grade_after'),
  createdAt: created(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
});

export const suggestions = pgTable('suggestions', {
  id: serial('id').primaryKey(),
  cycleId: text('cycle_id'),
  /** Null for an anonymous suggestion. */
  employeeId: text('employee_id'),
  text: text('text').notNull(),
  createdAt: created(),
});

/** Pilot feedback on a draft policy: one answer per person per policy (a second press updates it). */
export const policyFeedback = pgTable(
  'policy_feedback',
  {
    id: serial('id').primaryKey(),
    policyId: integer('policy_id').notNull(),
    employeeId: text('employee_id').notNull(),
    answer: text('answer', { enum: ['agree', 'concern'] }).notNull(),
    comment: text('comment'),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('policy_feedback_policy_employee').on(t.policyId, t.employeeId)],
);

/**
 * Append-only, hash-chained (src/db/audit-chain.ts). before/after hold canonical JSON
 * text, so the hash recomputes byte for byte after a database round trip.
 */
export const auditLog = pgTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Platform event ids already handled (Slack and Lark redeliver). */
export const processedEvents = pgTable(
  'processed_events',
  {
    platform: text('platform').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: created(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.eventId] })],
);

/** The outbox: messages written in the same transaction as the change they announce. */
export const outgoingMessages = pgTable(
  'outgoing_messages',
  {
    id: serial('id').primaryKey(),
    platform: text('platform', { enum: ['slack', 'lark', 'console'] }).notNull(),
    recipient: text('recipient').notNull(),
    card: jsonb('card').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: created(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outgoing_status_idx').on(t.status)],
);
