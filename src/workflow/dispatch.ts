// One entry for every button press and form, from any platform: the adapters
// verify and parse, this routes to the use case, and any refusal becomes a
// card that says why (never a stack trace, never silence).
import type { Card } from '../../cards/model.ts';
import type { Lang } from '../engine/types.ts';
import { attachAppealEvidence } from './appeal-evidence.ts';
import { escalateOverdueAppeals, fileAppeal, resolveAppeal } from './appeals.ts';
import { cards } from './card-builders.ts';
import { acceptResult, advanceStage, publishResults } from './cycle.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail, WorkflowError } from './errors.ts';
import { EvidenceError, MAX_EVIDENCE_BYTES } from './evidence.ts';
import { PermissionError } from './permissions.ts';
import type { Stage } from './ports.ts';
import { answerPilot, draftPolicy, pilotPolicy, publishPolicy, simulatePolicy, startPolicyDraft } from './policy-change.ts';
import { decide, rateQualitative, resolveAnomaly } from './review.ts';
import { saveSubmission, type UploadedFile } from './submission.ts';
import { dropSuggestion } from './suggestions.ts';
import { postLeadershipSummary } from './summary.ts';

export interface ActionRequest {
  /** The acting employee, already resolved from the platform identity. */
  actorId: string;
  name: string;
  payload: Record<string, string | number | null>;
  /** Form values by input name. */
  form: Record<string, string>;
  files: UploadedFile[];
  lang: Lang;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const int = (v: unknown, field: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n)) fail('BAD_INPUT', `缺少或错误的 ${field}`, `Missing or bad ${field}`);
  return n;
};
/** Form numbers: blank means "not given"; anything else must be a plain number. */
const numbers = (form: Record<string, string>, prefix: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [name, raw] of Object.entries(form)) {
    if (!name.startsWith(prefix) || raw.trim() === '') continue;
    const value = Number(raw.trim());
    if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) fail('BAD_INPUT', `「${raw}」不是数字（请勿使用千分位逗号）`, `"${raw}" is not a plain number (no thousands separators)`);
    out[name.slice(prefix.length)] = value;
  }
  return out;
};
const optionalNumber = (raw: string | undefined): number | null => {
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) fail('BAD_INPUT', `「${raw}」不是数字`, `"${raw}" is not a plain number`);
  return Number(raw.trim());
};

async function route(deps: WorkflowDeps, r: ActionRequest): Promise<Card> {
  const { payload: p, form: f, lang } = r;
  switch (r.name) {
    case 'submission.save':
    case 'submission.submit':
    case 'evidence.attach':
      return saveSubmission(deps, r.actorId, { cycle: text(p.cycle), version: int(p.version, 'version'), actuals: numbers(f, 'actual:'), summary: f.summary?.trim() || null, files: r.files, submit: r.name === 'submission.submit' }, lang);
    case 'anomaly.confirm':
    case 'anomaly.correct': {
      const value = r.name === 'anomaly.correct' ? optionalNumber(f.value) : null;
      if (r.name === 'anomaly.correct' && value === null) fail('BAD_INPUT', '请填写更正后的数值', 'Enter the corrected value');
      return resolveAnomaly(deps, r.actorId, { submissionId: int(p.submissionId, 'submissionId'), version: int(p.version, 'version'), anomalyId: int(p.anomalyId, 'anomalyId'), correctedValue: value, note: f.comment?.trim() || null }, lang);
    }
    case 'review.rate': {
      const ratings = numbers(f, 'rating:');
      return rateQualitative(deps, r.actorId, { submissionId: int(p.submissionId, 'submissionId'), version: int(p.version, 'version'), ratings }, lang);
    }
    case 'review.approve':
    case 'review.return':
    case 'review.override': {
      const override = r.name === 'review.override' ? { score: optionalNumber(f.score) ?? fail('BAD_INPUT', '请填写调整后的得分', 'Enter the overriding score'), reason: text(f.reason) } : null;
      return decide(deps, r.actorId, { submissionId: int(p.submissionId, 'submissionId'), version: int(p.version, 'version'), decision: r.name === 'review.return' ? 'return' : 'approve', comment: f.comment?.trim() || null, override }, lang);
    }
    case 'cycle.advance':
      return advanceStage(deps, r.actorId, { cycle: text(p.cycle), from: text(p.stage) as Stage }, lang);
    case 'results.publish':
      return publishResults(deps, r.actorId, { cycle: text(p.cycle) }, lang);
    case 'result.accept':
      return acceptResult(deps, r.actorId, { cycle: text(p.cycle) }, lang);
    case 'result.appeal':
      return fileAppeal(deps, r.actorId, { cycle: text(p.cycle), reason: text(f.reason), files: r.files }, lang);
    case 'appeal.attach':
      return attachAppealEvidence(deps, r.actorId, { appealId: int(p.appealId, 'appealId'), files: r.files }, lang);
    case 'appeal.resolve': {
      const decision = text(p.decision);
      if (decision !== 'upheld' && decision !== 'rejected') fail('BAD_INPUT', '未知的处理结果', 'Unknown decision');
      return resolveAppeal(deps, r.actorId, { appealId: int(p.appealId, 'appealId'), decision: decision as 'upheld' | 'rejected', resolution: text(f.resolution), corrections: numbers(f, 'actual:') }, lang);
    }
    case 'summary.post':
      return postLeadershipSummary(deps, r.actorId, text(p.cycle), lang, deps.charts);
    case 'suggestion.drop':
      return dropSuggestion(deps, r.actorId, { cycle: p.cycle === undefined || p.cycle === null ? null : text(p.cycle), text: text(f.text), anonymous: f.anonymous === 'yes' }, lang);
    case 'policy.new':
      return startPolicyDraft(deps, r.actorId, { reason: text(f.reason) }, lang);
    case 'policy.draft':
      // The reason comes with the file: from the upload card's payload, or a form field of the same request.
      return draftPolicy(deps, r.actorId, { files: r.files, reason: text(f.reason ?? p.reason) }, lang);
    case 'policy.simulate':
      return simulatePolicy(deps, r.actorId, { policyId: int(p.policyId, 'policyId') }, lang);
    case 'policy.pilot':
      return pilotPolicy(deps, r.actorId, { policyId: int(p.policyId, 'policyId'), people: text(f.people) }, lang);
    case 'policy.feedback':
      return answerPilot(deps, r.actorId, { policyId: int(p.policyId, 'policyId'), vote: text(p.vote), comment: text(f.comment) }, lang);
    case 'policy.publish':
      return publishPolicy(deps, r.actorId, { policyId: int(p.policyId, 'policyId') }, lang);
    default:
      return fail('UNKNOWN_ACTION', `无法识别的操作 ${r.name}`, `Unknown action ${r.name}`);
  }
}

