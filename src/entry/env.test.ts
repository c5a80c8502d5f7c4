import { describe, expect, it } from 'vitest';
import { readEnv, readWorkerEnv } from './env.ts';

describe('readEnv', () => {
  it('applies the defaults of INTERFACES.md', () => {
    const env = readEnv({ DATABASE_URL: '  ' });
    expect(env).toMatchObject({ PORT: 8787, PANDIAN_DATA_DIR: './.pandian', PANDIAN_LANG: 'zh' });
    expect(env.DATABASE_URL).toBeUndefined(); // blank means unset: the embedded database
  });
  it('names a bad variable', () => {
    expect(() => readEnv({ PANDIAN_LANG: 'fr' })).toThrow(/PANDIAN_LANG/);
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('stops on a half-configured S3 store, naming what is missing', () => {
    expect(() => readEnv({ PANDIAN_S3_BUCKET: 'evidence', PANDIAN_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(
      'missing PANDIAN_S3_REGION, PANDIAN_S3_ACCESS_KEY_ID, PANDIAN_S3_SECRET_ACCESS_KEY',
    );
  });
});

describe('readWorkerEnv', () => {
  const key = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
  it('takes Postgres from a Hyperdrive binding before DATABASE_URL', () => {
    const env = readWorkerEnv({ DATABASE_URL: 'postgres://direct/db', HYPERDRIVE: { connectionString: 'postgres://pooled/db' }, PANDIAN_SECRET_KEY: key });
    expect(env).toMatchObject({ databaseUrl: 'postgres://pooled/db', PANDIAN_LANG: 'zh' });
    expect(env.PANDIAN_API_TOKENS).toBeUndefined();
    expect(readWorkerEnv({ DATABASE_URL: 'postgres://direct/db', PANDIAN_SECRET_KEY: key }).databaseUrl).toBe('postgres://direct/db');
  });
  it('needs Postgres and the secret key, naming what is missing', () => {
    expect(() => readWorkerEnv({ PANDIAN_SECRET_KEY: key })).toThrow(/DATABASE_URL.*HYPERDRIVE/);
    expect(() => readWorkerEnv({ DATABASE_URL: 'postgres://direct/db' })).toThrow(/PANDIAN_SECRET_KEY: is required on Workers/);
    expect(() => readWorkerEnv({ DATABASE_URL: 'postgres://direct/db', PANDIAN_SECRET_KEY: '  ' })).toThrow(/PANDIAN_SECRET_KEY/);
  });
});
