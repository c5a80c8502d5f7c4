// Appeals: filed with a reason and evidence files, checked automatically against
// the system of record, answered within 24 hours or escalated to HR. An upheld
// appeal can change the result; the change and its reason are recorded.
import { bandGrade } from '../engine/grading.ts';
import type { Lang } from '../engine/types.ts';
import { actorOf, allow, appealResolvers } from './actor.ts';
import { recordAppealEvidence, storeAppealFiles } from './appeal-evidence.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';
import type { AppealRow, CycleRow, ResultRow, WorkflowRepo } from './ports.ts';
import { openCycle, type UploadedFile } from './submission.ts';
import { appealView, currentScore, indicatorLines, resultView } from './view-data.ts';

export const APPEAL_ANSWER_HOURS = 24;

export async function fileAppeal(deps: WorkflowDeps, actorId: string, input: { cycle: string; reason: string; files: UploadedFile[] }, lang: Lang) {
  const stored = await storeAppealFiles(deps, actorId, { cycleId: input.cycle, employeeId: actorId }, input.files);
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    await allow(repo, actor, 'appeal_result', { kind: 'employee', employeeId: actorId });
    const cycle = await openCycle(repo, input.cycle, ['published']);
    const result = (await repo.result(cycle.id, actorId)) ?? fail('NOT_FOUND', '没有你的结果', 'You have no result in this cycle');
    if (result.status !== 'published' && result.status !== 'accepted') fail('ALREADY_DONE', '这个结果已经申诉过了', 'This result has already been appealed');
    if (input.reason.trim().length < 5) fail('BAD_INPUT', '请写明申诉理由（至少 5 个字）', 'Say why you appeal (5 characters or more)');
    const check = await systemCheck(repo, cycle, actorId);
    const appeal = await repo.createAppeal({ cycleId: cycle.id, employeeId: actorId, reason: input.reason.trim(), dueAt: new Date(deps.clock.now().getTime() + APPEAL_ANSWER_HOURS * 3600_000), autoCheck: check });
    await repo.updateResult(cycle.id, actorId, { status: 'appealed' });
    await repo.audit([{ actor: actorId, action: 'appeal.file', entity: 'appeal', entityId: String(appeal.id), after: { reason: appeal.reason, dueAt: appeal.dueAt.toISOString(), check } }]);
    await recordAppealEvidence(repo, actorId, appeal, stored);
    const card = cards.appeal(await appealView(deps, repo, cycle, appeal, lang));
    for (const to of await appealResolvers(repo, appeal)) await repo.send(to, card);
    return cards.result(await resultView(deps, repo, cycle, actorId, lang));
  });
}

/** Each quantitative indicator: the system-of-record value against the one that was scored. */
async function systemCheck(repo: WorkflowRepo, cycle: CycleRow, employeeId: string) {
  const policy = await repo.policyOf(cycle);
  const employee = (await repo.org()).employee(employeeId)!;
  return indicatorLines(policy, employee, await repo.values(cycle.id, employeeId))
    .filter((l) => l.kind === 'quantitative')
    .map((l) => {
      const scored = l.managerActual ?? l.systemActual ?? l.selfActual;
      const differs = l.systemActual !== null && scored !== null && Math.abs(scored - l.systemActual) / Math.max(Math.abs(l.systemActual), 1e-9) > policy.cleaning.mismatchTolerance;
      return { indicatorName: l.name, system: l.systemActual, scored, differs };
    });
}

export interface ResolveInput {
  appealId: number;
  decision: 'upheld' | 'rejected';
  resolution: string;
  /** Upheld: corrected actuals by indicator id (become `manager` rows). */
  corrections: Record<string, number>;
}

