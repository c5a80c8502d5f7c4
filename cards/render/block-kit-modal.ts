// Slack modals: a card's form (or file request) as a view with input blocks;
// the submit sends the form's ActionRef (callback_id = action name,
// private_metadata = ActionRef JSON).
import { common } from '../i18n.ts';
import type { ActionRef, Card, Input } from '../model.ts';
import { escapeSlack, plain, SLACK_LIMITS, type SlackBlock, type SlackView } from './block-kit-text.ts';
import { CardRenderError, truncate } from './errors.ts';

/** The id of a file request in FORM_OPEN payloads: there is one per action. */
export const fileRequestId = (ref: ActionRef): string => `file:${ref.name}`;

/** An HTML accept list as Slack's file_input filetypes: `.pdf,.png` -> `['pdf', 'png']`. */
const fileTypes = (accept: string): string[] => accept.split(',').map((s) => s.trim().replace(/^\./, ''));

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
    case 'file':
      return { type: 'file_input', ...base, max_files: 10, ...(input.accept ? { filetypes: fileTypes(input.accept) } : {}) };
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
        title: plain(b.label, SLACK_LIMITS.modalText),
        submit: plain(common(card.lang).upload, SLACK_LIMITS.modalText),
        close,
        private_metadata: metadata(b.action),
        blocks: [{ type: 'input', block_id: 'files', label: plain(b.label, SLACK_LIMITS.label), element: { type: 'file_input', action_id: 'files', max_files: 10, ...(b.accept ? { filetypes: fileTypes(b.accept) } : {}) } }],
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
      title: plain(b.title ?? button.label, SLACK_LIMITS.modalText),
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
