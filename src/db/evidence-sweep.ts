// Evidence bytes that no evidence record refers to. A file's bytes are put in
// storage before the transaction that records them (S3 cannot take part in
// a database transaction), so an action that fails after the upload leaves
// its file behind, unreferenced: an employee's bid notice or customer letter
// kept with nothing to show or delete it. `pandian evidence sweep` removes
// such files once they are older than a grace period, which keeps it clear
// of uploads whose transaction is still under way (a file put again, being
// attached anew, counts as new: putting refreshes its time).
import { appendAudit } from './audit-log.ts';
import type { StoredBlob } from './blob-store.ts';
import { evidence } from './schema.ts';
import type { Store } from './store.ts';

const EVIDENCE_PREFIX = 'evidence/';
export const SWEEP_GRACE_HOURS = 24;

export interface SweepResult {
  /** The keys removed, in key order. */
  removed: string[];
  /** Files under evidence/ still there: referenced, or too new to judge. */
  kept: number;
}

/**
 * Removes the evidence files no record refers to that were stored before
 * `cutoff`, and audits what it removed. Orphans are listed twice, the
 * references read after each listing, and only a file orphaned and old in
 * both is removed: an upload attached in between is seen by one of them.
 */
export async function sweepEvidence(store: Store, cutoff: Date): Promise<SweepResult> {
  const first = await orphans(store, cutoff);
  if (first.orphans.length === 0) return { removed: [], kept: first.listed };
  const second = await orphans(store, cutoff);
  const again = new Set(second.orphans.map((b) => b.key));
  const removed = first.orphans.map((b) => b.key).filter((key) => again.has(key));
  for (const key of removed) await store.blobs.delete(key);
  if (removed.length > 0) {
    await store.transaction((tx) =>
      appendAudit(tx, [{ actor: 'system:sweep', action: 'evidence.sweep', entity: 'evidence', entityId: String(removed.length), after: { removed, storedBefore: cutoff.toISOString() } }], store.clock.now()),
    );
  }
  return { removed, kept: second.listed - removed.length };
}

async function orphans(store: Store, cutoff: Date): Promise<{ orphans: StoredBlob[]; listed: number }> {
  const listed = await store.blobs.list(EVIDENCE_PREFIX);
  // Read after listing: a record committed before this read is seen, whatever the listing caught.
  const referenced = new Set((await store.db.selectDistinct({ key: evidence.storageKey }).from(evidence)).map((r) => r.key));
  const found = listed.filter((b) => !referenced.has(b.key) && b.storedAt.getTime() < cutoff.getTime()).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { orphans: found, listed: listed.length };
}
