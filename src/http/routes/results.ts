import { createRoute, z } from '@hono/zod-openapi';
import { applyRules } from '../../engine/apply-results.ts';
import { employeeResults } from '../../engine/employee-results.ts';
import { groupByCycle, scoreCycle } from '../../engine/score-cycle.ts';
import type { App, AppDeps } from '../app.ts';
import { csvLine } from '../csv-export.ts';
import { HttpError } from '../errors.ts';
import { CycleParam, errorResponses } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/cycles/{cycle}/results.csv',
  summary: 'Results for payroll (CSV)',
  description: 'One row per scored employee: score, grade, raise, promotion and development. Text cells that a spreadsheet would run as a formula are neutralised.',
  security: [{ Bearer: [] }],
  request: { params: CycleParam },
  responses: {
    200: { description: 'CSV, UTF-8 with a BOM for Excel', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
});

const HEADER = ['employee_id', 'name', 'department_id', 'score', 'grade', 'rank', 'monthly_salary', 'raise_rate', 'raise_amount', 'promotion', 'development_indicator', 'training'];

export function registerResults(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { cycle } = c.req.valid('param');
    if (!(await deps.store.cycleExists(cycle))) throw new HttpError(404, 'UNKNOWN_CYCLE', `cycle "${cycle}" does not exist`);
    const data = await deps.store.loadDataset();
    const scored = scoreCycle(data, cycle, groupByCycle(data.values).get(cycle) ?? []);
    const results = employeeResults(scored);
    const applied = applyRules(cycle, results, scored.policy, data);
    const byId = new Map(data.employees.map((e) => [e.id, e]));
    const raises = new Map(applied.raises.map((r) => [r.employeeId, r]));
    const promoted = new Set(applied.promotions.map((p) => p.employeeId));
    const development = new Map(applied.development.map((d) => [d.employeeId, d]));
    let body = '\ufeff' + csvLine(HEADER);
    for (const r of results) {
      const e = byId.get(r.employeeId);
      const raise = raises.get(r.employeeId);
      const dev = development.get(r.employeeId);
      body += csvLine([r.employeeId, e?.name ?? '', r.departmentId, r.score, r.grade, r.rank, e?.salary ?? null, raise?.rate ?? 0, raise?.amount ?? null, promoted.has(r.employeeId), dev?.weakestIndicator ?? null, dev?.training ?? null]);
    }
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="results-${cycle}.csv"` });
  });
}
