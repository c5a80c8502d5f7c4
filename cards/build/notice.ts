// The answer to an action: success, or a refusal that says why and what to do.
import { escapeMarkdown as md } from '../markdown.ts';
import type { Card } from '../model.ts';
import type { NoticeView } from '../views.ts';

const ICON: Record<NoticeView['tone'], string> = { success: '✅', warning: '⚠️', danger: '⛔', neutral: 'ℹ️' };

/** A one-message card; the text is shown literally (no markup from the caller). */
export function buildNoticeCard(view: NoticeView): Card {
  return {
    key: `notice:${view.tone}`,
    title: view.title,
    lang: view.lang,
    tone: view.tone,
    blocks: [{ type: 'markdown', text: `${ICON[view.tone]} ${md(view.text)}` }],
  };
}
