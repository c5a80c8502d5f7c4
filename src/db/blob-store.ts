// Evidence files behind a small port: the database store by default (every
// process of a deployment sees the same files), S3-compatible storage for
// large companies. Callers keep each file's SHA-256 beside its metadata and
// read through `getVerified`, so a file altered or damaged in storage is
// refused rather than served.

export interface BlobStore {
  /** Stores `data` under `key`, replacing any previous object. */
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every key that starts with `prefix`, with when its bytes were last put (evidence-sweep.ts). */
  list(prefix: string): Promise<StoredBlob[]>;
}

export interface StoredBlob {
  key: string;
  storedAt: Date;
}

export type BlobStoreErrorCode = 'EVIDENCE_NOT_FOUND' | 'EVIDENCE_CORRUPT' | 'BLOB_STORE_FAILED';

export class BlobStoreError extends Error {
  constructor(
    readonly code: BlobStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BlobStoreError';
  }
}

/** Lower-case hex SHA-256 of `data`, e.g. `''` -> `e3b0c442...b855`. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  // The cast only rules out a SharedArrayBuffer backing, which no caller uses.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The bytes under `key` if they hash to `expectedSha256` (hex, any case); else EVIDENCE_NOT_FOUND or EVIDENCE_CORRUPT. */
export async function getVerified(store: BlobStore, key: string, expectedSha256: string): Promise<Uint8Array> {
  const data = await store.get(key);
  if (data === null) throw new BlobStoreError('EVIDENCE_NOT_FOUND', `evidence file ${key} is missing from storage`);
  const actual = await sha256Hex(data);
  if (actual !== expectedSha256.toLowerCase()) {
    throw new BlobStoreError(
      'EVIDENCE_CORRUPT',
      `evidence file ${key} does not match its recorded SHA-256 (expected ${expectedSha256.slice(0, 12)}..., got ${actual.slice(0, 12)}...); it was altered or damaged in storage`,
    );
  }
  return data;
}
