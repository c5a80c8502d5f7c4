// Appeals: the resolver's card (reason, the files attached to it, due time, the
// automatic check against system-of-record values, Uphold with corrected values /
// Reject) and the decision card the employee gets.
import { pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Block, Card, Input } from '../model.ts';
import type { AppealDecisionView, AppealView } from '../views.ts';
import { evidenceSection, formatScore, formatValue } from './format.ts';

const EN = {
  title: (name: string) => `Appeal: ${name}`,
  escalated: '⏫ Escalated: the first answer is overdue.',
  cycle: 'Cycle',
  result: 'Result under appeal',
  due: 'Answer by',
  reason: 'Reason given',
  evidence: 'Evidence attached to the appeal',
  noEvidence: 'No files attached to the appeal.',
  check: 'Automatic check against system values',
  checkLine: (name: string, system: string, scored: string) => `${name}: system ${system} · scored ${scored}`,
  differs: 'differs',
  agrees: 'agrees',
  noCheck: 'No system-of-record values to check against.',
  uphold: 'Uphold the appeal',
  upholdHint: 'Correct the values that were wrong; the result is recomputed from them.',
  actual: (name: string, target: string) => `${name} (target ${target})`,
  resolution: 'Resolution (the employee reads it)',
  upholdButton: 'Uphold',
  upholdTitle: 'Uphold this appeal?',
  upholdText: 'The corrected values replace the old ones and the result is recomputed; the change is recorded.',
  reject: 'Reject the appeal',
  rejectButton: 'Reject',
  rejectTitle: 'Reject this appeal?',
  rejectText: 'The result stays as it is.',
  cancel: 'Cancel',
  decisionTitle: { upheld: 'Your appeal was upheld', rejected: 'Your appeal was rejected' } as Record<AppealDecisionView['decision'], string>,
  decisionResolution: 'Resolution',
  score: 'Score',
  grade: 'Grade',
};

const ZH: typeof EN = {
  title: (name) => `申诉处理：${name}`,
  escalated: '⏫ 已升级：首次答复已逾期。',
  cycle: '周期',
  result: '被申诉的结果',
  due: '答复期限',
  reason: '申诉理由',
  evidence: '申诉证据',
  noEvidence: '申诉未附文件。',
  check: '与系统数据的自动核对',
  checkLine: (name, system, scored) => `${name}：系统 ${system} · 计分 ${scored}`,
  differs: '不一致',
  agrees: '一致',
  noCheck: '没有可核对的系统数据。',
  uphold: '支持申诉',
  upholdHint: '更正有误的数值，结果将据此重新计算。',
  actual: (name, target) => `${name}（目标 ${target}）`,
  resolution: '处理说明（员工可见）',
  upholdButton: '支持申诉',
  upholdTitle: '确认支持该申诉？',
  upholdText: '更正后的数值将替换原值并重新计算结果，变更会被记录。',
  reject: '驳回申诉',
  rejectButton: '驳回',
  rejectTitle: '确认驳回该申诉？',
  rejectText: '结果保持不变。',
  cancel: '取消',
  decisionTitle: { upheld: '你的申诉已获支持', rejected: '你的申诉已被驳回' },
  decisionResolution: '处理说明',
  score: '得分',
  grade: '等级',
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

/** The appeal as its resolver (the manager, or HR when escalated) sees it. */
export function buildAppealCard(view: AppealView): Card {
  const t = pick(view.lang, TEXT);
  const resolve = (decision: 'upheld' | 'rejected') => ({ name: 'appeal.resolve', payload: { appealId: view.appealId, decision } });
  const blocks: Block[] = [];
  if (view.escalated) blocks.push({ type: 'markdown', text: t.escalated });
  blocks.push({
    type: 'fields',
    fields: [
      { label: t.cycle, value: view.cycle },
      { label: t.result, value: `${formatScore(view.score)} · ${view.grade}` },
      { label: t.due, value: view.dueAt },
    ],
  });
  blocks.push({ type: 'markdown', text: `**${t.reason}**\n${md(view.reason)}` });
  blocks.push(...evidenceSection(t.evidence, t.noEvidence, view.evidence));
  blocks.push({ type: 'header', text: t.check });
  if (view.check.length === 0) blocks.push({ type: 'context', text: t.noCheck });
  for (const c of view.check) {
    const line = t.checkLine(md(c.indicatorName), md(formatValue(c.system)), md(formatValue(c.scored)));
    blocks.push({ type: 'markdown', text: c.differs ? `⚠️ ${line} · **${t.differs}**` : `✅ ${line} · ${t.agrees}` });
  }
  blocks.push({ type: 'divider' });
  const inputs: Input[] = view.indicators.map((i) => ({
    type: 'number',
    name: `actual:${i.indicatorId}`,
    label: t.actual(i.name, formatValue(i.target)),
    ...(i.actual === null ? {} : { initial: i.actual }),
  }));
  inputs.push({ type: 'textarea', name: 'resolution', label: t.resolution, required: true });
  blocks.push({ type: 'context', text: t.upholdHint });
  blocks.push({
    type: 'form',
    id: 'uphold',
    title: t.uphold,
    inputs,
    submit: { label: t.upholdButton, style: 'primary', action: resolve('upheld'), confirm: { title: t.upholdTitle, text: t.upholdText, ok: t.upholdButton, cancel: t.cancel } },
  });
  blocks.push({
    type: 'form',
    id: 'reject',
    title: t.reject,
    inputs: [{ type: 'textarea', name: 'resolution', label: t.resolution, required: true }],
    submit: { label: t.rejectButton, style: 'danger', action: resolve('rejected'), confirm: { title: t.rejectTitle, text: t.rejectText, ok: t.rejectButton, cancel: t.cancel } },
  });
  return { key: `appeal:${view.appealId}`, title: t.title(view.employeeName), lang: view.lang, tone: view.escalated ? 'danger' : 'warning', blocks };
}

/** The answer to an appeal, with the result before and after. */
export function buildAppealDecisionCard(view: AppealDecisionView): Card {
  const t = pick(view.lang, TEXT);
  const arrow = (before: string, after: string) => (before === after ? after : `${before} → ${after}`);
  return {
    key: `appeal-decision:${view.cycle}:${view.decision}`,
    title: t.decisionTitle[view.decision],
    lang: view.lang,
    tone: view.decision === 'upheld' ? 'success' : 'neutral',
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: t.cycle, value: view.cycle },
          { label: t.score, value: arrow(formatScore(view.scoreBefore), formatScore(view.scoreAfter)) },
          { label: t.grade, value: arrow(view.gradeBefore, view.gradeAfter) },
        ],
      },
      { type: 'markdown', text: `**${t.decisionResolution}**\n${md(view.resolution)}` },
    ],
  };
}
