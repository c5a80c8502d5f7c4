// Evidence for appeals against a real database (PGlite; Postgres in CI): files
// sent with the appeal and added later, who may add and who may download them,
// and the cards the resolvers get.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Card } from '../../cards/model.ts';
import { demoWorkflow, type DemoWorkflow } from '../../test/support/workflow.ts';
import { escalateOverdueAppeals } from './appeals.ts';
import type { ActionRequest } from './dispatch.ts';
import { downloadEvidence, MAX_EVIDENCE_BYTES } from './evidence.ts';
import { homeCards } from './home.ts';
import type { Actor } from './permissions.ts';

let w: DemoWorkflow;

const file = (fileName: string, text: string, contentType = 'application/octet-stream') => ({ fileName, contentType, data: new TextEncoder().encode(text) });
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const inbox = async (recipient: string) => (await w.outbox(recipient)).map((m) => m.card);
const newest = async (recipient: string, prefix: string) => (await inbox(recipient)).filter((c) => c.key.startsWith(prefix)).pop();
const markdown = (card: Card) => card.blocks.filter((b): b is Extract<Block, { type: 'markdown' }> => b.type === 'markdown').map((b) => b.text).join('\n');
const attachRequest = (card: Card) => card.blocks.find((b): b is Extract<Block, { type: 'file_request' }> => b.type === 'file_request' && b.action.name === 'appeal.attach');
const text = (card: Card) => JSON.stringify(card.blocks);

interface EvidenceDbRow {
  id: string;
  appeal_id: number | null;
  submission_id: number | null;
  employee_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
}
const appealFiles = (appealId: number) => w.query<EvidenceDbRow>(`select id, appeal_id, submission_id, employee_id, file_name, content_type, size, sha256, uploaded_by from evidence where appeal_id = ${appealId} order by created_at, id`);

const contract = file('补充协议.pdf', '%PDF-1.4 补充协议 HT-2026-0134-A 金额 200,000 元', 'application/pdf');
const email = file('客户确认邮件.eml', 'Subject: 确认补充协议\n\n金额 200,000 元已到账');
let appealId: number;

beforeAll(async () => {
  w = await demoWorkflow();
  await w.store.db.execute(sql`update cycles set stage = 'calibrating' where id = '2026'`);
  expect((await w.act('E055', 'results.publish', { cycle: '2026' })).ok).toBe(true);
});
afterAll(() => w.dispose());

describe('evidence sent with the appeal', () => {
  it('is stored with its SHA-256, size and type, linked to the appeal, not to the submission', async () => {
    const filed = await w.act('E005', 'result.appeal', { cycle: '2026' }, { reason: '合同 HT-2026-0134 的补充协议金额未计入' }, [contract]);
    expect(filed.ok).toBe(true);
    [{ id: appealId }] = await w.query<{ id: number }>(`select id from appeals where employee_id = 'E005'`) as [{ id: number }];
    const [row] = await appealFiles(appealId);
    expect(row).toMatchObject({ appeal_id: appealId, submission_id: null, employee_id: 'E005', uploaded_by: 'E005', file_name: '补充协议.pdf', content_type: 'application/pdf', size: contract.data.byteLength, sha256: sha256(contract.data) });
    // It backs the appeal, not the submission the reviewers saw.
    const submissionEvidence = await w.store.run((repo) => repo.evidence('2026', 'E005'));
    expect(submissionEvidence.map((e) => e.id)).not.toContain(row!.id);
  });

  it("is listed on the manager's and HR's appeal card with a download link, size and short SHA-256", async () => {
    const [row] = await appealFiles(appealId);
    const line = `- [补充协议.pdf](/console/evidence/${row!.id}) · ${row!.size} B · SHA-256 \`${row!.sha256.slice(0, 12)}\``;
    for (const resolver of ['E003', 'E055']) {
      const card = (await newest(resolver, `appeal:${appealId}`))!;
      expect(markdown(card)).toContain(line);
    }
    const [home] = (await homeCards(w.deps, 'E003', 'zh')).filter((c) => c.key === `appeal:${appealId}`);
    expect(markdown(home!)).toContain(line);
    expect(text(home!)).toContain('申诉证据');
  });

  it("lists the files on the appellant's result card, which asks for more while the appeal waits", async () => {
    const [home] = (await homeCards(w.deps, 'E005', 'en')).filter((c) => c.key.startsWith('result:'));
    expect(markdown(home!)).toContain('补充协议.pdf');
    expect(attachRequest(home!)?.action.payload).toEqual({ appealId });
  });
});

