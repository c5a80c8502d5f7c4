import { describe, it, expect } from 'vitest';
import { importSecretKey, nodeAesGcm, open, openNumber, seal, sealNumber, SealedError, webAesGcm } from './sealed.ts';

const KEY_A = Buffer.alloc(32, 7).toString('base64');
const KEY_B = Buffer.alloc(32, 9).toString('base64');

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(SealedError);
    return (e as SealedError).code;
  }
  return undefined;
}

/** Flips one bit of the ciphertext part, keeping the format valid. */
function flipByte(sealed: string, at: number): string {
  const [v, iv, body] = sealed.split('.') as [string, string, string];
  const bytes = Buffer.from(body, 'base64url');
  bytes[at] = bytes[at]! ^ 0x01;
  return `${v}.${iv}.${bytes.toString('base64url')}`;
}

describe('importSecretKey', () => {
  it('accepts base64 and base64url of 32 bytes, with surrounding whitespace', async () => {
    const raw = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i)); // bytes that need + and /
    await expect(importSecretKey(raw.toString('base64'))).resolves.toBeDefined();
    await expect(importSecretKey(raw.toString('base64url'))).resolves.toBeDefined();
    await expect(importSecretKey(`${raw.toString('base64')}\n`)).resolves.toBeDefined();
  });

  it.each([
    ['31 bytes', Buffer.alloc(31, 1).toString('base64'), /got 31 bytes/],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64'), /got 33 bytes/],
    ['empty', '', /got 0 bytes/],
    ['not base64', 'correct horse battery staple!!!', /not base64/],
  ])('refuses %s with BAD_SECRET_KEY', async (_why, material, message) => {
    await expect(importSecretKey(material)).rejects.toThrow(message);
    expect(await codeOf(importSecretKey(material))).toBe('BAD_SECRET_KEY');
  });

  it('does not echo the key material in the error', async () => {
    const material = Buffer.alloc(31, 3).toString('base64');
    await expect(importSecretKey(material)).rejects.not.toThrow(material);
  });
});

describe('seal / open', () => {
  it('round-trips text, including empty and non-ASCII', async () => {
    const key = await importSecretKey(KEY_A);
    for (const text of ['', '42000', '月薪 ¥38,000 🧧']) {
      expect(await open(key, await seal(key, text))).toBe(text);
    }
  });

  it('writes v1.<iv>.<ciphertext+tag> with a 12-byte IV', async () => {
    const key = await importSecretKey(KEY_A);
    const sealed = await seal(key, 'abc');
    const [v, iv, body] = sealed.split('.');
    expect(v).toBe('v1');
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(body!, 'base64url')).toHaveLength(3 + 16);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('seals the same value differently each time (random IV)', async () => {
    const key = await importSecretKey(KEY_A);
    const a = await seal(key, '42000');
    const b = await seal(key, '42000');
    expect(a).not.toBe(b);
    expect(await open(key, a)).toBe(await open(key, b));
  });

  it('refuses a flipped byte in the ciphertext and in the tag', async () => {
    const key = await importSecretKey(KEY_A);
    const sealed = await seal(key, '42000');
    expect(await codeOf(open(key, flipByte(sealed, 0)))).toBe('SEALED_TAMPERED');
    expect(await codeOf(open(key, flipByte(sealed, 5 + 15)))).toBe('SEALED_TAMPERED');
  });

  it('refuses a value sealed with another key', async () => {
    const sealed = await seal(await importSecretKey(KEY_A), '42000');
    expect(await codeOf(open(await importSecretKey(KEY_B), sealed))).toBe('SEALED_TAMPERED');
  });

  it.each([
    ['plain text', '42000'],
    ['another version', 'v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a short IV', 'v1.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['no tag', 'v1.AAAAAAAAAAAAAAAA.AAAA'],
    ['padding', 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA=='],
    ['an extra part', 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.x'],
  ])('refuses %s as SEALED_TAMPERED', async (_why, sealed) => {
    const key = await importSecretKey(KEY_A);
    expect(await codeOf(open(key, sealed))).toBe('SEALED_TAMPERED');
  });
});

describe('the two AES-GCM engines', () => {
  const node = nodeAesGcm();
  it('node:crypto is available on Node 20', () => {
    expect(node).not.toBeNull();
  });

  it('each opens what the other sealed, byte for byte the same format', async () => {
    const key = await importSecretKey(KEY_A);
    for (const text of ['', '42000', '月薪 ¥38,000 🧧']) {
      expect(await open(key, await seal(key, text, node!), webAesGcm)).toBe(text);
      expect(await open(key, await seal(key, text, webAesGcm), node!)).toBe(text);
    }
    // Same key, same IV, same plaintext: the same ciphertext and tag from both.
    const iv = new Uint8Array(12).fill(3);
    const data = new TextEncoder().encode('38000');
    expect(Buffer.from(await node!.encrypt(key, iv, data)).toString('hex')).toBe(Buffer.from(await webAesGcm.encrypt(key, iv, data)).toString('hex'));
  });

  it.each([['node:crypto'], ['WebCrypto']])('%s refuses a flipped byte and a wrong key', async (name) => {
    const aes = name === 'WebCrypto' ? webAesGcm : node!;
    const key = await importSecretKey(KEY_A);
    const sealed = await seal(key, '42000', aes);
    expect(await codeOf(open(key, flipByte(sealed, 0), aes))).toBe('SEALED_TAMPERED');
    expect(await codeOf(open(key, flipByte(sealed, 5 + 15), aes))).toBe('SEALED_TAMPERED');
    expect(await codeOf(open(await importSecretKey(KEY_B), sealed, aes))).toBe('SEALED_TAMPERED');
  });
});

describe('sealNumber / openNumber', () => {
  it('round-trips salaries and passes null through', async () => {
    const key = await importSecretKey(KEY_A);
    for (const salary of [0, 38000, 12345.67, -1]) {
      expect(await openNumber(key, await sealNumber(key, salary))).toBe(salary);
    }
    expect(await sealNumber(key, null)).toBeNull();
    expect(await openNumber(key, null)).toBeNull();
  });

  it('refuses to seal a non-finite number', async () => {
    const key = await importSecretKey(KEY_A);
    await expect(sealNumber(key, Number.NaN)).rejects.toThrow(RangeError);
  });

  it('refuses to read a sealed text that is not a number', async () => {
    const key = await importSecretKey(KEY_A);
    expect(await codeOf(openNumber(key, await seal(key, 'lots')))).toBe('SEALED_TAMPERED');
    expect(await codeOf(openNumber(key, await seal(key, '')))).toBe('SEALED_TAMPERED');
  });
});
