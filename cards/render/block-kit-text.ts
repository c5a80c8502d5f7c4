// Slack text: the limits, plain_text objects, mrkdwn from the neutral
// markdown, and the button value encoding shared by messages and modals.
import { parseMarkdown, safeUrl, type Inline } from '../markdown.ts';
import type { ActionRef } from '../model.ts';
import { CardRenderError, truncate } from './errors.ts';

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
export interface SlackText {
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

export const plain = (text: string, max: number): SlackText => ({ type: 'plain_text', text: truncate(text || ' ', max), emoji: true });

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
