// The clock as serve and `pandian worker` run it, on the demo company with a
// fixed clock (PGlite; Postgres in CI): what a tick does, what it logs, and
// that a failing tick is logged rather than thrown.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { testStore } from '../../test/support/database.ts';
import type { Store } from '../db/store.ts';
import { rowsOf } from '../db/values-ingest.ts';
import { clockTick, describeRun, startClock } from './clock.ts';
import type { WorkflowDeps } from './deps.ts';

let store: Store;
let dispose: () => Promise<void>;
let deps: WorkflowDeps;

beforeAll(async () => {
  let clock;
  ({ store, dispose, clock } = await testStore());
  await store.importDataset(await loadDataFolder('examples/demo'), 'hr:test');
  await store.db.execute(sql`update cycles set stage = 'closed' where id in ('2024', '2025')`);
  // The test clock reads 2026-11-30T09:00Z: the collecting deadline is 23 hours away.
  await store.db.execute(sql`update cycles set deadlines = ${JSON.stringify({ collecting: '2026-12-01T08:00:00.000Z' })}::jsonb where id = '2026'`);
  deps = { uow: store, evidence: store, clock, lang: 'en', evidenceUrl: (id) => `/console/evidence/${id}`, charts: async () => [] };
});
afterAll(() => dispose());

describe('the clock', () => {
  it('ticks at once when asked, logs what it did, and stops', async () => {
    const lines: [string, boolean | undefined][] = [];
    const clock = startClock(deps, 'en', (line, failure) => lines.push([line, failure]), { now: true, everyMs: 3_600_000 });
    await clock.stop();
    // 60 people, less E002 (no indicator assigned): 59 who have not submitted.
    expect(lines).toEqual([['sent 59 deadline reminder(s)', undefined]]);
    const [sent] = rowsOf<{ n: number }>(await store.db.execute(sql`select count(*)::int as n from outgoing_messages where card->>'key' like 'reminder:%'`));
    expect(sent!.n).toBe(59);
  });

  it('does nothing on the next tick: each card goes out once', async () => {
    const run = await clockTick(deps, 'en');
    expect(run).toEqual({ appealsEscalated: 0, reminders: 0, deadlineEscalations: 0 });
    expect(describeRun(run)).toBeNull();
  });

  it('words every kind of work it did', () => {
    expect(describeRun({ appealsEscalated: 2, reminders: 0, deadlineEscalations: 1 })).toBe('escalated 2 overdue appeal(s) to HR; escalated 1 overdue task(s)');
  });

  it('logs a failing tick as a failure instead of throwing', async () => {
    // A store whose database is gone.
    const gone = await testStore();
    await gone.dispose();
    const lines: [string, boolean | undefined][] = [];
    const clock = startClock({ ...deps, uow: gone.store, evidence: gone.store }, 'en', (line, failure) => lines.push([line, failure]), { now: true, everyMs: 3_600_000 });
    await clock.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]![0]).toMatch(/^clock: \S/);
    expect(lines[0]![1]).toBe(true);
  });
});
