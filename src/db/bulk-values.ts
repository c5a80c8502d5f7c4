// A big load of value rows under indicator_values' lock, which
// claimForBulkLoad takes first thing in the import's transaction: seq
// numbers come from a cache of 1,024 in this session rather than from the
// sequence's page, locked and logged row by row. Measured on the benchmark
// machine with psql, 104,094 rows in one transaction: COPY 126-137 ms with
// the cache against 194-206 ms without.
//
// The numbers still follow arrival order: no other session can insert into
// the table meanwhile. ALTER SEQUENCE gives the sequence new storage in this
// transaction, and a session drops the numbers it cached when the storage
// changes: when the cache is set back after the load, and when a failed
// import rolls the storage back. So no session goes on handing out numbers
// from an old cache after the import (bulk-values.db.test.ts checks both).
import { sql } from 'drizzle-orm';
import type { Db } from './connect.ts';
import { rowsOf } from './values-ingest.ts';

/**
 * Readies `load` for a load claimForBulkLoad said yes to, and returns it to
 * be run. The statements that ready it are sent now: once the import's other
 * work takes turns on the event loop, each would wait for a turn.
 */
export async function withSeqCache(tx: Db, load: () => Promise<void>): Promise<() => Promise<void>> {
  const [seq] = rowsOf<{ name: string; cache: string }>(
    await tx.execute(sql`select seqrelid::regclass::text as name, seqcache::text as cache from pg_sequence where seqrelid = pg_get_serial_sequence('indicator_values', 'seq')::regclass`),
  );
  // Both from the catalog: a quoted name and an integer.
  const cache = (n: string) => tx.execute(sql.raw(`alter sequence ${seq!.name} cache ${n}`));
  await cache('1024');
  return async () => {
    await load();
    await cache(seq!.cache);
  };
}
