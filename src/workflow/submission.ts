// Collecting: an employee reports what is not synced, attaches evidence and submits.
import { detectAnomalies } from '../engine/anomalies.ts';
import { groupByCycle, scoreCycle } from '../engine/score-cycle.ts';
import type { Lang } from '../engine/types.ts';
import { actorOf, allow, reviewersOf } from './actor.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';
import { storeUploads } from './evidence.ts';
import type { CycleRow, WorkflowRepo } from './ports.ts';
import { reviewView, submissionView } from './view-data.ts';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  data: Uint8Array;
  indicatorId?: string | null;
}

export interface SubmitInput {
  cycle: string;
  /** The submission version the card showed (0 when none existed). */
  version: number;
  /** indicatorId -> reported actual (self), for quantitative indicators. */
  actuals: Record<string, number>;
  summary: string | null;
  files: UploadedFile[];
  /** false: save a draft; true: submit for review. */
  submit: boolean;
}

export async function openCycle(repo: WorkflowRepo, id: string, stages: CycleRow['stage'][]): Promise<CycleRow> {
  const cycle = (await repo.cycle(id)) ?? fail('NOT_FOUND', `没有 ${id} 这个考核周期`, `There is no cycle ${id}`);
  if (!stages.includes(cycle.stage)) {
    fail('WRONG_STAGE', `${id} 周期当前处于「${cycle.stage}」阶段，不能进行此操作`, `Cycle ${id} is in the ${cycle.stage} stage; this cannot be done now`);
  }
  return cycle;
}

/**
 * Saves or submits an employee's own results. Reported actuals become `self`
 * rows; the system-of-record rows stay and win where both exist. On submit the
 * anomalies of this employee are detected against the whole cycle and the
 * first reviewer gets the review card.
 */
export async function saveSubmission(deps: WorkflowDeps, actorId: string, input: SubmitInput, lang: Lang) {
  // Evidence bytes go to storage before the transaction (content-addressed: harmless if it then fails).
  const stored = await storeUploads(deps.evidence, actorId, { cycleId: input.cycle, employeeId: actorId }, input.files, 'attach_evidence');
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    await allow(repo, actor, 'submit_values', { kind: 'employee', employeeId: actorId });
    const cycle = await openCycle(repo, input.cycle, ['collecting']);
    const existing = (await repo.submission(cycle.id, actorId)) ?? (await repo.createSubmission(cycle.id, actorId));
    if (existing.version !== input.version && !(input.version === 0 && existing.version === 1 && existing.status === 'draft')) {
      fail('STALE', '这张卡片已过期：提交内容在别处被修改过，请看最新的卡片', 'This card is out of date: the submission changed elsewhere; use the newest card');
    }
    if (existing.status !== 'draft' && existing.status !== 'returned') {
      fail('ALREADY_DONE', '已提交，等待审核中，不能再修改', 'Already submitted and waiting for review; it can no longer be changed');
    }
    const policy = await repo.policyOf(cycle);
    const before = await repo.values(cycle.id, actorId);
    for (const [indicatorId, actual] of Object.entries(input.actuals)) {
      const indicator = policy.indicators.find((i) => i.id === indicatorId);
      if (!indicator || indicator.kind !== 'quantitative') fail('BAD_INPUT', `未知的量化指标 ${indicatorId}`, `Unknown quantitative indicator ${indicatorId}`);
      if (!Number.isFinite(actual)) fail('BAD_INPUT', `${indicatorId} 需要填写数字`, `${indicatorId} needs a number`);
      const target = before.find((r) => r.indicatorId === indicatorId && r.target !== null)?.target ?? null;
      if (target === null) fail('BAD_INPUT', `${indicator!.name} 没有目标值，请联系 HR`, `${indicator!.name} has no target; ask HR`);
      await repo.setWorkflowValue(cycle.id, actorId, indicatorId, 'self', { target, actual, rating: null, sourceRef: null });
    }
    for (const meta of stored) {
      await repo.saveEvidence({ ...meta, submissionId: existing.id });
      await repo.audit([{ actor: actorId, action: 'evidence.attach', entity: 'evidence', entityId: meta.id, after: { employeeId: meta.employeeId, indicatorId: meta.indicatorId, fileName: meta.fileName, sha256: meta.sha256, size: meta.size } }]);
    }
    const status = input.submit ? 'submitted' : existing.status;
    const ok = await repo.updateSubmission(existing.id, existing.version, { summary: input.summary, status, submittedAt: input.submit ? deps.clock.now() : null });
    if (!ok) fail('STALE', '这张卡片已过期，请看最新的卡片', 'This card is out of date; use the newest card');
    await repo.audit([
      { actor: actorId, action: input.submit ? 'submission.submit' : 'submission.save', entity: 'submission', entityId: String(existing.id), before: { status: existing.status, values: before.filter((r) => r.source === 'self') }, after: { status, actuals: input.actuals, files: input.files.map((f) => f.fileName) } },
    ]);
    if (input.submit) {
      await refreshAnomalies(repo, cycle, actorId);
      const submission = (await repo.submissionById(existing.id))!;
      const card = cards.review(await reviewView(deps, repo, cycle, submission, 1, lang));
      for (const reviewer of await reviewersOf(repo, actorId, 1)) await repo.send(reviewer, card);
    }
    return cards.submission(await submissionView(deps, repo, cycle, actorId, lang));
  });
}

/** Re-detects this employee's anomalies against the whole cycle; resolved ones are kept. */
export async function refreshAnomalies(repo: WorkflowRepo, cycle: CycleRow, employeeId: string): Promise<void> {
  const data = await repo.dataset();
  const scored = scoreCycle(data, cycle.id, groupByCycle(data.values).get(cycle.id) ?? []);
  const resolved = (await repo.anomalies(cycle.id, employeeId)).filter((a) => a.status !== 'open');
  const isResolved = (kind: string, indicatorId: string) => resolved.some((r) => r.kind === kind && r.indicatorId === indicatorId);
  const found = detectAnomalies(scored).anomalies.filter((a) => a.employeeId === employeeId && !isResolved(a.kind, a.indicatorId));
  await repo.replaceOpenAnomalies(
    cycle.id,
    employeeId,
    found.map((a) => ({ cycleId: cycle.id, employeeId, indicatorId: a.indicatorId, kind: a.kind, value: a.value, expected: a.expected, robustZ: a.robustZ, sourceRef: a.sourceRef })),
  );
}