describe('evidence added to a waiting appeal', () => {
  it('is stored like the first files, audited, and the resolvers get the card again with every file', async () => {
    const before = (await inbox('E003')).length;
    const added = await w.act('E005', 'appeal.attach', { appealId }, {}, [email]);
    expect(added.ok).toBe(true);
    expect(added.card.key).toBe('result:2026:E005');
    expect(markdown(added.card)).toContain('客户确认邮件.eml');
    const rows = await appealFiles(appealId);
    expect(rows.map((r) => [r.file_name, r.content_type, r.size, r.sha256])).toEqual([
      ['补充协议.pdf', 'application/pdf', contract.data.byteLength, sha256(contract.data)],
      ['客户确认邮件.eml', 'message/rfc822', email.data.byteLength, sha256(email.data)],
    ]);
    const again = await inbox('E003');
    expect(again).toHaveLength(before + 1);
    expect(markdown(again[again.length - 1]!)).toMatch(/补充协议\.pdf[^]*客户确认邮件\.eml/);
  });

  it('appends an audit entry per file: who, which appeal, which bytes', async () => {
    const entries = await w.query<{ actor: string; entity: string; entity_id: string; after: { evidenceId: string; sha256: string; size: number; contentType: string } }>(
      `select actor, entity, entity_id, after from audit_log where action = 'appeal.evidence.attach' order by seq`,
    );
    const rows = await appealFiles(appealId);
    expect(entries.map((e) => ({ ...e, after: typeof e.after === 'string' ? JSON.parse(e.after) : e.after }))).toEqual(
      rows.map((r) => ({ actor: 'E005', entity: 'appeal', entity_id: String(appealId), after: { evidenceId: r.id, fileName: r.file_name, sha256: r.sha256, size: r.size, contentType: r.content_type } })),
    );
    expect(await w.store.verifyAudit()).toMatchObject({ ok: true });
  });

  const refusals: [string, string, ActionRequest['files'], RegExp][] = [
    ['a peer', 'E006', [file('证明.pdf', 'x')], /not your own record/],
    ['the manager who answers it', 'E003', [file('证明.pdf', 'x')], /not your own record/],
    ['HR', 'E055', [file('证明.pdf', 'x')], /not your own record/],
    ['the appellant, with a file over 20 MB', 'E005', [{ fileName: '扫描件.pdf', contentType: 'application/pdf', data: new Uint8Array(MAX_EVIDENCE_BYTES + 1) }], /over the limit of 20 MB/],
    ['the appellant, with a program', 'E005', [file('setup.exe', 'MZ')], /not an accepted kind of evidence/],
    ['the appellant, with a web page', 'E005', [file('letter.html', '<script>alert(1)</script>', 'text/html')], /not an accepted kind of evidence/],
    ['the appellant, with an empty file', 'E005', [file('空白.pdf', '')], /is empty/],
    ['the appellant, with no file at all', 'E005', [], /Choose the files/],
  ];
  it.each(refusals)('is refused from %s, and nothing is stored', async (_who, actorId, files, why) => {
    const blobs = await w.query<{ n: number }>(`select count(*)::int as n from blobs`);
    const refused = await w.act(actorId, 'appeal.attach', { appealId }, {}, files);
    expect(refused.ok).toBe(false);
    expect(text(refused.card)).toMatch(why);
    expect(await appealFiles(appealId)).toHaveLength(2);
    expect(await w.query<{ n: number }>(`select count(*)::int as n from blobs`)).toEqual(blobs);
  });

  it('is refused for an appeal that does not exist', async () => {
    const refused = await w.act('E005', 'appeal.attach', { appealId: 9999 }, {}, [file('证明.pdf', 'x')]);
    expect(text(refused.card)).toContain('No such appeal');
  });
});

