// A cycle's results, one way for everyone who needs them: publication stores
// them, and the payroll export reads the stored ones once there are any (so
// calibration overrides and upheld appeals reach payroll), else computes them
// exactly as publication would.
import { applyRules } from '../engine/apply-results.ts';
import { employeeResults } from '../engine/employee-results.ts';
import { groupByCycle, scoreCycle } from '../engine/score-cycle.ts';
import type { Dataset, Employee } from '../engine/types.ts';
import type { ResultRow, WorkflowRepo } from './ports.ts';

export interface ComputedResults {
  rows: ResultRow[];
  raiseTotal: number;
  scale: number;
}

/**
 * Every scored employee's result by the cycle's policy, a reviewer's override
 * (the last one, with its reason on record) replacing the computed score
 * before grading; raises scaled to the budget, promotions, development.
 */
export async function computeResults(repo: WorkflowRepo, cycleId: string, data: Dataset): Promise<ComputedResults> {
  const scored = scoreCycle(data, cycleId, groupByCycle(data.values).get(cycleId) ?? []);
  const submissions = new Map((await repo.submissions(cycleId)).map((s) => [s.employeeId, s]));
  for (const e of scored.employees) {
    const s = submissions.get(e.employee.id);
    const override = s ? (await repo.reviews(s.id)).filter((r) => r.overrideScore !== null).pop() : undefined;
    if (override?.overrideScore != null) e.score = override.overrideScore;
  }
  const results = employeeResults(scored);
  const applied = applyRules(cycleId, results, scored.policy, data);
  const raises = new Map(applied.raises.map((r) => [r.employeeId, r]));
  const promoted = new Set(applied.promotions.map((p) => p.employeeId));
  const development = new Map(applied.development.map((d) => [d.employeeId, d]));
  const rows = results.map(
    (r): ResultRow => ({
      cycleId,
      employeeId: r.employeeId,
      score: r.score,
      grade: r.grade,
      rank: r.rank,
      percentile: r.percentile,
      raiseRate: raises.get(r.employeeId)?.rate ?? 0,
      raiseAmount: raises.get(r.employeeId)?.amount ?? null,
      promotion: promoted.has(r.employeeId),
      developmentIndicator: development.get(r.employeeId)?.weakestIndicator ?? null,
      developmentTraining: development.get(r.employeeId)?.training ?? null,
      status: 'published',
    }),
  );
  return { rows, raiseTotal: applied.raiseTotal, scale: applied.scale };
}

export interface PayrollRow extends ResultRow {
  employee: Employee | undefined;
  departmentId: string;
}

/** The rows payroll gets, in the order of the employee file. Reading them is for HR's reach; callers check. */
export async function payrollResults(repo: WorkflowRepo, cycleId: string): Promise<PayrollRow[]> {
  const data = await repo.dataset();
  const stored = await repo.results(cycleId);
  const rows = stored.length > 0 ? stored : (await computeResults(repo, cycleId, data)).rows;
  const position = new Map(data.employees.map((e, i) => [e.id, i]));
  const byId = new Map(data.employees.map((e) => [e.id, e]));
  const at = (id: string) => position.get(id) ?? Infinity;
  return [...rows]
    .sort((a, b) => at(a.employeeId) - at(b.employeeId) || (a.employeeId < b.employeeId ? -1 : 1))
    .map((r) => ({ ...r, employee: byId.get(r.employeeId), departmentId: byId.get(r.employeeId)?.departmentId ?? '' }));
}
