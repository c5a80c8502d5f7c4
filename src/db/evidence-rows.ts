// Evidence metadata rows; the bytes live in a BlobStore.
import { eq } from 'drizzle-orm';
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
