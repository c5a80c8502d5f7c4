import { createRoute, z } from '@hono/zod-openapi';
import { diagnose } from '../../engine/diagnose.ts';
import type { App, AppDeps } from '../app.ts';
import { HttpError } from '../errors.ts';
import { CycleParam, errorResponses, LangQuery } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/cycles/{cycle}/diagnosis',
  summary: 'The diagnosis of a cycle',
  description: 'Exactly the document `pandian diagnose --json` prints for the same data.',
  security: [{ Bearer: [] }],
  request: { params: CycleParam, query: LangQuery },
  responses: {
    200: { description: 'The diagnosis (FORMATS.md, diagnose --json)', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
    404: { description: 'Unknown cycle', content: { 'application/json': { schema: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) } } },
    ...errorResponses,
  },
});

export function registerDiagnosis(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { cycle } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    if (!(await deps.store.cycleExists(cycle))) throw new HttpError(404, 'UNKNOWN_CYCLE', `cycle "${cycle}" does not exist`);
    const data = await deps.store.loadDataset();
    const result = diagnose(data, { cycle, lang: lang ?? deps.lang });
    return c.json(result as unknown as Record<string, unknown>, 200);
  });
}
