import { describe, expect, it } from 'vitest';
import type { Block, Card } from '../model.ts';
import { buildReviewCard } from '../build/review.ts';
import { buildSubmissionCard } from '../build/submission.ts';
import { everyCard, reviewView, submissionView } from '../test-fixtures.ts';
import { checkSlackMessage, checkSlackModal } from './block-kit-limits.ts';
import { encodeActionValue, FORM_OPEN, readSlackViewValues, renderSlackMessage, renderSlackModal } from './block-kit.ts';
import { CardRenderError } from './errors.ts';
import { markdownToHtml, renderHtml } from './html.ts';
import { checkLarkCard } from './lark-limits.ts';
import { larkFormValues, mapLarkImages, renderLarkCards } from './lark.ts';

const cards = [...everyCard('zh'), ...everyCard('en')];
const forms = (card: Card) => card.blocks.filter((b): b is Extract<Block, { type: 'form' }> => b.type === 'form');

describe.each(cards.map((c) => [`${c.lang} ${c.key}`, c] as const))('%s', (_, card) => {
  it('renders valid Slack messages, and a valid modal for every form and file request', () => {
    const messages = renderSlackMessage(card);
    for (const m of messages) expect(checkSlackMessage(m)).toEqual([]);
    const opens = messages
      .flatMap((m) => m.blocks)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { value: string }[])
      .map((e) => JSON.parse(e.value) as { name: string; payload: Record<string, string | number> })
      .filter((ref) => ref.name === FORM_OPEN);
    const expected = forms(card).reduce((n, f) => n + 1 + (f.extraSubmits?.length ?? 0), 0) + card.blocks.filter((b) => b.type === 'file_request').length;
    expect(opens).toHaveLength(expected);
    for (const open of opens) {
      expect(open.payload.key).toBe(card.key);
      const view = renderSlackModal(card, String(open.payload.form), Number(open.payload.submit));
      expect(checkSlackModal(view)).toEqual([]);
      expect(JSON.parse(view.private_metadata).name).toBe(view.callback_id);
    }
  });

  it('renders valid Lark cards', () => {
    for (const c of renderLarkCards(card)) expect(checkLarkCard(c)).toEqual([]);
  });

  it('renders HTML with a testable article, buttons and inputs', () => {
    const html = renderHtml(card);
    expect(html.startsWith(`<article class="card`)).toBe(true);
    expect(html).toContain(`data-card-key="${card.key}"`);
    expect(html).not.toMatch(/<script/i);
    for (const f of forms(card)) {
      expect(html).toContain(`data-testid="btn:${f.submit.action.name}"`);
      for (const i of f.inputs) expect(html).toContain(`name="${i.name}"`);
    }
  });
});

describe('Slack', () => {
  const card: Card = {
    key: 'k',
    title: 'T',
    blocks: [
      { type: 'markdown', text: '**粗体** and [链接](https://x.test/?a=1&b=2) <tag> & _it_' },
      { type: 'actions', buttons: [{ label: 'Go', action: { name: 'a.b', payload: { id: 1 } }, style: 'primary' }] },
    ],
  };

  it('converts the markdown subset to mrkdwn and escapes &, <, >', () => {
    const text = (renderSlackMessage(card)[0]!.blocks[1]!.text as { text: string }).text;
    expect(text).toContain('*粗体*');
    expect(text).toContain('<https://x.test/?a=1&amp;b=2|链接>');
    expect(text).toContain('&lt;tag&gt; &amp;');
    expect(text).toContain('_it_');
  });

  it('carries the ActionRef as compact JSON in the button value, and refuses one over 2000 characters', () => {
    const button = (renderSlackMessage(card)[0]!.blocks[2]!.elements as { value: string }[])[0]!;
    expect(JSON.parse(button.value)).toEqual({ name: 'a.b', payload: { id: 1 } });
    expect(() => encodeActionValue({ name: 'x', payload: { big: 'y'.repeat(2000) } })).toThrow(CardRenderError);
  });

  it('reads modal values back by input name', () => {
    const values = readSlackViewValues({
      'actual:s': { 'actual:s': { type: 'number_input', value: '12.5' } },
      anonymous: { anonymous: { type: 'static_select', selected_option: { value: 'yes' } } },
      files: { files: { type: 'file_input', files: [{ id: 'F1' }] } },
    });
    expect(values).toEqual({ 'actual:s': '12.5', anonymous: 'yes', files: ['F1'] });
  });

  it('refuses a form id it does not have', () => {
    expect(() => renderSlackModal(card, 'nope')).toThrow(CardRenderError);
  });
});

describe('Lark', () => {
  const review = buildReviewCard(reviewView('zh', 3));

  it('keeps forms at the root, each submit carrying its ActionRef object', () => {
    const [lark] = renderLarkCards(review);
    const formEls = lark!.body.elements.filter((e) => e.tag === 'form');
    expect(formEls.length).toBe(forms(review).length);
    const submit = JSON.stringify(formEls.find((f) => f.name === 'form_override'));
    expect(submit).toContain('"form_action_type":"submit"');
    expect(submit).toContain('"name":"review.override"');
  });

  it('scopes a name two forms share, and larkFormValues strips the scope', () => {
    const json = JSON.stringify(renderLarkCards(review));
    expect(json).toContain('"name":"value@correct-101"');
    expect(json).toContain('"name":"score"');
    expect(larkFormValues({ 'value@correct-101': '12', 'actual:a@b': '3', reason: 'r' })).toEqual({ value: '12', 'actual:a': '3', reason: 'r' });
  });

  it('escapes markup in data and maps image URLs to uploaded keys', () => {
    const diagnosis = cards.find((c) => c.key.startsWith('diagnosis:'))!;
    const [lark] = renderLarkCards(diagnosis);
    const json = JSON.stringify(lark);
    expect(json).toContain('&#42;8&#42;');
    const mapped = JSON.stringify(mapLarkImages(lark!, (url) => `img_v3_${url.length}`));
    expect(mapped).toContain('"img_key":"img_v3_29"');
  });
});

describe('HTML', () => {
  const submission = cards.find((c) => c.key.startsWith('submission:') && c.lang === 'zh')!;
  const html = renderHtml(submission);

  it('shows a name like <script> as text and drops javascript: links', () => {
    const submitted = renderHtml(buildSubmissionCard(submissionView('zh', 2, { status: 'submitted' })));
    expect(submitted).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 王**五**');
    // The employee's summary is data: its markup stays literal text.
    expect(submitted).toContain('完成 _两个_ 大项目 [link](javascript:alert(1))');
    expect(submitted).not.toMatch(/href="javascript/i);
    expect(markdownToHtml('[x](javascript:void) [y](https://ok.test)')).toBe('<p>x <a href="https://ok.test" target="_blank" rel="noopener noreferrer">y</a></p>');
  });

  it('makes buttons and forms postable to the console with their ActionRef', () => {
    expect(html).toContain('<form method="post" action="/console/action" enctype="multipart/form-data" class="card-form" data-form-id="submission">');
    expect(html).toMatch(/<button type="submit" name="action" value="\{&quot;name&quot;:&quot;submission.save&quot;/);
    expect(html).toContain('data-testid="btn:submission.submit"');
    expect(html).toContain('data-confirm="');
    expect(html).toMatch(/<input type="number" step="any" name="actual:ind-1"/);
    expect(html).toMatch(/<input type="file" name="files" multiple required>/);
    expect(html).toContain('data-testid="btn:evidence.attach"');
  });
});
