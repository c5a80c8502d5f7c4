import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { testStore } from '../../test/support/database.ts';
import { folderForm } from '../../test/support/folder-form.ts';
import type { Store } from '../db/store.ts';
import { createApp, type App } from './app.ts';
import { parseApiTokens } from './tokens.ts';

const SECRET = 'crm-secret-0123456789abcdef';
const auth = { authorization: `Bearer ${SECRET}` };
let app: App;
let store: Store;
let dispose: () => Promise<void>;

async function cliJson(args: string[]): Promise<string> {
  let out = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: () => {} });
  expect(code).toBe(0);
  return out;
}

beforeAll(async () => {
  ({ store, dispose } = await testStore());
  app = createApp({ store, tokens: parseApiTokens(`crm:${SECRET}`), lang: 'zh' });
});
afterAll(() => dispose());

describe('health', () => {
  it('answers liveness and readiness', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });
});

describe('security', () => {
  it('refuses the API without a token, with a wrong token, and with a wrong scheme', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-secret-at-all' }, { authorization: `Basic ${SECRET}` }];
    for (const headers of attempts) {
      const res = await app.request('/api/v1/cycles/2026/diagnosis', { headers });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { code: string; requestId: string };
      expect(body.code).toBe('UNAUTHORIZED');
      expect(body.requestId).not.toBe('');
    }
  });
});

describe('import and diagnosis', () => {
  it('rejects a bad folder with the file, line and column, and stores nothing', async () => {
    const values = (await readFile('examples/demo/values.csv', 'utf8')).split('\n');
    values[5] = values[5]!.replace(/^(2024,)E\d+/, '$1E999');
    const res = await app.request('/api/v1/import', { method: 'POST', headers: auth, body: await folderForm('examples/demo', { 'values.csv': values.join('\n') }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; file: string; line: number; column: string; message: string };
    expect(body).toMatchObject({ code: 'BAD_INPUT', file: 'values.csv', line: 6, column: 'employee_id' });
    expect(body.message).toContain('E999');
    expect(await store.isEmpty()).toBe(true);
  });

  it('refuses a body that is not files in multipart/form-data, naming what is wrong', async () => {
    const json = await app.request('/api/v1/import', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { message: string }).message).toContain('multipart/form-data');
    const field = new FormData();
    field.append('values.csv', 'cycle,employee_id');
    const plain = await app.request('/api/v1/import', { method: 'POST', headers: auth, body: field });
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { message: string }).message).toBe('part "values.csv" must be a file');
    const cut = await app.request('/api/v1/import', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=B' },
      body: '--B\r\nContent-Disposition: form-data; name="values.csv"; filename="values.csv"\r\n\r\ncycle,employee_id',
    });
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { message: string }).message).toContain('closing boundary');
    expect(await store.isEmpty()).toBe(true);
  });

  it('imports the demo folder and serves exactly what `pandian diagnose --json` prints', async () => {
    const res = await app.request('/api/v1/import', { method: 'POST', headers: auth, body: await folderForm('examples/demo') });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ employees: 60, cycles: ['2024', '2025', '2026'] });
    for (const [cycle, lang] of [['2026', 'zh'], ['2025', 'en']] as const) {
      const api = await app.request(`/api/v1/cycles/${cycle}/diagnosis?lang=${lang}`, { headers: auth });
      expect(api.status).toBe(200);
      expect((await api.text()) + '\n').toBe(await cliJson(['diagnose', 'examples/demo', '--json', '--cycle', cycle, '--lang', lang]));
    }
  });

  it('answers an unknown cycle with 404 UNKNOWN_CYCLE', async () => {
    const res = await app.request('/api/v1/cycles/1999/diagnosis', { headers: auth });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('UNKNOWN_CYCLE');
  });
});

describe('values sync', () => {
  const body = (actual: number) =>
    JSON.stringify({ rows: [{ cycle: '2026', employeeId: 'E004', indicatorId: 'sales', source: 'system', target: 1000000, actual, sourceRef: 'HT-SYNC-9' }] });
  it('is idempotent on the key and validated by the schema', async () => {
    const put = (b: string) => app.request('/api/v1/values', { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: b });
    expect(await (await put(body(5))).json()).toEqual({ received: 1, inserted: 1, updated: 0, unchanged: 0 });
    expect(await (await put(body(5))).json()).toEqual({ received: 1, inserted: 0, updated: 0, unchanged: 1 });
    expect(await (await put(body(6))).json()).toEqual({ received: 1, inserted: 0, updated: 1, unchanged: 0 });
    const bad = await put(JSON.stringify({ rows: [{ cycle: '2026', employeeId: 'E004', indicatorId: 'sales', source: 'crm' }] }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('rows.0.source');
  });
});

describe('results export', () => {
  it('exports one CSV row per scored employee and neutralises formula cells', async () => {
    const employees = (await readFile('examples/demo/employees.csv', 'utf8')).replace('E004,', 'E004,').split('\n');
    employees[4] = employees[4]!.replace(/^(E\d+),[^,]+,/, '$1,=HYPERLINK("http://evil"),');
    await app.request('/api/v1/import', { method: 'POST', headers: auth, body: await folderForm('examples/demo', { 'employees.csv': employees.join('\n') }) });
    const res = await app.request('/api/v1/cycles/2026/results.csv', { headers: auth });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('employee_id,name,department_id,score,grade,rank,monthly_salary,raise_rate,raise_amount,promotion,development_indicator,training');
    expect(lines).toHaveLength(1 + 59); // E002 has no assignment
    const evil = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(evil).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('OpenAPI', () => {
  it('describes every API route and serves a page to try it', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/v1/cycles/{cycle}/diagnosis', '/api/v1/cycles/{cycle}/results.csv', '/api/v1/import', '/api/v1/values']);
    expect(Object.keys(doc.paths['/api/v1/values']!)).toEqual(['put']);
    const upload = doc.paths['/api/v1/import']!.post as { requestBody: { content: Record<string, { schema: unknown }> } };
    expect(upload.requestBody.content['multipart/form-data']!.schema).toEqual({ type: 'object', additionalProperties: { type: 'string', format: 'binary' } });
    const page = await app.request('/api/docs');
    expect(await page.text()).toContain('/api/v1/openapi.json');
  });
});
