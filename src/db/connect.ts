// One store, two databases: postgres.js when DATABASE_URL is set, else the
// embedded PGlite. Same schema, same migrations, same code path above this file.
// Node only (files on disk, PGlite): Workers open Postgres through postgres.ts.
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
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

/**
 * postgres.js's sockets, with Nagle's algorithm off as libpq and node-postgres
 * have it. postgres.js leaves Node's default (on): a small message written
 * while earlier bytes are unacknowledged then waits for the server's delayed
 * ACK, 40 ms on Linux. After every COPY (its last data and CopyDone are small
 * writes) the next statement sat those 40 ms: a tenth of an import of 100,000
 * value rows. The socket is returned unconnected, as postgres.js makes its
 * own: it queues the start-up message and handles the socket's errors and its
 * connect timeout. Several hosts are tried in turn, as postgres.js does.
 */
export function noDelaySocket(): (options: { host: string[]; port: number[]; path: string | false }) => Socket {
  let next = 0;
  return ({ host, port, path }) => {
    const socket = new Socket();
    socket.setNoDelay(true);
    if (path) return socket.connect(path);
    const at = next++ % host.length;
    return socket.connect(port[at] ?? port[0]!, host[at]!);
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const { postgresDb } = await import('./postgres.ts');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const pg = postgresDb(url, { ...options, socket: noDelaySocket() });
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
