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
});

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  readonly code = 'BAD_ENV' as const;
}

export function readEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
