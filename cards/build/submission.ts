// Collecting: the employee's own card (indicators, targets, synced values, the
// form to report the rest, evidence) and the receipt after evidence arrives.
import { pick, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { ActionRef, Block, Card, Input } from '../model.ts';
import type { SubmissionView } from '../views.ts';
import { evidenceBlocks, evidenceSection, formatValue, indicatorMarkdown } from './format.ts';

const EN = {
  title: (cycle: string, name: string) => `${cycle} performance report · ${name}`,
  status: {
    draft: 'Draft: not submitted yet',
    submitted: 'Submitted: waiting for review',
    returned: 'Returned: please revise and submit again',
    approved_first: 'Approved at the first level',
    approved: 'Approved',
  } as Record<SubmissionView['status'], string>,
  deadline: (d: string) => `due ${d}`,
  version: (v: number) => `version ${v}`,
  returned: (comment: string) => `⚠️ **Returned by your reviewer:** ${comment}`,
  indicators: 'Indicators',
  formTitle: 'Report your results',
  actual: (name: string, target: string) => `${name} (target ${target})`,
  actualHint: 'Leave empty if you have nothing to report',
  summary: 'Summary of the year',
  summaryHint: 'What you achieved, and anything the figures do not show',
  save: 'Save draft',
  submit: 'Submit for review',
  confirmTitle: 'Submit for review?',
  confirmText: 'Your manager reviews what you submit; you cannot change it meanwhile.',
  ok: 'Submit',
  cancel: 'Cancel',
  evidence: 'Evidence',
  noEvidence: 'No evidence attached yet.',
  attach: 'Attach evidence (bid notices, patents, customer letters …)',
  locked: 'Submitted values are locked while they are reviewed.',
  receiptTitle: (n: number) => `Evidence received: ${n} file${n === 1 ? '' : 's'}`,
  receiptText: (n: number) => `Stored with its SHA-256. ${n} evidence file${n === 1 ? '' : 's'} in total:`,
};

const ZH: typeof EN = {
  title: (cycle, name) => `${cycle} 绩效填报 · ${name}`,
  status: {
    draft: '草稿：尚未提交',
    submitted: '已提交：等待审核',
    returned: '已退回：请修改后重新提交',
    approved_first: '已通过一级审核',
    approved: '已审核通过',
  },
  deadline: (d) => `截止 ${d}`,
  version: (v) => `版本 ${v}`,
  returned: (comment) => `⚠️ **审核人退回意见：**${comment}`,
  indicators: '考核指标',
  formTitle: '填报结果',
  actual: (name, target) => `${name}（目标 ${target}）`,
  actualHint: '没有可报数据时留空',
  summary: '年度总结',
  summaryHint: '主要成果，以及数字体现不了的工作',
  save: '保存草稿',
  submit: '提交审核',
  confirmTitle: '确认提交审核？',
  confirmText: '提交后由主管审核，审核期间不能修改。',
  ok: '提交',
  cancel: '取消',
  evidence: '证据材料',
  noEvidence: '尚未上传证据。',
  attach: '上传证据（中标通知、专利证书、客户表扬信等）',
  locked: '已提交的数据在审核期间锁定。',
  receiptTitle: (n) => `已收到 ${n} 个证据文件`,
  receiptText: (n) => `已按 SHA-256 存档。目前共有 ${n} 个证据文件：`,
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

const editable = (status: SubmissionView['status']): boolean => status === 'draft' || status === 'returned';

/** The ids and version this card showed: what every action of the card carries. */
const ref = (view: SubmissionView, name: string): ActionRef => ({
  name,
  payload: { cycle: view.cycle, employeeId: view.employeeId, version: view.version },
});

function reportForm(view: SubmissionView, t: typeof EN): Block {
  // Only what the system does not sync is the employee's to report.
  const toReport = view.indicators.filter((i) => i.kind === 'quantitative' && i.systemActual === null);
  const inputs: Input[] = toReport.map((i) => ({
    type: 'number',
    name: `actual:${i.indicatorId}`,
    label: t.actual(i.name, formatValue(i.target, i.unit)),
    placeholder: t.actualHint,
    ...(i.selfActual === null ? {} : { initial: i.selfActual }),
  }));
  inputs.push({ type: 'textarea', name: 'summary', label: t.summary, placeholder: t.summaryHint, ...(view.summary ? { initial: view.summary } : {}) });
  return {
    type: 'form',
    id: 'submission',
    title: t.formTitle,
    inputs,
    submit: {
      label: t.submit,
      style: 'primary',
      action: ref(view, 'submission.submit'),
      confirm: { title: t.confirmTitle, text: t.confirmText, ok: t.ok, cancel: t.cancel },
    },
    extraSubmits: [{ label: t.save, action: ref(view, 'submission.save') }],
  };
}

/** The employee's card for the collecting stage; read-only once submitted. */
export function buildSubmissionCard(view: SubmissionView): Card {
  const t = pick(view.lang, TEXT);
  const meta = [t.status[view.status], view.deadline ? t.deadline(view.deadline) : null, t.version(view.version)];
  const blocks: Block[] = [{ type: 'context', text: md(meta.filter((m) => m !== null).join(' · ')) }];
  if (view.status === 'returned' && view.returnComment) blocks.push({ type: 'markdown', text: t.returned(md(view.returnComment)) });
  blocks.push({ type: 'header', text: t.indicators });
  for (const line of view.indicators) blocks.push({ type: 'markdown', text: indicatorMarkdown(line, view.lang, false) });
  if (editable(view.status)) blocks.push({ type: 'divider' }, reportForm(view, t));
  else {
    if (view.summary) blocks.push({ type: 'markdown', text: `**${t.summary}**\n${md(view.summary)}` });
    blocks.push({ type: 'context', text: t.locked });
  }
  blocks.push(...evidenceSection(t.evidence, t.noEvidence, view.evidence, view.indicators));
  if (editable(view.status)) blocks.push({ type: 'file_request', label: t.attach, action: ref(view, 'evidence.attach') });
  return {
    key: `submission:${view.cycle}:${view.employeeId}`,
    title: t.title(view.cycle, view.employeeName),
    lang: view.lang,
    tone: view.status === 'returned' ? 'warning' : view.status === 'approved' ? 'success' : 'neutral',
    blocks,
  };
}

/** The receipt after evidence files were stored: the new files first, then how many there are in all. */
export function buildEvidenceAttachedCard(view: SubmissionView, attachedIds: readonly string[]): Card {
  const t = pick(view.lang, TEXT);
  const added = view.evidence.filter((e) => attachedIds.includes(e.id));
  return {
    key: `evidence:${view.cycle}:${view.employeeId}:${view.evidence.length}`,
    title: t.receiptTitle(added.length),
    lang: view.lang,
    tone: 'success',
    blocks: [
      ...evidenceBlocks(added, view.indicators),
      { type: 'context', text: t.receiptText(view.evidence.length) },
      ...evidenceBlocks(
        view.evidence.filter((e) => !attachedIds.includes(e.id)),
        view.indicators,
      ),
    ],
  };
}
