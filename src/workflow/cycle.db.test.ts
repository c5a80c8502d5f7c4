// The review cycle end to end against a real database (PGlite; Postgres in CI).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.ts';
import { demoWorkflow, type DemoWorkflow } from '../../test/support/workflow.ts';
import { handleAction } from './dispatch.ts';
import { escalateOverdueAppeals } from './appeals.ts';
import { homeCards } from './home.ts';
import { createApp } from '../http/app.ts';
import { parseApiTokens } from '../http/tokens.ts';

let w: DemoWorkflow;

/** Every ActionRef on a card, by name. */
function actions(card: Card): Map<string, Record<string, string | number | null>[]> {
  const out = new Map<string, Record<string, string | number | null>[]>();
  const add = (name: string, payload: Record<string, string | number | null>) => out.set(name, [...(out.get(name) ?? []), payload]);
  for (const b of card.blocks) {
    if (b.type === 'actions') for (const btn of b.buttons) add(btn.action.name, btn.action.payload);
    if (b.type === 'form') add(b.submit.action.name, b.submit.action.payload);
    if (b.type === 'file_request') add(b.action.name, b.action.payload);
  }
  return out;
}
const one = (card: Card, name: string) => {
  const found = actions(card).get(name);
  expect(found, `${card.key} has ${name}`).toBeDefined();
  return found![0]!;
};

beforeAll(async () => {
  w = await demoWorkflow();
});
afterAll(() => w.dispose());

