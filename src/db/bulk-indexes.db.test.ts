// bulk-indexes.ts: a big load into a small table locks the table first,
// drops its indexes and builds them again after, the same as the migrations
// made them; a small load, or one into a table that keeps more rows, leaves
// the table alone; a failed import leaves the indexes as they were.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany } from '../../bench/generate-company.ts';
import { parseDataFiles } from '../io/parse-data-files.ts';
import type { Dataset } from '../engine/types.ts';
import { testStore } from '../../test/support/database.ts';
import { claimForBulkLoad, MIN_ROWS, ONE_INDEX_MIN_ROWS, setIndexesAside } from './bulk-indexes.ts';
import { attributes, employees, values } from './schema.ts';
import type { Store } from './store.ts';
import { rowsOf } from './values-ingest.ts';

let store: Store;
let dispose: () => Promise<void>;
/** 4,300 people x 12 indicators in one cycle, plus self rows: just over MIN_ROWS value rows. */
let company: Dataset;

/** The table's indexes as Postgres would create them again, and its constraints. */
async function indexesOf(table: string): Promise<{ indexes: string[]; constraints: string[] }> {
  const indexes = rowsOf<{ def: string }>(await store.db.execute(sql`select indexdef as def from pg_indexes where tablename = ${table} order by indexname`)).map((r) => r.def);
  const constraints = rowsOf<{ def: string }>(
    await store.db.execute(sql`select conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint where conrelid = ${table}::regclass and contype <> 'n' order by conname`),
  ).map((r) => r.def);
  return { indexes, constraints };
}

const countOf = async (table: string) => Number(rowsOf<{ n: number }>(await store.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

beforeAll(async () => {
  ({ store, dispose } = await testStore());
  const files = generateCompany(4300, { cycles: 1 });
  company = parseDataFiles(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)])));
  expect(company.values.length).toBeGreaterThan(MIN_ROWS);
});
afterAll(() => dispose());

/** Whether this transaction holds the table's ACCESS EXCLUSIVE lock. */
async function locked(tx: Parameters<Parameters<Store['transaction']>[0]>[0], table: string): Promise<boolean> {
  const rows = rowsOf(await tx.execute(sql`select 1 from pg_locks where relation = ${table}::regclass and mode = 'AccessExclusiveLock' and pid = pg_backend_pid()`));
  return rows.length > 0;
}

