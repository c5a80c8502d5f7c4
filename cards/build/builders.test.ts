import { describe, expect, it } from 'vitest';
import { plainText } from '../markdown.ts';
import type { ActionRef, Block, Card, Input } from '../model.ts';
import { appealView, everyCard, evidence, resultView, reviewView, submissionView } from '../test-fixtures.ts';
import { buildAppealCard } from './appeal.ts';
import { buildCycleControlCard } from './cycle-control.ts';
import { buildResultCard } from './result.ts';
import { buildReviewCard } from './review.ts';
import { buildSubmissionCard } from './submission.ts';

type Form = Extract<Block, { type: 'form' }>;
const forms = (c: Card): Form[] => c.blocks.filter((b): b is Form => b.type === 'form');
const form = (c: Card, id: string): Form | undefined => forms(c).find((f) => f.id === id);
/** Every action a card can send: buttons, form submits, file requests. */
function actions(c: Card): ActionRef[] {
  return c.blocks.flatMap((b) =>
    b.type === 'actions' ? b.buttons.map((x) => x.action) : b.type === 'form' ? [b.submit, ...(b.extraSubmits ?? [])].map((x) => x.action) : b.type === 'file_request' ? [b.action] : [],
  );
}
const names = (c: Card) => actions(c).map((a) => a.name);
/** The visible words of a card. */
function words(c: Card): string {
  const label = (i: Input) => i.label;
  return [
    c.title,
    ...c.blocks.map((b) => {
      switch (b.type) {
        case 'markdown':
        case 'context':
          return plainText(b.text);
        case 'header':
          return b.text;
        case 'fields':
          return b.fields.map((f) => `${f.label} ${f.value}`).join(' ');
        case 'form':
          return [b.title ?? '', ...b.inputs.map(label), b.submit.label, ...(b.extraSubmits ?? []).map((x) => x.label)].join(' ');
        case 'actions':
          return b.buttons.map((x) => x.label).join(' ');
        case 'file_request':
          return b.label;
        default:
          return '';
      }
    }),
  ].join('\n');
}

const KNOWN = new Set([
  'submission.save', 'submission.submit', 'evidence.attach', 'anomaly.confirm', 'anomaly.correct', 'review.rate', 'review.approve', 'review.return',
  'review.override', 'result.accept', 'result.appeal', 'appeal.attach', 'appeal.resolve', 'cycle.advance', 'results.publish', 'summary.post', 'policy.feedback', 'suggestion.drop',
]);

describe('every builder', () => {
  const zh = everyCard('zh');
  const en = everyCard('en');

  it('speaks the view language: Chinese labels in zh, English ones in en', () => {
    zh.forEach((card, i) => {
      const other = en[i]!;
      expect([card.lang, other.lang, other.key]).toEqual(['zh', 'en', card.key]);
      // A notice's words are all the caller's (already in the right language).
      if (card.key.startsWith('notice:')) return;
      // Lines the language changes are the builder's own words (data is the same in both).
      const zhLines = words(card).split('\n');
      const enLines = words(other).split('\n');
      const onlyZh = zhLines.filter((l) => !enLines.includes(l));
      const onlyEn = enLines.filter((l) => !zhLines.includes(l));
      expect(onlyZh.length, card.key).toBeGreaterThan(0);
      for (const l of onlyZh) expect(l, card.key).toMatch(/[\u4e00-\u9fff]/);
      for (const l of onlyEn) expect(l, other.key).not.toMatch(/[：（），。、「」]/);
      expect(onlyEn.join(' '), other.key).toMatch(/[A-Za-z]{3,}/);
    });
    expect(words(buildReviewCard(reviewView('zh', 0)))).toContain('批准');
    expect(words(buildReviewCard(reviewView('en', 0)))).toContain('Approve');
  });

  it('uses only the workflow action names, with small payloads', () => {
    for (const card of [...zh, ...en]) {
      for (const a of actions(card)) {
        expect(KNOWN, a.name).toContain(a.name);
        expect(JSON.stringify(a).length).toBeLessThan(300);
      }
    }
  });
});

