// The Worker's entry in Node, with plain Requests: what it answers before and
// without a database (the Worker on real Postgres: test/worker/).
import { describe, expect, it } from 'vitest';
import worker from './worker.ts';

const KEY = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
// A port nothing listens on: these requests must not need the database.
const NOWHERE = 'postgres://postgres@127.0.0.1:9/none';

function context() {
  const waited: Promise<unknown>[] = [];
  return { waited, ctx: { waitUntil: (p: Promise<unknown>) => void waited.push(p), passThroughOnException: () => {}, props: {} } };
}

async function call(path: string, bindings: object) {
  const { ctx, waited } = context();
  const res = await worker.fetch(new Request(`http://worker${path}`), bindings, ctx);
  await Promise.all(waited);
  return { res, body: (await res.json()) as Record<string, unknown>, waited: waited.length };
}

describe('the Worker entry', () => {
  it('serves liveness and closes the request’s Postgres client after the response', async () => {
    const { res, body, waited } = await call('/healthz', { DATABASE_URL: NOWHERE, PANDIAN_SECRET_KEY: KEY });
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true });
    expect(waited).toBe(1);
  });
  it('accepts a Hyperdrive binding instead of DATABASE_URL', async () => {
    const { res } = await call('/api/v1/openapi.json', { HYPERDRIVE: { connectionString: NOWHERE }, PANDIAN_SECRET_KEY: KEY });
    expect(res.status).toBe(200);
  });
  it('answers a missing secret with a JSON error naming it, never a crash', async () => {
    const { res, body } = await call('/healthz', { DATABASE_URL: NOWHERE });
    expect(res.status).toBe(500);
    expect(body).toMatchObject({ code: 'BAD_ENV', message: expect.stringMatching(/^environment variable PANDIAN_SECRET_KEY/) });
    const noDb = await call('/healthz', { PANDIAN_SECRET_KEY: KEY });
    expect(noDb.body.message).toMatch(/DATABASE_URL/);
  });
  it('says the console and charts are Node-only', async () => {
    for (const path of ['/', '/console/charts/2026/zh/grades.png', '/console/font.ttf']) {
      const { res, body } = await call(path, { DATABASE_URL: NOWHERE, PANDIAN_SECRET_KEY: KEY });
      expect(res.status).toBe(404);
      expect(body).toMatchObject({ code: 'NODE_ONLY' });
    }
  });
});
