import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db/connect.ts';
import { onPostgres } from '../../test/support/database.ts';
import { MIGRATION_TAGS } from '../db/migrations.ts';
import { main } from './main.ts';

// The CLI reads its database from the environment, as a deployment would.
const saved = { ...process.env };
let dir: string;
let dbName: string | null = null;
let recordedHead = '';
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** Opens the same database the CLI uses, to tamper with it as an attacker with SQL access would. */
async function openDirect(): Promise<Database> {
  if (!onPostgres) return openPglite(dir);
  return openPostgres(process.env.DATABASE_URL!, { max: 1 });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandian-cli-'));
  process.env.PANDIAN_DATA_DIR = dir;
  process.env.PANDIAN_LANG = 'en';
  delete process.env.DATABASE_URL;
  delete process.env.PANDIAN_SECRET_KEY;
  if (onPostgres) {
    dbName = `pandian_cli_${randomBytes(5).toString('hex')}`;
    const admin = await openPostgres(ADMIN_URL, { max: 1 });
    await admin.db.execute(sql.raw(`create database ${dbName}`));
    await admin.close();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    process.env.DATABASE_URL = url.toString();
    process.env.PANDIAN_SECRET_KEY = randomBytes(32).toString('base64');
  }
});

afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
  if (dbName) {
    const admin = await openPostgres(ADMIN_URL, { max: 1 });
    await admin.db.execute(sql.raw(`drop database if exists ${dbName} with (force)`));
    await admin.close();
  }
});

describe('pandian migrate, import and audit verify', () => {
  it('migrates, imports the demo company and verifies the audit chain', async () => {
    // Every committed migration (0000_init, 0001_policy_drafts, 0002_appeal_evidence, ...).
    expect(MIGRATION_TAGS.length).toBeGreaterThanOrEqual(3);
    expect(await run(['migrate'])).toMatchObject({ code: 0, out: `${MIGRATION_TAGS.length} migrations applied\n` });
    const imported = await run(['import', 'examples/demo']);
    expect(imported.code).toBe(0);
    expect(imported.out).toBe('Imported 6 departments, 60 employees, 906 values; cycles 2024, 2025, 2026\n');
    const verified = await run(['audit', 'verify']);
    expect(verified.code).toBe(0);
    // 1 entry for the 60 employees created, 2 policy versions, 3 cycles, 1 for the import itself.
    const [intact, head] = verified.out.split('\n');
    expect(intact).toBe('Audit log intact: 7 entries, hash chain unbroken');
    expect(head).toMatch(/^Head: 7:[0-9a-f]{64} \(keep it outside the database; a later `audit verify --head 7:[0-9a-f]{64}` catches deleted newest entries\)$/);
    recordedHead = /Head: (7:[0-9a-f]{64})/.exec(head!)![1]!;
    expect(await run(['audit', 'verify', '--head', recordedHead])).toMatchObject({ code: 0 });
  });

  it('catches deleted newest entries only against a head recorded earlier', async () => {
    const db = await openDirect();
    await db.db.execute(sql`delete from audit_log where seq = 7`);
    await db.close();
    // What is left is a valid chain of 6: without the anchor nothing can tell.
    expect((await run(['audit', 'verify'])).out).toMatch(/^Audit log intact: 6 entries, hash chain unbroken\nHead: 6:/);
    expect(await run(['audit', 'verify', `--head=${recordedHead}`])).toMatchObject({ code: 1, err: 'Audit log tampered with: entry 7 does not fit (TRUNCATED)\n' });
    // A head that is not SEQ:HASH is a usage error (exit 2), not a verdict.
    expect(await run(['audit', 'verify', '--head', '7:xyz'])).toMatchObject({ code: 2 });
  });

  it('exits 1 naming the first entry that was edited with plain SQL', async () => {
    const db = await openDirect();
    await db.db.execute(sql`update audit_log set after = '{"role":"hr"}' where seq = 6`);
    await db.close();
    const verified = await run(['audit', 'verify']);
    expect(verified.code).toBe(1);
    expect(verified.err).toBe('Audit log tampered with: entry 6 does not fit (HASH_MISMATCH)\n');
  });

  it('names a deleted entry too', async () => {
    const db = await openDirect();
    await db.db.execute(sql`delete from audit_log where seq = 3`);
    await db.close();
    const verified = await run(['audit', 'verify']);
    expect(verified).toMatchObject({ code: 1, err: 'Audit log tampered with: entry 3 does not fit (GAP)\n' });
  });

  it('refuses a bad data folder with exit 1 and stores nothing', async () => {
    const r = await run(['import', 'test/fixtures/does-not-exist']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
  });
});

describe('pandian evidence sweep', () => {
  it('removes evidence files no record refers to once past the grace period, and says so', async () => {
    const db = await openDirect();
    await db.db.execute(sql`insert into blobs (key, content_type, data, stored_at) values ('evidence/old-orphan', 'application/pdf', '\\x01', '2026-01-01T00:00:00Z'), ('evidence/new-orphan', 'application/pdf', '\\x02', now())`);
    await db.close();
    const swept = await run(['evidence', 'sweep']);
    expect(swept).toMatchObject({ code: 0, err: '' });
    expect(swept.out).toBe('evidence/old-orphan\nRemoved 1 evidence file(s) no record refers to, stored over 24 hour(s) ago; kept 1\n');
    // One hour is the shortest grace period: the file put just now stays.
    expect((await run(['evidence', 'sweep', '--older-than', '1'])).out).toBe('Removed 0 evidence file(s) no record refers to, stored over 1 hour(s) ago; kept 1\n');
  });

  it('refuses a grace period under an hour and other usage, exit 2', async () => {
    expect(await run(['evidence', 'sweep', '--older-than', '0'])).toMatchObject({ code: 2 });
    expect(await run(['evidence', 'sweep', '--older-than', 'soon'])).toMatchObject({ code: 2 });
    expect(await run(['evidence', 'purge'])).toMatchObject({ code: 2 });
    expect(await run(['audit', 'verify', '--older-than', '5'])).toMatchObject({ code: 2 });
  });
});

describe('a database command with its settings wrong', () => {
  // Each names the variable and what it needs, exit 2, no stack trace and
  // no database opened (the URL points at nothing that answers).
  const cases: [string, Record<string, string | undefined>, string][] = [
    ['Postgres without a key', { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PANDIAN_SECRET_KEY: undefined }, 'environment variable PANDIAN_SECRET_KEY: required with DATABASE_URL'],
    ['a key that is not 32 bytes', { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PANDIAN_SECRET_KEY: 'c2hvcnQ=' }, 'PANDIAN_SECRET_KEY must be base64 of exactly 32 bytes, got 5 bytes'],
    ['half of the S3 settings', { PANDIAN_S3_BUCKET: 'evidence' }, 'evidence on S3 needs all of PANDIAN_S3_ENDPOINT'],
  ];
  for (const [what, env, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = { ...process.env };
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      try {
        const r = await run(['migrate']);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expect(r.err.startsWith(`pandian: ${message}`)).toBe(true);
        expect(r.err).not.toMatch(/\n\s+at /);
      } finally {
        process.env = before;
      }
    });
  }
});
