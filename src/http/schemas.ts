// zod schemas of the API: they validate requests and write the OpenAPI document.
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: 'BAD_INPUT' }),
    message: z.string(),
    requestId: z.string(),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Bad input', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Missing or unknown token', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

const number = z.number().refine(Number.isFinite, 'expected a finite number');

export const ValueRowSchema = z
  .object({
    cycle: z.string().min(1),
    employeeId: z.string().min(1),
    indicatorId: z.string().min(1),
    source: z.enum(['system', 'self', 'manager']).default('system'),
    target: number.nullable().default(null),
    actual: number.nullable().default(null),
    rating: z.number().int().nullable().default(null),
    sourceRef: z.string().nullable().default(null),
  })
  .openapi('ValueRow');

export const PutValuesBody = z
  .object({ rows: z.array(ValueRowSchema).min(1).max(200_000) })
  .openapi('PutValues');

export const IngestSummarySchema = z
  .object({ received: z.number(), inserted: z.number(), updated: z.number(), unchanged: z.number() })
  .openapi('IngestSummary');

export const ImportSummarySchema = z
  .object({
    departments: z.number(),
    employees: z.number(),
    values: z.number(),
    attributes: z.number(),
    cycles: z.array(z.string()),
    policyVersions: z.array(z.object({ name: z.string(), version: z.number(), created: z.boolean() })),
  })
  .openapi('ImportSummary');

export const CycleParam = z.object({
  cycle: z.string().min(1).openapi({ param: { name: 'cycle', in: 'path' }, example: '2026' }),
});

export const LangQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });
