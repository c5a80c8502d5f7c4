// Issue 3's figure: importing 100,000 value rows through the API on the local
// Postgres, against loading the same CSV with `psql \copy` into a bare table.
// Run: npx tsx bench/import-api.ts  (needs Postgres on 127.0.0.1:5432, trust auth)
import { serve } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { generateCompany } from './generate-company.ts';
import { openPostgres } from '../src/db/connect.ts';
import { importSecretKey } from '../src/db/crypto/sealed.ts';
import { Store } from '../src/db/store.ts';
import { createApp } from '../src/http/app.ts';
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
const floors: number[] = [];
for (let i = 0; i < 3; i++) {
  psql('truncate bare');
  const t0 = performance.now();
  const r = psql(`\\copy bare from '${join(dir, 'values.csv')}' with (format csv, header true)`);
  floors.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(r.stderr);
}

const database = await openPostgres(url.toString());
await database.migrate();
const store = new Store(database, await importSecretKey(randomBytes(32).toString('base64')));
const app = createApp({ store, tokens: parseApiTokens('bench:bench-secret-0123456789'), lang: 'zh' });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((ok) => server.once('listening', () => ok()));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const timings: number[] = [];
for (let i = 0; i < 3; i++) {
  const form = new FormData();
  for (const [file, text] of Object.entries(files)) form.append(file, new Blob([text]), file);
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/import`, { method: 'POST', headers: { authorization: 'Bearer bench-secret-0123456789' }, body: form });
  await res.text();
  timings.push(performance.now() - t0);
  if (res.status !== 200) throw new Error(`import failed: ${res.status}`);
}

server.close();
await database.close();
await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
await admin.close();

const best = (xs: number[]) => Math.min(...xs);
const result = { rows, floorMs: best(floors), apiMs: best(timings), ratio: best(timings) / best(floors), floors, timings };
console.log(JSON.stringify(result));
