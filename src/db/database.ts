// The database seen from the store: a drizzle handle over either driver. Kept
// apart from connect.ts (which finds migrations on disk and can open PGlite)
// so that code bundled for Workers can name these types.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}
