// A new policy version explained: each change with its reason. As a pilot it
// asks for feedback (Agree, or a Concern with a comment); published, it announces.
import { pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Block, Button, Card } from '../model.ts';
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

/** HR's card for one policy version in the making: its changes, the pilot's answers, and the next steps. */
export interface PolicyDraftView {
  lang: Lang;
  policyId: number;
  name: string;
  version: number;
  status: 'draft' | 'pilot' | 'published';
  /** The version it changes, e.g. `2025-2026 年度绩效政策 v1`. */
  basedOn: string;
  reason: string;
  changes: PolicyChangeView['changes'];
  pilot: { members: number; agree: number; concern: number; concerns: { name: string; comment: string }[] };
  /** Set once published: the cycles that switched to it (those still in draft). */
  appliesTo: string[] | null;
}

const DRAFT_EN = {
  title: (name: string, v: number) => `Policy draft: ${name} v${v}`,
  status: 'Status',
  statuses: { draft: 'Draft', pilot: 'Piloting', published: 'Published' } as Record<PolicyDraftView['status'], string>,
  basedOn: 'Changes',
  reason: 'Reason',
  changes: 'Changes',
  tally: 'Pilot feedback',
  tallyText: (p: PolicyDraftView['pilot']) => `${p.members} asked · ${p.agree} agree · ${p.concern} concern · ${p.members - p.agree - p.concern} not answered`,
  concern: (name: string, comment: string) => `- **${name}**: ${comment}`,
  simulate: 'Simulate on the current cycle',
  pilotTitle: 'Send to a pilot group',
  pilotPeople: 'Employee ids or department ids, comma separated',
  pilotSubmit: 'Send the pilot card',
  publish: 'Publish to everyone',
  publishTitle: 'Publish this policy?',
  publishText: 'Everyone gets the announcement with each change and its reason. Cycles still in draft switch to it; cycles already running keep their frozen policy.',
  cancel: 'Cancel',
  pilotFirst: 'Pilot it before publishing: the pilot group sees the changes and can raise concerns.',
  applies: (cycles: string[]) =>
    cycles.length > 0 ? `Published. Cycles ${cycles.join(', ')} now use it.` : 'Published. No cycle is in draft: it is the policy for the next cycle; running cycles keep theirs.',
};

const DRAFT_ZH: typeof DRAFT_EN = {
  title: (name, v) => `政策草案：${name} v${v}`,
  status: '状态',
  statuses: { draft: '草案', pilot: '试行中', published: '已发布' },
  basedOn: '基于',
  reason: '调整原因',
  changes: '调整内容',
  tally: '试行反馈',
  tallyText: (p) => `邀请 ${p.members} 人 · 赞同 ${p.agree} · 有顾虑 ${p.concern} · 未答复 ${p.members - p.agree - p.concern}`,
  concern: (name, comment) => `- **${name}**：${comment}`,
  simulate: '在当前周期上模拟',
  pilotTitle: '发给试行人员',
  pilotPeople: '员工编号或部门编号，用逗号分隔',
  pilotSubmit: '发送试行卡片',
  publish: '向全员发布',
  publishTitle: '确认发布该政策？',
  publishText: '全员会收到说明每项调整及原因的公告。仍处于草稿阶段的周期改用该政策；已开始的周期沿用已冻结的政策。',
  cancel: '取消',
  pilotFirst: '发布前请先试行：试行人员会看到调整内容并可提出顾虑。',
  applies: (cycles) => (cycles.length > 0 ? `已发布。周期 ${cycles.join('、')} 改用该政策。` : '已发布。目前没有草稿阶段的周期：它将用于下一个周期，已开始的周期沿用原政策。'),
};

const DRAFT_TEXT: Record<Lang, typeof DRAFT_EN> = { zh: DRAFT_ZH, en: DRAFT_EN };

