// Slack Block Kit. A card becomes one or more messages (50 blocks each); its
// forms and file requests become buttons that open a modal, because Slack
// takes inputs in modals. Every button value is a compact ActionRef JSON.
//
// Adapter contract:
// - A message button's `value` is `JSON.stringify(ActionRef)`. When its name is
//   FORM_OPEN, call `renderSlackModal(card, payload.form, payload.submit)` for
//   the card with key `payload.key` and `views.open` it with the trigger_id.
// - A modal's `callback_id` is the action name and `private_metadata` the
//   ActionRef JSON; `readSlackViewValues(view.state.values)` gives the inputs by
//   their card names (`actual:<id>`, `comment`, …; files under `files`).
import { common } from '../i18n.ts';
import { parseMarkdown, safeUrl, type Inline } from '../markdown.ts';
import type { ActionRef, Block, Button, Card, Input } from '../model.ts';
import { CardRenderError, checkFormId, truncate } from './errors.ts';
import { groupBlocks, packGroups } from './groups.ts';

export type SlackBlock = Record<string, unknown>;
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}
export interface SlackView {
  type: 'modal';
  callback_id: string;
  title: SlackText;
  submit: SlackText;
  close: SlackText;
  private_metadata: string;
  blocks: SlackBlock[];
}
interface SlackText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  actionsElements: 25,
  optionText: 75,
  options: 100,
  modalText: 24,
  privateMetadata: 3000,
  label: 2000,
  placeholder: 150,
} as const;

/** The action of a message button that opens a form's modal; payload `{ key, form, submit }`. */
export const FORM_OPEN = 'form.open';

const ZWSP = '\u200b';
const TONE_ICON = { neutral: '', success: '✅ ', warning: '⚠️ ', danger: '⛔ ' } as const;

const plain = (text: string, max: number): SlackText => ({ type: 'plain_text', text: truncate(text || ' ', max), emoji: true });

/** Escapes the three characters Slack reserves in text. */
export const escapeSlack = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return escapeSlack(n.v);
        case 'code':
          return `\`${escapeSlack(n.v.replace(/`/g, "'"))}\``;
        // Zero-width spaces let *bold* work next to Chinese characters.
        case 'bold':
          return `${ZWSP}*${inline(n.c)}*${ZWSP}`;
        case 'italic':
          return `${ZWSP}_${inline(n.c)}_${ZWSP}`;
        case 'link': {
          const url = safeUrl(n.url, false);
          const label = inline(n.c).replace(/\|/g, '¦');
          return url ? `<${escapeSlack(url)}|${label}>` : label;
        }
      }
    })
    .join('');
}

/** Neutral markdown to Slack mrkdwn: **x** -> *x*, [t](u) -> <u|t>, "- " -> "• ", &<> escaped. */
export function toMrkdwn(text: string): string {
  return parseMarkdown(text)
    .map((l) => (l.kind === 'li' ? `• ${inline(l.inline)}` : l.kind === 'ol' ? `${l.n}. ${inline(l.inline)}` : inline(l.inline)))
    .join('\n');
}

/** A button value: the ActionRef as compact JSON, refused when over Slack's 2000 characters. */
export function encodeActionValue(ref: ActionRef, max: number = SLACK_LIMITS.buttonValue): string {
  const value = JSON.stringify({ name: ref.name, payload: ref.payload });
  if (value.length > max) throw new CardRenderError('PAYLOAD_TOO_LARGE', `${ref.name}: ${value.length} > ${max} characters`);
  return value;
}

/** Splits long mrkdwn at line breaks into pieces of at most `max` characters. */
function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? (line.match(new RegExp(`[^]{1,${max}}`, 'g')) ?? []) : [line];
    for (const p of pieces) {
      if (cur && cur.length + 1 + p.length > max) {
        out.push(cur);
        cur = p;
      } else cur = cur ? `${cur}\n${p}` : p;
    }
  }
  if (cur) out.push(cur);
  return out.length > 0 ? out : [' '];
}

class Ids {
  private n = 0;
  next(prefix: string): string {
    return truncate(`${prefix}:${++this.n}`, SLACK_LIMITS.id);
  }
}

function confirmOf(b: Button): SlackBlock | undefined {
  if (!b.confirm) return undefined;
  const c = b.confirm;
  return { title: plain(c.title, 100), text: plain(c.text, 300), confirm: plain(c.ok, 30), deny: plain(c.cancel, 30), ...(b.style === 'danger' ? { style: 'danger' } : {}) };
}

function button(label: string, ref: ActionRef, ids: Ids, style?: Button['style'], confirm?: SlackBlock): SlackBlock {
  return {
    type: 'button',
    action_id: ids.next(ref.name),
    text: plain(label, SLACK_LIMITS.buttonText),
    value: encodeActionValue(ref),
    ...(style ? { style } : {}),
    ...(confirm ? { confirm } : {}),
  };
}

