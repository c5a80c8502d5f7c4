// Deadline reminders and escalations with a fixed clock on the demo company (PGlite; Postgres in CI).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { testStore } from '../../test/support/database.ts';
import type { Store } from '../db/store.ts';
import { rowsOf } from '../db/values-ingest.ts';
import type { WorkflowDeps } from './deps.ts';
import { handleAction } from './dispatch.ts';
import { homeCards } from './home.ts';
import { runDeadlineReminders } from './reminders.ts';

let store: Store;
let dispose: () => Promise<void>;
let clock: Awaited<ReturnType<typeof testStore>>['clock'];
let deps: WorkflowDeps;

const HOUR = 3600_000;
// The clock starts at 2026-11-30T09:00Z.
const COLLECTING = '2026-12-01T10:00:00.000Z';
const REVIEWING = '2026-12-08T10:00:00.000Z';
const query = async <T>(q: string) => rowsOf<T>(await store.db.execute(sql.raw(q)));
const inbox = async (recipient: string, prefix: string) =>
  (await query<{ card: Card }>(`select card from outgoing_messages where platform = 'console' and recipient = '${recipient}' and card->>'key' like '${prefix}%' order by id`)).map((r) => r.card);

beforeAll(async () => {
  ({ store, dispose, clock } = await testStore());
  await store.importDataset(await loadDataFolder('examples/demo'), 'hr:test');
  await store.db.execute(sql`update cycles set stage = 'closed' where id in ('2024', '2025')`);
  await store.db.execute(sql`update cycles set deadlines = ${JSON.stringify({ collecting: COLLECTING, reviewing: REVIEWING })}::jsonb where id = '2026'`);
  deps = { uow: store, evidence: store, clock, lang: 'en', evidenceUrl: (id) => `/console/evidence/${id}`, charts: async () => [] };
  // E005 submits in time and is never reminded.
  const card = (await homeCards(deps, 'E005', 'en')).find((c) => c.key.startsWith('submission'))!;
  const form = card.blocks.find((b) => b.type === 'form' && b.submit.action.name === 'submission.submit');
  const payload = form?.type === 'form' ? form.submit.action.payload : {};
  expect((await handleAction(deps, { actorId: 'E005', name: 'submission.submit', payload, form: { summary: '按时提交' }, files: [], lang: 'en' })).ok).toBe(true);
});
afterAll(() => dispose());

describe('deadline reminders in the collecting stage', () => {
  it('sends nothing 25 hours before the deadline', async () => {
    expect(clock.now().getTime()).toBe(new Date(COLLECTING).getTime() - 25 * HOUR);
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [], escalated: [] });
  });

  it('23 hours before, reminds everyone scored who has not submitted, once, even when two processes run at the same instant', async () => {
    clock.advance(2 * HOUR);
    // On Postgres the two runs take two connections; without the job lock both would send everything.
    const [first, second] = await Promise.all([runDeadlineReminders(deps, 'en'), runDeadlineReminders(deps, 'en')]);
    const run = { reminded: [...first.reminded, ...second.reminded], escalated: [...first.escalated, ...second.escalated] };
    const reminded = run.reminded.map((r) => r.to);
    // 59 scored employees (E002 has no assignment), less E005 who submitted.
    expect(reminded).toHaveLength(58);
    expect(reminded).not.toContain('E005');
    expect(reminded).not.toContain('E002');
    expect(run.escalated).toEqual([]);
    const [card] = await inbox('E006', 'reminder:');
    expect(card).toMatchObject({ title: 'Reminder: due 2026-12-01 10:00 UTC', tone: 'warning' });
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [], escalated: [] });
    clock.advance(HOUR);
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [], escalated: [] });
    expect(await inbox('E006', 'reminder:')).toHaveLength(1);
  });

  it('after the deadline, reminds once more and escalates to the manager, once', async () => {
    clock.set('2026-12-01T13:00:00.000Z');
    const run = await runDeadlineReminders(deps, 'en');
    expect(run.reminded).toHaveLength(58);
    expect(run.escalated).toContainEqual({ employeeId: 'E006', to: 'E003', task: 'submit' });
    // The CEO has no one above: HR hears of it.
    expect(run.escalated.filter((e) => e.employeeId === 'E001').map((e) => e.to).sort()).toEqual(['E002', 'E055', 'E056', 'E057', 'E058', 'E059', 'E060']);
    expect(await inbox('E006', 'reminder:')).toHaveLength(2);
    const escalations = await inbox('E003', 'escalation:');
    const e006 = escalations.find((c) => c.title === 'Overdue: 潘丽')!;
    expect(e006.tone).toBe('danger');
    expect(JSON.stringify(e006)).toContain('**3 h** overdue');
    // E005 submitted: no escalation about them.
    expect(run.escalated.some((e) => e.employeeId === 'E005')).toBe(false);
    clock.advance(HOUR);
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [], escalated: [] });
    expect((await inbox('E003', 'escalation:')).filter((c) => c.title === 'Overdue: 潘丽')).toHaveLength(1);
  });
});

describe('deadline reminders in the reviewing stage', () => {
  it('reminds the reviewer with submissions waiting, then escalates to HR', async () => {
    await store.db.execute(sql`update cycles set stage = 'reviewing' where id = '2026'`);
    clock.set('2026-12-07T09:00:00.000Z');
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [], escalated: [] });
    clock.set('2026-12-07T12:00:00.000Z');
    // Only E005's submission waits, for E003.
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [{ to: 'E003', task: 'review' }], escalated: [] });
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [], escalated: [] });
    clock.set('2026-12-08T11:00:00.000Z');
    const run = await runDeadlineReminders(deps, 'en');
    expect(run.reminded).toEqual([{ to: 'E003', task: 'review' }]);
    expect(run.escalated.map((e) => e.to).sort()).toEqual(['E002', 'E055', 'E056', 'E057', 'E058', 'E059', 'E060']);
    expect(run.escalated.every((e) => e.employeeId === 'E003' && e.task === 'review')).toBe(true);
    const [card] = await inbox('E055', 'escalation:2026:reviewing');
    expect(card!.title).toBe('Overdue: 肖平');
    expect(await runDeadlineReminders(deps, 'en')).toEqual({ reminded: [], escalated: [] });
  });

  it('left an unbroken audit trail naming what was sent', async () => {
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    const [n] = await query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'reminders.send'`);
    expect(n!.n).toBe(4);
  });
});
