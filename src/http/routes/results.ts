import { createRoute, z } from '@hono/zod-openapi';
import { payrollResults } from '../../workflow/results.ts';
import type { App, AppDeps } from '../app.ts';
import { csvLine } from '../csv-export.ts';
import { HttpError } from '../errors.ts';
import { CycleParam, errorResponses } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/cycles/{cycle}/results.csv',
  summary: 'Results for payroll (CSV)',
  description: 'One row per scored employee: score, grade, raise, promotion and development. Once the cycle is published, the published results (with calibration overrides and upheld appeals); before, what publishing would give now. Text cells that a spreadsheet would run as a formula are neutralised.',
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
    // Once published, the stored results (calibration overrides and upheld appeals included); before, what publishing would store.
    const rows = await deps.store.run((repo) => payrollResults(repo, cycle));
    let body = '\ufeff' + csvLine(HEADER);
    for (const r of rows) {
      body += csvLine([r.employeeId, r.employee?.name ?? '', r.departmentId, r.score, r.grade, r.rank, r.employee?.salary ?? null, r.raiseRate, r.raiseAmount, r.promotion, r.developmentIndicator, r.developmentTraining]);
    }
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="results-${cycle}.csv"` });
  });
}
