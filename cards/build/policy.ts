// A new policy version explained: each change with its reason. As a pilot it
// asks for feedback (Agree, or a Concern with a comment); published, it announces.
import { pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Block, Card } from '../model.ts';
import type { PolicyChangeView } from '../views.ts';

const EN = {
  title: (name: string, v: number, pilot: boolean) => `${pilot ? 'Pilot' : 'New policy'}: ${name} v${v}`,
  intro: (pilot: boolean, n: number) =>
    pilot
      ? `We are piloting ${n} change${n === 1 ? '' : 's'} to the review policy and would like your view before it applies to everyone.`
      : `The review policy changes in ${n} place${n === 1 ? '' : 's'}. Here is what changes and why.`,
  change: (what: string, before: string, after: string, why: string) => `**${what}**: ${before} → ${after}\n_Why:_ ${why}`,
  agree: 'Agree',
  concern: 'I have a concern',
  concernTitle: 'Your concern',
  comment: 'What worries you? (required)',
  noChanges: 'No changes.',
};

const ZH: typeof EN = {
  title: (name, v, pilot) => `${pilot ? '试行' : '新政策'}：${name} v${v}`,
  intro: (pilot, n) => (pilot ? `考核政策有 ${n} 处调整正在试行，正式推行前想听听你的意见。` : `考核政策有 ${n} 处调整，以下是调整内容和原因。`),
  change: (what, before, after, why) => `**${what}**：${before} → ${after}\n_原因：_${why}`,
  agree: '赞同',
  concern: '有顾虑',
  concernTitle: '你的顾虑',
  comment: '你担心什么？（必填）',
  noChanges: '没有调整。',
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

/** The policy announcement, or the pilot's feedback card. */
export function buildPolicyCard(view: PolicyChangeView): Card {
  const t = pick(view.lang, TEXT);
  const pilot = view.mode === 'pilot';
  const blocks: Block[] = [{ type: 'markdown', text: t.intro(pilot, view.changes.length) }];
  if (view.changes.length === 0) blocks.push({ type: 'context', text: t.noChanges });
  for (const c of view.changes) blocks.push({ type: 'markdown', text: t.change(md(c.what), md(c.before), md(c.after), md(c.why)) });
  if (pilot) {
    const payload = (vote: 'agree' | 'concern') => ({ policyId: view.policyId, version: view.version, vote });
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'actions', buttons: [{ label: t.agree, style: 'primary', action: { name: 'policy.feedback', payload: payload('agree') } }] });
    blocks.push({
      type: 'form',
      id: 'concern',
      title: t.concernTitle,
      inputs: [{ type: 'textarea', name: 'comment', label: t.comment, required: true }],
      submit: { label: t.concern, action: { name: 'policy.feedback', payload: payload('concern') } },
    });
  }
  return { key: `policy:${view.policyId}:${view.version}`, title: t.title(view.name, view.version, pilot), lang: view.lang, tone: 'neutral', blocks };
}