/** The message buttons of interactive blocks: real buttons, and "open the form" buttons. */
function interactiveButtons(card: Card, b: Block, ids: Ids): SlackBlock[] {
  const open = (form: string, submit: number) => ({ name: FORM_OPEN, payload: { key: card.key, form, submit } });
  if (b.type === 'actions') return b.buttons.map((x) => button(x.label, x.action, ids, x.style, confirmOf(x)));
  if (b.type === 'form') {
    checkFormId(b.id);
    return [b.submit, ...(b.extraSubmits ?? [])].map((x, i) => button(`${x.label}…`, open(b.id, i), ids, x.style));
  }
  if (b.type === 'file_request') return [button(`📎 ${b.label}`, open(fileRequestId(b.action), 0), ids)];
  return [];
}

const fileRequestId = (ref: ActionRef): string => `file:${ref.name}`;

function contentBlocks(b: Block, ids: Ids): SlackBlock[] {
  switch (b.type) {
    case 'header':
      return [{ type: 'header', block_id: ids.next('header'), text: plain(b.text, SLACK_LIMITS.headerText) }];
    case 'markdown':
      return splitText(toMrkdwn(b.text), SLACK_LIMITS.sectionText).map((text) => ({ type: 'section', block_id: ids.next('text'), text: { type: 'mrkdwn', text } }));
    case 'context':
      return splitText(toMrkdwn(b.text), SLACK_LIMITS.sectionText).map((text) => ({ type: 'context', block_id: ids.next('context'), elements: [{ type: 'mrkdwn', text }] }));
    case 'fields': {
      const out: SlackBlock[] = [];
      for (let i = 0; i < b.fields.length; i += SLACK_LIMITS.fields) {
        const fields = b.fields.slice(i, i + SLACK_LIMITS.fields).map((f) => ({ type: 'mrkdwn', text: truncate(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, SLACK_LIMITS.fieldText) }));
        out.push({ type: 'section', block_id: ids.next('fields'), fields });
      }
      return out;
    }
    case 'image':
      // Slack fetches images itself: a URL it cannot reach would reject the whole message.
      if (!safeUrl(b.url, false)?.startsWith('http')) return [{ type: 'context', block_id: ids.next('image'), elements: [{ type: 'mrkdwn', text: escapeSlack(`🖼 ${b.title ?? b.alt}`) }] }];
      return [{ type: 'image', block_id: ids.next('image'), image_url: b.url, alt_text: truncate(b.alt || ' ', 2000), ...(b.title ? { title: plain(b.title, 2000) } : {}) }];
    case 'divider':
      return [{ type: 'divider', block_id: ids.next('divider') }];
    default:
      return [];
  }
}

/** One run of blocks: content as blocks, consecutive interactive blocks merged into actions blocks of ≤ 25 buttons. */
function renderGroup(card: Card, group: Block[], ids: Ids): SlackBlock[] {
  const out: SlackBlock[] = [];
  let pending: SlackBlock[] = [];
  const flush = () => {
    for (let i = 0; i < pending.length; i += SLACK_LIMITS.actionsElements) {
      out.push({ type: 'actions', block_id: ids.next('actions'), elements: pending.slice(i, i + SLACK_LIMITS.actionsElements) });
    }
    pending = [];
  };
  for (const b of group) {
    const buttons = interactiveButtons(card, b, ids);
    if (buttons.length > 0) pending.push(...buttons);
    else {
      flush();
      out.push(...contentBlocks(b, ids));
    }
  }
  flush();
  return out;
}

/**
 * The card as Slack messages: the first starts with the title as a header,
 * each further one with a context line "title (i/n)"; no run of a line and
 * its buttons is cut. `text` is the notification fallback.
 */
export function renderSlackMessage(card: Card): SlackMessage[] {
  const ids = new Ids();
  const groups = groupBlocks(card.blocks).map((g) => renderGroup(card, g, ids));
  const parts = packGroups(groups, SLACK_LIMITS.messageBlocks, (items) => items.length, () => 1);
  if (parts.length === 0) parts.push([]);
  const title = `${TONE_ICON[card.tone ?? 'neutral']}${card.title}`;
  return parts.map((blocks, i) => {
    const n = parts.length;
    const label = n > 1 ? `${card.title} (${i + 1}/${n})` : card.title;
    const lead: SlackBlock =
      i === 0 ? { type: 'header', block_id: 'title', text: plain(title, SLACK_LIMITS.headerText) } : { type: 'context', block_id: 'title', elements: [{ type: 'mrkdwn', text: escapeSlack(label) }] };
    return { text: truncate(escapeSlack(label), 3000), blocks: [lead, ...blocks] };
  });
}

