import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

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