describe('downloading appeal evidence', () => {
  const actor = (employeeId: string, role: Actor['role']): Actor => ({ employeeId, role });
  it.each([
    ['the appellant', actor('E005', 'employee'), true],
    ['the head of 销售部, who answers it', actor('E003', 'manager'), true],
    ['HR', actor('E055', 'hr'), true],
    ['a peer in the same department', actor('E006', 'employee'), false],
    ['the head of another department', actor('E019', 'manager'), false],
    ['the CEO (aggregates only)', actor('E001', 'leader'), false],
  ])('%s: allowed %s, bytes checked against their SHA-256', async (_who, who, allowed) => {
    const [row] = await appealFiles(appealId);
    const attempt = downloadEvidence(w.store, who, row!.id);
    if (!allowed) return expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { meta, data } = await attempt;
    expect(sha256(data)).toBe(row!.sha256);
    expect(meta).toMatchObject({ appealId, contentType: 'application/pdf', fileName: '补充协议.pdf' });
  });

  it('refuses bytes that no longer match their hash', async () => {
    const [, row] = await appealFiles(appealId);
    await w.store.db.execute(sql`update blobs set data = ${new TextEncoder().encode('forged')} where key = ${`evidence/${row!.sha256}`}`);
    await expect(downloadEvidence(w.store, actor('E003', 'manager'), row!.id)).rejects.toMatchObject({ code: 'EVIDENCE_CORRUPT' });
  });
});

describe('once the appeal is answered', () => {
  it('takes no more files, and the result card stops asking for them', async () => {
    const card = (await newest('E003', `appeal:${appealId}`))!;
    const reject = card.blocks.flatMap((b) => (b.type === 'form' ? [b.submit.action] : [])).find((a) => a.payload.decision === 'rejected')!;
    expect((await w.act('E003', 'appeal.resolve', reject.payload, { resolution: '补充协议未经法务审核，暂不计入' })).ok).toBe(true);
    const refused = await w.act('E005', 'appeal.attach', { appealId }, {}, [file('补充.pdf', 'late')]);
    expect(refused.ok).toBe(false);
    expect(text(refused.card)).toContain('has been answered');
    expect(await appealFiles(appealId)).toHaveLength(2);
    const [home] = (await homeCards(w.deps, 'E005', 'en')).filter((c) => c.key.startsWith('result:'));
    expect(attachRequest(home!)).toBeUndefined();
  });
});

describe('an escalated appeal', () => {
  it('shows its files on the card HR gets, and still takes files, sent to HR alone', async () => {
    expect((await w.act('E006', 'result.appeal', { cycle: '2026' }, { reason: '新客户数漏记两家' }, [file('新客户名单.xlsx', 'PK fake xlsx')])).ok).toBe(true);
    const [{ id }] = (await w.query<{ id: number }>(`select id from appeals where employee_id = 'E006'`)) as [{ id: number }];
    w.clock.advance(25 * 3600_000);
    expect((await escalateOverdueAppeals(w.deps, 'en')).map((a) => a.id)).toEqual([id]);
    const escalated = (await newest('E055', `appeal:${id}`))!;
    expect(text(escalated)).toContain('Escalated');
    expect(markdown(escalated)).toContain('新客户名单.xlsx');
    const managerCards = (await inbox('E003')).length;
    expect((await w.act('E006', 'appeal.attach', { appealId: id }, {}, [file('客户邮件.txt', '已签约')])).ok).toBe(true);
    expect(markdown((await newest('E055', `appeal:${id}`))!)).toMatch(/新客户名单\.xlsx[^]*客户邮件\.txt/);
    expect(await inbox('E003')).toHaveLength(managerCards);
  });
});
