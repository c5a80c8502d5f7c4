// HTML for the local console: one <article class="card"> per card, every text
// escaped, every button a real form so the console works without a script.
//
// Console contract: each submit button is `<button type="submit" name="action"
// value="<ActionRef JSON>">` inside a `<form method="post" action="/console/action">`;
// the POST carries `action` plus the form's inputs by their card names, and
// files (multipart) under `files`. `data-confirm` on a button asks first
// (CONSOLE_SCRIPT does it). Tests find cards by `data-card-key`, buttons by
// `data-testid="btn:<action name>"`, inputs by `name`.
import { common } from '../i18n.ts';
import { parseMarkdown, safeUrl, type Inline, type MdLine } from '../markdown.ts';
import type { Block, Button, Card, Input } from '../model.ts';

export const CONSOLE_ACTION_URL = '/console/action';

/** Escapes text for element content and quoted attributes. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const attr = (name: string, value: string | number | undefined | null | boolean): string =>
  value === undefined || value === null || value === false ? '' : value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;

/**
 * The emoji the builders use, as text symbols: a browser on a machine without an
 * emoji font (a fresh server, CI) would draw empty boxes. Chat clients keep the emoji.
 */
const SYMBOLS: Record<string, string> = {
  '🔴': '<span class="sym sym-high">●</span>',
  '🟠': '<span class="sym sym-medium">●</span>',
  '🟡': '<span class="sym sym-low">●</span>',
  '✅': '<span class="sym sym-ok">√</span>',
  '⚠': '<span class="sym sym-warn">！</span>',
  '⛔': '<span class="sym sym-high">×</span>',
  '❔': '<span class="sym">？</span>',
};
const EMOJI = /\p{Extended_Pictographic}\uFE0F?/gu;

/** Text content with the builders' emoji replaced (others dropped); never for attribute values. */
export const textHtml = (s: string): string => escapeHtml(s).replace(EMOJI, (e) => SYMBOLS[e.replace('\uFE0F', '')] ?? '');

function inline(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return textHtml(n.v);
        case 'code':
          return `<code>${escapeHtml(n.v)}</code>`;
        case 'bold':
          return `<strong>${inline(n.c)}</strong>`;
        case 'italic':
          return `<em>${inline(n.c)}</em>`;
        case 'link': {
          const url = safeUrl(n.url);
          return url ? `<a${attr('href', url)} target="_blank" rel="noopener noreferrer">${inline(n.c)}</a>` : inline(n.c);
        }
      }
    })
    .join('');
}

/** Neutral markdown to HTML: paragraphs with line breaks, <ul>/<ol> lists. */
export function markdownToHtml(text: string): string {
  const out: string[] = [];
  let run: MdLine[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const kind = run[0]!.kind;
    if (kind === 'li') out.push(`<ul>${run.map((l) => `<li>${inline(l.inline)}</li>`).join('')}</ul>`);
    else if (kind === 'ol') out.push(`<ol${attr('start', run[0]!.n)}>${run.map((l) => `<li>${inline(l.inline)}</li>`).join('')}</ol>`);
    else out.push(`<p>${run.map((l) => inline(l.inline)).join('<br>')}</p>`);
    run = [];
  };
  for (const line of parseMarkdown(text)) {
    if (line.kind === 'blank' || (run.length > 0 && run[0]!.kind !== line.kind)) flush();
    if (line.kind !== 'blank') run.push(line);
  }
  flush();
  return out.join('');
}

const imageUrl = (url: string): string | null => safeUrl(url) ?? (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(url) ? url : null);

function submitButton(b: Button): string {
  const ref = JSON.stringify({ name: b.action.name, payload: b.action.payload });
  const c = b.confirm;
  return (
    `<button type="submit" name="action"${attr('value', ref)} class="btn${b.style ? ` btn-${b.style}` : ''}"` +
    `${attr('data-testid', `btn:${b.action.name}`)}${attr('data-action', b.action.name)}` +
    `${attr('data-confirm', c ? `${c.title}\n${c.text}` : undefined)}${attr('data-confirm-ok', c?.ok)}${attr('data-confirm-cancel', c?.cancel)}>` +
    `${escapeHtml(b.label)}</button>`
  );
}