describe('submission', () => {
  it('asks for the unsynced quantitative indicators and a summary; Submit and Save carry the version', () => {
    const card = buildSubmissionCard(submissionView('zh', 4));
    const f = form(card, 'submission')!;
    expect(f.inputs.map((i) => i.name)).toEqual(['actual:ind-1', 'actual:ind-3', 'summary']);
    expect(f.inputs.find((i) => i.name === 'actual:ind-3')).toMatchObject({ type: 'number', initial: 285 });
    expect(f.submit.action).toEqual({ name: 'submission.submit', payload: { cycle: '2025', employeeId: 'E7', version: 3 } });
    expect(f.submit.confirm).toBeDefined();
    expect(f.extraSubmits?.map((x) => x.action.name)).toEqual(['submission.save']);
    expect(names(card)).toContain('evidence.attach');
  });

  it('is read-only once submitted, and shows the reviewer comment when returned', () => {
    expect(names(buildSubmissionCard(submissionView('en', 4, { status: 'submitted' })))).toEqual([]);
    const returned = buildSubmissionCard(submissionView('en', 4, { status: 'returned', returnComment: 'Add the <contract>' }));
    expect(returned.tone).toBe('warning');
    expect(words(returned)).toContain('Add the <contract>');
  });

  it('lists evidence with name, size, short SHA-256 and link', () => {
    const text = buildSubmissionCard(submissionView('en')).blocks.map((b) => (b.type === 'markdown' ? b.text : '')).join('\n');
    expect(text).toContain('[证据2.pdf](/evidence/ev-2) · 2.0 MB · SHA-256 `ab12cd34ef56`');
  });
});

