// Sweeping evidence files no record refers to, on the database blob store
// (PGlite; Postgres in CI): only old orphans go, referenced and new files
// stay, the removal is audited, and the chain still verifies.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStore } from '../../test/support/database.ts';
import { getVerified, sha256Hex } from './blob-store.ts';
import { insertEvidence } from './evidence-rows.ts';
import { sweepEvidence } from './evidence-sweep.ts';
import type { Store } from './store.ts';
import { rowsOf } from './values-ingest.ts';

let store: Store;
let dispose: () => Promise<void>;
const bytes = (s: string) => new TextEncoder().encode(s);
const files = { kept: bytes('中标通知书 referenced'), orphan: bytes('客户感谢信 orphaned'), fresh: bytes('专利证书 just uploaded') };
const keys: Record<keyof typeof files, string> = { kept: '', orphan: '', fresh: '' };

beforeAll(async () => {
  ({ store, dispose } = await testStore());
  for (const name of Object.keys(files) as (keyof typeof files)[]) {
    keys[name] = `evidence/${await sha256Hex(files[name])}`;
    await store.blobs.put(keys[name], files[name], 'application/pdf');
  }
  await store.blobs.put('charts/not-evidence.png', bytes('png'), 'image/png');
  await insertEvidence(store.db, {
    id: 'ev-1', cycleId: '2026', employeeId: 'E001', indicatorId: null, fileName: 'bid.pdf', contentType: 'application/pdf',
    size: files.kept.length, sha256: keys.kept.slice('evidence/'.length), storageKey: keys.kept, uploadedBy: 'E001',
  });
  // Two files stored long ago, one of them referenced; the third was put just now.
  await store.db.execute(sql`update blobs set stored_at = '2026-01-05T00:00:00Z' where key in (${keys.kept}, ${keys.orphan})`);
});
afterAll(() => dispose());

describe('DbBlobStore.list', () => {
  it('lists the keys under a prefix with when each was stored, a wildcard in the prefix meaning itself', async () => {
    const listed = await store.blobs.list('evidence/');
    expect(listed.map((b) => b.key).sort()).toEqual([keys.kept, keys.orphan, keys.fresh].sort());
    expect(listed.find((b) => b.key === keys.orphan)!.storedAt.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(await store.blobs.list('evidence_')).toEqual([]);
    expect(await store.blobs.list('%')).toEqual([]);
  });
});

describe('sweepEvidence', () => {
  it('removes only the old file no record refers to, and audits it', async () => {
    const auditBefore = Number(rowsOf<{ n: number }>(await store.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n);
    const result = await sweepEvidence(store, new Date('2026-06-01T00:00:00Z'));
    expect(result).toEqual({ removed: [keys.orphan], kept: 2 });
    expect(await store.blobs.get(keys.orphan)).toBeNull();
    expect(await getVerified(store.blobs, keys.kept, keys.kept.slice('evidence/'.length))).toEqual(files.kept);
    expect(await store.blobs.get(keys.fresh)).toEqual(files.fresh);
    expect(await store.blobs.get('charts/not-evidence.png')).not.toBeNull();
    const [entry] = rowsOf<{ action: string; after: string }>(await store.db.execute(sql`select action, after from audit_log order by seq desc limit 1`));
    expect(entry!.action).toBe('evidence.sweep');
    expect(JSON.parse(entry!.after)).toEqual({ removed: [keys.orphan], storedBefore: '2026-06-01T00:00:00.000Z' });
    expect(Number(rowsOf<{ n: number }>(await store.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n)).toBe(auditBefore + 1);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('keeps a file put again after it was orphaned: putting refreshes its time', async () => {
    await store.db.execute(sql`update blobs set stored_at = '2026-01-05T00:00:00Z' where key = ${keys.fresh}`);
    await store.blobs.put(keys.fresh, files.fresh, 'application/pdf');
    expect(await sweepEvidence(store, new Date('2026-06-01T00:00:00Z'))).toEqual({ removed: [], kept: 2 });
  });

  it('writes nothing to the audit log when there is nothing to remove', async () => {
    const head = await store.auditHead();
    expect(await sweepEvidence(store, new Date('2026-06-01T00:00:00Z'))).toEqual({ removed: [], kept: 2 });
    expect(await store.auditHead()).toEqual(head);
  });
});
