// policy-fast.ts against zod (policy-schema.ts): on thousands of policies,
// valid ones and ones broken at random, the fast reader either gives up or
// gives exactly zod's output, keys in the same order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastPolicy, parsePolicyFast } from './policy-fast.ts';
import { parsePolicy, policySchema } from './policy-schema.ts';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASES: unknown[] = [
  JSON.parse(readFileSync('examples/demo/policy.json', 'utf8')),
  JSON.parse(readFileSync('examples/demo/policy.2024.json', 'utf8')),
  JSON.parse(readFileSync('test/fixtures/small/policy.json', 'utf8')),
  {
    name: 'p',
    indicators: [
      { id: 'sales', name: '销售额', kind: 'quantitative', direction: 'higher' },
      { id: 'attitude', name: '工作态度', kind: 'qualitative' },
    ],
    assignments: [{ role: 'employee', indicators: [{ weight: 60, id: 'sales' }, { id: 'attitude', weight: 40 }] }],
    grading: { bands: [{ grade: 'A', min: 100 }, { min: 0, grade: 'B' }], mode: 'bands' },
    raises: { B: 0.01, budget: null, A: 0.05, '7': 0, '1': 0.5 },
    cleaning: { minPeers: 3 },
    results: { promotionGrades: ['A'] },
  },
];

/** Values that break or bend a field: wrong types, bounds, empty texts, extra keys. */
const ODD: unknown[] = [null, 0, -0, -1, 0.5, 1, 2, 100, 101, 1e400, 2 ** 53, 2.5, '', 'x', 'higher', 'lower', 'quantitative', 'qualitative', 'forced', 'bands', 'employee', 'boss', true, [], [1], {}, { x: 1 }];

/** A deep copy of `json` with one change at a random place. */
function mutate(json: unknown, next: () => number): unknown {
  const copy = structuredClone(json);
  const places: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => (places.push([v, i]), walk(x)));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) (places.push([v as Record<string, unknown>, k]), walk(x));
  };
  walk(copy);
  const [parent, key] = places[Math.floor(next() * places.length)]!;
  const what = next();
  if (what < 0.25 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else if (what < 0.35 && !Array.isArray(parent)) (parent as Record<string, unknown>)[['extra', 'wieght', 'unit', 'cap', 'role', 'department', 'budget', 'S'][Math.floor(next() * 8)]!] = ODD[Math.floor(next() * ODD.length)];
  else if (what < 0.4 && Array.isArray(parent)) parent.splice(key as number, 1);
  else (parent as Record<string | number, unknown>)[key] = structuredClone(ODD[Math.floor(next() * ODD.length)]);
  return copy;
}

function zod(json: unknown): unknown {
  const parsed = policySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

describe('the fast policy reader', () => {
  it('gives zod output for valid policies, keys in order', () => {
    for (const base of BASES) {
      const fast = fastPolicy(base);
      expect(fast).not.toBeNull();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod(base)));
    }
  });

  it('gives up, or agrees with zod to the key, on 20,000 broken or bent policies', () => {
    const next = random(7);
    let agreed = 0;
    for (let i = 0; i < 20_000; i++) {
      let json = BASES[i % BASES.length];
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) json = mutate(json, next);
      const fast = fastPolicy(json);
      if (fast === null) continue;
      agreed++;
      expect(JSON.stringify(fast), JSON.stringify(json)).toBe(JSON.stringify(zod(json)));
    }
    // Most changes make a policy invalid; enough stay valid to test agreement.
    expect(agreed).toBeGreaterThan(1000);
  });

  it('reads a file as parsePolicy does, and leaves errors to it', () => {
    const file = readFileSync('examples/demo/policy.json');
    expect(parsePolicyFast('policy.json', file)).toEqual(parsePolicy('policy.json', file));
    expect(parsePolicyFast('policy.json', new TextEncoder().encode('{"name": 1}'))).toBeNull();
    expect(parsePolicyFast('policy.json', new TextEncoder().encode('{'))).toBeNull();
    expect(parsePolicyFast('policy.json', Uint8Array.from([0xff]))).toBeNull();
  });
});
