import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { testStore } from '../../test/support/database.ts';
import type { Store } from '../db/store.ts';
import { attachEvidence, downloadEvidence, type EvidenceMeta } from './evidence.ts';

let store: Store;
let dispose: () => Promise<void>;
let meta: EvidenceMeta;
const letter = new TextEncoder().encode('客户感谢信：感谢贵司在 HT-2026-0412 项目中的支持。');

beforeAll(async () => {
  ({ store, dispose } = await testStore());
  await store.importDataset(await loadDataFolder('examples/demo'), 'hr:test');
});
afterAll(() => dispose());

describe('evidence', () => {
  it('stores a file with its SHA-256, size and type, tied to its indicator', async () => {
    meta = await attachEvidence(store, { employeeId: 'E005', role: 'employee' }, {
      cycleId: '2026', employeeId: 'E005', indicatorId: 'sales', fileName: '感谢信.txt', data: letter,
    });
    // sha256 of the bytes above, computed independently with node:crypto.
    const { createHash } = await import('node:crypto');
    expect(meta.sha256).toBe(createHash('sha256').update(letter).digest('hex'));
    expect(meta).toMatchObject({ size: letter.byteLength, indicatorId: 'sales', employeeId: 'E005', uploadedBy: 'E005' });
    const { data } = await downloadEvidence(store, { employeeId: 'E005', role: 'employee' }, meta.id);
    expect(new TextDecoder().decode(data)).toBe(new TextDecoder().decode(letter));
  });

  it('takes its type from the file name, not from what the client claimed, and refuses what is not evidence', async () => {
    const owner = { employeeId: 'E005', role: 'employee' as const };
    const scan = await attachEvidence(store, owner, { cycleId: '2026', employeeId: 'E005', indicatorId: null, fileName: '专利证书.PDF', data: letter });
    expect(scan.contentType).toBe('application/pdf');
    for (const fileName of ['page.html', 'setup.exe', 'script.js', 'no-extension']) {
      await expect(attachEvidence(store, owner, { cycleId: '2026', employeeId: 'E005', indicatorId: null, fileName, data: letter })).rejects.toMatchObject({ code: 'EVIDENCE_TYPE', fileName });
    }
  });

  it('refuses to attach a file to someone else', async () => {
    await expect(
      attachEvidence(store, { employeeId: 'E005', role: 'employee' }, { cycleId: '2026', employeeId: 'E006', indicatorId: 'sales', fileName: 'x.txt', data: letter }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOURS' });
  });

  it.each([
    ['the owner', { employeeId: 'E005', role: 'employee' as const }, true],
    ['the head of 销售部', { employeeId: 'E003', role: 'manager' as const }, true],
    ['HR', { employeeId: 'E055', role: 'hr' as const }, true],
    ['a peer in the same department', { employeeId: 'E006', role: 'employee' as const }, false],
    ['the head of another department', { employeeId: 'E019', role: 'manager' as const }, false],
    ['the CEO (aggregates only)', { employeeId: 'E001', role: 'leader' as const }, false],
  ])('lets %s download it: %s', async (_who, actor, allowed) => {
    const attempt = downloadEvidence(store, actor, meta.id);
    if (allowed) expect((await attempt).meta.sha256).toBe(meta.sha256);
    else await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses to serve bytes that no longer match their hash', async () => {
    await store.db.execute(sql`update blobs set data = ${new TextEncoder().encode('forged')} where key = ${meta.storageKey}`);
    await expect(downloadEvidence(store, { employeeId: 'E005', role: 'employee' }, meta.id)).rejects.toMatchObject({ code: 'EVIDENCE_CORRUPT' });
  });

  it('records the attachment in the audit log', async () => {
    const verdict = await store.verifyAudit();
    expect(verdict.ok).toBe(true);
    const rows = await store.db.execute(sql`select action, entity_id from audit_log where action = 'evidence.attach' order by seq`);
    const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
    expect(list).toEqual([
      { action: 'evidence.attach', entity_id: meta.id },
      { action: 'evidence.attach', entity_id: expect.any(String) },
    ]);
  });
});
