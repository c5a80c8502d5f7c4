// The demo company in a fresh database at its 2026 cycle (the earlier cycles
// closed), with the workflow's deps and the few helpers workflow tests share:
// press an action as someone, query the database, read someone's console inbox.
import { sql } from 'drizzle-orm';
import type { Card } from '../../cards/model.ts';
import { rowsOf } from '../../src/db/values-ingest.ts';
import { loadDataFolder } from '../../src/io/load-data-folder.ts';
import type { WorkflowDeps } from '../../src/workflow/deps.ts';
import { handleAction, type ActionRequest } from '../../src/workflow/dispatch.ts';
import { testStore } from './database.ts';

export type DemoWorkflow = Awaited<ReturnType<typeof demoWorkflow>>;

export async function demoWorkflow() {
  const { store, dispose, clock } = await testStore();
  await store.importDataset(await loadDataFolder('examples/demo'), 'hr:test');
  await store.db.execute(sql`update cycles set stage = 'closed' where id in ('2024', '2025')`);
  const deps: WorkflowDeps = { uow: store, evidence: store, clock, lang: 'en', evidenceUrl: (id) => `/console/evidence/${id}`, charts: async () => [] };
  const act = (actorId: string, name: string, payload: ActionRequest['payload'], form: Record<string, string> = {}, files: ActionRequest['files'] = []) =>
    handleAction(deps, { actorId, name, payload, form, files, lang: 'en' });
  const query = async <T>(text: string) => rowsOf<T>(await store.db.execute(sql.raw(text)));
  /** The cards sent to one person, oldest first (the console's copy). */
  const outbox = (recipient: string) => query<{ card: Card }>(`select card from outgoing_messages where platform = 'console' and recipient = '${recipient}' order by id`);
  return { store, dispose, clock, deps, act, query, outbox };
}
