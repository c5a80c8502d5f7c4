import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app.ts';
import { errorResponses, IngestSummarySchema, PutValuesBody } from '../schemas.ts';

const route = createRoute({
  method: 'put',
  path: '/api/v1/values',
  summary: 'Sync system-of-record values',
  description: 'Idempotent on (cycle, employee, indicator, source, sourceRef): the same rows again change nothing. Within one request the last row of a key wins.',
  security: [{ Bearer: [] }],
  request: { body: { content: { 'application/json': { schema: PutValuesBody } }, required: true } },
  responses: {
    200: { description: 'Stored', content: { 'application/json': { schema: IngestSummarySchema } } },
    ...errorResponses,
  },
});

export function registerValues(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { rows } = c.req.valid('json');
    const summary = await deps.store.ingestValues(rows, `api:${c.get('apiClient')}`);
    return c.json(summary, 200);
  });
}