describe('claimForBulkLoad and setIndexesAside', () => {
  it('claim a small table for a big load, locked, and drop its non-partial indexes; the rebuild makes them as they were', async () => {
    const before = await indexesOf('indicator_values');
    // The key and the API rows' partial unique index, as the migrations made them.
    expect(before.constraints).toEqual(['indicator_values_pkey PRIMARY KEY (cycle_id, employee_id, seq)']);
    expect(before.indexes).toHaveLength(2);
    expect(before.indexes.filter((d) => d.includes('WHERE'))).toEqual([expect.stringContaining('values_api_key')]);
    await store.transaction(async (tx) => {
      expect(await locked(tx, 'indicator_values')).toBe(false);
      expect(await claimForBulkLoad(tx, values, MIN_ROWS)).toBe(true);
      // Locked from the claim on, before anything is dropped.
      expect(await locked(tx, 'indicator_values')).toBe(true);
      const rebuild = await setIndexesAside(tx, values);
      const aside = rowsOf<{ def: string }>(await tx.execute(sql`select indexdef as def from pg_indexes where tablename = 'indicator_values'`)).map((r) => r.def);
      // Only the partial index stays.
      expect(aside).toEqual(before.indexes.filter((d) => d.includes('WHERE')));
      await rebuild();
    });
    expect(await indexesOf('indicator_values')).toEqual(before);
  });

  it('leave a load smaller than MIN_ROWS alone, unlocked', async () => {
    await store.transaction(async (tx) => {
      expect(await claimForBulkLoad(tx, employees, MIN_ROWS - 1)).toBe(false);
      expect(await locked(tx, 'employees')).toBe(false);
    });
  });

  it('takes a lower bar for a table of one index, as the import passes it for values and attributes', async () => {
    await store.transaction(async (tx) => {
      expect(await claimForBulkLoad(tx, attributes, ONE_INDEX_MIN_ROWS - 1, undefined, ONE_INDEX_MIN_ROWS)).toBe(false);
      expect(await locked(tx, 'attributes')).toBe(false);
      // Below MIN_ROWS, but claimed with the lower bar.
      expect(ONE_INDEX_MIN_ROWS).toBeLessThan(MIN_ROWS);
      expect(await claimForBulkLoad(tx, attributes, ONE_INDEX_MIN_ROWS, undefined, ONE_INDEX_MIN_ROWS)).toBe(true);
      expect(await locked(tx, 'attributes')).toBe(true);
    });
  });

  it('leave a table alone that keeps as many rows as are coming, counting only the rows that stay', async () => {
    await store.db.execute(sql`insert into attributes (cycle_id, employee_id, attribute, value) select 'old', 'E' || g, 'a', g from generate_series(1, ${MIN_ROWS}) g`);
    try {
      await store.transaction(async (tx) => {
        expect(await claimForBulkLoad(tx, attributes, MIN_ROWS)).toBe(false);
        expect(await locked(tx, 'attributes')).toBe(false);
        // One of them is about to be replaced: one row fewer stays than are coming.
        expect(await claimForBulkLoad(tx, attributes, MIN_ROWS, sql`employee_id <> 'E1'`)).toBe(true);
        expect(await locked(tx, 'attributes')).toBe(true);
        await (await setIndexesAside(tx, attributes))();
      });
    } finally {
      await store.db.execute(sql`delete from attributes where cycle_id = 'old'`);
    }
    expect((await indexesOf('attributes')).constraints).toEqual(['attributes_cycle_id_employee_id_attribute_pk PRIMARY KEY (cycle_id, employee_id, attribute)']);
  });
});

describe('an import of more value rows than the store holds', () => {
  it('leaves the indexes as the migrations made them, and a key that still refuses a duplicate', async () => {
    const before = await indexesOf('indicator_values');
    const summary = await store.importDataset(company, 'hr:test');
    expect(summary.values).toBe(company.values.length);
    expect(await countOf('indicator_values')).toBe(company.values.length);
    expect(await indexesOf('indicator_values')).toEqual(before);
    // The audit of 4,300 new people (~0.4 MB, inserted on its own: audit-log.ts) keeps the chain whole.
    const [created] = rowsOf<{ after: string }>(await store.db.execute(sql`select after from audit_log where action = 'employees.create'`));
    expect((JSON.parse(created!.after) as unknown[]).length).toBe(company.employees.length);
    expect(created!.after.length).toBeGreaterThan(1 << 16);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    const [first] = rowsOf<{ cycle_id: string; employee_id: string; seq: number }>(await store.db.execute(sql`select cycle_id, employee_id, seq from indicator_values order by seq limit 1`));
    await expect(
      store.db.execute(
        sql`insert into indicator_values (seq, cycle_id, employee_id, indicator_id, source, origin) values (${first!.seq}, ${first!.cycle_id}, ${first!.employee_id}, 'i01', 'system', 'import')`,
      ),
    ).rejects.toThrow();
  });

  it('leaves the indexes and the rows as they were when it fails after the indexes were set aside', async () => {
    // The store now holds one import's rows: delete them so the next load counts as big again.
    await store.db.execute(sql`delete from indicator_values`);
    const before = await indexesOf('indicator_values');
    // The last row breaks the COPY (a null cycle violates NOT NULL), after the indexes are dropped.
    const broken: Dataset = { ...company, values: [...company.values, { ...[...company.values][0]!, cycle: null as unknown as string }] };
    await expect(store.importDataset(broken, 'hr:test')).rejects.toThrow();
    expect(await countOf('indicator_values')).toBe(0);
    expect(await indexesOf('indicator_values')).toEqual(before);
  });
});
