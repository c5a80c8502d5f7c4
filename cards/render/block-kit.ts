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
import { safeUrl } from '../markdown.ts';
import type { ActionRef, Block, Button, Card } from '../model.ts';
import { fileRequestId } from './block-kit-modal.ts';
import { encodeActionValue, escapeSlack, FORM_OPEN, plain, SLACK_LIMITS, toMrkdwn, type SlackBlock, type SlackMessage } from './block-kit-text.ts';
import { checkFormId, truncate } from './errors.ts';
import { groupBlocks, packGroups } from './groups.ts';

export { readSlackViewValues, renderSlackModal } from './block-kit-modal.ts';
export * from './block-kit-text.ts';

const TONE_ICON = { neutral: '', success: '✅ ', warning: '⚠️ ', danger: '⛔ ' } as const;

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
