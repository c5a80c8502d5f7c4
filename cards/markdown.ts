// The neutral markdown subset every card speaks: **bold**, _italic_, `code`,
// [text](url), "- " and "1. " list lines, line breaks. Builders escape data
// with escapeMarkdown; each renderer parses once and writes its own dialect,
// so a name like `**x**` or `<script>` never turns into markup anywhere.

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'bold'; c: Inline[] }
  | { t: 'italic'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; c: Inline[]; url: string };

export interface MdLine {
  kind: 'p' | 'li' | 'ol' | 'blank';
  /** The number of an ordered list item. */
  n?: number;
  inline: Inline[];
}

const SPECIAL = /[\\*_`[\]]/g;

/** Makes arbitrary text literal in the neutral subset. Example: "a*b" -> "a\*b". */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, '\\$&');
}

const isWord = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Index of the closing `marker` from `from`, skipping escaped characters; -1 if none. */
function closing(s: string, marker: string, from: number, wordEdge: boolean): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(marker, i) && i > from && (!wordEdge || !isWord(s[i + marker.length]))) return i;
  }
  return -1;
}

/** Parses one line's inline markup; unclosed markers stay literal text. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', v: text });
    text = '';
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && /[\\*_`[\]]/.test(s[i + 1]!)) {
      text += s[++i];
      continue;
    }
    if (s.startsWith('**', i)) {
      const end = closing(s, '**', i + 2, false);
      if (end > 0) {
        flush();
        out.push({ t: 'bold', c: parseInline(s.slice(i + 2, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '_' && !isWord(s[i - 1])) {
      const end = closing(s, '_', i + 1, true);
      if (end > 0) {
        flush();
        out.push({ t: 'italic', c: parseInline(s.slice(i + 1, end)) });
        i = end;
        continue;
      }
    }
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'code', v: s.slice(i + 1, end) });
        i = end;
        continue;
      }
    }
    if (ch === '[') {
      const mid = closing(s, '](', i + 1, false);
      const end = mid > 0 ? s.indexOf(')', mid + 2) : -1;
      if (mid > 0 && end > mid + 2) {
        flush();
        out.push({ t: 'link', c: parseInline(s.slice(i + 1, mid)), url: s.slice(mid + 2, end) });
        i = end;
        continue;
      }
    }
    text += ch;
  }
  flush();
  return out;
}

/** Splits text into lines with their list kind. */
export function parseMarkdown(text: string): MdLine[] {
  return text.split(/\r?\n/).map((line): MdLine => {
    if (!line.trim()) return { kind: 'blank', inline: [] };
    const li = /^\s*[-*] (.*)$/.exec(line);
    if (li) return { kind: 'li', inline: parseInline(li[1]!) };
    const ol = /^\s*(\d+)\. (.*)$/.exec(line);
    if (ol) return { kind: 'ol', n: Number(ol[1]), inline: parseInline(ol[2]!) };
    return { kind: 'p', inline: parseInline(line) };
  });
}

/** The visible text of inline markup (for plain-text fallbacks and tests). */
export function plainInline(nodes: Inline[]): string {
  return nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : plainInline(n.c))).join('');
}

/** Visible text of a whole markdown string. */
export function plainText(text: string): string {
  return parseMarkdown(text)
    .map((l) => plainInline(l.inline))
    .join('\n');
}

/**
 * Links a renderer may emit: web, mail, or (where the page has a site, i.e.
 * the console) a path on the same site; anything else (javascript:, data:) is dropped.
 */
export function safeUrl(url: string, relative = true): string | null {
  const u = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(u) || (relative && /^\/(?!\/)/.test(u)) ? u : null;
}
