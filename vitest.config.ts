import { configDefaults, defineConfig } from 'vitest/config';

const include = ['src/**/*.test.ts', 'adapters/**/*.test.ts', 'cards/**/*.test.ts', 'test/**/*.test.ts'];
// The Cloudflare Worker under `wrangler dev`: needs the machine's Postgres, so not in `npm test`.
const worker = ['test/worker/**/*.test.ts', '**/*.worker.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // Everything, databases on the embedded PGlite: what `npm test` runs.
      { extends: true, test: { name: 'unit', include, exclude: [...configDefaults.exclude, ...worker] } },
      // The database tests again on the machine's Postgres (.ci/run sets PANDIAN_TEST_POSTGRES).
      { extends: true, test: { name: 'postgres', include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'] } },
      // The Worker bundle, and the Worker in workerd against that Postgres (.ci/run, after the postgres project).
      { extends: true, test: { name: 'worker', include: worker, env: { PANDIAN_TEST_POSTGRES: '1' } } },
    ],
  },
});
