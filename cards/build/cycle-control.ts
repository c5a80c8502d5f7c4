// HR's cycle control: the stage, the counts, who is late, and the one step on
// (Advance stage, or Publish results out of calibration), each with a confirm.
import { common, pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Block, Button, Card } from '../model.ts';
import type { CycleControlView } from '../views.ts';
import { chunk } from './format.ts';

const EN = {
  title: (cycle: string) => `Cycle ${cycle}: control`,
  stage: 'Stage',
  employees: 'Employees',
  submitted: 'Submitted',
  approved: 'Approved',
  openAnomalies: 'Open anomalies',
  openAppeals: 'Open appeals',
  late: (n: number) => `Late (${n})`,
  nobodyLate: 'Nobody is late.',
  advance: (next: string) => `Advance to ${next}`,
  advanceTitle: 'Advance the stage?',
  advanceText: (from: string, next: string) => `The cycle moves from ${from} to ${next}; everyone concerned gets their cards.`,
  publish: 'Publish results',
  publishTitle: 'Publish the results?',
  publishText: 'Every employee gets their result card; scores and grades are written to the audit log.',
  cancel: 'Cancel',
  closed: 'The cycle is closed.',
  more: (n: number) => `… and ${n} more`,
  task: { submit: 'not submitted', review: 'review pending', answer_appeal: 'appeal unanswered' } as Record<string, string>,
};

const ZH: typeof EN = {
  title: (cycle) => `${cycle} 周期控制`,
  stage: '阶段',
  employees: '员工',
  submitted: '已提交',
  approved: '已审核',
  openAnomalies: '待处理异常',
  openAppeals: '待处理申诉',
  late: (n) => `逾期未完成（${n}）`,
  nobodyLate: '没有人逾期。',
  advance: (next) => `进入「${next}」阶段`,
  advanceTitle: '确认推进阶段？',
  advanceText: (from, next) => `周期将从「${from}」进入「${next}」，相关人员会收到各自的卡片。`,
  publish: '发布结果',
  publishTitle: '确认发布结果？',
  publishText: '每位员工都会收到结果卡片，得分和等级写入审计日志。',
  cancel: '取消',
  closed: '周期已关闭。',
  more: (n: number) => `……另有 ${n} 人`,
  task: { submit: '未提交', review: '未审核', answer_appeal: '申诉未答复' },
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

function stepButton(view: CycleControlView, t: typeof EN): Button | null {
  const c = common(view.lang);
  const payload = { cycle: view.cycle, stage: view.stage };
  // Calibration ends by publishing (the workflow refuses a plain advance there).
  if (view.stage === 'calibrating') {
    return { label: t.publish, style: 'primary', action: { name: 'results.publish', payload }, confirm: { title: t.publishTitle, text: t.publishText, ok: t.publish, cancel: t.cancel } };
  }
  if (view.next === null) return null;
  const from = c.stage[view.stage] ?? view.stage;
  const next = c.stage[view.next] ?? view.next;
  return {
    label: t.advance(next),
    style: 'primary',
    action: { name: 'cycle.advance', payload },
    confirm: { title: t.advanceTitle, text: t.advanceText(from, next), ok: t.advance(next), cancel: t.cancel },
  };
}

export const LATE_SHOWN = 20;

/** HR's card for one cycle. */
export function buildCycleControlCard(view: CycleControlView): Card {
  const t = pick(view.lang, TEXT);
  const c = common(view.lang);
  const n = view.counts;
  const fields = [
    { label: t.stage, value: c.stage[view.stage] ?? view.stage },
    ...(view.deadline ? [{ label: c.deadline, value: view.deadline }] : []),
    { label: t.employees, value: String(n.employees) },
    { label: t.submitted, value: `${n.submitted}/${n.employees}` },
    { label: t.approved, value: `${n.approved}/${n.employees}` },
    { label: t.openAnomalies, value: String(n.openAnomalies) },
    { label: t.openAppeals, value: String(n.openAppeals) },
  ];
  const blocks: Block[] = [{ type: 'fields', fields }, { type: 'header', text: t.late(view.late.length) }];
  if (view.late.length === 0) blocks.push({ type: 'context', text: t.nobodyLate });
  // A long list helps nobody on a card: the first names, then how many more.
  const shown = view.late.slice(0, LATE_SHOWN);
  for (const run of chunk(shown, 15)) {
    blocks.push({ type: 'markdown', text: run.map((l) => `- ${md(l.name)} · ${md(t.task[l.task] ?? l.task)}`).join('\n') });
  }
  if (view.late.length > shown.length) blocks.push({ type: 'context', text: t.more(view.late.length - shown.length) });
  const step = stepButton(view, t);
  blocks.push({ type: 'divider' });
  if (step) blocks.push({ type: 'actions', buttons: [step] });
  else blocks.push({ type: 'context', text: t.closed });
  return { key: `cycle:${view.cycle}`, title: t.title(view.cycle), lang: view.lang, tone: view.late.length > 0 ? 'warning' : 'neutral', blocks };
}
