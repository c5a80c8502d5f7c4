// policy.json (and policy.<cycle>.json) as FORMATS.md shows it. Objects are
// strict: a misspelt key ("wieght") is an error rather than a silent default.
// Checks that span fields (weights sum to 100, ids exist, ...) live in
// policy-checks.ts; this file turns the JSON into the engine's shape.
import { z } from 'zod';
import type { Grading, Indicator, Policy } from '../engine/types.ts';
import { decodeUtf8 } from './utf8.ts';
import { DataError } from './data-error.ts';
import { checkPolicy } from './policy-checks.ts';
import { DEFAULT_RAISE_RATES, ROLES } from './policy-fast.ts';

export { DEFAULT_RAISE_RATES, ROLES } from './policy-fast.ts';

const text = z.string().min(1);
const share = z.number().min(0).max(1);

const quantitative = z.strictObject({
  id: text,
  name: text,
  kind: z.literal('quantitative'),
  direction: z.enum(['higher', 'lower']),
  unit: z.string().nullish(),
  goal: text.nullish(),
  cap: z.number().positive().optional(),
});

const qualitative = z.strictObject({
  id: text,
  name: text,
  kind: z.literal('qualitative'),
  unit: z.null().optional(),
  goal: text.nullish(),
});

const indicator = z.discriminatedUnion('kind', [quantitative, qualitative]).transform(
  (v): Indicator =>
    v.kind === 'quantitative'
      ? { id: v.id, name: v.name, kind: v.kind, direction: v.direction, unit: v.unit ?? null, goal: v.goal ?? null, cap: v.cap ?? 1.2 }
      : { id: v.id, name: v.name, kind: v.kind, unit: null, goal: v.goal ?? null },
);

const assignment = z.strictObject({
  department: text.optional(),
  role: z.enum(ROLES).optional(),
  indicators: z.array(z.strictObject({ id: text, weight: z.number().positive().max(100) })).min(1),
});

const grading = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('forced'), grades: z.array(z.strictObject({ grade: text, share })).min(1) }),
  z.strictObject({ mode: z.literal('bands'), bands: z.array(z.strictObject({ grade: text, min: z.number() })).min(1) }),
]);

const cleaning = z
  .strictObject({
    robustZ: z.number().positive().default(3.5),
    minPeers: z.int().min(1).default(5),
    mismatchTolerance: z.number().min(0).default(0.02),
  })
  .prefault({});

/** JSON `{ "S": 0.1, ..., "budget": null }`; the grade keys default to S..D when none is given. */
const raises = z
  .object({ budget: z.number().min(0).nullable().default(null) })
  .catchall(z.number().min(0))
  .prefault({})
  .transform((v): Policy['raises'] => {
    const rates: Record<string, number> = {};
    for (const [grade, rate] of Object.entries(v)) if (grade !== 'budget' && typeof rate === 'number') rates[grade] = rate;
    return { rates: Object.keys(rates).length > 0 ? rates : { ...DEFAULT_RAISE_RATES }, budget: v.budget };
  });

const results = z
  .strictObject({
    promotionTopShare: share.default(0.2),
    promotionGrades: z.array(text).min(1).default(() => ['S', 'A']),
    developmentBottomShare: share.default(0.1),
  })
  .prefault({});

export const policySchema = z.strictObject({
  name: text,
  ratingMax: z.int().min(2).default(5),
  ratingScores: z.array(z.number()).optional(),
  goals: z.array(z.strictObject({ id: text, name: text })).default(() => []),
  indicators: z.array(indicator).min(1),
  assignments: z.array(assignment).min(1),
  grading: grading.transform((g): Grading => g),
  cleaning,
  raises,
  results,
});

export type ParsedPolicy = z.output<typeof policySchema>;

/** Reads one policy file: UTF-8 JSON, the schema, then the cross-field checks. Throws DataError. */
export function parsePolicy(file: string, bytes: Uint8Array): Policy {
  return parsePolicyText(decodeUtf8(file, bytes), file);
}

/** The same from decoded text (a BOM is dropped); `file` names the source in errors. */
export function parsePolicyText(text: string, file: string): Policy {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    throw new DataError({ file, expected: 'a JSON object', detail: 'expected a JSON object, got an empty file' });
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(reason);
    const line = position ? source.slice(0, Number(position[1])).split('\n').length : null;
    throw new DataError({ file, line, expected: 'valid JSON', detail: `expected valid JSON: ${reason}` });
  }
  const parsed = policySchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    // A misspelt key also makes the real key "missing"; the typo is the better message.
    const issues = parsed.error.issues;
    throw issueError(file, issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]);
  }
  return checkPolicy(file, parsed.data);
}

/** `['assignments', 0, 'indicators']` -> `assignments[0].indicators`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function issueError(file: string, issue: z.core.$ZodIssue | undefined): DataError {
  if (!issue) return new DataError({ file, expected: 'a valid policy' });
  const path = [...issue.path];
  const { expected, got } = describeIssue(issue, path);
  const column = jsonPath(path) || null;
  return new DataError({ file, column, expected, detail: `expected ${expected}${got}` });
}

function describeIssue(issue: z.core.$ZodIssue, path: PropertyKey[]): { expected: string; got: string } {
  const got = issue.input === undefined ? ', but it is missing' : `, got ${show(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type':
      return { expected: TYPE_NAMES[issue.expected] ?? issue.expected, got };
    case 'invalid_value':
      return { expected: oneOf(issue.values), got };
    case 'invalid_union': {
      if (!issue.discriminator) return { expected: 'one of the documented shapes', got };
      const input = issue.input as Record<string, unknown> | undefined;
      const value = input?.[issue.discriminator];
      const options = (issue as { options?: unknown[] }).options ?? [];
      return { expected: oneOf(options), got: value === undefined ? ', but it is missing' : `, got ${show(value)}` };
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.origin === 'array') return { expected: `${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound} entries`, got: '' };
      if (issue.origin === 'string') return { expected: 'a non-empty text', got };
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      return { expected: `a number ${op} ${bound}`, got };
    }
    case 'unrecognized_keys':
      path.push(issue.keys[0] ?? '');
      return { expected: `only the documented keys (is "${issue.keys[0]}" misspelt?)`, got: '' };
    default:
      return { expected: issue.message, got: '' };
  }
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  array: 'a list',
  object: 'an object',
  null: 'null',
  boolean: 'true or false',
};

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? (shown[0] as string) : `one of ${shown.join(', ')}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
