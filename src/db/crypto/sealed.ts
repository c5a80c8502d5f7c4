// Salaries at rest: AES-256-GCM with a fresh 96-bit IV per value, so the same
// salary sealed twice gives two different strings and the GCM tag refuses any
// edit. The `v1.` prefix leaves room for a later scheme (or a key rotation)
// without guessing at old rows.
import { nodeBuiltin } from '../../io/node-builtin.ts';

export type SealedErrorCode = 'BAD_SECRET_KEY' | 'SEALED_TAMPERED';

export class SealedError extends Error {
  constructor(
    readonly code: SealedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SealedError';
  }
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/**
 * The AES-256-GCM key from PANDIAN_SECRET_KEY: base64 or base64url of exactly
 * 32 bytes (`openssl rand -base64 32`). Surrounding whitespace is ignored, so a
 * key file with a trailing newline works. The key is not extractable.
 */
export async function importSecretKey(material: string): Promise<CryptoKey> {
  const bytes = decodeBase64(material.trim());
  if (bytes === null || bytes.length !== KEY_BYTES) {
    // Never echo the material: it may be a near-miss of the real key.
    const got = bytes === null ? 'text that is not base64' : `${bytes.length} bytes`;
    throw new SealedError(
      'BAD_SECRET_KEY',
      `PANDIAN_SECRET_KEY must be base64 of exactly ${KEY_BYTES} bytes, got ${got}; create one with \`openssl rand -base64 32\``,
    );
  }
  return globalThis.crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/**
 * AES-256-GCM with the 16-byte tag appended to the ciphertext, as WebCrypto
 * writes it. Two engines give the same bytes: WebCrypto everywhere (Workers
 * included), and node:crypto where it exists, because WebCrypto in Node runs
 * every call as a thread-pool job (~70 µs) where node:crypto takes ~10 µs,
 * which is most of an import of ten thousand salaries.
 */
export interface AesGcm {
  encrypt(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>;
  /** Throws when the tag does not match. */
  decrypt(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, body: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>;
}

export const webAesGcm: AesGcm = {
  encrypt: async (key, iv, data) => new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data)),
  decrypt: async (key, iv, body) => new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body)),
};

type NodeCrypto = typeof import('node:crypto');

/** node:crypto's AES-GCM when this runtime has it (io/node-builtin.ts), else null. */
export function nodeAesGcm(): AesGcm | null {
  const nodeCrypto = nodeBuiltin<NodeCrypto>('node:crypto');
  if (!nodeCrypto?.createCipheriv || !nodeCrypto.createDecipheriv || !nodeCrypto.KeyObject?.from) return null;
  const { createCipheriv, createDecipheriv, KeyObject } = nodeCrypto;
  if ((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers') return null;
  // workerd (Workers with nodejs_compat) has node:crypto too, but cannot turn a
  // CryptoKey into a KeyObject ("Failed to get raw secret key data"): a key that
  // will not convert stays on WebCrypto.
  const keys = new WeakMap<CryptoKey, import('node:crypto').KeyObject | null>();
  const keyObject = (key: CryptoKey) => {
    let found = keys.get(key);
    if (found === undefined) {
      try {
        found = KeyObject.from(key);
      } catch {
        found = null;
      }
      keys.set(key, found);
    }
    return found;
  };
  return {
    encrypt(key, iv, data) {
      const k = keyObject(key);
      if (!k) return webAesGcm.encrypt(key, iv, data);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const head = cipher.update(data);
      const tail = cipher.final();
      const tag = cipher.getAuthTag();
      const out = new Uint8Array(head.length + tail.length + TAG_BYTES);
      out.set(head, 0);
      out.set(tail, head.length);
      out.set(tag, head.length + tail.length);
      return out;
    },
    decrypt(key, iv, body) {
      const k = keyObject(key);
      if (!k) return webAesGcm.decrypt(key, iv, body);
      const decipher = createDecipheriv('aes-256-gcm', k, iv);
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      const head = decipher.update(body.subarray(0, body.length - TAG_BYTES));
      const tail = decipher.final();
      const out = new Uint8Array(head.length + tail.length);
      out.set(head, 0);
      out.set(tail, head.length);
      return out;
    },
  };
}

const defaultAesGcm: AesGcm = nodeAesGcm() ?? webAesGcm;
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: true });

// IVs are drawn from a pool of random bytes filled 512 at a time: one call to
// the random source costs more than the encryption itself. IVs are public;
// what GCM needs is that none repeats, which 96 random bits give.
let ivPool = new Uint8Array(0);
let ivAt = 0;
function freshIv(): Uint8Array<ArrayBuffer> {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES * 512));
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  // A view: the pool is replaced when used up, never written again.
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

/** `v1.<base64url iv>.<base64url ciphertext+tag>`; the IV is 12 random bytes. */
export async function seal(key: CryptoKey, plaintext: string, aes: AesGcm = defaultAesGcm): Promise<string> {
  const iv = freshIv();
  return formatSealed(iv, await aes.encrypt(key, iv, ENCODER.encode(plaintext)));
}

