// Published: the employee's result with the figures behind it, Accept and
// Appeal (a reason and files); while the appeal waits, the files attached to it
// and a request for more; and the appeal form on a card of its own.
import { formatPercent } from '../../src/engine/messages.ts';
import { common, pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { ActionRef, Block, Card } from '../model.ts';
import type { ResultView } from '../views.ts';
import { evidenceSection, formatScore, formatValue, formatWeight } from './format.ts';

const EN = {
  title: (cycle: string, name: string) => `${cycle} result · ${name}`,
  score: 'Score',
  grade: 'Grade',
  rank: 'Rank',
  percentile: 'Percentile',
  percentileValue: (p: string) => `ahead of ${p} of the company`,
  raiseRate: 'Raise',
  raiseAmount: 'Raise amount (monthly)',
  promotion: 'Nominated for promotion',
  changed: (sb: string, gb: string, sa: string, ga: string, reason: string) =>
    `✏️ **Changed after appeal:** score ${sb} → ${sa}, grade ${gb} → ${ga}. Reason: ${reason}`,
  figures: 'How the score was made',
  indicator: (name: string, weight: string, completion: string, score: string) =>
    `**${name}** · weight ${weight} · completion ${completion} · score ${score}`,
  qualitative: 'rated',
  development: 'Development plan',
  developmentText: (ind: string, training: string | null) =>
    `Focus on **${ind}**${training ? `; suggested training: ${training}` : ''}.`,
  status: {
    published: 'Please accept your result, or appeal within the window.',
    accepted: '✅ You accepted this result.',
    appealed: '⏳ Your appeal is being handled; you will get the answer here.',
    final: '🔒 The result is final.',
  } as Record<ResultView['status'], string>,
  accept: 'Accept',
  acceptTitle: 'Accept this result?',
  acceptText: 'After accepting you can no longer appeal.',
  appeal: 'Appeal',
  appealTitle: 'Appeal this result',
  reason: 'Why do you disagree? (required)',
  reasonHint: 'Name the figure you think is wrong and what it should be',
  appealIntro: (score: string, grade: string) =>
    `Your result: score **${score}**, grade **${grade}**. Your manager and HR answer within 24 hours; after that it is escalated.`,
  appealEvidence: 'Evidence you attached to your submission is part of the appeal; attach any other document to the appeal itself.',
  kinds: 'PDF, images, Office documents, text or mail; up to 20 MB each.',
  appealFiles: 'Evidence files (optional)',
  appealEvidenceHeader: 'Evidence attached to your appeal',
  noAppealEvidence: 'No files attached to your appeal yet.',
  attachToAppeal: 'Add evidence to your appeal',
  ok: 'OK',
  cancel: 'Cancel',
};

const ZH: typeof EN = {
  title: (cycle, name) => `${cycle} 绩效结果 · ${name}`,
  score: '得分',
  grade: '等级',
  rank: '排名',
  percentile: '百分位',
  percentileValue: (p) => `超过公司 ${p} 的同事`,
  raiseRate: '调薪比例',
  raiseAmount: '调薪金额（月）',
  promotion: '晋升提名',
  changed: (sb, gb, sa, ga, reason) => `✏️ **申诉后已调整：**得分 ${sb} → ${sa}，等级 ${gb} → ${ga}。原因：${reason}`,
  figures: '得分构成',
  indicator: (name, weight, completion, score) => `**${name}** · 权重 ${weight} · 完成率 ${completion} · 得分 ${score}`,
  qualitative: '评分制',
  development: '发展计划',
  developmentText: (ind, training) => `重点提升 **${ind}**${training ? `，推荐培训：${training}` : ''}。`,
  status: {
    published: '请确认结果；如有异议，可在时限内申诉。',
    accepted: '✅ 你已确认该结果。',
    appealed: '⏳ 申诉处理中，结果会在这里通知你。',
    final: '🔒 结果已最终确定。',
  },
  accept: '确认结果',
  acceptTitle: '确认接受该结果？',
  acceptText: '确认后不能再申诉。',
  appeal: '申诉',
  appealTitle: '对结果提出申诉',
  reason: '申诉理由（必填）',
  reasonHint: '请写明你认为有误的数据及应有的数值',
  appealIntro: (score, grade) => `你的结果：得分 **${score}**，等级 **${grade}**。主管和 HR 会在 24 小时内答复，逾期自动升级。`,
  appealEvidence: '你在填报时上传的证据会一并提交；其他材料请作为申诉证据上传。',
  kinds: 'PDF、图片、Office 文档、文本或邮件，每个不超过 20 MB。',
  appealFiles: '证据文件（可选）',
  appealEvidenceHeader: '申诉证据',
  noAppealEvidence: '申诉尚未附文件。',
  attachToAppeal: '补充申诉证据',
  ok: '确定',
  cancel: '取消',
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

const ref = (view: ResultView, name: string): ActionRef => ({ name, payload: { cycle: view.cycle, employeeId: view.employeeId } });

function appealForm(view: ResultView, t: typeof EN): Block {
  return {
    type: 'form',
    id: 'appeal',
    title: t.appealTitle,
    inputs: [
      { type: 'textarea', name: 'reason', label: t.reason, placeholder: t.reasonHint, required: true },
      { type: 'file', name: 'files', label: `${t.appealFiles} · ${t.kinds}` },
    ],
    submit: { label: t.appeal, style: 'danger', action: ref(view, 'result.appeal') },
  };
}

/** The result an employee gets on publication, with Accept and Appeal while it is open. */
export function buildResultCard(view: ResultView): Card {
  const t = pick(view.lang, TEXT);
  const c = common(view.lang);
  const fields = [
    { label: t.score, value: formatScore(view.score) },
    { label: t.grade, value: view.grade },
    { label: t.rank, value: `#${view.rank}` },
    { label: t.percentile, value: t.percentileValue(formatPercent(view.percentile / 100, 0)) },
    { label: t.raiseRate, value: formatPercent(view.raiseRate) },
  ];
  if (view.raiseAmount !== null) fields.push({ label: t.raiseAmount, value: formatValue(Math.round(view.raiseAmount)) });
  fields.push({ label: t.promotion, value: view.promotion ? c.yes : c.no });
  const blocks: Block[] = [{ type: 'fields', fields }];
  if (view.change) {
    const ch = view.change;
    blocks.push({ type: 'markdown', text: t.changed(formatScore(ch.scoreBefore), md(ch.gradeBefore), formatScore(view.score), md(view.grade), md(ch.reason)) });
  }
  blocks.push({ type: 'header', text: t.figures });
  for (const i of view.indicators) {
    const completion = i.completion === null ? t.qualitative : formatPercent(i.completion);
    blocks.push({ type: 'markdown', text: t.indicator(md(i.name), formatWeight(i.weight), completion, formatScore(i.score)) });
  }
  if (view.development) {
    blocks.push({ type: 'header', text: t.development });
    const d = view.development;
    blocks.push({ type: 'markdown', text: t.developmentText(md(d.indicatorName), d.training === null ? null : md(d.training)) });
  }
  blocks.push({ type: 'divider' }, { type: 'context', text: t.status[view.status] });
  if (view.status === 'published') {
    blocks.push({
      type: 'actions',
      buttons: [{ label: t.accept, style: 'primary', action: ref(view, 'result.accept'), confirm: { title: t.acceptTitle, text: t.acceptText, ok: t.accept, cancel: t.cancel } }],
    });
    blocks.push(appealForm(view, t));
  }
  if (view.status === 'appealed' && view.appeal) {
    blocks.push(...evidenceSection(t.appealEvidenceHeader, t.noAppealEvidence, view.appeal.evidence));
    blocks.push({ type: 'context', text: t.kinds });
    blocks.push({ type: 'file_request', label: t.attachToAppeal, action: { name: 'appeal.attach', payload: { appealId: view.appeal.id } } });
  }
  return {
    key: `result:${view.cycle}:${view.employeeId}`,
    title: t.title(view.cycle, view.employeeName),
    lang: view.lang,
    tone: view.status === 'appealed' ? 'warning' : 'success',
    blocks,
  };
}

/** The appeal on a card of its own: the result it contests and the reason form. */
export function buildAppealFormCard(view: ResultView): Card {
  const t = pick(view.lang, TEXT);
  return {
    key: `appeal-form:${view.cycle}:${view.employeeId}`,
    title: `${t.appealTitle} · ${view.cycle}`,
    lang: view.lang,
    tone: 'warning',
    blocks: [
      { type: 'markdown', text: t.appealIntro(formatScore(view.score), md(view.grade)) },
      appealForm(view, t),
      { type: 'context', text: t.appealEvidence },
    ],
  };
}
