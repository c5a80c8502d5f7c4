// Evidence in any S3-compatible store (AWS S3, R2, MinIO, OSS, COS) through
// aws4fetch, which signs with WebCrypto and so runs on Node and Workers alike.
import { AwsClient } from 'aws4fetch';
import { BlobStoreError, sha256Hex } from './blob-store.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';

export interface S3BlobStoreConfig {
  /** e.g. `https://s3.eu-central-1.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, `http://minio:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Retries on 5xx and 429, with backoff; default 3 (aws4fetch's own default of 10 can stall a request for a minute). */
  retries?: number;
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export class S3BlobStore implements BlobStore {
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(config: S3BlobStoreConfig) {
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      // Explicit: aws4fetch guesses the service from the host name, which fails for MinIO or a custom domain.
      service: 's3',
      retries: config.retries ?? 3,
    });
    // Path-style (`endpoint/bucket/key`): the one form every S3-compatible store accepts.
    this.base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  }

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    // A signed payload hash (not UNSIGNED-PAYLOAD): the store rejects a body damaged on the way.
    const res = await this.client.fetch(this.url(key), {
      method: 'PUT',
      body: data as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': contentType, 'x-amz-content-sha256': await sha256Hex(data) },
    });
    if (!res.ok) throw await failure('PUT', key, res);
    await res.body?.cancel();
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.client.fetch(this.url(key), { method: 'GET', headers: { 'x-amz-content-sha256': EMPTY_SHA256 } });
    if (!res.ok) {
      const error = await failure('GET', key, res);
      // A missing bucket is also a 404: a misconfiguration, not a missing file.
      if (res.status === 404 && error.s3Code !== 'NoSuchBucket') return null;
      throw error;
    }
    return new Uint8Array(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.url(key), { method: 'DELETE', headers: { 'x-amz-content-sha256': EMPTY_SHA256 } });
    if (res.ok) {
      await res.body?.cancel();
      return;
    }
    const error = await failure('DELETE', key, res);
    if (res.status !== 404 || error.s3Code === 'NoSuchBucket') throw error;
  }

  async list(prefix: string): Promise<StoredBlob[]> {
    const out: StoredBlob[] = [];
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ 'list-type': '2', prefix });
      if (token !== undefined) query.set('continuation-token', token);
      const res = await this.client.fetch(`${this.base}?${query}`, { method: 'GET', headers: { 'x-amz-content-sha256': EMPTY_SHA256 } });
      if (!res.ok) throw await failure('LIST', prefix, res);
      // ListObjectsV2's XML is flat and regular: its few fields are read with patterns, not a parser.
      const xml = await res.text();
      for (const [, contents] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = /<Key>([\s\S]*?)<\/Key>/.exec(contents!)?.[1];
        const modified = /<LastModified>([^<]*)<\/LastModified>/.exec(contents!)?.[1];
        if (key === undefined || modified === undefined) throw new BlobStoreError('BLOB_STORE_FAILED', `S3 LIST ${prefix}: an entry without Key or LastModified`);
        out.push({ key: xmlText(key), storedAt: new Date(modified) });
      }
      const next = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml) && next !== undefined ? xmlText(next) : undefined;
    } while (token !== undefined);
    return out;
  }

  private url(key: string): string {
    return `${this.base}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }
}

/** S3 errors are XML with a `<Code>` such as AccessDenied or NoSuchBucket: name it, not the whole body. */
async function failure(method: string, key: string, res: Response): Promise<BlobStoreError & { s3Code: string | undefined }> {
  const text = await res.text().catch(() => '');
  const s3Code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const error = new BlobStoreError(
    'BLOB_STORE_FAILED',
    `S3 ${method} ${key} failed: ${res.status}${s3Code ? ` ${s3Code}` : ''}; check the endpoint, bucket and credentials`,
  );
  return Object.assign(error, { s3Code });
}

/** The text of an XML element's content: the five predefined entities and character references decoded. */
function xmlText(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return named[ref] ?? whole;
  });
}