function inputHtml(input: Input): string {
  const base = `${attr('name', input.name)}${attr('required', input.required === true)}`;
  let control: string;
  switch (input.type) {
    case 'text':
      control = `<input type="text"${base}${attr('value', input.initial)}${attr('placeholder', input.placeholder)}>`;
      break;
    case 'textarea':
      control = `<textarea rows="3"${base}${attr('placeholder', input.placeholder)}>${escapeHtml(input.initial ?? '')}</textarea>`;
      break;
    case 'number':
      control = `<input type="number" step="any"${base}${attr('value', input.initial)}${attr('min', input.min)}${attr('max', input.max)}${attr('placeholder', input.placeholder)}>`;
      break;
    case 'select': {
      const empty = input.initial === undefined ? '<option value="">—</option>' : '';
      const options = input.options.map((o) => `<option${attr('value', o.value)}${attr('selected', o.value === input.initial)}>${escapeHtml(o.label)}</option>`).join('');
      control = `<select${base}>${empty}${options}</select>`;
      break;
    }
    case 'date':
      control = `<input type="date"${base}${attr('value', input.initial)}>`;
      break;
    case 'file':
      control = `<input type="file" multiple${base}${attr('accept', input.accept)}>`;
      break;
  }
  return `<label class="field"><span class="field-label">${escapeHtml(input.label)}${input.required ? ' <b class="req">*</b>' : ''}</span>${control}</label>`;
}

const formOpen = (cls: string, multipart: boolean, extra = '') =>
  `<form method="post"${attr('action', CONSOLE_ACTION_URL)}${multipart ? ' enctype="multipart/form-data"' : ''} class="${cls}"${extra}>`;

function blockHtml(card: Card, b: Block): string {
  switch (b.type) {
    case 'header':
      return `<h3 class="block-header">${textHtml(b.text)}</h3>`;
    case 'markdown':
      return `<div class="md">${markdownToHtml(b.text)}</div>`;
    case 'context':
      return `<div class="context">${markdownToHtml(b.text)}</div>`;
    case 'fields':
      return `<dl class="fields">${b.fields.map((f) => `<div><dt>${textHtml(f.label)}</dt><dd>${textHtml(f.value)}</dd></div>`).join('')}</dl>`;
    case 'divider':
      return '<hr>';
    case 'image': {
      const src = imageUrl(b.url);
      const caption = b.title ? `<figcaption>${escapeHtml(b.title)}</figcaption>` : '';
      return src ? `<figure class="image"><img${attr('src', src)}${attr('alt', b.alt)} loading="lazy">${caption}</figure>` : `<p class="image-missing">${escapeHtml(b.alt)}</p>`;
    }
    case 'actions':
      return `<div class="actions">${b.buttons.map((x) => `${formOpen('card-button', false)}${submitButton(x)}</form>`).join('')}</div>`;
    case 'form': {
      const legend = b.title ? `<legend>${escapeHtml(b.title)}</legend>` : '';
      const buttons = [b.submit, ...(b.extraSubmits ?? [])].map(submitButton).join('');
      return `${formOpen('card-form', true, attr('data-form-id', b.id))}<fieldset>${legend}${b.inputs.map(inputHtml).join('')}<div class="actions">${buttons}</div></fieldset></form>`;
    }
    case 'file_request': {
      const upload = { label: common(card.lang).upload, action: b.action };
      return (
        `${formOpen('card-form file-request', true)}<fieldset><legend>${textHtml(b.label)}</legend>` +
        `<input type="file" name="files" multiple required${attr('accept', b.accept)}><div class="actions">${submitButton(upload)}</div></fieldset></form>`
      );
    }
  }
}

/** One card as an <article>. */
export function renderHtml(card: Card): string {
  const lang = card.lang === 'en' ? 'en' : 'zh-CN';
  return (
    `<article class="card tone-${card.tone ?? 'neutral'}"${attr('data-card-key', card.key)}${attr('data-testid', `card:${card.key}`)}${attr('lang', lang)}>` +
    `<header class="card-head"><h2>${textHtml(card.title)}</h2></header>` +
    `<div class="card-body">${card.blocks.map((b) => blockHtml(card, b)).join('')}</div></article>`
  );
}

/** Asks before a button with data-confirm submits; put it once on the console page. */
export const CONSOLE_SCRIPT = `document.addEventListener('submit', (e) => {
  const b = e.submitter;
  if (b && b.dataset.confirm && !window.confirm(b.dataset.confirm)) e.preventDefault();
});`;

export { CONSOLE_CSS } from './html-css.ts';
