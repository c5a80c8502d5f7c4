import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, entryHash, GENESIS, nextAuditRow, toStoredJson, verifyChain } from './audit-chain.ts';
import type { AuditEntryInput, AuditRow } from './audit-chain.ts';

describe('canonicalJson', () => {
  it.each<[unknown, string, string]>([
    // [value, expected, why]
    [{ b: 1, a: 2 }, '{"a":2,"b":1}', 'keys sorted'],
    [{ z: { y: 1, x: [{ d: 1, c: 2 }] }, a: null }, '{"a":null,"z":{"x":[{"c":2,"d":1}],"y":1}}', 'sorted at every level'],
    [{ a: undefined, b: 1 }, '{"b":1}', 'undefined property omitted'],
    [[1, undefined, 'x'], '[1,null,"x"]', 'undefined in an array is null, as JSON.stringify'],
    [undefined, 'null', 'undefined at the top is null'],
    [{ at: new Date('2025-01-02T03:04:05.678Z') }, '{"at":"2025-01-02T03:04:05.678Z"}', 'Date as ISO string'],
    [[0.1 + 0.2, 1e21, -0, 38000], '[0.30000000000000004,1e+21,0,38000]', 'numbers as JSON.stringify writes them'],
    [{ 名: '盘点', 'a"b': 'line\nbreak' }, '{"a\\"b":"line\\nbreak","名":"盘点"}', 'strings escaped as JSON'],
    [{ B: 1, a: 2, _: 3 }, '{"B":1,"_":3,"a":2}', 'code-unit order, not locale order'],
    [{ n: Number.NaN }, '{"n":null}', 'NaN as JSON.stringify writes it'],
  ])('%j -> %s (%s)', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses a bigint rather than guess', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson([{ a: [1n] }])).toThrow(TypeError);
  });

  it.each<[unknown, string, string]>([
    // The fast path writes with one sorted list of every key: these check it keeps each object's own members and order.
    [{ 10: 'a', 2: 'b', x: 'c' }, '{"10":"a","2":"b","x":"c"}', 'integer-like keys in code-unit order, not numeric order'],
    [[{ b: 1 }, { a: 2, c: { b: 3, a: 4 } }], '[{"b":1},{"a":2,"c":{"a":4,"b":3}}]', 'a key of one object does not appear in another'],
    [{ f: () => 1, s: Symbol('s'), k: 1 }, '{"k":1}', 'functions and symbols omitted'],
    [{ t: { toJSON: () => undefined }, u: 1 }, '{"t":null,"u":1}', 'a toJSON giving undefined is null (walked, not JSON.stringify)'],
    [{ t: { toJSON: () => ({ z: 1, y: 2 }) } }, '{"t":{"y":2,"z":1}}', 'what toJSON gives, sorted'],
  ])('%s -> %s (%s)', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses an invalid Date, as its ISO string does not exist', () => {
    expect(() => canonicalJson({ at: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('writes a list of 10,000 records as the same records one by one', () => {
    const people = Array.from({ length: 10_000 }, (_, i) => ({ role: i % 3 ? 'employee' : 'manager', id: `E${i}`, managerId: i % 7 ? `E${i - 1}` : null, departmentId: `D-${i % 13}` }));
    const one = (p: (typeof people)[number]) => `{"departmentId":${JSON.stringify(p.departmentId)},"id":${JSON.stringify(p.id)},"managerId":${JSON.stringify(p.managerId)},"role":${JSON.stringify(p.role)}}`;
    expect(canonicalJson(people)).toBe(`[${people.map(one).join(',')}]`);
  });
});

function entry(i: number): AuditEntryInput {
  return {
    at: `2025-03-0${i}T08:00:00.000Z`,
    actor: i % 2 ? 'hr-bot' : 'lark:ou_123',
    action: 'grade.set',
    entity: 'result',
    entityId: `emp-${i}`,
    before: i === 1 ? null : { grade: 'B', score: 80 + i },
    after: { score: 90 + i, grade: 'A', note: undefined },
  };
}

async function chainOf(n: number): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for (let i = 1; i <= n; i++) rows.push(await nextAuditRow(rows.at(-1) ?? null, entry(i)));
  return rows;
}

describe('entryHash / nextAuditRow', () => {
  it('is hex SHA-256 of prevHash, seq and the canonical entry, one per line', async () => {
    const e = entry(2);
    const expected = createHash('sha256')
      .update(`${GENESIS}\n1\n${canonicalJson({ ...e })}`)
      .digest('hex');
    expect(await entryHash(GENESIS, 1, e)).toBe(expected);
  });

  it('hashes an undefined before like a null one, as both are stored as null', async () => {
    const e = entry(3);
    expect(await entryHash(GENESIS, 1, { ...e, before: undefined })).toBe(await entryHash(GENESIS, 1, { ...e, before: null }));
    expect(toStoredJson(undefined)).toBeNull();
  });

  it('links each row to the one before and stores before/after as canonical text', async () => {
    const [first, second] = await chainOf(2);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS, before: null, after: '{"grade":"A","score":91}' });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash, before: '{"grade":"B","score":82}' });
    expect(first!.hash).toBe(await entryHash(GENESIS, 1, entry(1)));
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain of 5, in any row order, and an empty one', async () => {
    const rows = await chainOf(5);
    expect(await verifyChain(rows)).toEqual({ ok: true, count: 5 });
    expect(await verifyChain([...rows].reverse())).toEqual({ ok: true, count: 5 });
    expect(await verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('names an entry whose after was edited: HASH_MISMATCH', async () => {
    const rows = await chainOf(5);
    rows[3] = { ...rows[3]!, after: '{"grade":"S","score":99}' };
    expect(await verifyChain(rows)).toEqual({ ok: false, seq: 4, reason: 'HASH_MISMATCH' });
  });

  it('refuses stored text that is the same value re-encoded (byte-exact hashing)', async () => {
    const rows = await chainOf(5);
    rows[1] = { ...rows[1]!, after: '{"score":92,"grade":"A"}' };
    expect(await verifyChain(rows)).toEqual({ ok: false, seq: 2, reason: 'HASH_MISMATCH' });
  });

  it.each([
    ['actor', { actor: 'someone-else' }],
    ['at', { at: '2025-03-03T08:00:00Z' }],
    ['entityId', { entityId: 'emp-9' }],
    ['before', { before: null }],
  ])('names an entry whose %s was edited', async (_field, change) => {
    const rows = await chainOf(5);
    rows[2] = { ...rows[2]!, ...change };
    expect(await verifyChain(rows)).toEqual({ ok: false, seq: 3, reason: 'HASH_MISMATCH' });
  });

  it('finds a deleted entry: GAP at its seq', async () => {
    const rows = await chainOf(5);
    expect(await verifyChain(rows.filter((r) => r.seq !== 3))).toEqual({ ok: false, seq: 3, reason: 'GAP' });
    expect(await verifyChain(rows.filter((r) => r.seq !== 1))).toEqual({ ok: false, seq: 1, reason: 'GAP' });
  });

  it('finds an entry re-hashed after tampering: BROKEN_LINK at the next', async () => {
    const rows = await chainOf(5);
    const forged = { ...rows[2]!, after: '{"grade":"S","score":99}' };
    forged.hash = await entryHash(forged.prevHash, forged.seq, { ...entry(3), after: { grade: 'S', score: 99 } });
    rows[2] = forged;
    expect(await verifyChain(rows)).toEqual({ ok: false, seq: 4, reason: 'BROKEN_LINK' });
  });

  it('finds a renumbered chain (deleted row, later rows shifted down): BROKEN_LINK', async () => {
    const rows = await chainOf(5);
    const shifted = rows.filter((r) => r.seq !== 3).map((r) => (r.seq > 3 ? { ...r, seq: r.seq - 1 } : r));
    expect(await verifyChain(shifted)).toEqual({ ok: false, seq: 3, reason: 'BROKEN_LINK' });
  });

  it('finds a repeated seq: BROKEN_LINK', async () => {
    const rows = await chainOf(3);
    expect(await verifyChain([...rows, rows[1]!])).toEqual({ ok: false, seq: 2, reason: 'BROKEN_LINK' });
  });

  it('finds deleted newest entries only against an expected head: TRUNCATED', async () => {
    const rows = await chainOf(5);
    const head = { seq: 5, hash: rows[4]!.hash };
    const truncated = rows.slice(0, 3);
    expect(await verifyChain(truncated)).toEqual({ ok: true, count: 3 });
    expect(await verifyChain(truncated, head)).toEqual({ ok: false, seq: 4, reason: 'TRUNCATED' });
    expect(await verifyChain(rows, head)).toEqual({ ok: true, count: 5 });
  });

  it('finds a chain rebuilt after the head: TRUNCATED at the head', async () => {
    const rows = await chainOf(5);
    const head = { seq: 5, hash: rows[4]!.hash };
    const rebuilt = [...rows.slice(0, 4), await nextAuditRow(rows[3]!, { ...entry(5), actor: 'intruder' })];
    expect(await verifyChain(rebuilt, head)).toEqual({ ok: false, seq: 5, reason: 'TRUNCATED' });
  });

  it('accepts entries appended after an older anchor, and an empty chain with head 0', async () => {
    const rows = await chainOf(5);
    expect(await verifyChain(rows, { seq: 2, hash: rows[1]!.hash })).toEqual({ ok: true, count: 5 });
    expect(await verifyChain([], { seq: 0, hash: GENESIS })).toEqual({ ok: true, count: 0 });
  });
});
