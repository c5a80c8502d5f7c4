// What a person sees when they open the bot: their own tasks, in the order
// they have to do them. Reads only what their role and scope allow.
import type { Card } from '../../cards/model.ts';
import { assignmentFor } from '../engine/policy-lookup.ts';
import type { Lang } from '../engine/types.ts';
import { actorOf, reviewerOf, reviewersOf } from './actor.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { authorize } from './permissions.ts';
import { policyHomeCards } from './policy-change.ts';
import { appealView, cycleControlView, resultView, reviewView, submissionView } from './view-data.ts';

export async function homeCards(deps: WorkflowDeps, actorId: string, lang: Lang): Promise<Card[]> {
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    const org = await repo.org();
    const cycle = await repo.currentCycle();
    const out: Card[] = [];
    if (!cycle) return out;
    if (actor.role === 'hr') out.push(cards.cycleControl(await cycleControlView(repo, cycle, lang)));
    out.push(...(await policyHomeCards(repo, actor, lang)));
    const policy = await repo.policyOf(cycle);
    const assigned = assignmentFor(policy, org.employee(actorId)!) !== undefined;
    if (assigned && (cycle.stage === 'collecting' || cycle.stage === 'reviewing')) {
      out.push(cards.submission(await submissionView(deps, repo, cycle, actorId, lang)));
    }
    if (cycle.stage === 'published' && (await repo.result(cycle.id, actorId))) {
      out.push(cards.result(await resultView(deps, repo, cycle, actorId, lang)));
    }
    // Reviews waiting for this person.
    for (const s of await repo.submissions(cycle.id)) {
      const level = s.status === 'submitted' ? 1 : s.status === 'approved_first' && cycle.reviewLevels === 2 ? 2 : 0;
      if (level === 0 || !(await reviewersOf(repo, s.employeeId, level)).includes(actorId)) continue;
      if (!authorize(org, actor, 'approve_submission', { kind: 'employee', employeeId: s.employeeId }).allowed) continue;
      out.push(cards.review(await reviewView(deps, repo, cycle, s, level, lang)));
    }
    // Appeals this person answers.
    for (const a of await repo.appeals(cycle.id)) {
      if (a.status !== 'open' && a.status !== 'escalated') continue;
      const action = a.status === 'escalated' ? 'answer_escalated_appeal' : 'answer_appeal';
      const mine = a.status === 'escalated' ? actor.role === 'hr' : (await reviewerOf(repo, a.employeeId, 1)) === actorId;
      if (mine && authorize(org, actor, action, { kind: 'employee', employeeId: a.employeeId }).allowed) out.push(cards.appeal(await appealView(deps, repo, cycle, a, lang)));
    }
    out.push(cards.suggestionBox({ lang, cycle: cycle.id }));
    return out;
  });
}
