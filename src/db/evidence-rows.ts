// Evidence metadata rows; the bytes live in a BlobStore.
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { EvidenceRow as EvidenceSummary } from '../workflow/ports.ts';
import type { Db } from './connect.ts';
import { evidence } from './schema.ts';

export type EvidenceRow = typeof evidence.$inferSelect;

export async function insertEvidence(tx: Db, row: typeof evidence.$inferInsert): Promise<EvidenceRow> {
  const [saved] = await tx.insert(evidence).values(row).returning();
  return saved!;
}

export async function findEvidence(db: Db, id: string): Promise<EvidenceRow | undefined> {
  const [row] = await db.select().from(evidence).where(eq(evidence.id, id));
  return row;
}

/** A submission's evidence: an employee's files of a cycle that back no appeal, oldest first. */
export function submissionEvidence(db: Db, cycleId: string, employeeId: string): Promise<EvidenceSummary[]> {
  return evidenceLines(db, and(eq(evidence.cycleId, cycleId), eq(evidence.employeeId, employeeId), isNull(evidence.appealId))!);
}

/** The files attached to one appeal, oldest first. */
export function appealEvidence(db: Db, appealId: number): Promise<EvidenceSummary[]> {
  return evidenceLines(db, eq(evidence.appealId, appealId));
}

function evidenceLines(db: Db, where: SQL): Promise<EvidenceSummary[]> {
  return db
    .select({ id: evidence.id, cycleId: evidence.cycleId, employeeId: evidence.employeeId, indicatorId: evidence.indicatorId, fileName: evidence.fileName, size: evidence.size, sha256: evidence.sha256 })
    .from(evidence)
    .where(where)
    .orderBy(asc(evidence.createdAt), asc(evidence.id));
}
