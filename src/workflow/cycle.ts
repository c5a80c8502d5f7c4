// HR's control of the cycle: advancing stages, and calibration into published results.
import type { Lang } from '../engine/types.ts';
import { actorOf, allow } from './actor.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';
import { STAGES, type Stage } from './ports.ts';
import { computeResults } from './results.ts';
import { openCycle } from './submission.ts';
import { cycleControlView, resultView } from './view-data.ts';

/**
 * Moves a cycle one stage on: draft -> collecting -> reviewing -> calibrating.
 * Publication is its own step (publishResults); closing follows publication.
 * The card's stage must still be the cycle's stage, or the press is stale.
 */
export async function advanceStage(deps: WorkflowDeps, actorId: string, input: { cycle: string; from: Stage }, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    await allow(repo, actor, 'manage_cycle', { kind: 'company' });
    const cycle = await openCycle(repo, input.cycle, [...STAGES]);
    if (cycle.stage !== input.from) fail('STALE', `周期已处于「${cycle.stage}」阶段，这张卡片已过期`, `The cycle is already in the ${cycle.stage} stage; this card is out of date`);
    if (cycle.stage === 'calibrating') fail('WRONG_STAGE', '请用「发布结果」进入发布阶段', 'Use "Publish results" to move on from calibration');
    if (cycle.stage === 'closed') fail('WRONG_STAGE', '周期已关闭', 'The cycle is closed');
    const next = STAGES[STAGES.indexOf(cycle.stage) + 1]!;
    await repo.setCycleStage(cycle.id, next);
    await repo.audit([{ actor: actorId, action: 'cycle.advance', entity: 'cycle', entityId: cycle.id, before: { stage: cycle.stage }, after: { stage: next } }]);
    return cards.cycleControl(await cycleControlView(repo, { ...cycle, stage: next }, lang));
  });
}

/**
 * Publication: every employee's score and grade by the cycle's policy (a
 * reviewer's override, with its reason, replaces the computed score), raises
 * scaled to the budget, promotion and development lists; each employee gets
 * their result card. Every score and grade goes into the audit log.
 */
export async function publishResults(deps: WorkflowDeps, actorId: string, input: { cycle: string }, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    await allow(repo, actor, 'publish_results', { kind: 'company' });
    const cycle = await openCycle(repo, input.cycle, ['calibrating']);
    const { rows, raiseTotal, scale } = await computeResults(repo, cycle.id, await repo.dataset());
    await repo.saveResults(rows);
    await repo.setCycleStage(cycle.id, 'published');
    await repo.audit([
      { actor: actorId, action: 'cycle.publish', entity: 'cycle', entityId: cycle.id, before: { stage: cycle.stage }, after: { stage: 'published', employees: rows.length, raiseTotal, scale } },
      ...rows.map((r) => ({ actor: actorId, action: 'result.publish', entity: 'result', entityId: `${cycle.id}/${r.employeeId}`, after: { score: r.score, grade: r.grade, rank: r.rank } })),
    ]);
    const published = { ...cycle, stage: 'published' as const };
    for (const r of rows) await repo.send(r.employeeId, cards.result(await resultView(deps, repo, published, r.employeeId, lang)));
    return cards.cycleControl(await cycleControlView(repo, published, lang));
  });
}

/** An employee accepts their result. */
export async function acceptResult(deps: WorkflowDeps, actorId: string, input: { cycle: string }, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    await allow(repo, actor, 'accept_result', { kind: 'employee', employeeId: actorId });
    const cycle = await openCycle(repo, input.cycle, ['published']);
    const result = (await repo.result(cycle.id, actorId)) ?? fail('NOT_FOUND', '没有你的结果', 'You have no result in this cycle');
    if (result.status !== 'published') fail('ALREADY_DONE', '结果已确认或正在申诉', 'The result is already accepted or under appeal');
    await repo.updateResult(cycle.id, actorId, { status: 'accepted' });
    await repo.audit([{ actor: actorId, action: 'result.accept', entity: 'result', entityId: `${cycle.id}/${actorId}`, before: { status: 'published' }, after: { status: 'accepted' } }]);
    return cards.result(await resultView(deps, repo, cycle, actorId, lang));
  });
}
