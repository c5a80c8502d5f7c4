import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSecretKey } from '../db/crypto/sealed.ts';
import { loadOrCreateSecretKey } from './secret-key-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandian-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadOrCreateSecretKey', () => {
  it('creates secret.key with 32 random bytes, base64, mode 0600', async () => {
    const key = await loadOrCreateSecretKey(dir);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect((await readFile(join(dir, 'secret.key'), 'utf8')).trim()).toBe(key);
    if (process.platform !== 'win32') expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
    await expect(importSecretKey(key)).resolves.toBeDefined();
  });

  it('returns the same key on the next start', async () => {
    const first = await loadOrCreateSecretKey(dir);
    expect(await loadOrCreateSecretKey(dir)).toBe(first);
  });

  it('creates a missing data folder', async () => {
    const nested = join(dir, 'data', 'pandian');
    const key = await loadOrCreateSecretKey(nested);
    expect((await readFile(join(nested, 'secret.key'), 'utf8')).trim()).toBe(key);
  });

  it('gives processes starting together one key', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecretKey(dir)));
    expect(new Set(keys).size).toBe(1);
    expect((await readFile(join(dir, 'secret.key'), 'utf8')).trim()).toBe(keys[0]);
  });

  it('waits for a key file another process has created but not yet written', async () => {
    const path = join(dir, 'secret.key');
    await writeFile(path, '', { mode: 0o600 });
    const theirs = Buffer.alloc(32, 5).toString('base64');
    setTimeout(() => void writeFile(path, `${theirs}\n`), 60);
    expect(await loadOrCreateSecretKey(dir)).toBe(theirs);
  });

  it('refuses a key file that stays malformed rather than replace it', async () => {
    const path = join(dir, 'secret.key');
    await writeFile(path, 'not a key\n');
    await expect(loadOrCreateSecretKey(dir)).rejects.toMatchObject({ code: 'BAD_SECRET_KEY' });
    expect(await readFile(path, 'utf8')).toBe('not a key\n');
  });
});
