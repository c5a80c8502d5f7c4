// Calibrating: what a proposed policy change would do. HR only: it names the
// people who move most.
import { formatNumber } from '../../src/engine/messages.ts';
import { pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Block, Card } from '../model.ts';
import type { SimulationView } from '../views.ts';
import { chunk, formatDelta, formatScore } from './format.ts';

const EN = {
  title: (name: string) => `Simulation: ${name}`,
  hrOnly: '🔒 HR only: names individual employees.',
  spearman: 'Rank correlation (Spearman)',
  movedUp: 'Moved up a grade',
  movedDown: 'Moved down a grade',
  employees: 'Employees',
  transitions: 'Grade transitions (before → after)',
  departments: 'Department means, before → after',
  movers: 'Largest movers',
  noMovers: 'Nobody moves.',
  dept: (name: string, before: string, after: string, delta: string) => `${name}: ${before} → ${after} (${delta})`,
  mover: (name: string, gb: string, ga: string, sb: string, sa: string, delta: string) => `${name}: ${gb} → ${ga}, ${sb} → ${sa} (${delta})`,
};

const ZH: typeof EN = {
  title: (name) => `方案模拟：${name}`,
  hrOnly: '🔒 仅 HR 可见：包含员工个人信息。',
  spearman: '排名相关（Spearman）',
  movedUp: '等级上升',
  movedDown: '等级下降',
  employees: '人数',
  transitions: '等级变化（调整前 → 调整后）',
  departments: '部门平均分（调整前 → 调整后）',
  movers: '变化最大的员工',
  noMovers: '没有人发生变化。',
  dept: (name, before, after, delta) => `${name}：${before} → ${after}（${delta}）`,
  mover: (name, gb, ga, sb, sa, delta) => `${name}：${gb} → ${ga}，${sb} → ${sa}（${delta}）`,
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

/** How many of the largest movers the card names. */
export const MOVERS_SHOWN = 10;

/** The result of one simulation, for HR. */
export function buildSimulationCard(view: SimulationView): Card {
  const t = pick(view.lang, TEXT);
  const s = view.simulation;
  const blocks: Block[] = [
    { type: 'context', text: t.hrOnly },
    {
      type: 'fields',
      fields: [
        { label: t.spearman, value: formatNumber(s.spearman, 2) },
        { label: t.movedUp, value: String(s.movedUp) },
        { label: t.movedDown, value: String(s.movedDown) },
        { label: t.employees, value: String(s.employees.length) },
      ],
    },
    { type: 'header', text: t.transitions },
  ];
  const rows = Object.entries(s.transitions).map(([from, to]) => {
    const cells = Object.entries(to).map(([g, n]) => (g === from ? `**${md(g)} ${n}**` : `${md(g)} ${n}`));
    return `- **${md(from)}** → ${cells.join(' · ')}`;
  });
  blocks.push({ type: 'markdown', text: rows.join('\n') || '—' });
  blocks.push({ type: 'header', text: t.departments });
  for (const run of chunk(s.departments, 15)) {
    const lines = run.map((d) => {
      const delta = d.meanBefore === null || d.meanAfter === null ? null : d.meanAfter - d.meanBefore;
      return `- ${t.dept(md(view.departmentNames[d.departmentId] ?? d.departmentId), formatScore(d.meanBefore), formatScore(d.meanAfter), formatDelta(delta))}`;
    });
    blocks.push({ type: 'markdown', text: lines.join('\n') });
  }
  const movers = [...s.employees]
    .filter((e) => e.scoreAfter !== e.scoreBefore || e.gradeAfter !== e.gradeBefore)
    .sort((a, b) => Math.abs(b.scoreAfter - b.scoreBefore) - Math.abs(a.scoreAfter - a.scoreBefore) || a.employeeId.localeCompare(b.employeeId))
    .slice(0, MOVERS_SHOWN);
  blocks.push({ type: 'header', text: t.movers });
  if (movers.length === 0) blocks.push({ type: 'context', text: t.noMovers });
  else {
    const lines = movers.map((e) => {
      const name = md(view.employeeNames[e.employeeId] ?? e.employeeId);
      return `- ${t.mover(name, md(e.gradeBefore), md(e.gradeAfter), formatScore(e.scoreBefore), formatScore(e.scoreAfter), formatDelta(e.scoreAfter - e.scoreBefore))}`;
    });
    blocks.push({ type: 'markdown', text: lines.join('\n') });
  }
  return { key: `simulation:${view.cycle}:${view.proposalName}`, title: t.title(view.proposalName), lang: view.lang, tone: 'neutral', blocks };
}