function inputElement(input: Input): SlackBlock {
  const base = { action_id: input.name };
  const placeholder = 'placeholder' in input && input.placeholder ? { placeholder: plain(input.placeholder, SLACK_LIMITS.placeholder) } : {};
  switch (input.type) {
    case 'text':
    case 'textarea':
      return { type: 'plain_text_input', ...base, ...(input.type === 'textarea' ? { multiline: true } : {}), ...(input.initial ? { initial_value: input.initial } : {}), ...placeholder };
    case 'number':
      return {
        type: 'number_input',
        ...base,
        is_decimal_allowed: true,
        ...(input.initial !== undefined ? { initial_value: String(input.initial) } : {}),
        ...(input.min !== undefined ? { min_value: String(input.min) } : {}),
        ...(input.max !== undefined ? { max_value: String(input.max) } : {}),
        ...placeholder,
      };
    case 'select': {
      if (input.options.length > SLACK_LIMITS.options) throw new CardRenderError('BAD_CARD', `${input.name}: more than ${SLACK_LIMITS.options} options`);
      const options = input.options.map((o) => {
        if (o.value.length > SLACK_LIMITS.optionText) throw new CardRenderError('PAYLOAD_TOO_LARGE', `option value of ${input.name} over 75 characters`);
        return { text: plain(o.label, SLACK_LIMITS.optionText), value: o.value };
      });
      const initial = options.find((o) => o.value === input.initial);
      return { type: 'static_select', ...base, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'date':
      return { type: 'datepicker', ...base, ...(input.initial ? { initial_date: input.initial } : {}) };
  }
}

function inputBlock(input: Input): SlackBlock {
  if (input.name.length > SLACK_LIMITS.id) throw new CardRenderError('BAD_CARD', `input name over 255 characters: ${input.name.slice(0, 40)}…`);
  return { type: 'input', block_id: input.name, optional: !input.required, label: plain(input.label, SLACK_LIMITS.label), element: inputElement(input) };
}

function metadata(ref: ActionRef): string {
  const text = JSON.stringify({ name: ref.name, payload: ref.payload });
  if (text.length > SLACK_LIMITS.privateMetadata) throw new CardRenderError('PAYLOAD_TOO_LARGE', `${ref.name}: private_metadata ${text.length} > 3000`);
  return text;
}

/**
 * The modal of one form (by its id) or file request (`file:<action name>`),
 * submitting with its `submit`-th button (0: the form's submit, then its extra submits).
 */
export function renderSlackModal(card: Card, formId: string, submit = 0): SlackView {
  const close = plain(common(card.lang).cancel, SLACK_LIMITS.modalText);
  for (const b of card.blocks) {
    if (b.type === 'file_request' && fileRequestId(b.action) === formId) {
      return {
        type: 'modal',
        callback_id: truncate(b.action.name, SLACK_LIMITS.id),
        title: plain(card.title, SLACK_LIMITS.modalText),
        submit: plain(common(card.lang).upload, SLACK_LIMITS.modalText),
        close,
        private_metadata: metadata(b.action),
        blocks: [{ type: 'input', block_id: 'files', label: plain(b.label, SLACK_LIMITS.label), element: { type: 'file_input', action_id: 'files', max_files: 10, ...(b.accept ? { filetypes: b.accept.split(',').map((s) => s.trim().replace(/^\./, '')) } : {}) } }],
      };
    }
    if (b.type !== 'form' || b.id !== formId) continue;
    const button = [b.submit, ...(b.extraSubmits ?? [])][submit];
    if (!button) throw new CardRenderError('NO_SUCH_FORM', `${card.key}: form ${formId} has no submit button ${submit}`);
    const blocks: SlackBlock[] = [{ type: 'context', block_id: 'card', elements: [{ type: 'mrkdwn', text: escapeSlack(card.title) }] }];
    // A modal's submit has no confirm dialog, so the warning sits above the inputs.
    if (button.confirm) blocks.push({ type: 'section', block_id: 'confirm', text: { type: 'mrkdwn', text: truncate(`*${escapeSlack(button.confirm.title)}*\n${escapeSlack(button.confirm.text)}`, SLACK_LIMITS.sectionText) } });
    blocks.push(...b.inputs.map(inputBlock));
    if (blocks.length > SLACK_LIMITS.modalBlocks) throw new CardRenderError('CARD_TOO_LARGE', `${card.key}: form ${formId} needs ${blocks.length} blocks (max 100)`);
    return {
      type: 'modal',
      callback_id: truncate(button.action.name, SLACK_LIMITS.id),
      title: plain(b.title ?? card.title, SLACK_LIMITS.modalText),
      submit: plain(button.label, SLACK_LIMITS.modalText),
      close,
      private_metadata: metadata(button.action),
      blocks,
    };
  }
  throw new CardRenderError('NO_SUCH_FORM', `${card.key} has no form ${formId}`);
}

type StateValue = { type?: string; value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null; files?: { id: string }[] };

/** A submitted modal's values by input name: text, selected value or date; file ids under `files`. */
export function readSlackViewValues(values: Record<string, Record<string, StateValue>>): Record<string, string | string[] | null> {
  const out: Record<string, string | string[] | null> = {};
  for (const actions of Object.values(values)) {
    for (const [name, v] of Object.entries(actions)) {
      out[name] = v.files ? v.files.map((f) => f.id) : (v.value ?? v.selected_option?.value ?? v.selected_date ?? null);
    }
  }
  return out;
}
