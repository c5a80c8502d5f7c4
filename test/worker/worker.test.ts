// The Worker as Cloudflare runs it: the bundle `wrangler deploy` uploads, and
// the same code under `wrangler dev` (workerd, on this machine) against the
// machine's Postgres, answering as the Node app does for the same data.
// .ci/run runs this project after the Postgres suites (`vitest run --project worker`).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSecretKey } from '../../src/db/crypto/sealed.ts';
import { MIGRATION_TAGS } from '../../src/db/migrations.ts';
import { Store } from '../../src/db/store.ts';
import { createApp, type App } from '../../src/http/app.ts';
import { parseApiTokens } from '../../src/http/tokens.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { folderForm } from '../support/folder-form.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
const SECRET = 'worker-test-0123456789abcdef';
const auth = { authorization: `Bearer ${SECRET}` };
// No telemetry, no error-report prompt, no fetch of the Request.cf template: this machine has no network.
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

/** postgres.js's Workers build imports these (the reason for nodejs_compat); nothing else may come from Node. */
const ALLOWED_BUILTINS = new Set(['node:buffer', 'node:events', 'node:stream']);
/** Node-only code, as esbuild names each module it bundles (`// node_modules/<pkg>/...`, `// src/...`). */
const NODE_ONLY = ['node_modules/@electric-sql/pglite/', 'node_modules/@napi-rs/canvas/', 'node_modules/chart.js/', 'node_modules/@hono/node-server/', 'adapters/console/', 'src/charts/', 'src/db/connect.ts', 'src/entry/node.ts'];

describe('the Worker bundle', () => {
  it('builds with npm run build:worker and imports nothing Node-only', async () => {
    await promisify(execFile)('npm', ['run', '--silent', 'build:worker'], { cwd: ROOT, env });
    const js = await readFile(join(ROOT, 'dist-worker/worker.js'), 'utf8');
    const builtins = new Set([...js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["'](node:[\w/]+)["']/g)].map((m) => m[1]!));
    expect([...builtins].filter((b) => !ALLOWED_BUILTINS.has(b))).toEqual([]);
    expect(NODE_ONLY.filter((marker) => js.includes(marker))).toEqual([]);
    expect(js).toContain('src/entry/worker.ts');
  });
});

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

describe('wrangler dev on Postgres', () => {
  let db: TestDatabase;
  let node: App;
  let dev: ChildProcess | undefined;
  let devLog = '';
  let base = '';
  let scratch = '';
  const worker = (path: string, init?: RequestInit) => fetch(base + path, init);

  beforeAll(async () => {
    // A fresh database, migrated from Node: the Worker never migrates.
    db = await testDatabase();
    if (db.url === undefined) throw new Error('the Worker test needs Postgres (the worker project sets PANDIAN_TEST_POSTGRES=1)');
    const keyText = randomBytes(32).toString('base64');
    node = createApp({ store: new Store(db.database, await importSecretKey(keyText)), tokens: parseApiTokens(`ci:${SECRET}`), lang: 'zh' });

    scratch = await mkdtemp(join(tmpdir(), 'pandian-worker-'));
    const envFile = join(scratch, '.env');
    await writeFile(envFile, `DATABASE_URL=${db.url}\nPANDIAN_SECRET_KEY=${keyText}\nPANDIAN_API_TOKENS=ci:${SECRET}\n`);
    const [port, inspector] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--env-file', envFile, '--persist-to', join(scratch, 'state'), '--show-interactive-dev-session=false'];
    // Its own process group, so workerd goes when the test ends it.
    dev = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (b: Buffer) => (devLog += b.toString()));
    dev.stderr!.on('data', (b: Buffer) => (devLog += b.toString()));
    const deadline = Date.now() + 45_000;
    for (;;) {
      if (dev.exitCode !== null) throw new Error(`wrangler dev exited ${dev.exitCode}:\n${devLog}`);
      const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`wrangler dev did not answer /healthz in 45 s:\n${devLog}`);
      await new Promise((ok) => setTimeout(ok, 250));
    }
  });

  afterAll(async () => {
    if (dev?.pid !== undefined && dev.exitCode === null) {
      const exited = new Promise((ok) => dev!.once('exit', ok));
      process.kill(-dev.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))]);
    }
    if (scratch) await rm(scratch, { recursive: true, force: true });
    await db?.dispose();
  });

  it('answers liveness and readiness from the database', async () => {
    expect(await (await worker('/healthz')).json()).toEqual({ ok: true });
    const ready = await worker('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, detail: `${MIGRATION_TAGS.length} migrations applied` });
  });

  it('refuses the API without a token, or with an unknown one', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-configured-token' }] as Record<string, string>[]) {
      const res = await worker('/api/v1/cycles/2026/diagnosis', { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });

  it('imports the demo folder and diagnoses it exactly as the Node app does', async () => {
    const res = await worker('/api/v1/import', { method: 'POST', headers: auth, body: await folderForm(join(ROOT, 'examples/demo')) });
    const summary = (await res.json()) as { cycles: string[]; employees: number };
    if (res.status !== 200) {
      // The Worker's own log says why; it prints the stack trace just after answering.
      await new Promise((ok) => setTimeout(ok, 500));
      expect.fail(`POST /api/v1/import: ${res.status} ${JSON.stringify(summary)}\nwrangler dev:\n${devLog.slice(-3000)}`);
    }
    expect(summary.employees).toBe(60);
    for (const cycle of summary.cycles) {
      const fromWorker = await worker(`/api/v1/cycles/${cycle}/diagnosis`, { headers: auth });
      const fromNode = await node.request(`/api/v1/cycles/${cycle}/diagnosis`, { headers: auth });
      expect(fromWorker.status).toBe(200);
      expect(await fromWorker.json()).toEqual(await fromNode.json());
    }
    // Salaries and raises are sealed: the CSV proves the Worker opens what it sealed.
    const last = summary.cycles.at(-1)!;
    const csv = await worker(`/api/v1/cycles/${last}/results.csv`, { headers: auth });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toBe(await (await node.request(`/api/v1/cycles/${last}/results.csv`, { headers: auth })).text());
  });

  it('describes the API, and says the console is Node-only', async () => {
    const doc = (await (await worker('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/v1/import');
    expect((await worker('/api/docs')).status).toBe(200);
    for (const path of ['/', '/console/charts/2026/zh/grades.png']) {
      const res = await worker(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'NODE_ONLY' });
    }
  });
});
