// postgres.js under drizzle, with no file access: Node (through connect.ts,
// which adds the migrator) and Workers (src/entry/worker.ts) open Postgres here.
// The package resolves to its Workers build (cloudflare:sockets) under wrangler.
import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Db } from './database.ts';
import * as schema from './schema.ts';

export interface PostgresOptions {
  /** Pool size; postgres.js connects lazily, so an unused client opens no socket. */
  max?: number;
  /** Skip the array-type lookup on connect (the schema has no array columns): one round trip less per connection. */
  fetchTypes?: boolean;
  /** postgres.js's `socket` option: opens the connection's socket (Node's, with Nagle off, from connect.ts). */
  socket?: (options: { host: string[]; port: number[]; path: string | false }) => unknown;
}

export interface PostgresDb {
  db: Db;
  /** Drizzle over this client, for drizzle's migrator (Node only). */
  drizzle: PostgresJsDatabase<typeof schema>;
  close(): Promise<void>;
}

export function postgresDb(url: string, options: PostgresOptions = {}): PostgresDb {
  const client = postgres(url, {
    max: options.max ?? 10,
    fetch_types: options.fetchTypes ?? true,
    onnotice: () => {},
    ...(options.socket === undefined ? {} : { socket: options.socket as never }),
  });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    drizzle: db,
    close: async () => {
      await client.end({ timeout: 5 });
    },
  };
}
