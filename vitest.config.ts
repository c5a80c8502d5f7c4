import { defineConfig } from 'vitest/config';

const include = ['src/**/*.test.ts', 'adapters/**/*.test.ts', 'cards/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // Everything, databases on the embedded PGlite: what `npm test` runs.
      { extends: true, test: { name: 'unit', include } },
      // The database tests again on the machine's Postgres (.ci/run sets PANDIAN_TEST_POSTGRES).
      { extends: true, test: { name: 'postgres', include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'] } },
    ],
  },
});
