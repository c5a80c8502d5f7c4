import type { Application, Dataset, EmployeeResult, Policy } from './types.ts';
import { employeeResults } from './employee-results.ts';
import { resolveCycle } from './diagnose.ts';
import { roundHalfUp } from './numeric.ts';
import { gradingOrder } from './ranking.ts';
import { groupByCycle, scoreCycle } from './score-cycle.ts';

/**
 * The consequences of a cycle's results, by the policy's rules:
 * - promotions: the top round-half-up(promotionTopShare * n) in grading order whose
 *   grade is one of promotionGrades (best first);
 * - development: the bottom round-half-up(developmentBottomShare * n) (worst first),
 *   each with the weakest indicator (lowest s; ties: first in assignment order) and
 *   the training the catalog maps to it;
 * - raises: rate = rates[grade], amount = rate * monthly salary (null without a salary);
 *   when the total exceeds the budget, every rate and amount is scaled by
 *   budget / total. Example: totals 12,000 against a budget of 9,000 -> scale 0.75.
 */
export function applyResults(data: Dataset, cycle?: string): Application {
  const { cycle: c } = resolveCycle(data, cycle);
  const scored = scoreCycle(data, c, groupByCycle(data.values).get(c) ?? []);
  return applyRules(c, employeeResults(scored), scored.policy, data);
}

/** The rules of applyResults over results already computed (the workflow publishes these). */
export function applyRules(
  cycle: string,
  results: readonly EmployeeResult[],
  policy: Policy,
  data: Pick<Dataset, 'employees' | 'training'>,
): Application {
  const { results: rules, raises } = policy;
  const order = gradingOrder(results);
  const n = order.length;

  const top = roundHalfUp(rules.promotionTopShare * n);
  const promotions = order
    .slice(0, top)
    .filter((e) => rules.promotionGrades.includes(e.grade))
    .map((e) => ({ employeeId: e.employeeId, score: e.score, grade: e.grade }));

  const bottom = roundHalfUp(rules.developmentBottomShare * n);
  const development = order
    .slice(n - bottom)
    .reverse()
    .map((e) => {
      let weakest: string | null = null;
      let lowest = Infinity;
      for (const i of e.indicators) {
        if (i.score < lowest) {
          lowest = i.score;
          weakest = i.indicatorId;
        }
      }
      return {
        employeeId: e.employeeId,
        score: e.score,
        weakestIndicator: weakest,
        training: weakest === null ? null : (data.training[weakest] ?? null),
      };
    });

  const salaries = new Map(data.employees.map((e) => [e.id, e.salary]));
  let total = 0;
  const unscaled = results.map((e) => {
    const rate = raises.rates[e.grade] ?? 0;
    const salary = salaries.get(e.employeeId) ?? null;
    const amount = salary === null ? null : rate * salary;
    total += amount ?? 0;
    return { employeeId: e.employeeId, grade: e.grade, rate, amount };
  });
  const scale = raises.budget !== null && total > raises.budget ? raises.budget / total : 1;
  const raiseList = unscaled.map((r) => ({
    ...r,
    rate: r.rate * scale,
    amount: r.amount === null ? null : r.amount * scale,
  }));
  return {
    cycle,
    promotions,
    development,
    raises: raiseList,
    raiseTotal: total * scale,
    budget: raises.budget,
    scale,
  };
}
