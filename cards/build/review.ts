// Reviewing: the manager's card for one submission. Values with their source,
// evidence, each anomaly with Confirm / Correct, ratings for qualitative
// indicators, Approve / Return, and an Override that demands a reason.
import { formatNumber } from '../../src/engine/messages.ts';
import { common, pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { ActionRef, Block, Card, Input } from '../model.ts';
import type { AnomalyLine, ReviewView } from '../views.ts';
import { evidenceBlocks, evidenceMarkdown, formatScore, formatValue, indicatorMarkdown } from './format.ts';

const EN = {
  title: (name: string, dept: string) => `Review: ${name} (${dept})`,
  level: (level: number, levels: number) => `review level ${level}/${levels}`,
  version: (v: number) => `version ${v}`,
  score: 'Score with current values',
  open: 'Open anomalies',
  evidenceCount: 'Evidence files',
  summary: "Employee's summary",
  indicators: 'Indicators',
  evidence: 'Evidence',
  noEvidence: 'No evidence attached.',
  anomalies: (open: number, all: number) => `Flagged values (${open} open of ${all})`,
  value: 'value',
  expected: 'expected',
  ref: 'source',
  resolved: { open: 'open', confirmed: '✅ confirmed', corrected: '✏️ corrected' } as Record<AnomalyLine['status'], string>,
  confirm: 'Confirm value',
  confirmTitle: 'Confirm this value?',
  confirmText: 'The flagged value stays as it is and counts.',
  correct: 'Correct',
  corrected: 'Corrected value',
  ratings: 'Ratings of qualitative indicators',
  rating: (name: string, max: number) => `${name} (1–${max})`,
  saveRatings: 'Save ratings',
  decision: 'Decision',
  comment: 'Comment (required to return)',
  approve: 'Approve',
  approveTitle: 'Approve this submission?',
  approveNext: 'It goes on to the second-level reviewer.',
  approveFinal: 'The values are then final for scoring.',
  return: 'Return to employee',
  blocked: (n: number) => `⚠️ **${n} flagged value${n === 1 ? ' is' : 's are'} still open.** Confirm or correct ${n === 1 ? 'it' : 'them'} before approving; an approval now would be refused.`,
  override: 'Override the score',
  overrideScore: 'New score',
  overrideReason: 'Reason (required, kept in the audit log)',
  overrideSubmit: 'Override score',
  overrideTitle: 'Override the computed score?',
  overrideText: 'The new score and your reason are recorded in the audit log.',
  ok: 'OK',
  cancel: 'Cancel',
};

const ZH: typeof EN = {
  title: (name, dept) => `审核：${name}（${dept}）`,
  level: (level, levels) => `第 ${level}/${levels} 级审核`,
  version: (v) => `版本 ${v}`,
  score: '按当前数据计算的得分',
  open: '待处理异常',
  evidenceCount: '证据文件',
  summary: '员工总结',
  indicators: '考核指标',
  evidence: '证据材料',
  noEvidence: '未上传证据。',
  anomalies: (open, all) => `数据异常（${all} 项，${open} 项待处理）`,
  value: '数值',
  expected: '预期',
  ref: '来源',
  resolved: { open: '待处理', confirmed: '✅ 已确认', corrected: '✏️ 已更正' },
  confirm: '确认无误',
  confirmTitle: '确认该数值无误？',
  confirmText: '被标记的数值保持不变并计入得分。',
  correct: '更正',
  corrected: '更正后的数值',
  ratings: '定性指标评分',
  rating: (name, max) => `${name}（1–${max} 分）`,
  saveRatings: '保存评分',
  decision: '审核结论',
  comment: '审核意见（退回时必填）',
  approve: '批准',
  approveTitle: '确认批准？',
  approveNext: '批准后转交第二级审核人。',
  approveFinal: '批准后数据即作为计分依据。',
  return: '退回修改',
  blocked: (n) => `⚠️ **还有 ${n} 个数据异常未处理。**请先确认或更正，现在批准会被拒绝。`,
  override: '调整得分',
  overrideScore: '调整后的得分',
  overrideReason: '调整理由（必填，记入审计日志）',
  overrideSubmit: '调整得分',
  overrideTitle: '确认调整计算得分？',
  overrideText: '新的得分和理由会记入审计日志。',
  ok: '确定',
  cancel: '取消',
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

const ANOMALY_ICON: Record<AnomalyLine['kind'], string> = { outlier: '📈', mismatch: '⚖️', missing: '❔', duplicate: '📑' };

function anomalyBlocks(view: ReviewView, a: AnomalyLine, t: typeof EN, base: ActionRef['payload']): Block[] {
  const c = common(view.lang);
  const unit = view.indicators.find((i) => i.indicatorId === a.indicatorId)?.unit ?? null;
  const facts = [`${t.value} ${md(formatValue(a.value, unit))}`, `${t.expected} ${md(formatValue(a.expected, unit))}`];
  if (a.robustZ !== null) facts.push(`z ${formatNumber(a.robustZ, 1)}`);
  if (a.sourceRef) facts.push(`${t.ref} \`${a.sourceRef.replace(/`/g, "'")}\``);
  const text = `${ANOMALY_ICON[a.kind]} **${c.anomaly[a.kind]}** · ${md(a.indicatorName)} · ${t.resolved[a.status]}\n${facts.join(' · ')}`;
  if (a.status !== 'open') return [{ type: 'markdown', text }];
  const payload = { ...base, anomalyId: a.id };
  return [
    { type: 'markdown', text },
    {
      type: 'actions',
      buttons: [
        {
          label: t.confirm,
          action: { name: 'anomaly.confirm', payload },
          confirm: { title: t.confirmTitle, text: t.confirmText, ok: t.ok, cancel: t.cancel },
        },
      ],
    },
    {
      type: 'form',
      id: `correct-${a.id}`,
      inputs: [{ type: 'number', name: 'value', label: `${t.corrected} · ${a.indicatorName}`, required: true, ...(a.value === null ? {} : { initial: a.value }) }],
      submit: { label: t.correct, action: { name: 'anomaly.correct', payload } },
    },
  ];
}

