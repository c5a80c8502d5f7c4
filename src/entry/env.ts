// The environment, validated once at the entry: the only place that reads it.
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: optional,
  PANDIAN_DATA_DIR: z.string().default('./.pandian'),
  PANDIAN_LANG: z.enum(['zh', 'en']).default('zh'),
  PANDIAN_API_TOKENS: optional,
  PANDIAN_SECRET_KEY: optional,
  PANDIAN_DEMO: z.enum(['0', '1']).default('1'),
  /** Evidence in an S3-compatible store instead of the database (all five, or none). */
  PANDIAN_S3_ENDPOINT: optional,
  PANDIAN_S3_BUCKET: optional,
  PANDIAN_S3_REGION: optional,
  PANDIAN_S3_ACCESS_KEY_ID: optional,
  PANDIAN_S3_SECRET_ACCESS_KEY: optional,
});

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  readonly code = 'BAD_ENV' as const;
}

const S3_VARS = ['PANDIAN_S3_ENDPOINT', 'PANDIAN_S3_BUCKET', 'PANDIAN_S3_REGION', 'PANDIAN_S3_ACCESS_KEY_ID', 'PANDIAN_S3_SECRET_ACCESS_KEY'] as const;

export function readEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  // A half-configured store stops the start, naming what is missing.
  const set = S3_VARS.filter((v) => parsed.data[v] !== undefined);
  if (set.length > 0 && set.length < S3_VARS.length) {
    throw new EnvError(`evidence on S3 needs all of ${S3_VARS.join(', ')}; missing ${S3_VARS.filter((v) => !set.includes(v)).join(', ')}`);
  }
  return parsed.data;
}
