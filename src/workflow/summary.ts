// Calibrating: the diagnosis summary, and HR posting it to leadership.
// Aggregates only: the view carries department figures and findings, never an employee's row.
import type { Card } from '../../cards/model.ts';
import type { DiagnosisSummaryView } from '../../cards/views.ts';
import { buildDiagnosisSummaryCard } from '../../cards/index.ts';
import { diagnose } from '../engine/diagnose.ts';
import { mean } from '../engine/stats.ts';
import type { Lang } from '../engine/types.ts';
import { actorOf, allow } from './actor.ts';
import type { WorkflowDeps } from './deps.ts';
import { openCycle } from './submission.ts';
import type { WorkflowRepo } from './ports.ts';

/** Where the charts of a cycle's diagnosis are served, by chart id. */
export type ChartUrls = (cycle: string, lang: Lang) => Promise<{ title: string; url: string }[]>;

export async function summaryView(repo: WorkflowRepo, cycleId: string, lang: Lang, chartList: { title: string; url: string }[]): Promise<DiagnosisSummaryView> {
  const data = await repo.dataset();
  const d = diagnose(data, { cycle: cycleId, lang });
  const names = new Map(data.departments.map((x) => [x.id, x.name]));
  return {
    lang,
    cycle: cycleId,
    employees: d.employees.length,
    departments: d.departments.map((x) => ({ name: names.get(x.departmentId) ?? x.departmentId, n: x.n, mean: x.mean })),
    findings: d.findings,
    companyMean: mean(d.employees.map((e) => e.score)),
    charts: chartList,
  };
}

/** HR's copy of the summary, with the Post button; readable by HR and leaders. */
export async function summaryCard(deps: WorkflowDeps, actorId: string, cycleId: string, lang: Lang, charts: ChartUrls): Promise<Card> {
  const check = async (repo: WorkflowRepo) => {
    const actor = await actorOf(repo, actorId);
    await allow(repo, actor, 'view_company_aggregates', { kind: 'company' });
    return { actor, cycle: await openCycle(repo, cycleId, ['reviewing', 'calibrating', 'published', 'closed']) };
  };
  await deps.uow.run(check);
  // Charts read the store themselves: never inside a transaction (PGlite has one connection).
  const chartList = await charts(cycleId, lang);
  return deps.uow.run(async (repo) => {
    const { actor, cycle } = await check(repo);
    return buildDiagnosisSummaryCard(await summaryView(repo, cycle.id, lang, chartList), { post: actor.role === 'hr' });
  });
}

/** HR posts the summary: every leader gets it (and the leadership channel, when a platform is configured). */
export async function postLeadershipSummary(deps: WorkflowDeps, actorId: string, cycleId: string, lang: Lang, charts: ChartUrls): Promise<Card> {
  const check = async (repo: WorkflowRepo) => {
    await allow(repo, await actorOf(repo, actorId), 'post_leadership_summary', { kind: 'company' });
    return openCycle(repo, cycleId, ['reviewing', 'calibrating', 'published', 'closed']);
  };
  await deps.uow.run(check);
  const chartList = await charts(cycleId, lang);
  return deps.uow.run(async (repo) => {
    const cycle = await check(repo);
    const card = buildDiagnosisSummaryCard(await summaryView(repo, cycle.id, lang, chartList));
    const org = await repo.org();
    const leaders = org.employeeIds().filter((id) => org.employee(id)!.role === 'leader');
    for (const id of leaders) await repo.send(id, card);
    await repo.audit([{ actor: actorId, action: 'summary.post', entity: 'cycle', entityId: cycle.id, after: { recipients: leaders, findings: card.blocks.length } }]);
    return card;
  });
}
