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

function parseEnv<S extends z.ZodType>(schema: S, source: unknown): z.output<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export function readEnv(source: Record<string, string | undefined>): Env {
  const env = parseEnv(EnvSchema, source);
  // A half-configured store stops the start, naming what is missing.
  const set = S3_VARS.filter((v) => env[v] !== undefined);
  if (set.length > 0 && set.length < S3_VARS.length) {
    throw new EnvError(`evidence on S3 needs all of ${S3_VARS.join(', ')}; missing ${S3_VARS.filter((v) => !set.includes(v)).join(', ')}`);
  }
  return env;
}

/**
 * The Worker's bindings (wrangler.toml vars, secrets, a Hyperdrive binding).
 * No embedded database and no files there: Postgres is required, from a
 * Hyperdrive binding named HYPERDRIVE or else DATABASE_URL.
 */
export const WorkerEnvSchema = z.object({
  DATABASE_URL: optional,
  HYPERDRIVE: z.object({ connectionString: z.string().min(1) }).optional(),
  PANDIAN_SECRET_KEY: z
    .string({ error: 'is required on Workers (salaries are sealed with it): wrangler secret put PANDIAN_SECRET_KEY' })
    .trim()
    .min(1, 'is required on Workers (salaries are sealed with it): wrangler secret put PANDIAN_SECRET_KEY'),
  PANDIAN_API_TOKENS: optional,
  PANDIAN_LANG: z.enum(['zh', 'en']).default('zh'),
});

export type WorkerEnv = Omit<z.output<typeof WorkerEnvSchema>, 'DATABASE_URL' | 'HYPERDRIVE'> & { databaseUrl: string };

export function readWorkerEnv(source: unknown): WorkerEnv {
  const { DATABASE_URL, HYPERDRIVE, ...rest } = parseEnv(WorkerEnvSchema, source);
  // Hyperdrive first: its connection string points at the pooler near the Worker.
  const databaseUrl = HYPERDRIVE?.connectionString ?? DATABASE_URL;
  if (databaseUrl === undefined) throw new EnvError('environment variable DATABASE_URL: a Worker needs Postgres: bind Hyperdrive as HYPERDRIVE, or set DATABASE_URL');
  return { ...rest, databaseUrl };
}
