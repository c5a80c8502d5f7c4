// bulk-values.ts: a big load takes seq numbers from a cache of 1,024, and
// leaves no cached number behind in the session, whether it lands or fails;
// bulk-indexes.ts buildIndexesAlone.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, testDatabase, testSealKey } from '../../test/support/database.ts';
import { openPostgres } from './connect.ts';
import { withSeqCache } from './bulk-values.ts';
import { buildIndexesAlone, PARALLEL_BUILD_ROWS } from './bulk-indexes.ts';
import { Store } from './store.ts';
import { rowsOf } from './values-ingest.ts';

let store: Store;
let dispose: () => Promise<void>;
/** The per-file database's URL, on Postgres. */
let url: string | undefined;
beforeAll(async () => {
  const t = await testDatabase();
  ({ dispose, url } = t);
  store = new Store(t.database, await testSealKey());
});
afterAll(() => dispose());

type Tx = Parameters<Parameters<Store['transaction']>[0]>[0];

const one = async <T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T> => rowsOf<T>(await tx.execute(query))[0]!;
const nextval = async (tx: Tx) => Number((await one<{ n: string }>(tx, sql`select nextval('indicator_values_seq_seq')::text as n`)).n);
const cacheOf = async (tx: Tx) => Number((await one<{ c: string }>(tx, sql`select seqcache::text as c from pg_sequence where seqrelid = 'indicator_values_seq_seq'::regclass`)).c);
/** Three rows that take their seq from the column's default, in this order. */
const insertThree = (tx: Tx) =>
  tx.execute(sql`insert into indicator_values (cycle_id, employee_id, indicator_id, source, actual, origin) values ('C', 'E1', 'a', 'system', 1, 'import'), ('C', 'E1', 'b', 'system', 2, 'import'), ('C', 'E2', 'a', 'system', 3, 'import')`);
const seqs = async (tx: Tx) => rowsOf<{ seq: string; indicator_id: string }>(await tx.execute(sql`select seq::text, indicator_id from indicator_values where cycle_id = 'C' order by seq`));

describe('withSeqCache', () => {
  it('numbers the rows in order from a cache of 1,024, then sets the cache back and drops the numbers left in it', async () => {
    await store.transaction(async (tx) => {
      expect(await cacheOf(tx)).toBe(1);
      let during = 0;
      const load = await withSeqCache(tx, async () => {
        during = await cacheOf(tx);
        await insertThree(tx);
      });
      await load();
      expect(during).toBe(1024);
      expect(await cacheOf(tx)).toBe(1);
      const rows = await seqs(tx);
      const first = Number(rows[0]!.seq);
      // Consecutive, in input order.
      expect(rows.map((r) => [Number(r.seq) - first, r.indicator_id])).toEqual([
        [0, 'a'],
        [1, 'b'],
        [2, 'a'],
      ]);
      // The session fetched first..first+1023; the 1,021 it did not use are gone:
      // the next number is first + 1024, not first + 3.
      expect(await nextval(tx)).toBe(first + 1024);
      await tx.execute(sql`delete from indicator_values where cycle_id = 'C'`);
    });
  });

  it('after a failed load and its rollback: the session hands out no number from the old cache', async () => {
    // One session throughout: PGlite is one; on Postgres, a pool of one connection.
    const own = onPostgres ? await openPostgres(url!, { max: 1 }) : store.database;
    try {
      let first = 0;
      const failed = await own.db
        .transaction(async (t) => {
          const tx = t as unknown as Tx;
          const load = await withSeqCache(tx, async () => {
            await insertThree(tx);
            first = Number((await seqs(tx))[0]!.seq);
            throw new Error('encoder broke');
          });
          await load();
        })
        .then(() => null, (e: Error) => e.message);
      expect(failed).toBe('encoder broke');
      await own.db.transaction(async (t) => {
        const tx = t as unknown as Tx;
        expect(await seqs(tx)).toEqual([]);
        expect(await cacheOf(tx)).toBe(1);
        // The rollback gave back the sequence's storage from before the load,
        // and with it the numbers the rows had. Had the session kept its cache,
        // it would go on from first + 3.
        expect(await nextval(tx)).toBe(first);
      });
    } finally {
      if (own !== store.database) await own.close();
    }
  });
});

describe('buildIndexesAlone', () => {
  it('turns parallel index builds off for the transaction below PARALLEL_BUILD_ROWS, and leaves them to Postgres above', async () => {
    const setting = async (tx: Tx) => (await one<{ v: string }>(tx, sql`select current_setting('max_parallel_maintenance_workers') as v`)).v;
    // Postgres allows 2 by default; PGlite, one process, 0: start from 2 either way.
    const outside = await store.transaction((tx) => setting(tx));
    await store.transaction(async (tx) => {
      await tx.execute(sql`set local max_parallel_maintenance_workers = 2`);
      await buildIndexesAlone(tx, PARALLEL_BUILD_ROWS);
      expect(await setting(tx)).toBe('2');
      await buildIndexesAlone(tx, PARALLEL_BUILD_ROWS - 1);
      expect(await setting(tx)).toBe('0');
    });
    // SET LOCAL: gone with the transaction.
    expect(await store.transaction((tx) => setting(tx))).toBe(outside);
  });
});
