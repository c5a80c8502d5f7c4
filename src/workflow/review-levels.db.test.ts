// Two reviewer levels, an override that demands a reason, and the suggestion box.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { testStore } from '../../test/support/database.ts';
import type { Store } from '../db/store.ts';
import { rowsOf } from '../db/values-ingest.ts';
import { handleAction, type ActionRequest } from './dispatch.ts';
import type { WorkflowDeps } from './deps.ts';
import { homeCards } from './home.ts';

let store: Store;
let dispose: () => Promise<void>;
let deps: WorkflowDeps;

const act = (actorId: string, name: string, payload: ActionRequest['payload'], form: Record<string, string> = {}) =>
  handleAction(deps, { actorId, name, payload, form, files: [], lang: 'en' });
const query = async <T>(text: string) => rowsOf<T>(await store.db.execute(sql.raw(text)));
const payloadOf = (card: Card, name: string) => {
  for (const b of card.blocks) {
    if (b.type === 'actions') for (const x of b.buttons) if (x.action.name === name) return x.action.payload;
    if (b.type === 'form') for (const x of [b.submit, ...(b.extraSubmits ?? [])]) if (x.action.name === name) return x.action.payload;
  }
  throw new Error(`${card.key} has no ${name}`);
};
const reviewFor = async (reviewer: string, employeeName: string) =>
  (await homeCards(deps, reviewer, 'en')).find((c) => c.key.startsWith('review:') && JSON.stringify(c).includes(employeeName))!;

beforeAll(async () => {
  ({ store, dispose } = await testStore());
  await store.importDataset(await loadDataFolder('examples/demo'), 'hr:test');
  await store.db.execute(sql`update cycles set stage = 'closed' where id in ('2024', '2025')`);
  await store.db.execute(sql`update cycles set review_levels = 2 where id = '2026'`);
  deps = { uow: store, evidence: store, clock: store.clock, lang: 'en', evidenceUrl: (id) => `/e/${id}`, charts: async () => [] };
});
afterAll(() => dispose());

describe('two reviewer levels', () => {
  it('the department head approves first; the second level passes to HR, since the head\'s own manager is a leader (aggregates only)', async () => {
    // E004 (罗红梅, 销售部) has no planted anomaly in 2026.
    const submission = (await homeCards(deps, 'E004', 'en')).find((c) => c.key.startsWith('submission:'))!;
    expect((await act('E004', 'submission.submit', payloadOf(submission, 'submission.submit'), { summary: '完成' })).ok).toBe(true);
    const first = await reviewFor('E003', '罗红梅');
    // The CEO may not take the first level.
    expect((await act('E001', 'review.approve', payloadOf(first, 'review.approve'))).ok).toBe(false);
    expect((await act('E003', 'review.approve', payloadOf(first, 'review.approve'))).ok).toBe(true);
    expect((await query<{ status: string }>(`select status from submissions where employee_id = 'E004'`))[0]!.status).toBe('approved_first');
    // The head cannot approve twice; the CEO may not approve rows at all; HR takes the second level.
    expect(await reviewFor('E001', '罗红梅')).toBeUndefined();
    const second = await reviewFor('E055', '罗红梅');
    expect(second.title).toContain('罗红梅');
    expect((await act('E003', 'review.approve', payloadOf(second, 'review.approve'))).ok).toBe(false);
    expect((await act('E001', 'review.approve', payloadOf(second, 'review.approve'))).ok).toBe(false);
    expect((await act('E055', 'review.approve', payloadOf(second, 'review.approve'))).ok).toBe(true);
    expect((await query<{ status: string }>(`select status from submissions where employee_id = 'E004'`))[0]!.status).toBe('approved');
    const levels = await query<{ level: number; reviewer_id: string }>(`select level, reviewer_id from reviews order by id`);
    expect(levels).toEqual([
      { level: 1, reviewer_id: 'E003' },
      { level: 2, reviewer_id: 'E055' },
    ]);
  });
});

describe('overriding a computed score', () => {
  it('demands a written reason and records it', async () => {
    const submission = (await homeCards(deps, 'E009', 'en')).find((c) => c.key.startsWith('submission:'))!;
    expect((await act('E009', 'submission.submit', payloadOf(submission, 'submission.submit'))).ok).toBe(true);
    // E009 has a planted new_customers mismatch: confirm it first.
    let review = await reviewFor('E003', '魏梦洁');
    const confirm = payloadOf(review, 'anomaly.confirm');
    review = (await act('E003', 'anomaly.confirm', confirm)).card;
    const noReason = await act('E003', 'review.override', payloadOf(review, 'review.override'), { score: '101', reason: '' });
    expect(noReason.ok).toBe(false);
    expect(JSON.stringify(noReason.card)).toContain('written reason');
    const withReason = await act('E003', 'review.override', payloadOf(review, 'review.override'), { score: '101', reason: '承担了大客户交接，数据未体现' });
    expect(withReason.ok).toBe(true);
    const [row] = await query<{ override_score: number; override_reason: string; level: number }>(`select override_score, override_reason, level from reviews where override_score is not null`);
    expect(row).toEqual({ override_score: 101, override_reason: '承担了大客户交接，数据未体现', level: 1 });
  });
});

describe('the suggestion box', () => {
  it('stores a signed and an anonymous suggestion; the anonymous one names nobody, even in the audit log', async () => {
    expect((await act('E010', 'suggestion.drop', { cycle: '2026' }, { text: '复购率的目标应按区域区分', anonymous: 'no' })).ok).toBe(true);
    expect((await act('E011', 'suggestion.drop', { cycle: '2026' }, { text: '评分标准希望更透明', anonymous: 'yes' })).ok).toBe(true);
    expect((await act('E011', 'suggestion.drop', { cycle: '2026' }, { text: ' ', anonymous: 'yes' })).ok).toBe(false);
    const rows = await query<{ employee_id: string | null; text: string }>(`select employee_id, text from suggestions order by id`);
    expect(rows).toEqual([
      { employee_id: 'E010', text: '复购率的目标应按区域区分' },
      { employee_id: null, text: '评分标准希望更透明' },
    ]);
    const audit = await query<{ actor: string }>(`select actor from audit_log where action = 'suggestion.drop' order by seq`);
    expect(audit.map((a) => a.actor)).toEqual(['E010', 'anonymous']);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });
});