export async function resolveAppeal(deps: WorkflowDeps, actorId: string, input: ResolveInput, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    const appeal = (await repo.appealById(input.appealId)) ?? fail('NOT_FOUND', '找不到该申诉', 'No such appeal');
    if (appeal.status === 'upheld' || appeal.status === 'rejected') fail('ALREADY_DONE', '该申诉已经处理过了', 'This appeal has already been answered');
    await allow(repo, actor, appeal.status === 'escalated' ? 'answer_escalated_appeal' : 'answer_appeal', { kind: 'employee', employeeId: appeal.employeeId });
    const cycle = await openCycle(repo, appeal.cycleId, ['published']);
    if (input.resolution.trim().length < 5) fail('BAD_INPUT', '请写明处理意见（至少 5 个字），员工会看到', 'Write the resolution (5 characters or more); the employee will read it');
    const before = (await repo.result(cycle.id, appeal.employeeId))!;
    let after: ResultRow = before;
    if (input.decision === 'upheld') {
      const policy = await repo.policyOf(cycle);
      const rows = await repo.values(cycle.id, appeal.employeeId);
      for (const [indicatorId, actual] of Object.entries(input.corrections)) {
        const indicator = policy.indicators.find((i) => i.id === indicatorId && i.kind === 'quantitative') ?? fail('BAD_INPUT', `未知的量化指标 ${indicatorId}`, `Unknown quantitative indicator ${indicatorId}`);
        if (!Number.isFinite(actual)) fail('BAD_INPUT', `${indicator.name} 需要填写数字`, `${indicator.name} needs a number`);
        const target = rows.find((r) => r.indicatorId === indicatorId && r.target !== null)?.target ?? null;
        await repo.setWorkflowValue(cycle.id, appeal.employeeId, indicatorId, 'manager', { target, actual, rating: null, sourceRef: null });
      }
      const score = currentScore(policy, appeal.employeeId, await repo.org(), await repo.values(cycle.id, appeal.employeeId), cycle.id);
      const others = (await repo.results(cycle.id)).filter((r) => r.employeeId !== appeal.employeeId);
      const grade = policy.grading.mode === 'bands' ? bandGrade(score, policy.grading.bands) : placeInForcedGrades(score, others, policy.grading.grades.map((g) => g.grade));
      const rate = policy.raises.rates[grade] ?? 0;
      // The publication's budget scale applies to the new grade's rate as it did to everyone else's.
      const scale = before.raiseRate > 0 && (policy.raises.rates[before.grade] ?? 0) > 0 ? before.raiseRate / policy.raises.rates[before.grade]! : 1;
      const salary = (await repo.dataset()).employees.find((e) => e.id === appeal.employeeId)?.salary ?? null;
      const rank = 1 + others.filter((r) => r.score > score + 1e-9).length;
      after = { ...before, score, grade, rank, raiseRate: rate * scale, raiseAmount: salary === null ? null : rate * scale * salary, status: 'final' };
    } else {
      after = { ...before, status: 'final' };
    }
    await repo.updateResult(cycle.id, appeal.employeeId, after);
    const ok = await repo.updateAppeal(appeal.id, ['open', 'escalated'], { status: input.decision, resolvedBy: actorId, resolution: input.resolution.trim(), scoreBefore: before.score, scoreAfter: after.score, gradeBefore: before.grade, gradeAfter: after.grade, resolvedAt: deps.clock.now() });
    if (!ok) fail('ALREADY_DONE', '该申诉已经处理过了', 'This appeal has already been answered');
    await repo.audit([
      { actor: actorId, action: `appeal.${input.decision}`, entity: 'appeal', entityId: String(appeal.id), before: { status: appeal.status }, after: { status: input.decision, resolution: input.resolution.trim(), corrections: input.corrections } },
      { actor: actorId, action: 'result.change', entity: 'result', entityId: `${cycle.id}/${appeal.employeeId}`, before: { score: before.score, grade: before.grade, rank: before.rank }, after: { score: after.score, grade: after.grade, rank: after.rank, reason: input.resolution.trim() } },
    ]);
    const decision = cards.appealDecision({ lang, cycle: cycle.id, decision: input.decision, resolution: input.resolution.trim(), scoreBefore: before.score, scoreAfter: after.score, gradeBefore: before.grade, gradeAfter: after.grade });
    await repo.send(appeal.employeeId, decision);
    const change = after.score !== before.score || after.grade !== before.grade ? { scoreBefore: before.score, gradeBefore: before.grade, reason: input.resolution.trim() } : null;
    await repo.send(appeal.employeeId, cards.result(await resultView(deps, repo, cycle, appeal.employeeId, lang, change)));
    return decision;
  });
}

/**
 * A changed score under forced grading: the other results stay as published,
 * so the appellant takes the grade of the best-placed colleague whose score the
 * new one reaches (and the lowest grade when it reaches none).
 */
export function placeInForcedGrades(score: number, others: readonly Pick<ResultRow, 'score' | 'grade'>[], grades: string[]): string {
  let best = grades.length - 1;
  for (const o of others) {
    if (score + 1e-9 >= o.score) best = Math.min(best, Math.max(0, grades.indexOf(o.grade)));
  }
  return grades[best]!;
}

/**
 * The clock's work, run by `pandian worker` and on a timer in `serve`: appeals
 * not answered in time escalate to HR. Returns what it did.
 */
export async function escalateOverdueAppeals(deps: WorkflowDeps, lang: Lang): Promise<AppealRow[]> {
  return deps.uow.run(async (repo) => {
    const cycle = await repo.currentCycle();
    if (!cycle || cycle.stage !== 'published') return [];
    const now = deps.clock.now();
    const overdue = (await repo.appeals(cycle.id)).filter((a) => a.status === 'open' && a.dueAt.getTime() <= now.getTime());
    for (const a of overdue) {
      if (!(await repo.updateAppeal(a.id, ['open'], { status: 'escalated' }))) continue;
      await repo.audit([{ actor: 'system:clock', action: 'appeal.escalate', entity: 'appeal', entityId: String(a.id), before: { status: 'open' }, after: { status: 'escalated', dueAt: a.dueAt.toISOString() } }]);
      const escalated = { ...a, status: 'escalated' as const };
      const card = cards.appeal(await appealView(deps, repo, cycle, escalated, lang));
      for (const hr of await appealResolvers(repo, escalated)) await repo.send(hr, card);
    }
    return overdue;
  });
}
