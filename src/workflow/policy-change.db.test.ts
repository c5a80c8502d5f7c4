// A policy change end to end on the demo company: draft from examples/demo/proposal.json,
// simulate, pilot, feedback, publish, announcement (PGlite; Postgres in CI).
import { sql } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, renderLarkCards, renderSlackMessage } from '../../cards/index.ts';
import { plainText } from '../../cards/markdown.ts';
import type { Card } from '../../cards/model.ts';
import { formatNumber } from '../engine/messages.ts';
import { simulate } from '../engine/simulate.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { parsePolicyText } from '../io/policy-schema.ts';
import { testStore } from '../../test/support/database.ts';
import type { Store } from '../db/store.ts';
import { rowsOf } from '../db/values-ingest.ts';
import { handleAction, type ActionRequest } from './dispatch.ts';
import type { WorkflowDeps } from './deps.ts';
import { homeCards } from './home.ts';

let store: Store;
let dispose: () => Promise<void>;
let deps: WorkflowDeps;
let proposalText: string;

const REASON = '2026 年销售部复购率达标率为 0，销售额几乎人人达标：把权重移向复购率';
const act = (actorId: string, name: string, payload: ActionRequest['payload'], form: Record<string, string> = {}, files: ActionRequest['files'] = []) =>
  handleAction(deps, { actorId, name, payload, form, files, lang: 'en' });
const file = (text: string, fileName = 'proposal.json') => [{ fileName, contentType: 'application/json', data: new TextEncoder().encode(text) }];

function payloadOf(card: Card, name: string): Record<string, string | number | null> {
  for (const b of card.blocks) {
    if (b.type === 'actions') for (const x of b.buttons) if (x.action.name === name) return x.action.payload;
    if (b.type === 'form' && b.submit.action.name === name) return b.submit.action.payload;
    if (b.type === 'file_request' && b.action.name === name) return b.action.payload;
  }
  throw new Error(`${card.key} has no ${name}`);
}
/** What a person reads on the card (markdown unescaped). */
const text = (card: Card) => [card.title, ...card.blocks.map((b) => (b.type === 'markdown' || b.type === 'context' ? plainText(b.text) : JSON.stringify(b)))].join('\n');
const query = async <T>(q: string) => rowsOf<T>(await store.db.execute(sql.raw(q)));
const inbox = async (recipient: string) => (await query<{ card: Card }>(`select card from outgoing_messages where platform = 'console' and recipient = '${recipient}' order by id`)).map((r) => r.card);

beforeAll(async () => {
  let clock;
  ({ store, dispose, clock } = await testStore());
  await store.importDataset(await loadDataFolder('examples/demo'), 'hr:test');
  await store.db.execute(sql`update cycles set stage = 'closed' where id in ('2024', '2025')`);
  deps = { uow: store, evidence: store, clock, lang: 'en', evidenceUrl: (id) => `/console/evidence/${id}`, charts: async () => [] };
  proposalText = await readFile('examples/demo/proposal.json', 'utf8');
});
afterAll(() => dispose());

