// Bulk loads and a table's indexes. Postgres keeps a B-tree index up row by
// row, ~2 us per row and index: for indicator_values' primary key that costs
// more than the COPY itself (100,000 rows: ~450 ms loaded with the key in
// place, ~180 ms without it and ~80 ms to build it afterwards in one sorted
// pass). So a big load that brings more rows than the table holds drops the
// table's indexes and builds them again after, as pg_restore does and
// PostgreSQL's "Populating a Database" advises. A build has a fixed cost too
// (it writes the index outside the buffer cache and syncs it to disk,
// ~15-20 ms here): for 8,400 people, rebuilding the employees' four indexes
// took 80 ms where keeping them cost ~60. Hence MIN_ROWS. A load into a
// bigger table keeps them, where rebuilding would cost more than it saves.
//
// The definitions come from the catalog (pg_get_indexdef,
// pg_get_constraintdef), so what is built again is exactly what the
// migrations made. Partial indexes stay: a load's rows mostly fall outside
// them (values_api_key holds API rows only), so they cost little to keep
// and a scan of the table to build.
//
// Inside the caller's transaction: if anything fails, the rollback restores
// the indexes. Dropping them needs an ACCESS EXCLUSIVE lock on the table
// until the transaction ends, so readers of the table wait for the import
// to commit (they would not see its rows before anyway). The lock is taken
// first thing in the transaction (claimForBulkLoad), so that it never waits
// on a transaction that waits on the import.
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';
import { rowsOf } from './values-ingest.ts';

/** Fewer rows than this are loaded with the indexes in place: a rebuild's fixed cost would eat the saving. */
export const MIN_ROWS = 50_000;

/**
 * MIN_ROWS for a table with one index (indicator_values, attributes): one
 * fixed cost to pay. psql, attributes' 16,800 rows of an import: COPY with
 * the key in place 50 ms, without it 9-13 ms and the key built after 8-11.
 */
export const ONE_INDEX_MIN_ROWS = 10_000;

/**
 * Below this many rows, indexes are built by the connection's own process.
 * Postgres plans parallel workers for a table past 8 MB
 * (min_parallel_table_scan_size); for indicator_values' 104,094 rows (10 MB)
 * one worker made the key's build 86-115 ms against 57-62 ms alone: starting
 * the worker and splitting maintenance_work_mem (the sort spilled to disk)
 * cost more than the second core gave. For millions of rows the workers pay;
 * Postgres decides there.
 */
export const PARALLEL_BUILD_ROWS = 1_000_000;

/**
 * For the rest of the transaction, index builds run without parallel workers
 * when the biggest load is below PARALLEL_BUILD_ROWS. Set once, before the
 * loads: between them it would cost a round trip each.
 */
export async function buildIndexesAlone(tx: Db, biggestLoad: number): Promise<void> {
  if (biggestLoad < PARALLEL_BUILD_ROWS) await tx.execute(sql`set local max_parallel_maintenance_workers = 0`);
}

interface IndexDef {
  name: string;
  /** CREATE INDEX ... for an index; null for one that backs a constraint. */
  def: string;
  /** The primary key or unique constraint the index backs, and its definition. */
  constraint: string | null;
  constraintDef: string | null;
}

/**
 * Whether a load of `incoming` rows into `table` should build the table's
 * indexes after it: the rows are at least `minRows`, and fewer rows than that
 * stay in the table (`staying` selects them; counted up to `incoming`, so
 * the check costs at most what it saves). If so, it takes the table's
 * ACCESS EXCLUSIVE lock now, to be called before the transaction locks
 * anything else: a transaction that holds the table and then waits for a
 * row the import has written would otherwise deadlock with it.
 */
export async function claimForBulkLoad(tx: Db, table: PgTable, incoming: number, staying?: SQL, minRows = MIN_ROWS): Promise<boolean> {
  if (incoming < minRows) return false;
  const where = staying === undefined ? sql`` : sql` where ${staying}`;
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from (select 1 from ${table}${where} limit ${incoming}) t`));
  if (Number(row!.n) >= incoming) return false;
  await tx.execute(sql`lock table ${sql.identifier(getTableConfig(table).name)} in access exclusive mode`);
  return true;
}

/**
 * For a load claimForBulkLoad said yes to: drops the table's indexes other
 * than partial ones, and returns what builds them again, to be awaited once
 * the rows are in.
 */
export async function setIndexesAside(tx: Db, table: PgTable): Promise<() => Promise<void>> {
  const name = getTableConfig(table).name;
  const indexes = rowsOf<IndexDef>(
    await tx.execute(sql`
      select c.relname as name, pg_get_indexdef(i.indexrelid) as def, k.conname as constraint, pg_get_constraintdef(k.oid) as "constraintDef"
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u')
      where i.indrelid = ${name}::regclass and i.indpred is null
      order by c.relname`),
  );
  const target = sql.identifier(name);
  for (const index of indexes) {
    if (index.constraint !== null) await tx.execute(sql`alter table ${target} drop constraint ${sql.identifier(index.constraint)}`);
    else await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
  }
  return async () => {
    for (const index of indexes) {
      if (index.constraint !== null) await tx.execute(sql`alter table ${target} add constraint ${sql.identifier(index.constraint)} ${sql.raw(index.constraintDef!)}`);
      else await tx.execute(sql.raw(index.def));
    }
  };
}
