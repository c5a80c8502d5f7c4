// The store: every read and write of the service goes through here, inside
// transactions, with the audit entry written in the same transaction.
import { count, eq, sql } from 'drizzle-orm';
import type { Dataset } from '../engine/types.ts';
import type { Database, Db } from './database.ts';
import { MIGRATION_TAGS } from './migrations.ts';
import { importDataset, type ImportSummary } from './import-dataset.ts';
import { ingestValues, type IngestRow, type IngestSummary } from './values-ingest.ts';
import { loadDataset } from './load-dataset.ts';
import { auditHead, verifyAuditLog } from './audit-log.ts';
import { cycles, departments, employees } from './schema.ts';
import type { BlobStore } from './blob-store.ts';
import { DbBlobStore } from './db-blob-store.ts';
import { findEvidence, insertEvidence } from './evidence-rows.ts';
import { appendAudit } from './audit-log.ts';
import { buildOrg, type OrgIndex } from '../workflow/scope.ts';
import type { EvidenceMeta, EvidencePort } from '../workflow/evidence.ts';
import type { UnitOfWork, WorkflowRepo } from '../workflow/ports.ts';
import { DrizzleWorkflowRepo } from './workflow-repo.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class Store implements EvidencePort, UnitOfWork {
  /** Chat platforms that are configured (messages for them go to the outbox). */
  platforms: ('slack' | 'lark')[] = [];

  readonly blobs: BlobStore;

  constructor(
    readonly database: Database,
    readonly sealKey: CryptoKey,
    readonly clock: Clock = systemClock,
    blobs?: BlobStore,
  ) {
    this.blobs = blobs ?? new DbBlobStore(database.db);
  }

  get db(): Db {
    return this.database.db;
  }

  /** Runs fn in one transaction: all of it lands, or none of it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(tx as unknown as Db));
  }

  /** One workflow transition: state, audit entries and outgoing messages in one transaction. */
  run<T>(fn: (repo: WorkflowRepo) => Promise<T>): Promise<T> {
    return this.transaction(async (tx) => {
      const repo = new DrizzleWorkflowRepo(tx, this.sealKey, () => this.clock.now(), this.platforms);
      const result = await fn(repo);
      await repo.flushAudit();
      return result;
    });
  }

  importDataset(data: Dataset, actor: string): Promise<ImportSummary> {
    return this.transaction((tx) => importDataset(tx, data, { actor, now: this.clock.now(), sealKey: this.sealKey }));
  }

  ingestValues(rows: readonly IngestRow[], actor: string): Promise<IngestSummary> {
    return this.transaction((tx) => ingestValues(tx, rows, { actor, now: this.clock.now() }));
  }

  loadDataset(): Promise<Dataset> {
    return loadDataset(this.db, this.sealKey);
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await this.db.select({ n: count() }).from(cycles);
    return (row?.n ?? 0) === 0;
  }

  async cycleExists(id: string): Promise<boolean> {
    return (await this.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, id))).length > 0;
  }

  /** The org snapshot permission checks read (salaries are not needed and stay sealed). */
  async org(): Promise<OrgIndex> {
    const d = await this.db.select().from(departments);
    const e = await this.db.select().from(employees);
    return buildOrg(
      d.map((x) => ({ id: x.id, name: x.name, parentId: x.parentId, headId: x.headId })),
      e.map((x) => ({ id: x.id, name: x.name, departmentId: x.departmentId, managerId: x.managerId, role: x.role, salary: null })),
    );
  }

  saveEvidence(meta: EvidenceMeta, audit: { actor: string }): Promise<void> {
    return this.transaction(async (tx) => {
      await insertEvidence(tx, meta);
      await appendAudit(
        tx,
        [{ actor: audit.actor, action: 'evidence.attach', entity: 'evidence', entityId: meta.id, after: { employeeId: meta.employeeId, indicatorId: meta.indicatorId, fileName: meta.fileName, sha256: meta.sha256, size: meta.size } }],
        this.clock.now(),
      );
    });
  }

  findEvidence(id: string): Promise<EvidenceMeta | undefined> {
    return findEvidence(this.db, id);
  }

  async loadDepartments() {
    return this.db.select().from(departments);
  }

  /** The newest cycle that is not closed, else the newest. */
  currentCycleId(): Promise<string | undefined> {
    return this.run(async (repo) => (await repo.currentCycle())?.id);
  }

  verifyAudit(expectedHead?: { seq: number; hash: string }) {
    return verifyAuditLog(this.db, expectedHead);
  }

  auditHead() {
    return auditHead(this.db);
  }

  /** Ready: the database answers and every committed migration is applied. */
  async readiness(): Promise<{ ready: boolean; detail: string }> {
    try {
      const result = await this.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
      const applied = Number((rows[0] as { n: number | string }).n);
      if (applied < MIGRATION_TAGS.length) return { ready: false, detail: `${applied} of ${MIGRATION_TAGS.length} migrations applied` };
      return { ready: true, detail: `${applied} migrations applied` };
    } catch (err) {
      return { ready: false, detail: (err as Error).message };
    }
  }
}
