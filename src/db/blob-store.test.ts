import { describe, it, expect } from 'vitest';
import { BlobStoreError, getVerified, sha256Hex } from './blob-store.ts';
import type { BlobStore } from './blob-store.ts';

/** The smallest BlobStore: a Map. */
function mapStore(): BlobStore & { objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  return {
    objects,
    async put(key, data) {
      objects.set(key, data.slice());
    },
    async get(key) {
      return objects.get(key)?.slice() ?? null;
    },
    async delete(key) {
      objects.delete(key);
    },
    async list(prefix) {
      return [...objects.keys()].filter((k) => k.startsWith(prefix)).map((key) => ({ key, storedAt: new Date(0) }));
    },
  };
}

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('sha256(%j) = %s', async (text, hex) => {
    expect(await sha256Hex(new TextEncoder().encode(text))).toBe(hex);
  });
});

describe('getVerified', () => {
  const data = new TextEncoder().encode('evidence');

  it('returns the bytes when they match', async () => {
    const store = mapStore();
    await store.put('k', data, 'text/plain');
    expect(await getVerified(store, 'k', await sha256Hex(data))).toEqual(data);
  });

  it('throws EVIDENCE_CORRUPT for changed bytes, naming the key', async () => {
    const store = mapStore();
    await store.put('k', data, 'text/plain');
    store.objects.get('k')![0] = 0;
    const error = await getVerified(store, 'k', await sha256Hex(data)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStoreError);
    expect(error).toMatchObject({ code: 'EVIDENCE_CORRUPT', message: expect.stringContaining('evidence file k') });
  });

  it('throws EVIDENCE_NOT_FOUND for a missing key', async () => {
    await expect(getVerified(mapStore(), 'k', await sha256Hex(data))).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
  });
});
