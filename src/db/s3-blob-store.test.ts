import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getVerified, sha256Hex } from './blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';
import type { S3BlobStoreConfig } from './s3-blob-store.ts';

const BUCKET = 'evidence';
const REGION = 'cn-north-1';
const ACCESS_KEY_ID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/**
 * A fake S3: objects in a Map, every request recorded. It checks what a real
 * S3 checks, from the signature down: SigV4 computed here independently of
 * aws4fetch, the payload hash against the body, and the credential scope.
 */
class FakeS3 {
  readonly objects = new Map<string, { body: Buffer; contentType: string; modified: Date }>();
  /** Keys per ListObjectsV2 page: small, so that listing pages through continuation tokens. */
  pageSize = 2;
  readonly requests: { method: string; key: string; authorization: string; contentSha256: string }[] = [];
  failWith: number | null = null;
  server: Server = createServer((req, res) => void this.handle(req, res));

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url!, 'http://x');
    const path = url.pathname;
    const [, bucket, ...rest] = path.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    const authorization = header(req, 'authorization');
    const contentSha256 = header(req, 'x-amz-content-sha256');
    this.requests.push({ method: req.method!, key, authorization, contentSha256 });

    if (this.failWith !== null) return reply(res, this.failWith, 'InternalError');
    const problem = checkSignature(req, path, url.searchParams, authorization, contentSha256, body);
    if (problem !== null) return reply(res, 403, problem);
    if (bucket !== BUCKET) return reply(res, 404, 'NoSuchBucket');
    if (req.method === 'PUT') {
      this.objects.set(key, { body, contentType: header(req, 'content-type'), modified: new Date() });
      return reply(res, 200);
    }
    if (req.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') return this.list(res, url.searchParams);
    const object = this.objects.get(key);
    if (req.method === 'GET') {
      if (!object) return reply(res, 404, 'NoSuchKey');
      res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.body.length });
      res.end(object.body);
      return;
    }
    if (req.method === 'DELETE') {
      this.objects.delete(key);
      return reply(res, 204);
    }
    return reply(res, 405, 'MethodNotAllowed');
  }

  /** ListObjectsV2: keys in order, a page at a time; the continuation token is the last key of the page before. */
  list(res: ServerResponse, query: URLSearchParams): void {
    const prefix = query.get('prefix') ?? '';
    const after = query.get('continuation-token') ?? '';
    const keys = [...this.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const page = keys.slice(0, this.pageSize);
    const truncated = keys.length > page.length;
    const xmlEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
    const contents = page.map((k) => `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${this.objects.get(k)!.modified.toISOString()}</LastModified><Size>1</Size></Contents>`).join('');
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${BUCKET}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount>` +
        `<IsTruncated>${truncated}</IsTruncated>${contents}${truncated ? `<NextContinuationToken>${xmlEscape(page.at(-1)!)}</NextContinuationToken>` : ''}</ListBucketResult>`,
    );
  }
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

function reply(res: ServerResponse, status: number, code?: string): void {
  res.writeHead(status, code ? { 'content-type': 'application/xml' } : {});
  res.end(code ? `<?xml version="1.0"?><Error><Code>${code}</Code><Message>fake</Message></Error>` : undefined);
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/** SigV4 as AWS documents it; null when it holds, else the S3 error code. */
function checkSignature(req: IncomingMessage, path: string, query: URLSearchParams, authorization: string, contentSha256: string, body: Buffer): string | null {
  const m = AUTH.exec(authorization);
  if (!m) return 'AuthorizationHeaderMalformed';
  const [, accessKeyId, date, region, signedHeaders, signature] = m as unknown as string[];
  if (accessKeyId !== ACCESS_KEY_ID) return 'InvalidAccessKeyId';
  if (region !== REGION) return 'AuthorizationHeaderMalformed';
  const amzDate = header(req, 'x-amz-date');
  if (!amzDate.startsWith(date!)) return 'AuthorizationHeaderMalformed';
  if (!/^[0-9a-f]{64}$/.test(contentSha256)) return 'InvalidArgument';
  if (contentSha256 !== createHash('sha256').update(body).digest('hex')) return 'XAmzContentSHA256Mismatch';
  const names = signedHeaders!.split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date']) if (!names.includes(required)) return 'AccessDenied';
  const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const canonicalUri = path.split('/').map((s) => rfc3986(decodeURIComponent(s))).join('/');
  const canonicalHeaders = names.map((n) => `${n}:${header(req, n).trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalQuery = [...query.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, contentSha256].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  let signingKey: Buffer = Buffer.from(`AWS4${SECRET}`);
  for (const part of [date!, region!, 's3', 'aws4_request']) signingKey = createHmac('sha256', signingKey).update(part).digest();
  return createHmac('sha256', signingKey).update(toSign).digest('hex') === signature ? null : 'SignatureDoesNotMatch';
}

const fake = new FakeS3();
let config: S3BlobStoreConfig;

beforeAll(async () => {
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  const { port } = fake.server.address() as AddressInfo;
  config = { endpoint: `http://127.0.0.1:${port}/`, bucket: BUCKET, region: REGION, accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET };
});
afterAll(async () => {
  await new Promise((resolve) => fake.server.close(resolve));
});
beforeEach(() => {
  fake.objects.clear();
  fake.requests.length = 0;
  fake.failWith = null;
});

const PDF = new TextEncoder().encode('%PDF-1.7 quarterly sales evidence 销售额');

describe('S3BlobStore', () => {
  it('puts and gets an object, path-style, with its content type', async () => {
    const store = new S3BlobStore(config);
    await store.put('cycle-2025/emp-7/a1b2.pdf', PDF, 'application/pdf');
    expect(fake.objects.get('cycle-2025/emp-7/a1b2.pdf')?.contentType).toBe('application/pdf');
    expect(await store.get('cycle-2025/emp-7/a1b2.pdf')).toEqual(PDF);
    expect(fake.requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
  });

  it('signs every request with SigV4 and the payload hash', async () => {
    const store = new S3BlobStore(config);
    await store.put('k', PDF, 'application/pdf');
    await store.get('k');
    await store.delete('k');
    for (const r of fake.requests) {
      expect(r.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/\\d{8}/${REGION}/s3/aws4_request, SignedHeaders=\\S+, Signature=[0-9a-f]{64}$`));
    }
    expect(fake.requests[0]!.contentSha256).toBe(await sha256Hex(PDF));
    expect(fake.requests[1]!.contentSha256).toBe(await sha256Hex(new Uint8Array()));
  });

  it('handles keys that need encoding', async () => {
    const store = new S3BlobStore(config);
    const key = "evidence/张三 (2025)/report's final+v2.pdf";
    await store.put(key, PDF, 'application/pdf');
    expect([...fake.objects.keys()]).toEqual([key]);
    expect(await store.get(key)).toEqual(PDF);
  });

  it('lists the keys under a prefix with their times, through every page, keys with XML entities decoded', async () => {
    const store = new S3BlobStore(config);
    const keys = ['evidence/a', 'evidence/b&c', 'evidence/d<e>', 'evidence/f', 'evidence/g h'];
    for (const k of keys) await store.put(k, PDF, 'application/pdf');
    await store.put('charts/x.png', PDF, 'image/png');
    fake.objects.get('evidence/a')!.modified = new Date('2026-01-05T00:00:00.000Z');
    fake.requests.length = 0;
    const listed = await store.list('evidence/');
    expect(listed.map((b) => b.key)).toEqual(keys);
    expect(listed[0]!.storedAt.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    // Five keys, two a page: three signed requests, each accepted by the fake's SigV4 check over the query.
    expect(fake.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(await store.list('nothing/')).toEqual([]);
  });

  it('names the S3 error when listing is refused', async () => {
    const store = new S3BlobStore({ ...config, secretAccessKey: 'not-the-secret' });
    await expect(store.list('evidence/')).rejects.toMatchObject({ code: 'BLOB_STORE_FAILED', message: expect.stringMatching(/S3 LIST evidence\/ failed: 403 SignatureDoesNotMatch/) });
  });

  it('returns null for a missing object', async () => {
    expect(await new S3BlobStore(config).get('nothing-here')).toBeNull();
  });

  it('deletes an object, and deleting it again is fine', async () => {
    const store = new S3BlobStore(config);
    await store.put('k', PDF, 'application/pdf');
    await store.delete('k');
    expect(fake.objects.size).toBe(0);
    expect(await store.get('k')).toBeNull();
    await expect(store.delete('k')).resolves.toBeUndefined();
  });

  it('names the S3 error code when the store refuses a wrong secret', async () => {
    const store = new S3BlobStore({ ...config, secretAccessKey: 'not-the-secret' });
    await expect(store.put('k', PDF, 'application/pdf')).rejects.toMatchObject({
      code: 'BLOB_STORE_FAILED',
      message: expect.stringMatching(/S3 PUT k failed: 403 SignatureDoesNotMatch/),
    });
  });

  it('treats a missing bucket as a misconfiguration, not a missing file', async () => {
    const store = new S3BlobStore({ ...config, bucket: 'other' });
    const refused = { code: 'BLOB_STORE_FAILED', message: expect.stringMatching(/404 NoSuchBucket/) };
    await expect(store.get('k')).rejects.toMatchObject(refused);
    await expect(store.delete('k')).rejects.toMatchObject(refused);
  });

  it('retries a server error as configured, then fails', async () => {
    fake.failWith = 503;
    const store = new S3BlobStore({ ...config, retries: 1 });
    await expect(store.get('k')).rejects.toMatchObject({ code: 'BLOB_STORE_FAILED', message: expect.stringMatching(/503 InternalError/) });
    expect(fake.requests).toHaveLength(2);
  });
});

describe('getVerified over S3BlobStore', () => {
  it('returns bytes that match their SHA-256', async () => {
    const store = new S3BlobStore(config);
    await store.put('k', PDF, 'application/pdf');
    expect(await getVerified(store, 'k', await sha256Hex(PDF))).toEqual(PDF);
    expect(await getVerified(store, 'k', (await sha256Hex(PDF)).toUpperCase())).toEqual(PDF);
  });

  it('refuses an object altered in storage: EVIDENCE_CORRUPT', async () => {
    const store = new S3BlobStore(config);
    await store.put('k', PDF, 'application/pdf');
    const stored = fake.objects.get('k')!.body;
    stored[3] = stored[3]! ^ 0xff;
    await expect(getVerified(store, 'k', await sha256Hex(PDF))).rejects.toMatchObject({ code: 'EVIDENCE_CORRUPT' });
  });

  it('reports a missing object: EVIDENCE_NOT_FOUND', async () => {
    await expect(getVerified(new S3BlobStore(config), 'gone', await sha256Hex(PDF))).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
  });
});
