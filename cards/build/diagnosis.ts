// Calibrating: the diagnosis summary HR posts to leadership. Findings first,
// then key figures and charts. Aggregates only: the view carries no employee
// rows, and this card never asks for any.
import { formatNumber } from '../../src/engine/messages.ts';
import type { Finding, Severity } from '../../src/engine/types.ts';
import { common, pick, SEVERITY_ICON, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Block, Card } from '../model.ts';
import type { DiagnosisSummaryView } from '../views.ts';
import { chunk } from './format.ts';

const EN = {
  title: (cycle: string) => `${cycle} performance diagnosis`,
  findings: (n: number) => `Findings (${n})`,
  noFindings: 'No findings: nothing stands out.',
  severity: (s: string) => `${s} severity`,
  figures: 'Key figures',
  employees: 'Employees scored',
  companyMean: 'Company mean score',
  departments: 'Departments',
  department: (name: string, mean: string, n: number) => `${name}: mean ${mean} (${n} people)`,
  charts: 'Charts',
  post: 'Post to leadership channel',
  postTitle: 'Post this summary?',
  postText: 'It goes to the leadership channel with its charts.',
  cancel: 'Cancel',
  aggregates: 'Aggregates only; no individual rows.',
};

const ZH: typeof EN = {
  title: (cycle) => `${cycle} 绩效诊断摘要`,
  findings: (n) => `主要发现（${n}）`,
  noFindings: '没有发现需要关注的问题。',
  severity: (s) => `${s}风险`,
  figures: '关键数据',
  employees: '参评人数',
  companyMean: '公司平均分',
  departments: '部门',
  department: (name, mean, n) => `${name}：平均分 ${mean}（${n} 人）`,
  charts: '图表',
  post: '发到管理层群',
  postTitle: '确认发布该摘要？',
  postText: '摘要和图表将发到管理层群。',
  cancel: '取消',
  aggregates: '仅含汇总数据，不含个人明细。',
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export interface DiagnosisCardOptions {
  /** Offer "Post to leadership channel" (HR's copy; the posted copy has no button). */
  post?: boolean;
}

function findingBlock(f: Finding, lang: Lang): Block {
  const t = pick(lang, TEXT);
  return { type: 'markdown', text: `${SEVERITY_ICON[f.severity]} _${t.severity(common(lang).severity[f.severity])}_\n${md(f.message)}` };
}

/** The summary of a cycle's diagnosis, for HR and leaders. */
export function buildDiagnosisSummaryCard(view: DiagnosisSummaryView, options: DiagnosisCardOptions = {}): Card {
  const t = pick(view.lang, TEXT);
  const findings = [...view.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const blocks: Block[] = [{ type: 'header', text: t.findings(findings.length) }];
  if (findings.length === 0) blocks.push({ type: 'context', text: t.noFindings });
  for (const f of findings) blocks.push(findingBlock(f, view.lang));
  blocks.push({ type: 'header', text: t.figures });
  blocks.push({
    type: 'fields',
    fields: [
      { label: t.employees, value: String(view.employees) },
      { label: t.companyMean, value: formatNumber(view.companyMean) },
      { label: t.departments, value: String(view.departments.length) },
    ],
  });
  for (const run of chunk(view.departments, 15)) {
    blocks.push({ type: 'markdown', text: run.map((d) => `- ${t.department(md(d.name), formatNumber(d.mean), d.n)}`).join('\n') });
  }
  if (view.charts.length > 0) {
    blocks.push({ type: 'header', text: t.charts });
    for (const chart of view.charts) blocks.push({ type: 'image', url: chart.url, alt: chart.title, title: chart.title });
  }
  blocks.push({ type: 'context', text: t.aggregates });
  if (options.post) {
    blocks.push({
      type: 'actions',
      buttons: [{ label: t.post, style: 'primary', action: { name: 'summary.post', payload: { cycle: view.cycle } }, confirm: { title: t.postTitle, text: t.postText, ok: t.post, cancel: t.cancel } }],
    });
  }
  return { key: `diagnosis:${view.cycle}`, title: t.title(view.cycle), lang: view.lang, tone: findings.some((f) => f.severity === 'high') ? 'warning' : 'neutral', blocks };
}