/** Runs the action; a refusal or bad input is answered with a notice card and changes nothing. */
export async function handleAction(deps: WorkflowDeps, request: ActionRequest): Promise<{ ok: boolean; card: Card }> {
  try {
    return { ok: true, card: await route(deps, request) };
  } catch (err) {
    const lang = request.lang;
    if (err instanceof WorkflowError) {
      return { ok: false, card: cards.notice({ lang, tone: err.code === 'STALE' || err.code === 'ALREADY_DONE' ? 'warning' : 'danger', title: lang === 'zh' ? '操作未执行' : 'Not done', text: err.text[lang] }) };
    }
    if (err instanceof EvidenceError) {
      return { ok: false, card: cards.notice({ lang, tone: 'danger', title: lang === 'zh' ? '文件未上传' : 'File not attached', text: evidenceRefusal(err, lang) }) };
    }
    if (err instanceof PermissionError) {
      const zh: Record<string, string> = {
        NOT_YOURS: '这不是你本人的记录',
        OUT_OF_SCOPE: '超出了你负责的部门和人员范围',
        ROLE_REQUIRED: '你的角色不能进行此操作',
        AGGREGATES_ONLY: '领导只能查看部门和公司汇总数据',
        SELF_REVIEW: '不能审核自己的提交、得分或申诉',
        UNKNOWN_ACTOR: '你不在组织架构中，请联系 HR',
      };
      return { ok: false, card: cards.notice({ lang, tone: 'danger', title: lang === 'zh' ? '无权操作' : 'Not allowed', text: lang === 'zh' ? zh[err.reason]! : err.message }) };
    }
    throw err;
  }
}

/** Why an upload was refused, in the sender's language. */
function evidenceRefusal(err: EvidenceError, lang: Lang): string {
  const f = err.fileName;
  const mb = MAX_EVIDENCE_BYTES / 1024 / 1024;
  const text: Record<EvidenceError['code'], [string, string]> = {
    EVIDENCE_TOO_LARGE: [`「${f}」超过了每个文件 ${mb} MB 的上限`, `${f} is over the limit of ${mb} MB per file`],
    EVIDENCE_EMPTY: [`「${f}」是空文件`, `${f} is empty`],
    EVIDENCE_TYPE: [`「${f}」不是可接受的证据类型：请上传 PDF、图片、Office 文档、文本或邮件`, `${f} is not an accepted kind of evidence: upload a PDF, an image, an Office document, text or mail`],
    EVIDENCE_NOT_FOUND: ['找不到该证据文件', 'No such evidence file'],
  };
  return text[err.code][lang === 'zh' ? 0 : 1];
}

export { escalateOverdueAppeals };
