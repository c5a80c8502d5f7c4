// Many rows in one statement with one parameter: the rows travel as a JSON
// array and Postgres expands them. Far cheaper than a multi-row VALUES list
// built per value, never near the 65,535-parameter limit, and the same on
// PGlite and postgres.js.
import { sql } from 'drizzle-orm';
import type { Db } from './connect.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * insert into `table` (columns) select columns from json_populate_recordset(null::table, rows),
 * in batches, preserving order. `rows` use the column names as keys.
 * `onConflict` is appended verbatim (a constant of the caller's, never user input).
 */
export async function bulkInsert(tx: Db, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], onConflict = ''): Promise<void> {
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`bad identifier in bulk insert into ${table}`);
  const list = columns.join(', ');
  for (let i = 0; i < rows.length; i += 20_000) {
    const json = JSON.stringify(rows.slice(i, i + 20_000));
    await tx.execute(sql`insert into ${sql.raw(table)} (${sql.raw(list)}) select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(table)}, ${json}::json) ${sql.raw(onConflict)}`);
  }
}
