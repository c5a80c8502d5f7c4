// Evidence for an appeal (WORKFLOW.md step 5: "reason + evidence"): files sent
// with the appeal form, or added while the appeal waits for its answer. Stored
// like submission evidence (same storage, SHA-256, size and type limits), linked
// to the appeal, and listed on the card its resolvers get.
import type { Lang } from '../engine/types.ts';
import { actorOf, allow, appealResolvers } from './actor.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';
import { storeUploads, type EvidenceMeta } from './evidence.ts';
import type { AppealRow, WorkflowRepo } from './ports.ts';
import { openCycle, type UploadedFile } from './submission.ts';
import { appealView, resultView } from './view-data.ts';

/**
 * Puts the bytes of an appellant's files in storage. Runs before the transaction
 * that records them, because the default BlobStore writes through its own
 * connection; content-addressed, so a transition that then fails leaves at most
 * an unreferenced copy. Anyone but the appellant is refused before a byte is stored.
 */
export function storeAppealFiles(deps: WorkflowDeps, actorId: string, owner: { cycleId: string; employeeId: string }, files: readonly UploadedFile[]): Promise<EvidenceMeta[]> {
  return storeUploads(deps.evidence, actorId, owner, files.map((f) => ({ fileName: f.fileName, data: f.data })), 'attach_appeal_evidence');
}

/** Links stored files to the appeal, each with an audit entry (who, which appeal, which bytes). */
export async function recordAppealEvidence(repo: WorkflowRepo, actorId: string, appeal: AppealRow, stored: readonly EvidenceMeta[]): Promise<void> {
  for (const meta of stored) {
    await repo.saveEvidence({ ...meta, appealId: appeal.id });
    await repo.audit([
      { actor: actorId, action: 'appeal.evidence.attach', entity: 'appeal', entityId: String(appeal.id), after: { evidenceId: meta.id, fileName: meta.fileName, sha256: meta.sha256, size: meta.size, contentType: meta.contentType } },
    ]);
  }
}

/** The appeal, if this person may add files to it now: their own, and not yet answered. */
async function appealTakingFiles(repo: WorkflowRepo, actorId: string, appealId: number): Promise<AppealRow> {
  const actor = await actorOf(repo, actorId);
  const appeal = (await repo.appealById(appealId)) ?? fail('NOT_FOUND', '找不到该申诉', 'No such appeal');
  await allow(repo, actor, 'attach_appeal_evidence', { kind: 'employee', employeeId: appeal.employeeId });
  // Escalation only changes who answers: the appeal still waits, so it still takes files.
  if (appeal.status !== 'open' && appeal.status !== 'escalated') fail('ALREADY_DONE', '该申诉已经处理完毕，不能再补充证据', 'This appeal has been answered; no more evidence can be added');
  return appeal;
}

/**
 * Adds files to the actor's own waiting appeal; its resolvers get the card again
 * with the files listed. Returns the appellant's result card, which lists them too.
 */
export async function attachAppealEvidence(deps: WorkflowDeps, actorId: string, input: { appealId: number; files: UploadedFile[] }, lang: Lang) {
  if (input.files.length === 0) fail('BAD_INPUT', '请选择要上传的文件', 'Choose the files to attach');
  const before = await deps.uow.run((repo) => appealTakingFiles(repo, actorId, input.appealId));
  const stored = await storeAppealFiles(deps, actorId, before, input.files);
  return deps.uow.run(async (repo) => {
    // Checked again: the appeal may have been answered while the bytes were stored.
    const appeal = await appealTakingFiles(repo, actorId, input.appealId);
    const cycle = await openCycle(repo, appeal.cycleId, ['published']);
    await recordAppealEvidence(repo, actorId, appeal, stored);
    const card = cards.appeal(await appealView(deps, repo, cycle, appeal, lang));
    for (const to of await appealResolvers(repo, appeal)) await repo.send(to, card);
    return cards.result(await resultView(deps, repo, cycle, actorId, lang));
  });
}
