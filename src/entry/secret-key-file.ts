// Node-only. The embedded default keeps its salary key beside its data, so a
// first start needs no setup; a deployment that sets PANDIAN_SECRET_KEY never
// calls this.
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SealedError } from '../db/crypto/sealed.ts';

export const SECRET_KEY_FILE = 'secret.key';

/** A complete key: base64 (or base64url, for a hand-written file) of 32 bytes. */
const KEY_TEXT = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * The base64 key in `<dataDir>/secret.key`, created (32 random bytes, mode
 * 0600) on first start. Two processes starting together both end up with the
 * one key the winner wrote: creation uses the `wx` flag, and the loser reads.
 */
export async function loadOrCreateSecretKey(dataDir: string): Promise<string> {
  const path = join(dataDir, SECRET_KEY_FILE);
  if (!(await exists(path))) {
    await mkdir(dataDir, { recursive: true });
    const key = randomBytes(32).toString('base64');
    try {
      await writeFile(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
      return key;
    } catch (e) {
      if (!isCode(e, 'EEXIST')) throw e;
    }
  }
  return waitForKeyFile(path);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch (e) {
    if (isCode(e, 'ENOENT')) return false;
    throw e;
  }
}

/**
 * `wx` creates the file before the winner has written into it, so the loser
 * may see it empty for a moment; wait for the content rather than fail. A file
 * that stays malformed is an error: a new key would orphan every sealed salary.
 */
async function waitForKeyFile(path: string, attempts = 50, delayMs = 20): Promise<string> {
  for (let i = 0; ; i++) {
    const text = (await readFile(path, 'utf8')).trim();
    if (KEY_TEXT.test(text)) return text;
    if (i >= attempts) throw badFile(path);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

function badFile(path: string): SealedError {
  return new SealedError(
    'BAD_SECRET_KEY',
    `${path} does not hold a base64 key of 32 bytes; restore it from a backup (salaries sealed with the old key cannot be read without it), or delete it if no salary was ever stored`,
  );
}

function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}
