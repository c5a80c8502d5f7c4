// Reviewing: a manager confirms or corrects flagged values, rates qualitative
// indicators, and approves or returns. A submission with an open anomaly
// cannot be approved; a second reviewer level approves after the first.
import type { Lang } from '../engine/types.ts';
import { actorOf, allow, reviewerOf, reviewersOf } from './actor.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';
import type { CycleRow, SubmissionRow, WorkflowRepo } from './ports.ts';
import { openCycle } from './submission.ts';
import { reviewView, submissionView } from './view-data.ts';

const REVIEW_STAGES: CycleRow['stage'][] = ['collecting', 'reviewing'];

async function loadSubmission(repo: WorkflowRepo, id: number, version: number | null): Promise<SubmissionRow> {
  const s = (await repo.submissionById(id)) ?? fail('NOT_FOUND', '找不到这份提交', 'No such submission');
  if (version !== null && s.version !== version) {
    fail('STALE', '这张卡片已过期：提交已被处理或修改，请看最新的卡片', 'This card is out of date: the submission was handled or changed; use the newest card');
  }
  return s;
}

/** The level the actor reviews at for this submission, or a refusal. */
function levelOf(s: SubmissionRow, cycle: CycleRow): number {
  if (s.status === 'submitted') return 1;
  if (s.status === 'approved_first' && cycle.reviewLevels === 2) return 2;
  if (s.status === 'approved' || s.status === 'approved_first') fail('ALREADY_DONE', '这份提交已经审批过了', 'This submission has already been approved');
  return fail('WRONG_STAGE', '这份提交尚未提交或已退回，暂不能审核', 'This submission is not waiting for review');
}

export interface ReviewRef {
  submissionId: number;
  version: number;
}

async function context(repo: WorkflowRepo, actorId: string, ref: ReviewRef, action: 'resolve_anomaly' | 'rate_qualitative' | 'approve_submission' | 'return_submission' | 'override_score') {
  const actor = await actorOf(repo, actorId);
  const submission = await loadSubmission(repo, ref.submissionId, ref.version);
  await allow(repo, actor, action, { kind: 'employee', employeeId: submission.employeeId });
  const cycle = await openCycle(repo, submission.cycleId, REVIEW_STAGES);
  const level = levelOf(submission, cycle);
  const expected = await reviewerOf(repo, submission.employeeId, level);
  // The assigned reviewer acts; HR may act for anyone (authorize already checked scope).
  if (level === 2 && (await repo.reviews(submission.id)).some((r) => r.level === 1 && r.decision === 'approve' && r.reviewerId === actorId)) {
    fail('WRONG_STAGE', '第二级审核须由另一位审核人完成', 'The second level must be approved by someone other than the first reviewer');
  }
  if (expected !== actorId && actor.role !== 'hr') {
    fail('WRONG_STAGE', `这一级审核应由 ${(await repo.org()).employee(expected ?? '')?.name ?? '上级'} 完成`, 'This review level belongs to another reviewer');
  }
  return { actor, submission, cycle, level };
}

/** Bumps the version so older cards go stale, then answers with the refreshed review card. */
async function refreshed(deps: WorkflowDeps, repo: WorkflowRepo, s: SubmissionRow, cycle: CycleRow, level: number, lang: Lang) {
  if (!(await repo.updateSubmission(s.id, s.version, {}))) fail('STALE', '这张卡片已过期，请看最新的卡片', 'This card is out of date');
  return cards.review(await reviewView(deps, repo, cycle, (await repo.submissionById(s.id))!, level, lang));
}

export async function resolveAnomaly(deps: WorkflowDeps, actorId: string, ref: ReviewRef & { anomalyId: number; correctedValue: number | null; note: string | null }, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const { submission, cycle, level } = await context(repo, actorId, ref, 'resolve_anomaly');
    const anomaly = (await repo.anomalyById(ref.anomalyId)) ?? fail('NOT_FOUND', '找不到该异常', 'No such anomaly');
    if (anomaly.employeeId !== submission.employeeId || anomaly.cycleId !== submission.cycleId) fail('BAD_INPUT', '该异常不属于这份提交', 'This anomaly does not belong to this submission');
    const corrected = ref.correctedValue !== null;
    if (corrected) {
      if (!Number.isFinite(ref.correctedValue)) fail('BAD_INPUT', '更正值需要是数字', 'The corrected value must be a number');
      const rows = await repo.values(submission.cycleId, submission.employeeId);
      const target = rows.find((r) => r.indicatorId === anomaly.indicatorId && r.target !== null)?.target ?? null;
      if (target === null) fail('BAD_INPUT', '该指标没有目标值，无法更正', 'This indicator has no target to correct against');
      await repo.setWorkflowValue(submission.cycleId, submission.employeeId, anomaly.indicatorId, 'manager', { target, actual: ref.correctedValue, rating: null, sourceRef: anomaly.sourceRef });
    }
    const ok = await repo.resolveAnomaly(anomaly.id, { status: corrected ? 'corrected' : 'confirmed', resolvedBy: actorId, correctedValue: ref.correctedValue, note: ref.note, at: deps.clock.now() });
    if (!ok) fail('ALREADY_DONE', '该异常已经处理过了', 'This anomaly has already been resolved');
    await repo.audit([
      { actor: actorId, action: corrected ? 'anomaly.correct' : 'anomaly.confirm', entity: 'anomaly', entityId: String(anomaly.id), before: { status: 'open', value: anomaly.value, expected: anomaly.expected }, after: { status: corrected ? 'corrected' : 'confirmed', value: ref.correctedValue ?? anomaly.value } },
    ]);
    return refreshed(deps, repo, submission, cycle, level, lang);
  });
}