describe('review', () => {
  it('offers Confirm and a Correct form for each open anomaly only', () => {
    const card = buildReviewCard(reviewView('en', 3));
    expect(actions(card).filter((a) => a.name === 'anomaly.confirm').map((a) => a.payload.anomalyId)).toEqual([101, 103]);
    expect(form(card, 'correct-101')!.inputs).toMatchObject([{ type: 'number', name: 'value', required: true }]);
    expect(form(card, 'correct-102')).toBeUndefined();
  });

  it('leaves Approve out and warns while anomalies are open; offers it with a confirm once they are resolved', () => {
    const open = buildReviewCard(reviewView('en', 1));
    expect(names(open)).not.toContain('review.approve');
    expect(names(open)).toContain('review.return');
    expect(words(open)).toContain('still open');
    const clear = buildReviewCard(reviewView('en', 0));
    expect(form(clear, 'decide')!.submit).toMatchObject({ action: { name: 'review.approve', payload: { submissionId: 42, version: 5, level: 1 } } });
    expect(form(clear, 'decide')!.submit.confirm?.text).toContain('second-level');
  });

  it('shows the level as 1/2 only with two levels, values with their source, and evidence links', () => {
    expect(words(buildReviewCard(reviewView('zh')))).toContain('第 1/2 级审核');
    expect(words(buildReviewCard(reviewView('zh', 0, { levels: 1 })))).not.toContain('1/1');
    const text = words(buildReviewCard(reviewView('en')));
    expect(text).toContain('counted 150 万元 (manager) · system 180 万元');
    expect(text).toContain('证据1.pdf');
  });

  it('rates qualitative indicators 1..ratingMax and demands a score and a reason to override', () => {
    const card = buildReviewCard(reviewView('en'));
    const rating = form(card, 'rate')!.inputs[0]!;
    expect(rating).toMatchObject({ type: 'select', name: 'rating:ind-3', initial: '4' });
    expect(rating.type === 'select' && rating.options.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(form(card, 'override')!.inputs.map((i) => [i.name, i.required])).toEqual([['score', true], ['reason', true]]);
  });
});

describe('result', () => {
  it('shows the figures and offers Accept and an Appeal form with a required reason while published', () => {
    const card = buildResultCard(resultView('en'));
    const text = words(card);
    for (const s of ['92.4', 'A', '#3', '89%', '6.0%', '1,200', '销售额', '105.0%', '沟通训练营']) expect(text).toContain(s);
    expect(names(card)).toEqual(['result.accept', 'result.appeal']);
    expect(form(card, 'appeal')!.inputs).toMatchObject([{ name: 'reason', required: true }, { type: 'file', name: 'files' }]);
    expect(names(buildResultCard(resultView('en', { status: 'accepted' })))).toEqual([]);
  });

  it('lists the files of a waiting appeal and asks for more, and stops once it is answered', () => {
    const appealed = buildResultCard(resultView('en', { status: 'appealed', appeal: { id: 9, evidence: [evidence(3)] } }));
    expect(words(appealed)).toContain('Evidence attached to your appeal');
    expect(words(appealed)).toContain('证据3.pdf · 3.0 MB · SHA-256 ab12cd34ef56');
    expect(actions(appealed)).toEqual([{ name: 'appeal.attach', payload: { appealId: 9 } }]);
    expect(words(buildResultCard(resultView('zh', { status: 'appealed', appeal: { id: 9, evidence: [] } })))).toContain('申诉尚未附文件');
    expect(names(buildResultCard(resultView('en', { status: 'final', appeal: null })))).toEqual([]);
  });
});

describe('cycle control', () => {
  const view = { lang: 'en' as const, cycle: '2025', deadline: null, counts: { employees: 1, submitted: 0, approved: 0, openAnomalies: 0, openAppeals: 0 }, late: [] };
  it('advances with a confirm, publishes out of calibration, and does nothing when closed', () => {
    const collecting = buildCycleControlCard({ ...view, stage: 'collecting', next: 'reviewing' });
    expect(actions(collecting)).toEqual([{ name: 'cycle.advance', payload: { cycle: '2025', stage: 'collecting' } }]);
    expect(names(buildCycleControlCard({ ...view, stage: 'calibrating', next: 'published' }))).toEqual(['results.publish']);
    expect(names(buildCycleControlCard({ ...view, stage: 'closed', next: null }))).toEqual([]);
  });
});

describe('aggregates and HR cards', () => {
  it('puts the diagnosis findings first, high severity first', () => {
    const card = everyCard('zh').find((c) => c.key.startsWith('diagnosis:'))!;
    const first = card.blocks.findIndex((b) => b.type === 'markdown');
    expect(card.blocks[first]!.type === 'markdown' && card.blocks[first]!.text).toMatch(/^🔴/);
    expect(card.blocks.some((b) => b.type === 'image')).toBe(true);
  });

  it('answers appeals with two decisions, Uphold carrying corrected values', () => {
    const card = everyCard('en').find((c) => c.key.startsWith('appeal:'))!;
    expect(actions(card).map((a) => a.payload.decision)).toEqual(['upheld', 'rejected']);
    expect(form(card, 'uphold')!.inputs.map((i) => i.name)).toEqual(['actual:sales', 'resolution']);
    expect(form(card, 'reject')!.inputs).toMatchObject([{ name: 'resolution', required: true }]);
  });

  it("lists the appeal's files with a link, size and short SHA-256, or says there are none", () => {
    const card = everyCard('zh').find((c) => c.key.startsWith('appeal:'))!;
    const list = card.blocks.find((b) => b.type === 'markdown' && b.text.includes('证据3.pdf'));
    expect(list).toEqual({ type: 'markdown', text: '- [证据3.pdf](/evidence/ev-3) · 3.0 MB · SHA-256 `ab12cd34ef56`\n- [证据4.pdf](/evidence/ev-4) · 4.0 MB · SHA-256 `ab12cd34ef56`' });
    expect(words(buildAppealCard({ ...appealView('en'), evidence: [] }))).toContain('No files attached to the appeal.');
  });

  it('asks a pilot for Agree or a Concern with a comment; suggestions may be anonymous', () => {
    const [pilot, announcement] = everyCard('en').filter((c) => c.key.startsWith('policy:'));
    expect(actions(pilot!).map((a) => a.payload.vote)).toEqual(['agree', 'concern']);
    expect(form(pilot!, 'concern')!.inputs).toMatchObject([{ name: 'comment', required: true }]);
    expect(actions(announcement!)).toEqual([]);
    const box = everyCard('en').find((c) => c.key.startsWith('suggestion:'))!;
    expect(form(box, 'suggestion')!.inputs.map((i) => i.name)).toEqual(['text', 'anonymous']);
  });
});
