// The Node runtime: env -> database -> store -> app -> HTTP server.
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { registerConsole, consoleWorkflowDeps } from '../../adapters/console/routes.ts';
import { ConsoleCharts } from '../../adapters/console/charts.ts';
import { startClock } from '../workflow/clock.ts';
import { resolve } from 'node:path';
import { openDatabase, type Database } from '../db/connect.ts';
import { importSecretKey } from '../db/crypto/sealed.ts';
import { Store, systemClock } from '../db/store.ts';
import { S3BlobStore } from '../db/s3-blob-store.ts';
import { createApp } from '../http/app.ts';
import { nodeBody } from '../http/node-body.ts';
import { parseApiTokens } from '../http/tokens.ts';
import { seedDemo } from './demo.ts';
import { EnvError, readEnv, type Env } from './env.ts';
import { loadOrCreateSecretKey } from './secret-key-file.ts';

export interface Runtime {
  env: Env;
  database: Database;
  store: Store;
  close(): Promise<void>;
}

/** Opens and migrates the database and builds the store; the embedded default makes its own key. */
export async function openRuntime(source: Record<string, string | undefined> = process.env): Promise<Runtime> {
  const env = readEnv(source);
  const dataDir = resolve(env.PANDIAN_DATA_DIR);
  const keyText = env.PANDIAN_SECRET_KEY ?? (env.DATABASE_URL ? undefined : await loadOrCreateSecretKey(dataDir));
  if (keyText === undefined) {
    throw new EnvError('environment variable PANDIAN_SECRET_KEY: required with DATABASE_URL (salaries are encrypted with it); create one with `openssl rand -base64 32`');
  }
  const sealKey = await importSecretKey(keyText);
  const database = await openDatabase({ DATABASE_URL: env.DATABASE_URL, PANDIAN_DATA_DIR: dataDir });
  await database.migrate();
  const blobs = env.PANDIAN_S3_BUCKET
    ? new S3BlobStore({
        endpoint: env.PANDIAN_S3_ENDPOINT!,
        bucket: env.PANDIAN_S3_BUCKET,
        region: env.PANDIAN_S3_REGION!,
        accessKeyId: env.PANDIAN_S3_ACCESS_KEY_ID!,
        secretAccessKey: env.PANDIAN_S3_SECRET_ACCESS_KEY!,
      })
    : undefined;
  return { env, database, store: new Store(database, sealKey, systemClock, blobs), close: () => database.close() };
}

/** `npm start` and `pandian serve`: the service, with the demo company when the database is empty. */
export async function startServer(opts: { demoFolder: string; log?: (line: string) => void; env?: Record<string, string | undefined> }): Promise<{ close(): Promise<void>; port: number; store: Store }> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const runtime = await openRuntime(opts.env ?? process.env);
  const { env, store } = runtime;
  if (env.PANDIAN_DEMO === '1' && (await store.isEmpty())) {
    await seedDemo(store, opts.demoFolder);
    log(env.PANDIAN_LANG === 'zh' ? '已载入演示公司（examples/demo）' : 'Loaded the demo company (examples/demo)');
  }
  const tokens = parseApiTokens(env.PANDIAN_API_TOKENS);
  const app = createApp({ store, tokens, lang: env.PANDIAN_LANG, readBody: nodeBody });
  registerConsole(app, { store, lang: env.PANDIAN_LANG, remoteAddress: (c) => getConnInfo(c).remote.address });
  // The clock's work: built once, run every minute.
  const wf = consoleWorkflowDeps(store, env.PANDIAN_LANG, new ConsoleCharts(store));
  const clock = startClock(wf, env.PANDIAN_LANG, log, { background: true });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  const where = `http://${env.HOST}:${port}`;
  log(`pandian ${runtime.database.kind} ${where}  (console: ${where}/  API docs: ${where}/api/docs)`);
  if (tokens.length === 0) log(env.PANDIAN_LANG === 'zh' ? '未设置 PANDIAN_API_TOKENS：API 将拒绝所有请求' : 'PANDIAN_API_TOKENS is not set: the API refuses every request');
  return {
    port,
    store,
    close: async () => {
      await clock.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      await runtime.close();
    },
  };
}