export async function rateQualitative(deps: WorkflowDeps, actorId: string, ref: ReviewRef & { ratings: Record<string, number> }, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const { submission, cycle, level } = await context(repo, actorId, ref, 'rate_qualitative');
    const policy = await repo.policyOf(cycle);
    const before = await repo.values(submission.cycleId, submission.employeeId);
    for (const [indicatorId, rating] of Object.entries(ref.ratings)) {
      const indicator = policy.indicators.find((i) => i.id === indicatorId);
      if (!indicator || indicator.kind !== 'qualitative') fail('BAD_INPUT', `未知的定性指标 ${indicatorId}`, `Unknown qualitative indicator ${indicatorId}`);
      if (!Number.isInteger(rating) || rating < 1 || rating > policy.ratingMax) fail('BAD_INPUT', `评分需为 1 到 ${policy.ratingMax} 的整数`, `A rating must be a whole number 1..${policy.ratingMax}`);
      await repo.setWorkflowValue(submission.cycleId, submission.employeeId, indicatorId, 'manager', { target: null, actual: null, rating, sourceRef: null });
    }
    await repo.audit([{ actor: actorId, action: 'review.rate', entity: 'submission', entityId: String(submission.id), before: before.filter((r) => r.rating !== null).map((r) => [r.indicatorId, r.rating]), after: ref.ratings }]);
    return refreshed(deps, repo, submission, cycle, level, lang);
  });
}

export async function decide(deps: WorkflowDeps, actorId: string, ref: ReviewRef & { decision: 'approve' | 'return'; comment: string | null; override: { score: number; reason: string } | null }, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const action = ref.override ? 'override_score' : ref.decision === 'approve' ? 'approve_submission' : 'return_submission';
    const { submission, cycle, level } = await context(repo, actorId, ref, action);
    if (ref.override) {
      if (!Number.isFinite(ref.override.score) || ref.override.score < 0) fail('BAD_INPUT', '调整后的得分需要是非负数', 'The overriding score must be a number >= 0');
      if (ref.override.reason.trim().length < 5) fail('BAD_INPUT', '调整得分必须写明理由（至少 5 个字）', 'Overriding a score needs a written reason (5 characters or more)');
    }
    if (ref.decision === 'return' && !(ref.comment ?? '').trim()) fail('BAD_INPUT', '退回时请写明原因，员工会看到', 'Say why you return it; the employee will read it');
    if (ref.decision === 'approve') {
      const open = (await repo.anomalies(submission.cycleId, submission.employeeId)).filter((a) => a.status === 'open');
      if (open.length > 0) fail('OPEN_ANOMALIES', `还有 ${open.length} 个数据异常未确认或更正，请先处理`, `${open.length} flagged values are still open: confirm or correct them first`);
    }
    const status = ref.decision === 'return' ? 'returned' : level < cycle.reviewLevels ? 'approved_first' : 'approved';
    if (!(await repo.updateSubmission(submission.id, submission.version, { status }))) fail('STALE', '这张卡片已过期，请看最新的卡片', 'This card is out of date');
    await repo.addReview({ submissionId: submission.id, reviewerId: actorId, level, decision: ref.decision, comment: ref.comment, overrideScore: ref.override?.score ?? null, overrideReason: ref.override?.reason ?? null });
    await repo.audit([
      { actor: actorId, action: `review.${ref.decision}`, entity: 'submission', entityId: String(submission.id), before: { status: submission.status }, after: { status, level, comment: ref.comment, override: ref.override } },
    ]);
    const updated = (await repo.submissionById(submission.id))!;
    if (status === 'approved_first') {
      const card = cards.review(await reviewView(deps, repo, cycle, updated, 2, lang));
      for (const next of await reviewersOf(repo, submission.employeeId, 2)) if (next !== actorId) await repo.send(next, card);
    }
    if (status === 'returned') await repo.send(submission.employeeId, cards.submission(await submissionView(deps, repo, cycle, submission.employeeId, lang)));
    return cards.review(await reviewView(deps, repo, cycle, updated, level, lang));
  });
}
