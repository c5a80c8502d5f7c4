// Feishu/Lark card JSON 2.0. Forms stay inline (root-level `form` elements);
// a card over 30 KB becomes several cards, cut between runs of blocks.
//
// Adapter contract:
// - A button's callback value (`action.value`) is the ActionRef `{ name, payload }`;
//   form submit buttons carry it too, with the inputs in `action.form_value`.
// - Input names are the card's names (`actual:<id>`, `comment`, …), except a
//   name used by two forms of one card, which becomes `<name>@<formId>`:
//   `larkFormValues(form_value)` strips that back.
// - `img` elements hold the image URL in `img_key` until it is uploaded:
//   replace it with `mapLarkImages(card, url => imageKey)` before sending.
// - Lark cards have no file upload: a file request, or a form's file input, says
//   to send files in the chat.
import { common } from '../i18n.ts';
import { parseMarkdown, safeUrl, type Inline } from '../markdown.ts';
import type { Block, Button, Card, Input } from '../model.ts';
import { CardRenderError, checkFormId, truncate } from './errors.ts';
import { groupBlocks, packGroups } from './groups.ts';

export type LarkElement = Record<string, unknown>;
export interface LarkCard {
  schema: '2.0';
  config: { update_multi: true; summary: { content: string } };
  header: { title: { tag: 'plain_text'; content: string }; template: string };
  body: { elements: LarkElement[] };
}
export interface LarkRenderOptions {
  /** Serialised bytes per card; the platform's cap is 30 KB, this leaves headroom for image keys. */
  maxBytes?: number;
  /** Components per card (the platform caps a card at 200). */
  maxElements?: number;
}

export const LARK_MAX_BYTES = 30 * 1024;
const DEFAULTS = { maxBytes: 28 * 1024, maxElements: 180 };
const TEMPLATE = { neutral: 'blue', success: 'green', warning: 'orange', danger: 'red' } as const;
const SCOPE = '@';

const text = (content: string) => ({ tag: 'plain_text' as const, content });

/** Characters Lark markdown would read as markup, written as HTML entities. */
export const escapeLark = (s: string): string => s.replace(/[&<>*_~`[\]\\$]/g, (ch) => `&#${ch.codePointAt(0)};`);

function inline(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return escapeLark(n.v);
        case 'code':
          return `\`${n.v.replace(/`/g, "'")}\``;
        case 'bold':
          return `**${inline(n.c)}**`;
        case 'italic':
          return `*${inline(n.c)}*`;
        case 'link': {
          const url = safeUrl(n.url, false);
          return url ? `[${inline(n.c)}](${url.replace(/[()\s]/g, encodeURIComponent)})` : inline(n.c);
        }
      }
    })
    .join('');
}

/** Neutral markdown to Lark markdown: same syntax, _x_ -> *x*, data characters escaped, "#" at a line start defused. */
export function toLarkMarkdown(md: string): string {
  return parseMarkdown(md)
    .map((l) => {
      const body = inline(l.inline);
      if (l.kind === 'li') return `- ${body}`;
      if (l.kind === 'ol') return `${l.n}. ${body}`;
      // A data line must not turn into a heading or a "+" list.
      return body.replace(/^(\s*)([#+])/, (_, sp: string, mark: string) => `${sp}&#${mark.codePointAt(0)};`);
    })
    .join('\n');
}

const markdown = (content: string, notation = false): LarkElement => ({ tag: 'markdown', content, ...(notation ? { text_size: 'notation' } : {}) });

function buttonType(style: Button['style']): string {
  return style === 'primary' ? 'primary_filled' : style === 'danger' ? 'danger' : 'default';
}

/** A button: callback value is the ActionRef object; in a form it also submits the form. */
function button(b: Button, name: string, submit: boolean): LarkElement {
  return {
    tag: 'button',
    name,
    text: text(truncate(b.label, 100)),
    type: buttonType(b.style),
    ...(submit ? { form_action_type: 'submit' } : {}),
    behaviors: [{ type: 'callback', value: { name: b.action.name, payload: { ...b.action.payload } } }],
    ...(b.confirm ? { confirm: { title: text(b.confirm.title), text: text(b.confirm.text) } } : {}),
  };
}

/** Buttons side by side: one needs no layout, several flow in a column set. */
function buttonRow(buttons: LarkElement[]): LarkElement[] {
  if (buttons.length <= 1) return buttons;
  return [{ tag: 'column_set', flex_mode: 'flow', columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })) }];
}

function inputElements(input: Input, name: string, lang: Card['lang']): LarkElement[] {
  const req = input.required ? { required: true } : {};
  switch (input.type) {
    case 'text':
    case 'textarea':
    case 'number': {
      const initial = input.initial === undefined ? {} : { default_value: String(input.initial) };
      const multi = input.type === 'textarea' ? { input_type: 'multiline_text', rows: 3 } : {};
      const ph = input.placeholder ? { placeholder: text(input.placeholder) } : {};
      return [{ tag: 'input', name, ...req, label: text(input.label), label_position: 'top', ...multi, ...ph, ...initial }];
    }
    case 'select':
      return [
        markdown(`**${escapeLark(input.label)}**`),
        {
          tag: 'select_static',
          name,
          ...req,
          options: input.options.map((o) => ({ text: text(o.label), value: o.value })),
          ...(input.initial ? { initial_option: input.initial } : {}),
        },
      ];
    case 'date':
      return [markdown(`**${escapeLark(input.label)}**`), { tag: 'date_picker', name, ...req, ...(input.initial ? { initial_date: input.initial } : {}) }];
    case 'file':
      return [markdown(`📎 **${escapeLark(input.label)}**\n${escapeLark(common(lang).filesInChat)}`, true)];
  }
}

