// Reading what a card shows: the workflow's data shaped as cards/views.ts.
import type { AnomalyLine, AppealView, CycleControlView, EvidenceLine, IndicatorLine, ResultView, ReviewView, SubmissionView } from '../../cards/views.ts';
import { assignmentFor } from '../engine/policy-lookup.ts';
import { scoreCycle } from '../engine/score-cycle.ts';
import type { Dataset, Lang, Policy, ValueRow } from '../engine/types.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';
import type { AppealRow, CycleRow, EvidenceRow, SubmissionRow, WorkflowRepo } from './ports.ts';

/** A deadline as people read it: `2026-12-07 12:48 UTC`. */
export function readableTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function employeeName(org: Awaited<ReturnType<WorkflowRepo['org']>>, id: string): string {
  return org.employee(id)?.name ?? id;
}

/** The indicators assigned to one employee, with every source's value side by side. */
export function indicatorLines(policy: Policy, employee: { departmentId: string; role: string }, rows: readonly ValueRow[]): IndicatorLine[] {
  const assignment = assignmentFor(policy, employee as Parameters<typeof assignmentFor>[1]) ?? [];
  return assignment.map(({ id, weight }) => {
    const indicator = policy.indicators.find((i) => i.id === id)!;
    const mine = rows.filter((r) => r.indicatorId === id);
    const bySource = (s: ValueRow['source']) => mine.find((r) => r.source === s);
    const counted = bySource('manager') ?? bySource('system') ?? bySource('self');
    return {
      indicatorId: id,
      name: indicator.name,
      kind: indicator.kind,
      unit: indicator.unit,
      weight,
      direction: indicator.kind === 'quantitative' ? indicator.direction : null,
      target: counted?.target ?? mine.find((r) => r.target !== null)?.target ?? null,
      systemActual: bySource('system')?.actual ?? null,
      selfActual: bySource('self')?.actual ?? null,
      managerActual: bySource('manager')?.actual ?? null,
      rating: counted?.rating ?? null,
      ratingMax: policy.ratingMax,
    };
  });
}

/** The score of one employee with their rows as they stand now (no grade: that needs everyone). */
export function currentScore(policy: Policy, employeeId: string, org: Awaited<ReturnType<WorkflowRepo['org']>>, rows: ValueRow[], cycle: string): number {
  const employee = org.employee(employeeId);
  if (!employee) return 0;
  const data: Dataset = { policy, cyclePolicies: {}, departments: [], employees: [employee], values: rows, attributes: [], training: {} };
  return scoreCycle(data, cycle, rows).employees[0]?.score ?? 0;
}

/** Evidence rows as card lines, each with its download link (checked again on download). */
function evidenceLines(deps: WorkflowDeps, rows: readonly EvidenceRow[]): EvidenceLine[] {
  return rows.map((e) => ({ id: e.id, fileName: e.fileName, size: e.size, sha256: e.sha256, indicatorId: e.indicatorId, url: deps.evidenceUrl(e.id) }));
}

export async function submissionView(deps: WorkflowDeps, repo: WorkflowRepo, cycle: CycleRow, employeeId: string, lang: Lang): Promise<SubmissionView> {
  const org = await repo.org();
  const employee = org.employee(employeeId) ?? fail('NOT_FOUND', '找不到该员工', 'No such employee');
  const policy = await repo.policyOf(cycle);
  const submission = await repo.submission(cycle.id, employeeId);
  return {
    lang,
    cycle: cycle.id,
    employeeId,
    employeeName: employee.name,
    status: submission?.status ?? 'draft',
    version: submission?.version ?? 0,
    deadline: readableTime(cycle.deadlines.collecting),
    summary: submission?.summary ?? null,
    returnComment: submission?.status === 'returned' ? await lastReturnComment(repo, submission) : null,
    indicators: indicatorLines(policy, employee, await repo.values(cycle.id, employeeId)),
    evidence: evidenceLines(deps, await repo.evidence(cycle.id, employeeId)),
  };
}

async function lastReturnComment(repo: WorkflowRepo, s: SubmissionRow): Promise<string | null> {
  const returns = (await repo.reviews(s.id)).filter((r) => r.decision === 'return');
  return returns[returns.length - 1]?.comment ?? null;
}

export async function reviewView(deps: WorkflowDeps, repo: WorkflowRepo, cycle: CycleRow, submission: SubmissionRow, level: number, lang: Lang): Promise<ReviewView> {
  const org = await repo.org();
  const employee = org.employee(submission.employeeId)!;
  const policy = await repo.policyOf(cycle);
  const rows = await repo.values(cycle.id, submission.employeeId);
  const names = new Map(policy.indicators.map((i) => [i.id, i.name]));
  const dataset = await repo.dataset();
  const anomalies: AnomalyLine[] = (await repo.anomalies(cycle.id, submission.employeeId)).map((a) => ({
    id: a.id,
    kind: a.kind,
    indicatorId: a.indicatorId,
    indicatorName: names.get(a.indicatorId) ?? a.indicatorId,
    value: a.value,
    expected: a.expected,
    robustZ: a.robustZ,
    sourceRef: a.sourceRef,
    status: a.status,
  }));
  return {
    lang,
    cycle: cycle.id,
    submissionId: submission.id,
    version: submission.version,
    level,
    levels: cycle.reviewLevels,
    employeeId: employee.id,
    employeeName: employee.name,
    departmentName: dataset.departments.find((d) => d.id === employee.departmentId)?.name ?? employee.departmentId,
    summary: submission.summary,
    indicators: indicatorLines(policy, employee, rows),
    evidence: evidenceLines(deps, await repo.evidence(cycle.id, employee.id)),
    anomalies,
    score: currentScore(policy, employee.id, org, rows, cycle.id),
  };
}

