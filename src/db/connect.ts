// One store, two databases: postgres.js when DATABASE_URL is set, else the
// embedded PGlite. Same schema, same migrations, same code path above this file.
// Node only (files on disk, PGlite): Workers open Postgres through postgres.ts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Db } from './database.ts';
import * as schema from './schema.ts';

export type { Database, Db };

/** The committed migrations/ folder, found from src/db or from dist/. */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('migrations/ folder not found');
}

/** Embedded Postgres in `dataDir` (created when missing), or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = dataDir === undefined ? new PGlite() : new PGlite(join(dataDir, 'pgdata'));
  await client.waitReady;
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: async () => {
      await migrate(db, { migrationsFolder: migrationsFolder() });
    },
    close: async () => {
      await client.close();
    },
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const { postgresDb } = await import('./postgres.ts');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const pg = postgresDb(url, options);
  return {
    db: pg.db,
    kind: 'postgres',
    migrate: async () => {
      await migrate(pg.drizzle, { migrationsFolder: migrationsFolder() });
    },
    close: pg.close,
  };
}

/** DATABASE_URL -> Postgres; otherwise PGlite under PANDIAN_DATA_DIR. */
export async function openDatabase(env: { DATABASE_URL?: string; PANDIAN_DATA_DIR: string }): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PANDIAN_DATA_DIR);
}
