// createApp(): the Hono app for every runtime. Routes live one per file in
// routes/ and register themselves on the app they are given.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { swaggerUI } from '@hono/swagger-ui';
import { requestId } from 'hono/request-id';
import type { Store } from '../db/store.ts';
import type { Lang } from '../engine/types.ts';
import { errorBody, HttpError, onError } from './errors.ts';
import { matchToken, type ApiToken } from './tokens.ts';
import { registerHealth } from './routes/health.ts';
import { registerImport } from './routes/import.ts';
import { registerValues } from './routes/values.ts';
import { registerDiagnosis } from './routes/diagnosis.ts';
import { registerResults } from './routes/results.ts';

export interface AppDeps {
  store: Store;
  tokens: readonly ApiToken[];
  lang: Lang;
  /**
   * The request body's bytes, the runtime's cheapest way; by default through
   * the Fetch API. The Node entry reads the socket's stream into one buffer.
   */
  readBody?: (c: Context) => Promise<Uint8Array>;
}

/** readBody through the Fetch API, for any runtime. */
export const fetchBody = async (c: Context): Promise<Uint8Array> => new Uint8Array(await c.req.arrayBuffer());

export type AppEnv = { Variables: { requestId: string; apiClient: string } };
export type App = OpenAPIHono<AppEnv>;

export function createApp(deps: AppDeps): App {
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue ? issue.path.join('.') : '';
        return c.json(errorBody(c, 'BAD_INPUT', `${where ? where + ': ' : ''}${issue?.message ?? 'invalid request'}`, { issues: result.error.issues }), 400);
      }
      return undefined;
    },
  });
  app.use('*', requestId());
  app.onError(onError);
  app.notFound((c) => c.json(errorBody(c, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`), 404));

  // Bearer tokens for the API; the description and its page are public.
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path === '/api/v1/openapi.json') return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new HttpError(401, 'UNAUTHORIZED', 'send Authorization: Bearer <token> (a secret from PANDIAN_API_TOKENS)');
    const name = await matchToken(deps.tokens, match[1]!);
    if (name === null) throw new HttpError(401, 'UNAUTHORIZED', 'unknown API token');
    c.set('apiClient', name);
    return next();
  });

  registerHealth(app, deps);
  registerImport(app, deps);
  registerValues(app, deps);
  registerDiagnosis(app, deps);
  registerResults(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'pandian API', version: '1', description: '盘点: performance review data in and diagnosis out' },
  });
  app.get('/api/docs', swaggerUI({ url: '/api/v1/openapi.json' }));
  return app;
}
