// policy.json without zod, for the usual policy: valid, nothing odd. zod
// costs ~80 ms of start-up (its ~100 modules set up their classes) and tens
// of ms to parse a big policy, on every `pandian diagnose`. This gives the
// output of policy-schema.ts' policySchema (the same values, keys in the
// same order, defaults filled) for any input it accepts, and null for
// anything else, whether invalid or merely unusual: policy-schema.ts then
// parses the file with zod and names the error. So it may turn down a policy
// zod would take, never the other way round (policy-fast.test.ts checks
// both against each other).
import type { Grading, Indicator, Policy, Role } from '../engine/types.ts';
import { readAllBytes, type ByteSource } from './byte-source.ts';
import { checkPolicy } from './policy-checks.ts';
import type { ParsedPolicy } from './policy-schema.ts';
import { decodeUtf8 } from './utf8.ts';

export const ROLES = ['employee', 'manager', 'hr', 'leader'] as const satisfies readonly Role[];
export const DEFAULT_RAISE_RATES: Record<string, number> = { S: 0.1, A: 0.06, B: 0.03, C: 0, D: 0 };

/** Thrown inside to give up; never leaves this file. */
class Unusual extends Error {}
const give = (): never => {
  throw new Unusual();
};

type Json = Record<string, unknown>;

/**
 * A policy file as policy-schema.ts parsePolicy reads it, or null where
 * that should decide (anything but a valid, plain policy). The checks across
 * fields (checkPolicy) run as there, and throw the same DataError.
 */
export function parsePolicyFast(file: string, bytes: Uint8Array): Policy | null {
  let text: string;
  try {
    text = decodeUtf8(file, bytes);
  } catch {
    return null;
  }
  // parsePolicyText drops one more BOM.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    return null;
  }
  const parsed = fastPolicy(json);
  return parsed === null ? null : checkPolicy(file, parsed);
}

/**
 * For data-folder.ts loadFolder: a parser of the folder's policy files that
 * loads zod (policy-schema.ts) only when one of them is not a plain, valid
 * policy. The files are read here in the order the loader reads them, so a
 * DataError thrown here is the one the loader would meet first.
 */
export async function fastPolicyParser(policies: [string, ByteSource][]): Promise<(file: string, bytes: Uint8Array) => Policy> {
  const parsed = new Map<string, Policy>();
  for (const [name, source] of policies) {
    const policy = parsePolicyFast(name, readAllBytes(source));
    if (policy === null) return (await import('./policy-schema.ts')).parsePolicy;
    parsed.set(name, policy);
  }
  return (file, bytes) => parsed.get(file) ?? parsePolicyOrThrow(file, bytes);
}

/** A file the parser was not shown first: only read fast (zod is not loaded by then). */
function parsePolicyOrThrow(file: string, bytes: Uint8Array): Policy {
  const policy = parsePolicyFast(file, bytes);
  if (policy === null) throw new Error(`${file} was not shown to fastPolicyParser`);
  return policy;
}

/** policySchema's output for `json`, or null where zod should decide. */
export function fastPolicy(json: unknown): ParsedPolicy | null {
  try {
    return policy(json);
  } catch (e) {
    if (e instanceof Unusual) return null;
    throw e;
  }
}

function policy(json: unknown): ParsedPolicy {
  const p = object(json, ['name', 'ratingMax', 'ratingScores', 'goals', 'indicators', 'assignments', 'grading', 'cleaning', 'raises', 'results']);
  const out: ParsedPolicy = {
    name: text(p.name),
    ratingMax: p.ratingMax === undefined ? 5 : int(p.ratingMax, 2),
    ...(p.ratingScores === undefined ? {} : { ratingScores: list(p.ratingScores, 0).map((x) => finite(x)) }),
    goals: p.goals === undefined ? [] : list(p.goals, 0).map(goal),
    indicators: list(p.indicators, 1).map(indicator),
    assignments: list(p.assignments, 1).map(assignment),
    grading: grading(p.grading),
    cleaning: cleaning(p.cleaning === undefined ? {} : p.cleaning),
    raises: raises(p.raises === undefined ? {} : p.raises),
    results: results(p.results === undefined ? {} : p.results),
  };
  return out;
}

/** A plain object with no key but `keys`. */
function object(value: unknown, keys: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) give();
  const o = value as Json;
  for (const key in o) if (!Object.hasOwn(o, key) || !keys.includes(key)) give();
  return o;
}

function list(value: unknown, min: number): unknown[] {
  if (!Array.isArray(value) || value.length < min) give();
  return value as unknown[];
}

function text(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) give();
  return value as string;
}

function finite(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) give();
  return value as number;
}

