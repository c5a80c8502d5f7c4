// The Node service over a real socket (startServer on the embedded database):
// the import reads its body from the socket's stream (http/node-body.ts), and
// refuses an upload bigger than an import takes before reading it.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderForm } from '../../test/support/folder-form.ts';
import { MAX_IMPORT_BYTES } from '../http/routes/import.ts';
import { startServer } from './node.ts';

const SECRET = 'node-http-test-secret-0123456789';
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandian-node-http-'));
  server = await startServer({ demoFolder: 'examples/demo', log: () => {}, env: { PORT: '0', HOST: '127.0.0.1', PANDIAN_DATA_DIR: dir, PANDIAN_LANG: 'en', PANDIAN_DEMO: '0', PANDIAN_API_TOKENS: `ci:${SECRET}` } });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('POST /api/v1/import on the Node service', () => {
  it('imports a folder sent over the socket', async () => {
    const res = await fetch(`${base}/api/v1/import`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: await folderForm('examples/demo') });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ departments: 6, employees: 60, values: 906, cycles: ['2024', '2025', '2026'] });
  });

  it('refuses an upload larger than an import takes, from its Content-Length, before reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base}/api/v1/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'multipart/form-data; boundary=B', 'content-length': String(MAX_IMPORT_BYTES + 1) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write('--B\r\n');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'TOO_LARGE' });
  });
});
