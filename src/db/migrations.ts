// The committed migrations, as the build saw them: readiness compares the
// database against this list on every runtime, Workers included, where there is
// no migrations/ folder to read (drizzle's migrator, Node only, reads the folder).
import journal from '../../migrations/meta/_journal.json' with { type: 'json' };

/** The tags of migrations/meta/_journal.json, oldest first, e.g. `0000_init`. */
export const MIGRATION_TAGS: readonly string[] = journal.entries.map((e) => e.tag);
