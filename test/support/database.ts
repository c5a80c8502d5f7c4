// A fresh, migrated database for one test file: the embedded PGlite by default,
// the machine's real Postgres when PANDIAN_TEST_POSTGRES is set (CI runs both).
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Database } from '../../src/db/connect.ts';
import { importSecretKey } from '../../src/db/crypto/sealed.ts';
import { Store, type Clock } from '../../src/db/store.ts';

export const onPostgres = Boolean(process.env.PANDIAN_TEST_POSTGRES);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: Database;
  /** The per-file database's URL, on Postgres. */
  url?: string;
  /** Drops the per-file Postgres database; closes PGlite. */
  dispose(): Promise<void>;
}

export async function testDatabase(): Promise<TestDatabase> {
  if (!onPostgres) {
    const database = await openPglite();
    await database.migrate();
    return { database, dispose: () => database.close() };
  }
  const name = `pandian_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(ADMIN_URL, { max: 1 });
  const { sql } = await import('drizzle-orm');
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  await database.migrate();
  return {
    database,
    url: url.toString(),
    dispose: async () => {
      await database.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

export async function testSealKey(): Promise<CryptoKey> {
  return importSecretKey(randomBytes(32).toString('base64'));
}

/** A clock the test moves by hand. */
export function fixedClock(iso = '2026-11-30T09:00:00.000Z'): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (v) => (now = new Date(v)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

export async function testStore(): Promise<{ store: Store; dispose: () => Promise<void>; clock: ReturnType<typeof fixedClock> }> {
  const { database, dispose } = await testDatabase();
  const clock = fixedClock();
  return { store: new Store(database, await testSealKey(), clock), dispose, clock };
}
