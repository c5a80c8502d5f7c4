// Appending to and verifying the hash-chained audit log.
import { asc, desc, sql } from 'drizzle-orm';
import type { Db } from './connect.ts';
import { auditLog } from './schema.ts';
import { nextStoredRow, toStoredJson, verifyChain, type StoredFields } from './audit-chain.ts';
import { bulkInsert } from './bulk.ts';

import type { AuditChange } from '../workflow/ports.ts';

export type { AuditChange };

/** Characters of before and after from which an entry is inserted on its own. */
const BIG_ENTRY = 1 << 16;

/** Any constant works; it names the lock that serialises appends across processes. */
const AUDIT_LOCK = 0x70616e64;

/** A change with its before and after rendered as canonical JSON, as they are hashed and stored. */
export type RenderedChange = Omit<StoredFields, 'at'> & { rendered: true };

/**
 * Renders a change ahead of appendAudit: for a big one (an import's list of
 * new people), done while the connection is busy with something else.
 */
export function renderAudit(c: AuditChange): RenderedChange {
  return { actor: c.actor, action: c.action, entity: c.entity, entityId: c.entityId, before: toStoredJson(c.before), after: toStoredJson(c.after), rendered: true };
}

/**
 * Appends entries inside the caller's transaction. The advisory lock makes
 * concurrent transactions take turns, so the chain never forks.
 */
export async function appendAudit(tx: Db, changes: readonly (AuditChange | RenderedChange)[], now: Date): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const at = now.toISOString();
  const rows: (typeof auditLog.$inferInsert)[] = [];
  let last = await auditHead(tx);
  for (const change of changes) {
    // Canonical JSON once per entry: it is both what is hashed and what is stored.
    const c = 'rendered' in change ? change : renderAudit(change);
    const row = await nextStoredRow(last, { at, actor: c.actor, action: c.action, entity: c.entity, entityId: c.entityId, before: c.before, after: c.after });
    rows.push(row);
    last = row;
  }
  // Many entries travel as one JSON parameter (bulk.ts); a big one (an
  // import's list of new people) as parameters of its own, not escaped into
  // JSON and parsed out of it again.
  const big = (r: (typeof rows)[number]): boolean => (r.before?.length ?? 0) + (r.after?.length ?? 0) > BIG_ENTRY;
  for (const r of rows.filter(big)) await tx.insert(auditLog).values(r);
  await bulkInsert(
    tx,
    'audit_log',
    ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'prev_hash', 'hash'],
    rows
      .filter((r) => !big(r))
      .map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entity_id: r.entityId, before: r.before, after: r.after, prev_hash: r.prevHash, hash: r.hash })),
  );
}

/** Walks the stored chain; `expectedHead` (recorded outside the database earlier) also catches deleted newest entries. */
export async function verifyAuditLog(db: Db, expectedHead?: { seq: number; hash: string }): ReturnType<typeof verifyChain> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
  return verifyChain(rows, expectedHead);
}

/** The newest entry's seq and hash, to be kept outside the database; null for an empty log. */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return head ?? null;
}
