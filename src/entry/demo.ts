// The demo company on an empty database: examples/demo with its last cycle
// open for collecting and the earlier ones closed, so there is something to do at once.
import { sql } from 'drizzle-orm';
import type { Store } from '../db/store.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { cyclesOf } from '../engine/diagnose.ts';

export async function seedDemo(store: Store, folder: string): Promise<string> {
  const data = await loadDataFolder(folder);
  await store.importDataset(data, 'system:demo');
  const cycles = cyclesOf(data);
  const current = cycles[cycles.length - 1]!;
  const now = store.clock.now().getTime();
  const day = 24 * 3600_000;
  const deadlines = {
    collecting: new Date(now + 7 * day).toISOString(),
    reviewing: new Date(now + 14 * day).toISOString(),
    calibrating: new Date(now + 21 * day).toISOString(),
  };
  await store.transaction(async (tx) => {
    for (const c of cycles.slice(0, -1)) await tx.execute(sql`update cycles set stage = 'closed' where id = ${c}`);
    await tx.execute(sql`update cycles set stage = 'collecting', deadlines = ${JSON.stringify(deadlines)}::jsonb where id = ${current}`);
  });
  return current;
}