function int(value: unknown, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) give();
  return value as number;
}

/** A number with bounds: > gt, >= min, <= max (those given). */
function bounded(value: unknown, { gt, min, max }: { gt?: number; min?: number; max?: number }): number {
  const x = finite(value);
  if ((gt !== undefined && !(x > gt)) || (min !== undefined && !(x >= min)) || (max !== undefined && !(x <= max))) give();
  return x;
}

function goal(value: unknown): { id: string; name: string } {
  const g = object(value, ['id', 'name']);
  return { id: text(g.id), name: text(g.name) };
}

function indicator(value: unknown): Indicator {
  const x = object(value, ['id', 'name', 'kind', 'direction', 'unit', 'goal', 'cap']);
  const goal = x.goal === undefined || x.goal === null ? null : text(x.goal);
  if (x.kind === 'quantitative') {
    if (x.direction !== 'higher' && x.direction !== 'lower') give();
    const unit = x.unit === undefined || x.unit === null ? null : typeof x.unit === 'string' ? x.unit : give();
    const cap = x.cap === undefined ? 1.2 : bounded(x.cap, { gt: 0 });
    return { id: text(x.id), name: text(x.name), kind: 'quantitative', direction: x.direction as 'higher' | 'lower', unit, goal, cap };
  }
  if (x.kind !== 'qualitative' || x.direction !== undefined || x.cap !== undefined || (x.unit !== undefined && x.unit !== null)) give();
  return { id: text(x.id), name: text(x.name), kind: 'qualitative', unit: null, goal };
}

function assignment(value: unknown): ParsedPolicy['assignments'][number] {
  const a = object(value, ['department', 'role', 'indicators']);
  if (a.role !== undefined && !ROLES.includes(a.role as Role)) give();
  const indicators = list(a.indicators, 1).map((w) => {
    const o = object(w, ['id', 'weight']);
    return { id: text(o.id), weight: bounded(o.weight, { gt: 0, max: 100 }) };
  });
  return {
    ...(a.department === undefined ? {} : { department: text(a.department) }),
    ...(a.role === undefined ? {} : { role: a.role as Role }),
    indicators,
  };
}

function grading(value: unknown): Grading {
  const g = object(value, ['mode', 'grades', 'bands']);
  if (g.mode === 'forced' && g.bands === undefined) {
    const grades = list(g.grades, 1).map((x) => {
      const o = object(x, ['grade', 'share']);
      return { grade: text(o.grade), share: bounded(o.share, { min: 0, max: 1 }) };
    });
    return { mode: 'forced', grades };
  }
  if (g.mode === 'bands' && g.grades === undefined) {
    const bands = list(g.bands, 1).map((x) => {
      const o = object(x, ['grade', 'min']);
      return { grade: text(o.grade), min: finite(o.min) };
    });
    return { mode: 'bands', bands };
  }
  return give();
}

function cleaning(value: unknown): ParsedPolicy['cleaning'] {
  const c = object(value, ['robustZ', 'minPeers', 'mismatchTolerance']);
  return {
    robustZ: c.robustZ === undefined ? 3.5 : bounded(c.robustZ, { gt: 0 }),
    minPeers: c.minPeers === undefined ? 5 : int(c.minPeers, 1),
    mismatchTolerance: c.mismatchTolerance === undefined ? 0.02 : bounded(c.mismatchTolerance, { min: 0 }),
  };
}

/** `{ "S": 0.1, ..., "budget": null }`: rates in the order given; S..D when none is. */
function raises(value: unknown): ParsedPolicy['raises'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) give();
  const r = value as Json;
  const rates: Record<string, number> = {};
  let budget: number | null = null;
  for (const key in r) {
    if (!Object.hasOwn(r, key) || key === '__proto__') give();
    if (key === 'budget') budget = r.budget === null ? null : bounded(r.budget, { min: 0 });
    else rates[key] = bounded(r[key], { min: 0 });
  }
  return { rates: Object.keys(rates).length > 0 ? rates : { ...DEFAULT_RAISE_RATES }, budget };
}

function results(value: unknown): ParsedPolicy['results'] {
  const r = object(value, ['promotionTopShare', 'promotionGrades', 'developmentBottomShare']);
  return {
    promotionTopShare: r.promotionTopShare === undefined ? 0.2 : bounded(r.promotionTopShare, { min: 0, max: 1 }),
    promotionGrades: r.promotionGrades === undefined ? ['S', 'A'] : list(r.promotionGrades, 1).map(text),
    developmentBottomShare: r.developmentBottomShare === undefined ? 0.1 : bounded(r.developmentBottomShare, { min: 0, max: 1 }),
  };
}