describe('the review cycle', () => {
  let review: Card;

  it('an employee submits with evidence; the mismatch with the CRM is flagged for the manager', async () => {
    const [submissionCard] = (await homeCards(w.deps, 'E005', 'en')).filter((c) => c.key.startsWith('submission'));
    const submit = one(submissionCard!, 'submission.submit');
    const letter = new TextEncoder().encode('中标通知书 HT-2026-0134');
    const done = await w.act('E005', 'submission.submit', submit, { 'actual:sales': '2741724', summary: '全年销售额超额完成' }, [{ fileName: '中标通知书.txt', contentType: 'text/plain', data: letter, indicatorId: 'sales' }]);
    expect(done.ok).toBe(true);
    const [anomaly] = await w.query<{ kind: string; indicator_id: string; value: number; expected: number; status: string }>(`select kind, indicator_id, value, expected, status from anomalies where employee_id = 'E005'`);
    // self 2,741,724 against the CRM's 2,341,637.19: |diff| / system = 0.1709 > 0.02.
    expect(anomaly).toEqual({ kind: 'mismatch', indicator_id: 'sales', value: 2741724, expected: 2341637.19, status: 'open' });
    const inbox = await w.outbox('E003');
    review = inbox[inbox.length - 1]!.card;
    expect(review.key).toMatch(/^review:/);
    expect(JSON.stringify(review)).toContain('中标通知书.txt');
  });

  it('refuses approval while the anomaly is open, and refuses another department head outright', async () => {
    // The card leaves Approve out while an anomaly is open; a forged press with the card's ids is refused anyway.
    expect(actions(review).has('review.approve')).toBe(false);
    const forged = one(review, 'review.return');
    const approve = await w.act('E003', 'review.approve', forged);
    expect(approve.ok).toBe(false);
    expect(JSON.stringify(approve.card)).toContain('still open');
    const outsider = await w.act('E019', 'anomaly.correct', one(review, 'anomaly.correct'), { value: '1' });
    expect(outsider.ok).toBe(false);
    expect(JSON.stringify(outsider.card)).toMatch(/outside the departments/);
    const [status] = await w.query<{ status: string }>(`select status from submissions where employee_id = 'E005'`);
    expect(status!.status).toBe('submitted');
  });

  it('the manager corrects the value to the CRM figure and approves; a replayed press is stale', async () => {
    const corrected = await w.act('E003', 'anomaly.correct', one(review, 'anomaly.correct'), { value: '2341637.19', comment: '以 CRM 为准' });
    expect(corrected.ok).toBe(true);
    const stale = await w.act('E003', 'review.approve', one(review, 'review.return'));
    expect(stale.ok).toBe(false); // the old card's version
    expect(JSON.stringify(stale.card)).toContain('out of date');
    const approved = await w.act('E003', 'review.approve', one(corrected.card, 'review.approve'));
    expect(approved.ok).toBe(true);
    const again = await w.act('E003', 'review.approve', one(corrected.card, 'review.approve'));
    expect(again.ok).toBe(false);
    const [row] = await w.query<{ actual: number }>(`select actual from indicator_values where employee_id = 'E005' and indicator_id = 'sales' and source = 'manager' and cycle_id = '2026'`);
    expect(row!.actual).toBe(2341637.19);
  });

  it('HR moves the cycle on and publishes; the employee gets a result card', async () => {
    let control = (await homeCards(w.deps, 'E055', 'en')).find((c) => c.key.startsWith('cycle'))!;
    const employeeTry = await w.act('E005', 'cycle.advance', one(control, 'cycle.advance'));
    expect(employeeTry.ok).toBe(false);
    for (let i = 0; i < 2; i++) {
      const r = await w.act('E055', 'cycle.advance', one(control, 'cycle.advance'));
      expect(r.ok).toBe(true);
      control = r.card;
    }
    const published = await w.act('E055', 'results.publish', one(control, 'results.publish'));
    expect(published.ok).toBe(true);
    const [count] = await w.query<{ n: number }>(`select count(*)::int as n from results where cycle_id = '2026'`);
    expect(count!.n).toBe(59);
    const inbox = await w.outbox('E005');
    expect(inbox[inbox.length - 1]!.card.key).toMatch(/^result:/);
  });

  it('the employee appeals; the manager upholds it with a corrected value and the result changes', async () => {
    const [before] = await w.query<{ score: number; grade: string }>(`select score, grade from results where employee_id = 'E005'`);
    const resultCard = (await w.outbox('E005')).pop()!.card;
    const appealed = await w.act('E005', 'result.appeal', one(resultCard, 'result.appeal'), { reason: '合同 HT-2026-0134 的补充协议金额未计入' });
    expect(appealed.ok).toBe(true);
    const appealCard = (await w.outbox('E003')).pop()!.card;
    expect(appealCard.key).toMatch(/^appeal:/);
    const upheld = actions(appealCard).get('appeal.resolve')!.find((p) => p.decision === 'upheld')!;
    const resolved = await w.act('E003', 'appeal.resolve', upheld, { resolution: '补充协议经核实有效，按 2,541,637.19 计', 'actual:sales': '2541637.19' });
    expect(resolved.ok).toBe(true);
    const [after] = await w.query<{ score: number; grade: string; status: string }>(`select score, grade, status from results where employee_id = 'E005'`);
    // sales weighs 40: its score moves from 100 * 2341637.19/2178000 to 100 * 2541637.19/2178000,
    // i.e. by 40 * (200000 / 2178000) = 3.673... points of the weighted score.
    expect(after!.score - before!.score).toBeCloseTo((40 * 200000) / 2178000, 9);
    expect(after!.status).toBe('final');
    const [appeal] = await w.query<{ status: string; score_before: number; score_after: number }>(`select status, score_before, score_after from appeals`);
    expect(appeal).toMatchObject({ status: 'upheld', score_before: before!.score, score_after: after!.score });
    expect((await w.outbox('E005')).pop()!.card.key).toMatch(/^result:/);
  });

  it('the payroll export reads the published results, upheld appeals and overrides included', async () => {
    const app = createApp({ store: w.store, tokens: parseApiTokens('payroll:payroll-secret-0123456789'), lang: 'en' });
    // A stored result that live scoring would not give (as a calibration override leaves it).
    await w.store.db.execute(sql`update results set score = 12.5, grade = 'C' where cycle_id = '2026' and employee_id = 'E007'`);
    const res = await app.request('/api/v1/cycles/2026/results.csv', { headers: { authorization: 'Bearer payroll-secret-0123456789' } });
    const lines = (await res.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    const cells = (id: string) => lines.find((l) => l.startsWith(`${id},`))!.split(',');
    expect(lines).toHaveLength(1 + 59);
    expect(cells('E007').slice(3, 5)).toEqual(['12.5', 'C']);
    const [e005] = await w.query<{ score: number }>(`select score from results where employee_id = 'E005'`);
    expect(Number(cells('E005')[3])).toBe(e005!.score);
    // In the order of the employee file.
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['E001', 'E003', 'E004']);
  });

  it('an appeal not answered within 24 hours escalates to HR', async () => {
    const resultCard = (await w.outbox('E006')).pop()!.card;
    expect((await w.act('E006', 'result.appeal', one(resultCard, 'result.appeal'), { reason: '新客户数漏记两家' })).ok).toBe(true);
    w.clock.advance(23 * 3600_000);
    expect(await escalateOverdueAppeals(w.deps, 'en')).toHaveLength(0);
    w.clock.advance(2 * 3600_000);
    expect((await escalateOverdueAppeals(w.deps, 'en')).map((a) => a.employeeId)).toEqual(['E006']);
    const hrInbox = await w.outbox('E055');
    expect(hrInbox[hrInbox.length - 1]!.card.key).toMatch(/^appeal:/);
    // Now only HR may answer it.
    const appealCard = hrInbox[hrInbox.length - 1]!.card;
    const rejected = actions(appealCard).get('appeal.resolve')!.find((p) => p.decision === 'rejected')!;
    expect((await w.act('E003', 'appeal.resolve', rejected, { resolution: '系统记录无误' })).ok).toBe(false);
    expect((await w.act('E055', 'appeal.resolve', rejected, { resolution: '系统记录无误，维持原结果' })).ok).toBe(true);
  });

  it('HR posts the leadership summary: charts as images, aggregates only, to every leader', async () => {
    const charts = async (cycle: string) => [
      { title: 'Scores by department', url: `https://pandian.example/charts/${cycle}/scores.png` },
      { title: 'Grade distribution', url: `https://pandian.example/charts/${cycle}/grades.png` },
    ];
    const withCharts = { ...w.deps, charts };
    const refused = await handleAction(withCharts, { actorId: 'E003', name: 'summary.post', payload: { cycle: '2026' }, form: {}, files: [], lang: 'en' });
    expect(refused.ok).toBe(false);
    const posted = await handleAction(withCharts, { actorId: 'E055', name: 'summary.post', payload: { cycle: '2026' }, form: {}, files: [], lang: 'en' });
    expect(posted.ok).toBe(true);
    const [leaderCard] = (await w.outbox('E001')).map((m) => m.card).filter((c) => c.key.startsWith('diagnosis:'));
    const images = leaderCard!.blocks.filter((b) => b.type === 'image');
    expect(images.map((b) => (b as { url: string }).url)).toEqual(['https://pandian.example/charts/2026/scores.png', 'https://pandian.example/charts/2026/grades.png']);
    // No employee's name or id anywhere on the card.
    const text = JSON.stringify(leaderCard);
    const names = await w.query<{ id: string; name: string }>(`select id, name from employees`);
    for (const n of names) {
      expect(text).not.toContain(n.name);
      expect(text).not.toMatch(new RegExp(`\\b${n.id}\\b`));
    }
  });

  it('left an unbroken audit trail of every step', async () => {
    expect(await w.store.verifyAudit()).toMatchObject({ ok: true });
    const steps = await w.query<{ action: string }>(`select distinct action from audit_log`);
    expect(steps.map((s) => s.action)).toEqual(
      expect.arrayContaining(['submission.submit', 'evidence.attach', 'anomaly.correct', 'review.approve', 'cycle.advance', 'cycle.publish', 'result.publish', 'appeal.file', 'appeal.upheld', 'result.change', 'appeal.escalate', 'appeal.rejected']),
    );
  });
});
