// Issue 3's figure: importing 100,000 value rows through the API on the local
// Postgres, against loading the same CSV with `psql \copy` into a bare table.
// Run: npm run build && npx tsx bench/import-api.ts  (needs Postgres on
// 127.0.0.1:5432, trust auth)
//
// The service is the one that ships: `pandian serve` (bin/pandian.mjs over
// dist/), a process of its own, on a new database. It imports the files
// once to warm the process up (a service runs for days; its first request
// pays for compiling the code); then, three times, every table is emptied
// and a first import into the empty database is timed, then the same files
// again. Two such services: six first imports, each beside a floor.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { generateCompany } from './generate-company.ts';
import { openPostgres } from '../src/db/connect.ts';

const ADMIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = 'bench/data/import100k';
const SERVICE = 'bin/pandian.mjs';
if (!existsSync('dist/main.mjs')) throw new Error('dist/main.mjs is missing: run npm run build first');
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
const psql = (target: string, command: string) => spawnSync('psql', [target, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { encoding: 'utf8' });
psql(url.toString(), 'create table bare (cycle text, employee_id text, indicator_id text, source text, target float8, actual float8, rating int, source_ref text)');
function timedFloor(): number {
  psql(url.toString(), 'truncate bare');
  const t0 = performance.now();
  const r = psql(url.toString(), `\\copy bare from '${join(dir, 'values.csv')}' with (format csv, header true)`);
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  return ms;
}

/** `pandian serve` on a new database; `run` gets the import URL and what empties the database. */
async function withService(run: (importUrl: string, empty: () => void) => Promise<void>): Promise<void> {
  const dbName = `pandian_bench_${randomBytes(4).toString('hex')}`;
  await admin.db.execute(sql.raw(`create database ${dbName}`));
  const dbUrl = new URL(ADMIN);
  dbUrl.pathname = `/${dbName}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    PANDIAN_SECRET_KEY: randomBytes(32).toString('base64'),
    PANDIAN_API_TOKENS: 'bench:bench-secret-0123456789',
    PANDIAN_DEMO: '0',
    PANDIAN_LANG: 'en',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  const service = spawn(process.execPath, [SERVICE, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await listening(service);
    // Every table of the schema emptied, sequences reset: as a new database.
    const empty = () => {
      const r = psql(
        dbUrl.toString(),
        `do $$ begin execute (select 'truncate ' || string_agg(format('%I', tablename), ', ') || ' restart identity' from pg_tables where schemaname = 'public'); end $$`,
      );
      if (r.status !== 0) throw new Error(r.stderr);
    };
    await run(`${base}/api/v1/import`, empty);
  } finally {
    if (service.exitCode === null && service.signalCode === null) {
      const exited = new Promise((ok) => service.once('exit', ok));
      service.kill('SIGTERM');
      await exited;
    }
    await admin.db.execute(sql.raw(`drop database ${dbName} with (force)`));
  }
}

/** The service's address, from the line it prints once listening. */
function listening(service: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: service.stdout! });
    lines.on('line', (line) => {
      const at = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (at) resolve(at[1]!);
    });
    service.once('exit', (code) => reject(new Error(`pandian serve exited with ${code} before listening`)));
  });
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

// The figure: a first import into an empty database, six times (three in
// each of two services), each beside a floor measured just before it (the
// machine's load varies). Also: importing the same files again (it
// replaces the import's rows).
const floors: number[] = [];
const timings: number[] = [];
const reimports: number[] = [];
for (let service = 0; service < 2; service++) {
  await withService(async (importUrl, empty) => {
    await timedImport(importUrl);
    for (let round = 0; round < 3; round++) {
      empty();
      floors.push(timedFloor());
      timings.push(await timedImport(importUrl));
      reimports.push(await timedImport(importUrl));
    }
  });
}

await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
await admin.close();

const best = (xs: number[]) => Math.min(...xs);
const result = { rows, floorMs: best(floors), apiMs: best(timings), ratio: best(timings) / best(floors), reimportMs: best(reimports), floors, timings, reimports };
console.log(JSON.stringify(result));