function ratingForm(view: ReviewView, t: typeof EN, payload: ActionRef['payload']): Block | null {
  const qualitative = view.indicators.filter((i) => i.kind === 'qualitative');
  if (qualitative.length === 0) return null;
  const inputs: Input[] = qualitative.map((i) => ({
    type: 'select',
    name: `rating:${i.indicatorId}`,
    label: t.rating(i.name, i.ratingMax),
    required: true,
    options: Array.from({ length: i.ratingMax }, (_, k) => ({ label: String(k + 1), value: String(k + 1) })),
    ...(i.rating === null ? {} : { initial: String(i.rating) }),
  }));
  return { type: 'form', id: 'rate', title: t.ratings, inputs, submit: { label: t.saveRatings, action: { name: 'review.rate', payload } } };
}

function decisionForm(view: ReviewView, t: typeof EN, payload: ActionRef['payload'], open: number): Block {
  const returnButton = { label: t.return, style: 'danger' as const, action: { name: 'review.return', payload } };
  const inputs: Input[] = [{ type: 'textarea', name: 'comment', label: t.comment }];
  // With open anomalies the server refuses an approval, so the card offers none.
  if (open > 0) return { type: 'form', id: 'decide', title: t.decision, inputs, submit: returnButton };
  const approve = {
    label: t.approve,
    style: 'primary' as const,
    action: { name: 'review.approve', payload },
    confirm: { title: t.approveTitle, text: view.level < view.levels ? t.approveNext : t.approveFinal, ok: t.approve, cancel: t.cancel },
  };
  return { type: 'form', id: 'decide', title: t.decision, inputs, submit: approve, extraSubmits: [returnButton] };
}

/** The reviewer's card for one submission at one level. */
export function buildReviewCard(view: ReviewView): Card {
  const t = pick(view.lang, TEXT);
  const payload = { submissionId: view.submissionId, version: view.version, level: view.level };
  const open = view.anomalies.filter((a) => a.status === 'open').length;
  const meta = [md(view.cycle), view.levels > 1 ? t.level(view.level, view.levels) : null, t.version(view.version)];
  const blocks: Block[] = [
    { type: 'context', text: meta.filter((m) => m !== null).join(' · ') },
    {
      type: 'fields',
      fields: [
        { label: t.score, value: formatScore(view.score) },
        { label: t.open, value: String(open) },
        { label: t.evidenceCount, value: String(view.evidence.length) },
      ],
    },
  ];
  if (view.summary) blocks.push({ type: 'markdown', text: `**${t.summary}**\n${md(view.summary)}` });
  blocks.push({ type: 'header', text: t.indicators });
  for (const line of view.indicators) {
    const files = view.evidence.filter((e) => e.indicatorId === line.indicatorId).map((e) => evidenceMarkdown(e, null));
    blocks.push({ type: 'markdown', text: [indicatorMarkdown(line, view.lang, true), ...files].join('\n') });
  }
  const general = view.evidence.filter((e) => e.indicatorId === null || !view.indicators.some((i) => i.indicatorId === e.indicatorId));
  // Evidence for an indicator sits under it; the rest (or the lack of any) gets its own heading.
  if (general.length > 0 || view.evidence.length === 0) blocks.push({ type: 'header', text: t.evidence });
  if (view.evidence.length === 0) blocks.push({ type: 'context', text: t.noEvidence });
  blocks.push(...evidenceBlocks(general, view.indicators));
  if (view.anomalies.length > 0) {
    blocks.push({ type: 'header', text: t.anomalies(open, view.anomalies.length) });
    for (const a of view.anomalies) blocks.push(...anomalyBlocks(view, a, t, payload));
  }
  const rating = ratingForm(view, t, payload);
  blocks.push({ type: 'divider' });
  if (rating) blocks.push(rating);
  if (open > 0) blocks.push({ type: 'markdown', text: t.blocked(open) });
  blocks.push(decisionForm(view, t, payload, open));
  blocks.push({
    type: 'form',
    id: 'override',
    title: t.override,
    inputs: [
      { type: 'number', name: 'score', label: t.overrideScore, required: true, min: 0, initial: Math.round(view.score * 10) / 10 },
      { type: 'textarea', name: 'reason', label: t.overrideReason, required: true },
    ],
    submit: {
      label: t.overrideSubmit,
      style: 'danger',
      action: { name: 'review.override', payload },
      confirm: { title: t.overrideTitle, text: t.overrideText, ok: t.ok, cancel: t.cancel },
    },
  });
  return {
    key: `review:${view.submissionId}:${view.level}`,
    title: t.title(view.employeeName, view.departmentName),
    lang: view.lang,
    tone: open > 0 ? 'warning' : 'neutral',
    blocks,
  };
}