export function buildPolicyDraftCard(view: PolicyDraftView): Card {
  const t = pick(view.lang, DRAFT_TEXT);
  const c = pick(view.lang, TEXT);
  const ref = { policyId: view.policyId };
  const blocks: Block[] = [
    { type: 'fields', fields: [{ label: t.status, value: t.statuses[view.status] }, { label: t.basedOn, value: view.basedOn }, { label: t.reason, value: view.reason }] },
    { type: 'header', text: t.changes },
  ];
  if (view.changes.length === 0) blocks.push({ type: 'context', text: c.noChanges });
  else blocks.push({ type: 'markdown', text: view.changes.map((x) => `- **${md(x.what)}**: ${md(x.before)} → ${md(x.after)}`).join('\n') });
  if (view.status !== 'draft') {
    blocks.push({ type: 'header', text: t.tally }, { type: 'context', text: t.tallyText(view.pilot) });
    if (view.pilot.concerns.length > 0) blocks.push({ type: 'markdown', text: view.pilot.concerns.map((x) => t.concern(md(x.name), md(x.comment))).join('\n') });
  }
  if (view.status === 'published') {
    blocks.push({ type: 'context', text: t.applies(view.appliesTo ?? []) });
    return { key: `policy-draft:${view.policyId}`, title: t.title(view.name, view.version), lang: view.lang, tone: 'success', blocks };
  }
  blocks.push({ type: 'divider' });
  const buttons: Button[] = [{ label: t.simulate, action: { name: 'policy.simulate', payload: ref } }];
  if (view.status === 'pilot') {
    buttons.push({ label: t.publish, style: 'primary', action: { name: 'policy.publish', payload: ref }, confirm: { title: t.publishTitle, text: t.publishText, ok: t.publish, cancel: t.cancel } });
  }
  blocks.push({ type: 'actions', buttons });
  if (view.status === 'draft') blocks.push({ type: 'context', text: t.pilotFirst });
  blocks.push({
    type: 'form',
    id: 'pilot',
    title: t.pilotTitle,
    inputs: [{ type: 'text', name: 'people', label: t.pilotPeople, required: true, placeholder: 'E004, E020, D-RD' }],
    submit: { label: t.pilotSubmit, action: { name: 'policy.pilot', payload: ref } },
  });
  return { key: `policy-draft:${view.policyId}`, title: t.title(view.name, view.version), lang: view.lang, tone: 'neutral', blocks };
}

const START_EN = {
  title: 'Draft a new policy version',
  intro: 'A change is always a new version: the policy a cycle uses stays frozen. Say why you change it; everyone will read the reason beside each change.',
  reason: 'Reason for the change (required)',
  next: 'Next: upload the proposal',
  uploadTitle: 'Upload the proposal',
  uploadIntro: (reason: string) => `Reason: ${reason}\n\nUpload the proposal as a full policy JSON file (the format of \`policy.json\`).`,
  upload: 'Proposal (policy JSON)',
};

const START_ZH: typeof START_EN = {
  title: '起草新的政策版本',
  intro: '每次调整都会生成新版本：周期正在使用的政策保持冻结。请写明调整原因，全员会在每项调整旁看到它。',
  reason: '调整原因（必填）',
  next: '下一步：上传方案',
  uploadTitle: '上传政策方案',
  uploadIntro: (reason) => `调整原因：${reason}\n\n请上传完整的政策 JSON 文件（与 \`policy.json\` 格式相同）。`,
  upload: '政策方案（JSON）',
};

const START_TEXT: Record<Lang, typeof START_EN> = { zh: START_ZH, en: START_EN };

/** HR starts a draft: the reason first; the answer is the upload card that carries it. */
export function buildPolicyStartCard(view: { lang: Lang }): Card {
  const t = pick(view.lang, START_TEXT);
  return {
    key: 'policy-start',
    title: t.title,
    lang: view.lang,
    tone: 'neutral',
    blocks: [
      { type: 'markdown', text: t.intro },
      { type: 'form', id: 'policy-reason', inputs: [{ type: 'textarea', name: 'reason', label: t.reason, required: true }], submit: { label: t.next, style: 'primary', action: { name: 'policy.new', payload: {} } } },
    ],
  };
}

/** The proposal upload; the reason travels in the action so that file and reason arrive together. */
export function buildPolicyUploadCard(view: { lang: Lang; reason: string }): Card {
  const t = pick(view.lang, START_TEXT);
  return {
    key: 'policy-upload',
    title: t.uploadTitle,
    lang: view.lang,
    tone: 'neutral',
    blocks: [
      { type: 'markdown', text: t.uploadIntro(md(view.reason)) },
      { type: 'file_request', label: t.upload, accept: '.json,application/json', action: { name: 'policy.draft', payload: { reason: view.reason } } },
    ],
  };
}
