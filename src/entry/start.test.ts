// `npm start` (dist/start.mjs, built before the tests run) with a wrong
// setting: one line naming it, exit 2, no stack trace, nothing started.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm start with a wrong setting', () => {
  it('says what is missing in one line and exits 2', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PANDIAN_S3_BUCKET: 'evidence', PANDIAN_DATA_DIR: '/nonexistent/pandian-start-test' };
    delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, ['dist/start.mjs'], { env, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'pandian: evidence on S3 needs all of PANDIAN_S3_ENDPOINT, PANDIAN_S3_BUCKET, PANDIAN_S3_REGION, PANDIAN_S3_ACCESS_KEY_ID, PANDIAN_S3_SECRET_ACCESS_KEY; missing PANDIAN_S3_ENDPOINT, PANDIAN_S3_REGION, PANDIAN_S3_ACCESS_KEY_ID, PANDIAN_S3_SECRET_ACCESS_KEY\n',
    );
  });
});