interface Names {
  button(): string;
  input(name: string, formId: string): string;
}

function namesFor(card: Card): Names {
  const uses = new Map<string, number>();
  for (const b of card.blocks) if (b.type === 'form') for (const i of b.inputs) uses.set(i.name, (uses.get(i.name) ?? 0) + 1);
  let n = 0;
  return {
    button: () => `btn_${++n}`,
    input: (name, formId) => ((uses.get(name) ?? 0) > 1 ? `${name}${SCOPE}${formId}` : name),
  };
}

function elementsOf(card: Card, b: Block, names: Names): LarkElement[] {
  switch (b.type) {
    case 'header':
      return [markdown(`**${escapeLark(b.text)}**`)];
    case 'markdown':
      return [markdown(toLarkMarkdown(b.text))];
    case 'context':
      return [markdown(toLarkMarkdown(b.text), true)];
    case 'fields':
      return [markdown(b.fields.map((f) => `**${escapeLark(f.label)}**${card.lang === 'en' ? ': ' : '：'}${escapeLark(f.value)}`).join('\n'))];
    case 'divider':
      return [{ tag: 'hr' }];
    case 'image':
      return [
        ...(b.title ? [markdown(`**${escapeLark(b.title)}**`)] : []),
        { tag: 'img', img_key: b.url, alt: text(b.alt), scale_type: 'fit_horizontal', preview: true },
      ];
    case 'actions':
      return buttonRow(b.buttons.map((x) => button(x, names.button(), false)));
    case 'file_request':
      return [markdown(`📎 **${escapeLark(b.label)}**\n${escapeLark(common(card.lang).filesInChat)}`)];
    case 'form': {
      checkFormId(b.id);
      const submits = [b.submit, ...(b.extraSubmits ?? [])].map((x, i) => button(x, i === 0 ? `submit_${b.id}` : `submit_${b.id}_${i}`, true));
      return [
        {
          tag: 'form',
          name: `form_${b.id}`,
          elements: [...(b.title ? [markdown(`**${escapeLark(b.title)}**`)] : []), ...b.inputs.flatMap((i) => inputElements(i, names.input(i.name, b.id), card.lang)), ...buttonRow(submits)],
        },
      ];
    }
  }
}

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** Components in a list, nested ones included. */
export function countElements(elements: readonly unknown[]): number {
  let n = 0;
  for (const e of elements) {
    if (!e || typeof e !== 'object') continue;
    const el = e as Record<string, unknown>;
    if (typeof el.tag === 'string' && el.tag !== 'column') n++;
    if (Array.isArray(el.elements)) n += countElements(el.elements);
    if (Array.isArray(el.columns)) n += countElements(el.columns);
  }
  return n;
}

function shell(card: Card, title: string, elements: LarkElement[]): LarkCard {
  return {
    schema: '2.0',
    config: { update_multi: true, summary: { content: truncate(title, 100) } },
    header: { title: text(title), template: TEMPLATE[card.tone ?? 'neutral'] },
    body: { elements },
  };
}

/** The card as one or more Lark cards, each within maxBytes serialised and maxElements components. */
export function renderLarkCards(card: Card, options: LarkRenderOptions = {}): LarkCard[] {
  const { maxBytes, maxElements } = { ...DEFAULTS, ...options };
  const names = namesFor(card);
  const groups = groupBlocks(card.blocks).map((g) => g.flatMap((b) => elementsOf(card, b, names)));
  const titleRoom = bytes(shell(card, `${card.title} (99/99)`, []));
  // One measure for both caps: bytes, or "full" once the component count is reached.
  const measure = (items: readonly LarkElement[]) => (countElements(items) > maxElements ? Infinity : titleRoom + bytes(items));
  const parts = packGroups(groups, maxBytes, measure, () => 0);
  if (parts.length === 0) parts.push([]);
  return parts.map((elements, i) => {
    const title = parts.length > 1 ? `${card.title} (${i + 1}/${parts.length})` : card.title;
    const out = shell(card, title, elements);
    if (bytes(out) > LARK_MAX_BYTES) throw new CardRenderError('CARD_TOO_LARGE', `${card.key}: one run of blocks is ${bytes(out)} bytes, over 30 KB`);
    return out;
  });
}

/** A form submission's values by the card's input names (the `@formId` scope removed). */
export function larkFormValues(formValue: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formValue)) {
    const at = key.lastIndexOf(SCOPE);
    out[at > 0 && /^[A-Za-z0-9_-]+$/.test(key.slice(at + 1)) ? key.slice(0, at) : key] = value;
  }
  return out;
}

/** The card with every image's URL (held in img_key) replaced by its uploaded key. */
export function mapLarkImages(card: LarkCard, key: (url: string) => string): LarkCard {
  const walk = (e: unknown): unknown => {
    if (Array.isArray(e)) return e.map(walk);
    if (!e || typeof e !== 'object') return e;
    const el = e as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(el)) copy[k] = k === 'img_key' && el.tag === 'img' && typeof v === 'string' ? key(v) : walk(v);
    return copy;
  };
  return { ...card, body: { elements: walk(card.body.elements) as LarkElement[] } };
}
