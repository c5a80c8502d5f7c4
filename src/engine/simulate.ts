import type { Dataset, Policy, Simulation, SimulationEmployee } from './types.ts';
import { employeeResults } from './employee-results.ts';
import { gradeNames } from './grading.ts';
import { resolveCycle } from './diagnose.ts';
import { policyFor } from './policy-lookup.ts';
import { groupByCycle, scoreCycle } from './score-cycle.ts';
import { mean, spearman } from './stats.ts';

/**
 * What a proposed policy would do to one cycle: every employee scored under both
 * the cycle's policy and the proposal, their grades, Spearman rho between the two
 * score lists, the grade transition matrix (before -> after, zeros included), how
 * many moved up or down a grade, and each department's mean before and after.
 * Employees scored under only one of the two policies are left out.
 * Nothing is written.
 */
export function simulate(data: Dataset, proposal: Policy, cycle?: string): Simulation {
  const { cycle: c } = resolveCycle(data, cycle);
  const rows = groupByCycle(data.values).get(c) ?? [];
  const current = policyFor(data, c);
  const before = employeeResults(scoreCycle({ ...data, policy: current, cyclePolicies: {} }, c, rows));
  const after = new Map(
    employeeResults(scoreCycle({ ...data, policy: proposal, cyclePolicies: {} }, c, rows)).map((e) => [e.employeeId, e]),
  );
  const namesBefore = gradeNames(current.grading);
  const namesAfter = gradeNames(proposal.grading);
  const transitions: Record<string, Record<string, number>> = {};
  for (const g of namesBefore) transitions[g] = Object.fromEntries(namesAfter.map((h) => [h, 0]));

  const employees: SimulationEmployee[] = [];
  const departments = new Map<string, { before: number[]; after: number[] }>();
  let movedUp = 0;
  let movedDown = 0;
  for (const b of before) {
    const a = after.get(b.employeeId);
    if (!a) continue;
    employees.push({
      employeeId: b.employeeId,
      scoreBefore: b.score,
      scoreAfter: a.score,
      gradeBefore: b.grade,
      gradeAfter: a.grade,
    });
    transitions[b.grade]![a.grade]! += 1;
    // A lower index in the grade list is a better grade.
    const delta = namesAfter.indexOf(a.grade) - namesBefore.indexOf(b.grade);
    if (delta < 0) movedUp++;
    else if (delta > 0) movedDown++;
    const d = departments.get(b.departmentId) ?? { before: [], after: [] };
    d.before.push(b.score);
    d.after.push(a.score);
    departments.set(b.departmentId, d);
  }
  return {
    cycle: c,
    spearman: spearman(
      employees.map((e) => e.scoreBefore),
      employees.map((e) => e.scoreAfter),
    ),
    movedUp,
    movedDown,
    transitions,
    departments: [...departments.entries()]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([departmentId, d]) => ({ departmentId, meanBefore: mean(d.before), meanAfter: mean(d.after) })),
    employees,
  };
}

/** The employees whose score changed most, largest |after - before| first (ties by id). */
export function largestMovers(sim: Simulation, count = 10): SimulationEmployee[] {
  return [...sim.employees]
    .sort((p, q) => {
      const d = Math.abs(q.scoreAfter - q.scoreBefore) - Math.abs(p.scoreAfter - p.scoreBefore);
      return d !== 0 ? d : p.employeeId < q.employeeId ? -1 : 1;
    })
    .slice(0, count);
}