export async function resultView(deps: WorkflowDeps, repo: WorkflowRepo, cycle: CycleRow, employeeId: string, lang: Lang, change: ResultView['change'] = null): Promise<ResultView> {
  const org = await repo.org();
  const result = (await repo.result(cycle.id, employeeId)) ?? fail('NOT_FOUND', '该周期的结果尚未发布', 'No published result for this cycle');
  const policy = await repo.policyOf(cycle);
  const rows = await repo.values(cycle.id, employeeId);
  const employee = org.employee(employeeId)!;
  const data: Dataset = { policy, cyclePolicies: {}, departments: [], employees: [employee], values: rows, attributes: [], training: {} };
  const scored = scoreCycle(data, cycle.id, rows).employees[0];
  const names = new Map(policy.indicators.map((i) => [i.id, i.name]));
  const waiting = (await repo.appeals(cycle.id)).find((a) => a.employeeId === employeeId && (a.status === 'open' || a.status === 'escalated'));
  return {
    lang,
    cycle: cycle.id,
    employeeId,
    employeeName: employee.name,
    score: result.score,
    grade: result.grade,
    rank: result.rank,
    percentile: result.percentile,
    indicators: (scored?.indicators ?? []).map((i) => ({ name: names.get(i.indicatorId) ?? i.indicatorId, weight: i.weight, score: i.score, completion: i.completion })),
    raiseRate: result.raiseRate,
    raiseAmount: result.raiseAmount,
    promotion: result.promotion,
    development: result.developmentIndicator ? { indicatorName: names.get(result.developmentIndicator) ?? result.developmentIndicator, training: result.developmentTraining } : null,
    status: result.status,
    change,
    appeal: waiting ? { id: waiting.id, evidence: evidenceLines(deps, await repo.appealEvidence(waiting.id)) } : null,
  };
}

export async function appealView(deps: WorkflowDeps, repo: WorkflowRepo, cycle: CycleRow, appeal: AppealRow, lang: Lang): Promise<AppealView> {
  const org = await repo.org();
  const result = await repo.result(cycle.id, appeal.employeeId);
  const policy = await repo.policyOf(cycle);
  const rows = await repo.values(cycle.id, appeal.employeeId);
  const employee = org.employee(appeal.employeeId)!;
  const lines = indicatorLines(policy, employee, rows).filter((l) => l.kind === 'quantitative');
  return {
    lang,
    appealId: appeal.id,
    cycle: cycle.id,
    employeeId: appeal.employeeId,
    employeeName: employee.name,
    reason: appeal.reason,
    dueAt: readableTime(appeal.dueAt.toISOString())!,
    escalated: appeal.status === 'escalated',
    score: result?.score ?? 0,
    grade: result?.grade ?? '',
    check: (appeal.autoCheck as AppealView['check'] | null) ?? [],
    indicators: lines.map((l) => ({ indicatorId: l.indicatorId, name: l.name, actual: l.managerActual ?? l.systemActual ?? l.selfActual, target: l.target })),
    evidence: evidenceLines(deps, await repo.appealEvidence(appeal.id)),
  };
}

export async function cycleControlView(repo: WorkflowRepo, cycle: CycleRow, lang: Lang): Promise<CycleControlView> {
  const org = await repo.org();
  const policy = await repo.policyOf(cycle);
  const scoredIds = org.employeeIds().filter((id) => assignmentFor(policy, org.employee(id)!) !== undefined);
  const submissions = new Map((await repo.submissions(cycle.id)).map((s) => [s.employeeId, s]));
  const appeals = await repo.appeals(cycle.id);
  const late: CycleControlView['late'] = [];
  if (cycle.stage === 'collecting') {
    for (const id of scoredIds) {
      const s = submissions.get(id);
      if (!s || s.status === 'draft' || s.status === 'returned') late.push({ employeeId: id, name: employeeName(org, id), task: 'submit' });
    }
  } else if (cycle.stage === 'reviewing') {
    for (const s of submissions.values()) {
      if (s.status === 'submitted' || s.status === 'approved_first') late.push({ employeeId: s.employeeId, name: employeeName(org, s.employeeId), task: 'review' });
    }
  }
  const i = ['draft', 'collecting', 'reviewing', 'calibrating', 'published', 'closed'].indexOf(cycle.stage);
  return {
    lang,
    cycle: cycle.id,
    stage: cycle.stage,
    deadline: readableTime(cycle.deadlines[cycle.stage]),
    counts: {
      employees: scoredIds.length,
      submitted: [...submissions.values()].filter((s) => s.status !== 'draft' && s.status !== 'returned').length,
      approved: [...submissions.values()].filter((s) => s.status === 'approved').length,
      openAnomalies: await repo.countOpenAnomalies(cycle.id),
      openAppeals: appeals.filter((a) => a.status === 'open' || a.status === 'escalated').length,
    },
    late,
    next: cycle.stage === 'closed' ? null : ['collecting', 'reviewing', 'calibrating', 'published', 'closed'][i]!,
  };
}
