// The Workers runtime: bindings -> Postgres for this request -> store -> app.
// Serves the API, its description and the health checks; the local console and
// its charts need the Node service (`npm start`). The Worker never migrates:
// run `pandian migrate` from Node against the same database before deploying.
import type { ExecutionContext } from 'hono';
import { importSecretKey } from '../db/crypto/sealed.ts';
import type { Database } from '../db/database.ts';
import type { Lang } from '../engine/types.ts';
import { postgresDb } from '../db/postgres.ts';
import { Store } from '../db/store.ts';
import { createApp } from '../http/app.ts';
import { HttpError } from '../http/errors.ts';
import { parseApiTokens, type ApiToken } from '../http/tokens.ts';
import { readWorkerEnv } from './env.ts';

interface Config {
  databaseUrl: string;
  sealKey: CryptoKey;
  tokens: ApiToken[];
  lang: Lang;
}

// Per isolate, per bindings object: the validated env, the imported key and the
// parsed tokens. No socket is kept here: a connection is tied to one request.
const configs = new WeakMap<object, Promise<Config>>();

function configFor(bindings: object): Promise<Config> {
  let config = configs.get(bindings);
  if (config === undefined) {
    config = (async () => {
      const env = readWorkerEnv(bindings);
      return { databaseUrl: env.databaseUrl, sealKey: await importSecretKey(env.PANDIAN_SECRET_KEY), tokens: parseApiTokens(env.PANDIAN_API_TOKENS), lang: env.PANDIAN_LANG };
    })();
    configs.set(bindings, config);
  }
  return config;
}

const NODE_ONLY_PATHS = ['/', '/console/*'];

export default {
  async fetch(request: Request, bindings: object, ctx: ExecutionContext): Promise<Response> {
    let config: Config;
    try {
      config = await configFor(bindings);
    } catch (err) {
      // A deployment without its secrets: say which one, never a value.
      console.error(`pandian: ${(err as Error).message}`);
      const code = (err as { code?: unknown }).code;
      return Response.json(
        { code: typeof code === 'string' ? code : 'BAD_ENV', message: (err as Error).message, requestId: crypto.randomUUID() },
        { status: 500 },
      );
    }
    // Workers forbid reusing a socket across requests: one client per request,
    // closed after the response (postgres.js connects on the first query only).
    const pg = postgresDb(config.databaseUrl, { max: 5, fetchTypes: false });
    const database: Database = {
      db: pg.db,
      kind: 'postgres',
      migrate: () => Promise.reject(new Error('the Worker does not migrate: run `pandian migrate` from Node with DATABASE_URL')),
      close: pg.close,
    };
    const app = createApp({ store: new Store(database, config.sealKey), tokens: config.tokens, lang: config.lang });
    for (const path of NODE_ONLY_PATHS) {
      app.all(path, () => {
        throw new HttpError(404, 'NODE_ONLY', 'the console and its charts run only in the Node service (npm start, pandian serve); this Worker serves /api/v1/*, /api/docs, /healthz and /readyz');
      });
    }
    try {
      return await app.fetch(request, bindings, ctx);
    } finally {
      ctx.waitUntil(pg.close());
    }
  },
};
