// Large cards: a submission with 40 indicators and a review with 30 anomalies
// must split into valid messages on every platform, losing nothing and
// repeating nothing, and never parting a line from its buttons.
import { describe, expect, it } from 'vitest';
import { buildReviewCard } from '../build/review.ts';
import { buildSubmissionCard } from '../build/submission.ts';
import { anomaly, indicator, reviewView, submissionView } from '../test-fixtures.ts';
import { checkSlackMessage, checkSlackModal } from './block-kit-limits.ts';
import { FORM_OPEN, renderSlackMessage, renderSlackModal } from './block-kit.ts';
import { renderHtml } from './html.ts';
import { checkLarkCard } from './lark-limits.ts';
import { renderLarkCards, type LarkElement } from './lark.ts';

const submission = buildSubmissionCard(submissionView('zh', 40));
const review = buildReviewCard(
  reviewView('en', 30, {
    indicators: Array.from({ length: 30 }, (_, k) => indicator(k + 1)),
    anomalies: Array.from({ length: 30 }, (_, k) => anomaly(k + 1)),
  }),
);

/** Lines are told apart by their indicator name followed by a line break (so "指标1" never matches "指标10"). */
const indicatorMark = (i: number) => `Indicator ${i}**`;
const slackMark = (i: number) => `Indicator ${i}*`;
const count = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length;

function larkOutsideForms(elements: LarkElement[]): string[] {
  return elements.filter((e) => e.tag !== 'form').map((e) => JSON.stringify(e));
}

describe('a submission with 40 indicators', () => {
  it('renders valid Slack messages with every indicator line in exactly one', () => {
    // 40 indicators fit in 50 blocks; with 60 the card must split.
    for (const m of renderSlackMessage(submission)) expect(checkSlackMessage(m)).toEqual([]);
    const messages = renderSlackMessage(buildSubmissionCard(submissionView('zh', 60)));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(checkSlackMessage(m)).toEqual([]);
    expect(messages[1]!.blocks[0]).toMatchObject({ type: 'context' });
    expect(messages[1]!.text).toContain(`(2/${messages.length})`);
    for (let i = 1; i <= 60; i++) {
      const holders = messages.filter((m) => JSON.stringify(m.blocks).includes(slackMark(i)));
      expect(holders, `indicator ${i}`).toHaveLength(1);
    }
  });

  it('puts every unsynced indicator in the one Slack modal of the form', () => {
    const view = renderSlackModal(submission, 'submission');
    expect(checkSlackModal(view)).toEqual([]);
    const inputs = view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    const unsynced = Array.from({ length: 40 }, (_, k) => indicator(k + 1)).filter((i) => i.systemActual === null);
    expect(inputs).toEqual([...unsynced.map((i) => `actual:${i.indicatorId}`), 'summary']);
  });

  it('renders valid Lark cards, splitting by size with nothing lost', () => {
    for (const c of renderLarkCards(submission)) expect(checkLarkCard(c)).toEqual([]);
    const parts = renderLarkCards(submission, { maxBytes: 6 * 1024 });
    expect(parts.length).toBeGreaterThan(2);
    for (const c of parts) expect(checkLarkCard(c)).toEqual([]);
    expect(parts[0]!.header.title.content).toContain(`(1/${parts.length})`);
    for (let i = 1; i <= 40; i++) {
      expect(count(parts, (c) => larkOutsideForms(c.body.elements).some((e) => e.includes(indicatorMark(i)))), `indicator ${i}`).toBe(1);
    }
    const forms = parts.flatMap((c) => c.body.elements.filter((e) => e.tag === 'form'));
    expect(forms.map((f) => f.name)).toEqual(['form_submission']);
  });

  it('renders every indicator in the HTML', () => {
    const html = renderHtml(submission);
    for (let i = 1; i <= 40; i++) expect(html).toContain(`Indicator ${i}</strong>`);
  });
});

describe('a review with 30 anomalies', () => {
  const anomalyIds = Array.from({ length: 30 }, (_, k) => 101 + k);

  it('splits into valid Slack messages, each anomaly with its Confirm and Correct in the same one', () => {
    const messages = renderSlackMessage(review);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(checkSlackMessage(m)).toEqual([]);
    for (const id of anomalyIds) {
      const holders = messages.filter((m) => JSON.stringify(m.blocks).includes(`"anomalyId\\":${id}`));
      expect(holders, `anomaly ${id}`).toHaveLength(1);
      const blocks = JSON.stringify(holders[0]!.blocks);
      expect(blocks).toContain(`\\"form\\":\\"correct-${id}\\"`);
      expect(blocks).toContain(`crm-${id - 100}\``);
    }
    const modal = renderSlackModal(review, 'correct-130');
    expect(checkSlackModal(modal)).toEqual([]);
    expect(JSON.parse(modal.private_metadata)).toEqual({ name: 'anomaly.correct', payload: { submissionId: 42, version: 5, level: 1, anomalyId: 130 } });
    const opens = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'actions').flatMap((b) => b.elements as { value: string }[]);
    // 30 Correct forms, Return (no Approve while anomalies are open), Override; no qualitative indicator to rate.
    expect(opens.filter((e) => JSON.parse(e.value).name === FORM_OPEN)).toHaveLength(30 + 1 + 1);
  });

  it('splits into valid Lark cards (≤ 200 components, names unique), each anomaly whole in one card', () => {
    const parts = renderLarkCards(review);
    expect(parts.length).toBeGreaterThan(1);
    for (const c of parts) expect(checkLarkCard(c)).toEqual([]);
    for (const id of anomalyIds) {
      const holders = parts.filter((c) => JSON.stringify(c).includes(`"anomalyId":${id}`));
      expect(holders, `anomaly ${id}`).toHaveLength(1);
      const json = JSON.stringify(holders[0]);
      expect(json).toContain(`"name":"form_correct-${id}"`);
      expect(json).toContain(`"name":"value@correct-${id}"`);
      expect(json).toContain(`crm-${id - 100}`);
    }
  });

  it('renders every anomaly with both actions in the HTML', () => {
    const html = renderHtml(review);
    for (const id of anomalyIds) {
      expect(html).toContain(`data-form-id="correct-${id}"`);
      expect(html).toContain(`&quot;anomalyId&quot;:${id}}`);
    }
    expect(html.match(/data-testid="btn:anomaly.confirm"/g)).toHaveLength(30);
  });
});

describe('oversized text', () => {
  it('cuts a markdown block over 3000 characters into several Slack sections', () => {
    const long = Array.from({ length: 200 }, (_, i) => `- 第 ${i} 行 line with some text to make it longer`).join('\n');
    const [m] = renderSlackMessage({ key: 'k', title: 'x'.repeat(400), blocks: [{ type: 'markdown', text: long }] });
    expect(checkSlackMessage(m!)).toEqual([]);
    const texts = m!.blocks.filter((b) => b.type === 'section').map((b) => (b.text as { text: string }).text);
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.join('\n')).toBe(long.replace(/^- /gm, '• '));
  });
});
