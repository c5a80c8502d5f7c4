// Issue 3's figure: importing 100,000 value rows through the API on the local
// Postgres, against loading the same CSV with `psql \copy` into a bare table.
// Run: npx tsx bench/import-api.ts  (needs Postgres on 127.0.0.1:5432, trust auth)
import { serve } from '@hono/node-server';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { generateCompany } from './generate-company.ts';
import { openPostgres } from '../src/db/connect.ts';
import { importSecretKey } from '../src/db/crypto/sealed.ts';
import { Store } from '../src/db/store.ts';
import { createApp } from '../src/http/app.ts';
import { nodeBody } from '../src/http/node-body.ts';
import { parseApiTokens } from '../src/http/tokens.ts';

const ADMIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = 'bench/data/import100k';
// 8,400 people x 12 indicators in one cycle, plus self rows: just over 100,000 value rows.
const files = generateCompany(8400, { cycles: 1 });
await mkdir(dir, { recursive: true });
for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
const rows = files['values.csv']!.trim().split('\n').length - 1;

const name = `pandian_bench_${randomBytes(4).toString('hex')}`;
const admin = await openPostgres(ADMIN, { max: 1 });
await admin.db.execute(sql.raw(`create database ${name}`));
const url = new URL(ADMIN);
url.pathname = `/${name}`;

// The floor: psql \copy of the same values.csv into a bare table.
const psql = (command: string) => spawnSync('psql', [url.toString(), '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { encoding: 'utf8' });
psql('create table bare (cycle text, employee_id text, indicator_id text, source text, target float8, actual float8, rating int, source_ref text)');
function timedFloor(): number {
  psql('truncate bare');
  const t0 = performance.now();
  const r = psql(`\\copy bare from '${join(dir, 'values.csv')}' with (format csv, header true)`);
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  return ms;
}

/** A fresh, migrated database behind the real HTTP service; `run` gets the import URL. */
async function withService(run: (importUrl: string) => Promise<void>): Promise<void> {
  const dbName = `pandian_bench_${randomBytes(4).toString('hex')}`;
  await admin.db.execute(sql.raw(`create database ${dbName}`));
  const dbUrl = new URL(ADMIN);
  dbUrl.pathname = `/${dbName}`;
  const database = await openPostgres(dbUrl.toString());
  await database.migrate();
  const store = new Store(database, await importSecretKey(randomBytes(32).toString('base64')));
  // As src/entry/node.ts composes it: the body read from the socket's stream.
  const app = createApp({ store, tokens: parseApiTokens('bench:bench-secret-0123456789'), lang: 'zh', readBody: nodeBody });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    await run(`http://127.0.0.1:${port}/api/v1/import`);
  } finally {
    server.close();
    await database.close();
    await admin.db.execute(sql.raw(`drop database ${dbName} with (force)`));
  }
}

/**
 * One POST of the whole folder by curl, a process of its own as psql is for
 * the floor: timed from its start to its exit, so both figures include
 * starting a client, reading the files and sending them.
 */
async function timedImport(importUrl: string): Promise<number> {
  const parts = Object.keys(files).flatMap((file) => ['-F', `${file}=@${join(dir, file)}`]);
  const t0 = performance.now();
  const curl = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'authorization: Bearer bench-secret-0123456789', ...parts, importUrl]);
  let status = '';
  curl.stdout.on('data', (chunk: Buffer) => (status += chunk.toString()));
  const code = await new Promise<number | null>((ok) => curl.on('close', ok));
  const ms = performance.now() - t0;
  if (code !== 0 || status !== '200') throw new Error(`import failed: curl exit ${code}, HTTP ${status}`);
  return ms;
}

// The figure: a first import into an empty database, three times, each in a new one,
// each beside a floor measured just before it (the machine's load varies).
// Also: importing the same files again (it replaces the import's rows).
const floors: number[] = [];
const timings: number[] = [];
const reimports: number[] = [];
for (let i = 0; i < 3; i++) {
  floors.push(timedFloor());
  await withService(async (importUrl) => {
    timings.push(await timedImport(importUrl));
    reimports.push(await timedImport(importUrl));
  });
}

await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
await admin.close();

const best = (xs: number[]) => Math.min(...xs);
const result = { rows, floorMs: best(floors), apiMs: best(timings), ratio: best(timings) / best(floors), reimportMs: best(reimports), floors, timings, reimports };
console.log(JSON.stringify(result));