/** The plaintext of `seal`; a wrong key, an edited byte or a malformed string is SEALED_TAMPERED. */
export async function open(key: CryptoKey, sealed: string, aes: AesGcm = defaultAesGcm): Promise<string> {
  const { iv, body } = parseSealed(sealed);
  try {
    return DECODER.decode(await aes.decrypt(key, iv, body));
  } catch {
    throw tampered();
  }
}

/** Seals a salary; null (no salary on file) stays null so the column can stay nullable. */
export async function sealNumber(key: CryptoKey, value: number): Promise<string>;
export async function sealNumber(key: CryptoKey, value: null): Promise<null>;
export async function sealNumber(key: CryptoKey, value: number | null): Promise<string | null>;
export async function sealNumber(key: CryptoKey, value: number | null): Promise<string | null> {
  return (await sealNumbers(key, [value]))[0]!;
}

/** The number of `sealNumber`; null stays null. */
export async function openNumber(key: CryptoKey, sealed: string): Promise<number>;
export async function openNumber(key: CryptoKey, sealed: null): Promise<null>;
export async function openNumber(key: CryptoKey, sealed: string | null): Promise<number | null>;
export async function openNumber(key: CryptoKey, sealed: string | null): Promise<number | null> {
  return (await openNumbers(key, [sealed]))[0]!;
}

/**
 * `sealNumber` for many values at once. With node:crypto this is one
 * synchronous pass with no promise per value (a company's salaries on import).
 */
export async function sealNumbers(key: CryptoKey, values: readonly (number | null)[], aes: AesGcm = defaultAesGcm): Promise<(string | null)[]> {
  const out = new Array<string | null>(values.length).fill(null);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === null) continue;
    if (!Number.isFinite(value)) throw new RangeError(`cannot seal ${value}: salaries are finite numbers`);
    const iv = freshIv();
    const body = aes.encrypt(key, iv, ENCODER.encode(String(value)));
    if (body instanceof Promise) pending.push(body.then((b) => void (out[i] = formatSealed(iv, b))));
    else out[i] = formatSealed(iv, body);
  }
  await Promise.all(pending);
  return out;
}

/** `openNumber` for many values at once (every salary, when the engine needs them). */
export async function openNumbers(key: CryptoKey, sealed: readonly (string | null)[], aes: AesGcm = defaultAesGcm): Promise<(number | null)[]> {
  const out = new Array<number | null>(sealed.length).fill(null);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < sealed.length; i++) {
    const text = sealed[i]!;
    if (text === null) continue;
    const { iv, body } = parseSealed(text);
    let plain: Uint8Array | Promise<Uint8Array>;
    try {
      plain = aes.decrypt(key, iv, body);
    } catch {
      throw tampered();
    }
    if (plain instanceof Promise) pending.push(plain.then((p) => void (out[i] = sealedNumber(p)), () => Promise.reject(tampered())));
    else out[i] = sealedNumber(plain);
  }
  await Promise.all(pending);
  return out;
}

function formatSealed(iv: Uint8Array, body: Uint8Array): string {
  return `${VERSION}.${encodeBase64Url(iv)}.${encodeBase64Url(body)}`;
}

function parseSealed(sealed: string): { iv: Uint8Array<ArrayBuffer>; body: Uint8Array<ArrayBuffer> } {
  const parts = sealed.split('.');
  const iv = parts.length === 3 && parts[0] === VERSION ? decodeBase64Url(parts[1]!) : null;
  const body = iv === null ? null : decodeBase64Url(parts[2]!);
  if (iv === null || iv.length !== IV_BYTES || body === null || body.length < TAG_BYTES) {
    throw new SealedError('SEALED_TAMPERED', `sealed value is not in the ${VERSION}.<iv>.<ciphertext> format`);
  }
  return { iv, body };
}

// GCM cannot tell a wrong key from an altered value; both fail the tag.
function tampered(): SealedError {
  return new SealedError('SEALED_TAMPERED', 'sealed value failed its integrity check (altered, or sealed with another key)');
}

function sealedNumber(plain: Uint8Array): number {
  let text: string;
  try {
    text = DECODER.decode(plain);
  } catch {
    throw tampered();
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new SealedError('SEALED_TAMPERED', 'sealed value does not hold a number');
  return value;
}

// atob/btoa exist in Node 20 and in Workers; Buffer does not exist in Workers.

/** Node's Buffer when present (several times faster than btoa on short inputs); absent on Workers. */
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'base64url'): string };
      from(text: string, encoding: 'base64'): Uint8Array<ArrayBuffer>;
    };
  }
).Buffer;

function encodeBase64Url(bytes: Uint8Array): string {
  // A view of the same bytes, not a copy.
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Strict base64url without padding, as `encodeBase64Url` writes it; null otherwise. */
function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  return decodeBase64(text);
}

/** Base64 or base64url, padding optional; null for anything else. */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return null;
  // Node's decoder reads both alphabets; the checks above and below keep it as strict as atob.
  if (NodeBuffer) return text.replace(/=+$/, '').length % 4 === 1 ? null : NodeBuffer.from(text, 'base64');
  const unpadded = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (unpadded.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
