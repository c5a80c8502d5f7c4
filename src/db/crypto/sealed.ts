// Salaries at rest: AES-256-GCM with a fresh 96-bit IV per value, so the same
// salary sealed twice gives two different strings and the GCM tag refuses any
// edit. The `v1.` prefix leaves room for a later scheme (or a key rotation)
// without guessing at old rows.

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

/** `v1.<base64url iv>.<base64url ciphertext+tag>`; the IV is 12 random bytes. */
export async function seal(key: CryptoKey, plaintext: string): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = new TextEncoder().encode(plaintext);
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  return `${VERSION}.${encodeBase64Url(iv)}.${encodeBase64Url(new Uint8Array(sealed))}`;
}

/** The plaintext of `seal`; a wrong key, an edited byte or a malformed string is SEALED_TAMPERED. */
export async function open(key: CryptoKey, sealed: string): Promise<string> {
  const parts = sealed.split('.');
  const iv = parts.length === 3 && parts[0] === VERSION ? decodeBase64Url(parts[1]!) : null;
  const body = iv === null ? null : decodeBase64Url(parts[2]!);
  if (iv === null || iv.length !== IV_BYTES || body === null || body.length < TAG_BYTES) {
    throw new SealedError('SEALED_TAMPERED', `sealed value is not in the ${VERSION}.<iv>.<ciphertext> format`);
  }
  let plain: ArrayBuffer;
  try {
    plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body);
  } catch {
    // GCM cannot tell a wrong key from an altered value; both fail the tag.
    throw new SealedError('SEALED_TAMPERED', 'sealed value failed its integrity check (altered, or sealed with another key)');
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

/** Seals a salary; null (no salary on file) stays null so the column can stay nullable. */
export async function sealNumber(key: CryptoKey, value: number): Promise<string>;
export async function sealNumber(key: CryptoKey, value: null): Promise<null>;
export async function sealNumber(key: CryptoKey, value: number | null): Promise<string | null>;
export async function sealNumber(key: CryptoKey, value: number | null): Promise<string | null> {
  if (value === null) return null;
  if (!Number.isFinite(value)) throw new RangeError(`cannot seal ${value}: salaries are finite numbers`);
  return seal(key, String(value));
}

/** The number of `sealNumber`; null stays null. */
export async function openNumber(key: CryptoKey, sealed: string): Promise<number>;
export async function openNumber(key: CryptoKey, sealed: null): Promise<null>;
export async function openNumber(key: CryptoKey, sealed: string | null): Promise<number | null>;
export async function openNumber(key: CryptoKey, sealed: string | null): Promise<number | null> {
  if (sealed === null) return null;
  const text = await open(key, sealed);
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new SealedError('SEALED_TAMPERED', 'sealed value does not hold a number');
  }
  return value;
}

// atob/btoa exist in Node 20 and in Workers; Buffer does not exist in Workers.

function encodeBase64Url(bytes: Uint8Array): string {
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