describe('a policy change', () => {
  let draft: Card;
  let policyId: number;

  it('HR gives the reason, then uploads the proposal; a bad file is refused naming the JSON path', async () => {
    const start = (await homeCards(deps, 'E055', 'en')).find((c) => c.key === 'policy-start')!;
    expect((await act('E005', 'policy.new', payloadOf(start, 'policy.new'), { reason: REASON })).ok).toBe(false);
    expect((await act('E055', 'policy.new', payloadOf(start, 'policy.new'), { reason: 'no' })).ok).toBe(false);
    const upload = await act('E055', 'policy.new', payloadOf(start, 'policy.new'), { reason: REASON });
    expect(upload.ok).toBe(true);
    const ref = payloadOf(upload.card, 'policy.draft');
    expect(ref.reason).toBe(REASON);

    const broken = JSON.parse(proposalText) as { assignments: { indicators: { weight: unknown }[] }[] };
    broken.assignments[0]!.indicators[0]!.weight = 'thirty';
    const bad = await act('E055', 'policy.draft', ref, {}, file(JSON.stringify(broken)));
    expect(bad.ok).toBe(false);
    expect(text(bad.card)).toContain('assignments[0].indicators[0].weight');
    const notJson = await act('E055', 'policy.draft', ref, {}, file('{"name": '));
    expect(notJson.ok).toBe(false);
    expect(text(notJson.card)).toContain('valid JSON');
    expect((await act('E005', 'policy.draft', ref, {}, file(proposalText))).ok).toBe(false);
    expect(await query(`select id from policies where status <> 'published'`)).toHaveLength(0);

    const done = await act('E055', 'policy.draft', ref, {}, file(proposalText));
    expect(done.ok).toBe(true);
    draft = done.card;
    policyId = Number(payloadOf(draft, 'policy.simulate').policyId);
    const [row] = await query<{ status: string; reason: string; version: number }>(`select status, reason, version from policies where id = ${policyId}`);
    expect(row).toEqual({ status: 'draft', reason: REASON, version: 1 });
    expect(text(draft)).toContain('30%');
    // The same file again is the same version, not a second draft.
    const again = await act('E055', 'policy.draft', ref, {}, file(proposalText));
    expect(again.ok).toBe(false);
    expect(text(again.card)).toContain('identical');
  });

  it('HR simulates it on the current cycle; the figures are the engine simulation of the same data', async () => {
    const data = await loadDataFolder('examples/demo');
    const expected = simulate(data, parsePolicyText(proposalText, 'proposal.json'), '2026');
    const card = await act('E055', 'policy.simulate', payloadOf(draft, 'policy.simulate'));
    expect(card.ok).toBe(true);
    const fields = card.card.blocks.find((b) => b.type === 'fields');
    expect(fields).toEqual({
      type: 'fields',
      fields: [
        { label: 'Rank correlation (Spearman)', value: formatNumber(expected.spearman, 2) },
        { label: 'Moved up a grade', value: String(expected.movedUp) },
        { label: 'Moved down a grade', value: String(expected.movedDown) },
        { label: 'Employees', value: String(expected.employees.length) },
      ],
    });
    const sales = expected.departments.find((d) => d.departmentId === 'D-SALES')!;
    expect(sales.meanAfter!).toBeLessThan(sales.meanBefore!);
    expect(text(card.card)).toContain(`销售部: ${sales.meanBefore!.toFixed(1)} → ${sales.meanAfter!.toFixed(1)}`);
    // It names employees: HR only.
    const manager = await act('E003', 'policy.simulate', payloadOf(draft, 'policy.simulate'));
    expect(manager.ok).toBe(false);
    expect(manager.card.title).toBe('Not allowed');
  });

  it('HR pilots it with two people, who get the pilot card; unknown ids are refused', async () => {
    expect(text((await act('E055', 'policy.publish', { policyId })).card)).toContain('Pilot it');
    const unknown = await act('E055', 'policy.pilot', payloadOf(draft, 'policy.pilot'), { people: 'E004, E999, D-NOPE' });
    expect(unknown.ok).toBe(false);
    expect(text(unknown.card)).toContain('E999, D-NOPE');
    const piloted = await act('E055', 'policy.pilot', payloadOf(draft, 'policy.pilot'), { people: 'E004，E020' });
    expect(piloted.ok).toBe(true);
    draft = piloted.card;
    for (const id of ['E004', 'E020']) {
      const card = (await inbox(id)).pop()!;
      expect(card.key).toBe(`policy:${policyId}:1`);
      expect(card.title).toMatch(/^Pilot:/);
      expect(text(card)).toContain(REASON);
    }
    expect(await inbox('E005')).toHaveLength(0);
  });

  it('one agrees, one raises a concern; a second press updates the answer; a non-pilot person is refused', async () => {
    const pilotCard = (await inbox('E004')).pop()!;
    const agree = payloadOf(pilotCard, 'policy.feedback');
    const concern = { ...agree, vote: 'concern' };
    expect((await act('E004', 'policy.feedback', concern, { comment: '复购率数据来自 CRM，口径未统一' })).ok).toBe(true);
    expect((await act('E004', 'policy.feedback', agree)).ok).toBe(true);
    expect((await act('E020', 'policy.feedback', concern, { comment: '' })).ok).toBe(false);
    expect((await act('E020', 'policy.feedback', concern, { comment: '市场部的线索也影响复购，是否一并考虑？' })).ok).toBe(true);
    const outsider = await act('E005', 'policy.feedback', agree);
    expect(outsider.ok).toBe(false);
    expect(text(outsider.card)).toContain('pilot group');
    const rows = await query<{ employee_id: string; answer: string }>(`select employee_id, answer from policy_feedback where policy_id = ${policyId} order by employee_id`);
    expect(rows).toEqual([
      { employee_id: 'E004', answer: 'agree' },
      { employee_id: 'E020', answer: 'concern' },
    ]);
    const hrDraft = (await homeCards(deps, 'E055', 'en')).find((c) => c.key === `policy-draft:${policyId}`)!;
    expect(text(hrDraft)).toContain('2 asked · 1 agree · 1 concern · 0 not answered');
    expect(text(hrDraft)).toContain('市场部的线索');
  });

  it('HR publishes: a cycle in draft switches to it, running ones keep theirs, and all 60 people get the announcement', async () => {
    const [old] = await query<{ policy_id: number }>(`select policy_id from cycles where id = '2026'`);
    await store.db.execute(sql`insert into cycles (id, name, policy_id, stage) values ('2027', '2027', ${old!.policy_id}, 'draft')`);
    expect((await act('E004', 'policy.publish', payloadOf(draft, 'policy.publish'))).ok).toBe(false);
    const published = await act('E055', 'policy.publish', payloadOf(draft, 'policy.publish'));
    expect(published.ok).toBe(true);
    expect(text(published.card)).toContain('Cycles 2027 now use it');
    const cycles = await query<{ id: string; policy_id: number }>(`select id, policy_id from cycles where id in ('2026', '2027') order by id`);
    expect(cycles).toEqual([
      { id: '2026', policy_id: old!.policy_id },
      { id: '2027', policy_id: policyId },
    ]);
    const [row] = await query<{ status: string; frozen: boolean }>(`select status, frozen_at is not null as frozen from policies where id = ${policyId}`);
    expect(row).toEqual({ status: 'published', frozen: true });

    const sent = await query<{ recipient: string; card: Card }>(`select recipient, card from outgoing_messages where platform = 'console' and card->>'title' like 'New policy:%'`);
    expect(new Set(sent.map((s) => s.recipient)).size).toBe(60);
    expect(sent).toHaveLength(60);
    const announcement = sent[0]!.card;
    expect(announcement.blocks.some((b) => b.type === 'actions' || b.type === 'form')).toBe(false);
    const [entry] = await query<{ after: string }>(`select after from audit_log where action = 'policy.publish'`);
    expect(JSON.parse(entry!.after).changes).toEqual([
      { what: '销售部 · weight of 销售额', before: '40%', after: '30%', why: REASON },
      { what: '销售部 · weight of 客户复购率', before: '15%', after: '25%', why: REASON },
    ]);
    expect(text(announcement)).toContain('40% → 30%');
    expect(text(announcement)).toContain(REASON);
  });

  it('a stale publish press, a late pilot answer and a new pilot on the published version get a card saying so', async () => {
    const stale = await act('E055', 'policy.publish', payloadOf(draft, 'policy.publish'));
    expect(stale.ok).toBe(false);
    expect(stale.card.tone).toBe('warning');
    expect(text(stale.card)).toContain('already published');
    const late = await act('E020', 'policy.feedback', { policyId, version: 1, vote: 'agree' });
    expect(text(late.card)).toContain('already published');
    expect((await act('E055', 'policy.pilot', payloadOf(draft, 'policy.pilot'), { people: 'E005' })).ok).toBe(false);
    expect((await homeCards(deps, 'E055', 'en')).some((c) => c.key === `policy-draft:${policyId}`)).toBe(false);
    expect((await homeCards(deps, 'E004', 'en')).some((c) => c.key.startsWith('policy:'))).toBe(false);
  });

  it('renders every card of the flow on Slack, Lark and the console', async () => {
    const cards = [...(await homeCards(deps, 'E055', 'zh')), (await inbox('E004')).find((c) => c.title.startsWith('Pilot'))!, (await inbox('E005')).pop()!, draft];
    const upload = await act('E055', 'policy.new', {}, { reason: REASON });
    for (const card of [...cards, upload.card]) {
      expect(renderSlackMessage(card).length, card.key).toBeGreaterThan(0);
      expect(renderLarkCards(card).length, card.key).toBeGreaterThan(0);
      expect(renderHtml(card)).toContain(card.key);
    }
  });

  it('left an unbroken audit trail', async () => {
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    const steps = await query<{ action: string }>(`select distinct action from audit_log`);
    expect(steps.map((s) => s.action)).toEqual(expect.arrayContaining(['policy.draft', 'policy.pilot', 'policy.feedback', 'policy.publish', 'cycle.policy']));
  });
});
