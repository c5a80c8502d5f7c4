// Deadlines: a reminder to whoever has not acted, and an escalation to the
// manager (then HR) naming whose task is overdue.
import { common, pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Card } from '../model.ts';
import type { ReminderView } from '../views.ts';

type Task = ReminderView['task'];

const EN = {
  task: { submit: 'submit your results and evidence', review: 'review the submissions waiting for you', answer_appeal: 'answer the appeal waiting for you' } as Record<Task, string>,
  taskOf: { submit: 'submission', review: 'review', answer_appeal: 'appeal answer' } as Record<Task, string>,
  reminderTitle: (deadline: string) => `Reminder: due ${deadline}`,
  reminderText: (task: string, deadline: string) => `Please ${task} by **${deadline}**. The card with the buttons is further up in this chat.`,
  escalationTitle: (name: string) => `Overdue: ${name}`,
  escalationText: (name: string, task: string, hours: number, deadline: string) =>
    `The ${task} of **${name}** is ${hours >= 1 ? `**${hours} h** ` : ''}overdue (deadline ${deadline}). Please follow up.`,
  stage: 'Stage',
};

const ZH: typeof EN = {
  task: { submit: '提交绩效结果和证据', review: '审核待处理的提交', answer_appeal: '答复待处理的申诉' },
  taskOf: { submit: '绩效提交', review: '审核', answer_appeal: '申诉答复' },
  reminderTitle: (deadline) => `提醒：截止 ${deadline}`,
  reminderText: (task, deadline) => `请在 **${deadline}** 前${task}。带按钮的卡片在本会话上方。`,
  escalationTitle: (name) => `逾期：${name}`,
  escalationText: (name, task, hours, deadline) => `**${name}** 的${task}已逾期${hours >= 1 ? ` **${hours} 小时**` : ''}（截止 ${deadline}），请跟进。`,
  stage: '阶段',
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

/** A reminder, or an escalation when `overdue` names someone. */
export function buildReminderCard(view: ReminderView): Card {
  const t = pick(view.lang, TEXT);
  const c = common(view.lang);
  const deadline = md(view.deadline);
  const meta = { type: 'fields' as const, fields: [{ label: c.cycle, value: view.cycle }, { label: t.stage, value: c.stage[view.stage] ?? view.stage }, { label: c.deadline, value: view.deadline }] };
  if (view.overdue) {
    const o = view.overdue;
    return {
      key: `escalation:${view.cycle}:${view.task}:${o.employeeName}`,
      title: t.escalationTitle(o.employeeName),
      lang: view.lang,
      tone: 'danger',
      blocks: [{ type: 'markdown', text: t.escalationText(md(o.employeeName), t.taskOf[view.task], Math.round(o.hoursLate), deadline) }, meta],
    };
  }
  return {
    key: `reminder:${view.cycle}:${view.task}`,
    title: t.reminderTitle(view.deadline),
    lang: view.lang,
    tone: 'warning',
    blocks: [{ type: 'markdown', text: t.reminderText(t.task[view.task], deadline) }, meta],
  };
}
