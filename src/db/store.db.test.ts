import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../engine/diagnose.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import type { Dataset } from '../engine/types.ts';
import { testStore } from '../../test/support/database.ts';
import type { Store } from './store.ts';
import { rowsOf } from './values-ingest.ts';
import { createPolicyDraft } from './policy-drafts.ts';
import { canonicalJson } from './audit-chain.ts';

let store: Store;
let dispose: () => Promise<void>;
let demo: Dataset;

const countOf = async (table: string) => Number(rowsOf<{ n: number }>(await store.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

beforeAll(async () => {
  ({ store, dispose } = await testStore());
  demo = await loadDataFolder('examples/demo');
});
afterAll(() => dispose());

describe('import', () => {
  it('stores the demo company and reads back a dataset that diagnoses identically', async () => {
    const summary = await store.importDataset(demo, 'hr:test');
    expect(summary).toMatchObject({ departments: 6, employees: 60, values: demo.values.length, cycles: ['2024', '2025', '2026'] });
    // policy.json and policy.2024.json: two versions, both new.
    expect(summary.policyVersions.filter((p) => p.created)).toHaveLength(2);
    const back = await store.loadDataset();
    expect(JSON.stringify(diagnose(back, { cycle: '2026' }))).toBe(JSON.stringify(diagnose(demo, { cycle: '2026' })));
    expect(JSON.stringify(diagnose(back, { cycle: '2024', lang: 'en' }))).toBe(JSON.stringify(diagnose(demo, { cycle: '2024', lang: 'en' })));
  });

  it('leaves the same state when the same files are imported twice', async () => {
    const before = { values: await countOf('indicator_values'), policies: await countOf('policies'), employees: await countOf('employees') };
    const summary = await store.importDataset(demo, 'hr:test');
    expect(summary.policyVersions.every((p) => !p.created)).toBe(true);
    expect({ values: await countOf('indicator_values'), policies: await countOf('policies'), employees: await countOf('employees') }).toEqual(before);
    expect(JSON.stringify(await store.loadDataset())).toBe(JSON.stringify(await store.loadDataset()));
  });

  it('changes nothing when a later part of the import fails', async () => {
    const before = await countOf('indicator_values');
    const auditBefore = await countOf('audit_log');
    const broken: Dataset = {
      ...demo,
      employees: demo.employees.map((e) => (e.id === 'E003' ? { ...e, name: '改名了' } : e)),
      // A value for an employee id that breaks the values insert (null cycle violates NOT NULL).
      values: [...demo.values, { ...[...demo.values][0]!, cycle: null as unknown as string }],
    };
    await expect(store.importDataset(broken, 'hr:test')).rejects.toThrow();
    expect(await countOf('indicator_values')).toBe(before);
    expect(await countOf('audit_log')).toBe(auditBefore);
    const back = await store.loadDataset();
    expect(back.employees.find((e) => e.id === 'E003')!.name).not.toBe('改名了');
  });

  it('changes nothing when the people cannot be planned while the values are being loaded', async () => {
    // The people are planned (salaries opened and sealed) while the values' COPY
    // is under way: a sealed salary edited at rest fails that plan.
    const [original] = rowsOf<{ salary_sealed: string }>(await store.db.execute(sql`select salary_sealed from employees where id = 'E002'`));
    const edited = original!.salary_sealed.slice(0, -2) + (original!.salary_sealed.endsWith('AA') ? 'BB' : 'AA');
    await store.db.execute(sql`update employees set salary_sealed = ${edited} where id = 'E002'`);
    const fingerprint = async () =>
      rowsOf<{ f: string }>(await store.db.execute(sql`select md5(string_agg(concat_ws('|', cycle_id, employee_id, indicator_id, actual), ',' order by seq)) as f from indicator_values`))[0]!.f;
    const before = { values: await fingerprint(), audit: await countOf('audit_log') };
    const changed: Dataset = { ...demo, values: [...demo.values].map((v, i) => (i === 0 ? { ...v, actual: (v.actual ?? 0) + 1 } : v)) };
    try {
      await expect(store.importDataset(changed, 'hr:test')).rejects.toThrow();
      expect({ values: await fingerprint(), audit: await countOf('audit_log') }).toEqual(before);
    } finally {
      await store.db.execute(sql`update employees set salary_sealed = ${original!.salary_sealed} where id = 'E002'`);
    }
    // The same import lands once the salary is as sealed.
    await store.importDataset(changed, 'hr:test');
    expect(await fingerprint()).not.toBe(before.values);
    await store.importDataset(demo, 'hr:test');
    expect(await fingerprint()).toBe(before.values);
  });

  it('round-trips any text through COPY (quotes, backslashes, tabs, newlines, NULL-looking words)', async () => {
    const odd = ['HT"2026\\0412', 'a,b{c}', 'NULL', ' spaced ', '合同-甲', '\\N', 'tab\there', 'line\nbreak\r\n', 'ends with \\', '\\.'];
    const data: Dataset = { ...demo, values: [...demo.values].map((v, i) => (i < odd.length ? { ...v, sourceRef: odd[i]! } : v)) };
    await store.importDataset(data, 'hr:test');
    const back = await store.loadDataset();
    expect(back.values.slice(0, odd.length).map((v) => v.sourceRef)).toEqual(odd);
    await store.importDataset(demo, 'hr:test');
  });

  it('round-trips every number exactly through the binary COPY (the doubles themselves, not their text)', async () => {
    // Doubles whose shortest text is long or unusual: 0.1 + 0.2 is 0.30000000000000004, 1/3 has 16
    // significant digits, 5e-324 is the smallest subnormal, 2^53 + 2 is past exact integers' end.
    const awkward = [0.1 + 0.2, 1 / 3, 5e-324, 2 ** 53 + 2, -1234567.891, 1.7976931348623157e308];
    const rows = [...demo.values];
    const picked = rows.flatMap((v, i) => (v.target !== null && v.rating === null ? [i] : [])).slice(0, awkward.length);
    const data: Dataset = { ...demo, values: rows.map((v, i) => (picked.includes(i) ? { ...v, target: awkward[picked.indexOf(i)]!, actual: -awkward[picked.indexOf(i)]! } : v)) };
    await store.importDataset(data, 'hr:test');
    const back = await store.loadDataset();
    const key = (v: (typeof rows)[number]) => `${v.cycle}|${v.employeeId}|${v.indicatorId}|${v.source}|${v.sourceRef ?? ''}`;
    const stored = new Map([...back.values].map((v) => [key(v), v]));
    expect(picked).toHaveLength(awkward.length);
    picked.forEach((row, i) => {
      expect(stored.get(key(rows[row]!))).toMatchObject({ target: awkward[i], actual: -awkward[i]!, rating: null });
    });
    // Ratings are 32-bit integers on the way in.
    const rated = rows.filter((v) => v.rating !== null);
    expect(rated.length).toBeGreaterThan(0);
    for (const v of rated) expect(stored.get(key(v))?.rating).toBe(v.rating);
    await store.importDataset(demo, 'hr:test');
  });

  it('rewrites only the people who changed on a re-import, and audits just them', async () => {
    const sealedOf = async () =>
      new Map(rowsOf<{ id: string; salary_sealed: string }>(await store.db.execute(sql`select id, salary_sealed from employees`)).map((r) => [r.id, r.salary_sealed]));
    const before = await sealedOf();
    const auditBefore = await countOf('audit_log');
    const newcomer = { ...demo.employees.find((e) => e.id === 'E005')!, id: 'E999', name: '新同事', slackUserId: null, larkOpenId: null };
    const changed: Dataset = {
      ...demo,
      employees: [...demo.employees.map((e) => (e.id === 'E002' ? { ...e, salary: (e.salary ?? 0) + 1000 } : e)), newcomer],
    };
    await store.importDataset(changed, 'hr:test');
    const after = await sealedOf();
    // Everyone else keeps the very same sealed text (a reseal would draw a new IV).
    for (const [id, text] of before) if (id !== 'E002') expect(after.get(id), id).toBe(text);
    expect(after.get('E002')).not.toBe(before.get('E002'));
    const back = await store.loadDataset();
    expect(back.employees.find((e) => e.id === 'E002')!.salary).toBe(demo.employees.find((e) => e.id === 'E002')!.salary! + 1000);
    expect(back.employees.find((e) => e.id === 'E999')).toMatchObject({ name: '新同事', salary: newcomer.salary });
    const entries = rowsOf<{ action: string; after: string }>(
      await store.db.execute(sql`select action, after from audit_log where seq > ${auditBefore} order by seq`),
    );
    expect(entries.map((e) => e.action)).toEqual(['employees.create', 'employees.salary', 'import']);
    expect(JSON.parse(entries[1]!.after)).toEqual(['E002']);
    // Rendered a slice at a time, the list is still the canonical JSON of the whole.
    const createdList = [{ id: 'E999', role: newcomer.role, departmentId: newcomer.departmentId, managerId: newcomer.managerId }];
    expect(entries[0]!.after).toBe(canonicalJson(createdList));
    expect(entries[0]!.after).toBe(`[{"departmentId":"${newcomer.departmentId}","id":"E999","managerId":${JSON.stringify(newcomer.managerId)},"role":"${newcomer.role}"}]`);
    await store.db.execute(sql`delete from employees where id = 'E999'`);
    await store.importDataset(demo, 'hr:test');
  });

  it('does not put imported cycles on a workflow draft that happens to hold the same policy', async () => {
    const proposal = { ...demo.policy, raises: { ...demo.policy.raises, budget: 123_456 } };
    const draft = await store.transaction((tx) => createPolicyDraft(tx, proposal, { reason: '试点预算', basedOn: 1, createdBy: 'E055' }));
    expect(draft).toMatchObject({ created: true, record: { status: 'draft' } });
    const summary = await store.importDataset({ ...demo, policy: proposal }, 'hr:test');
    expect(summary.policyVersions[0]).toMatchObject({ created: true });
    const cyclesOnDraft = rowsOf<{ n: number }>(await store.db.execute(sql`select count(*)::int as n from cycles where policy_id = ${draft.record.id}`));
    expect(cyclesOnDraft[0]!.n).toBe(0);
    const [status] = rowsOf<{ status: string }>(await store.db.execute(sql`select status from policies where id = ${draft.record.id}`));
    expect(status!.status).toBe('draft');
    // Back to the demo policy: its published version is reused, not copied.
    expect((await store.importDataset(demo, 'hr:test')).policyVersions[0]).toMatchObject({ created: false });
  });

  it('keeps salaries sealed at rest and opens them for the engine', async () => {
    const raw = rowsOf<{ salary_sealed: string }>(await store.db.execute(sql`select salary_sealed from employees where id = 'E001'`))[0]!;
    expect(raw.salary_sealed).toMatch(/^v1\./);
    expect(raw.salary_sealed).not.toContain('60000');
    expect((await store.loadDataset()).employees.find((e) => e.id === 'E001')!.salary).toBe(60000);
  });
});

describe('ingest', () => {
  const row = { cycle: '2026', employeeId: 'E004', indicatorId: 'sales', source: 'system' as const, target: 1_000_000, actual: 950_000.5, rating: null, sourceRef: 'HT-API-1' };

  it('inserts, then does nothing for the same rows, then updates a changed one', async () => {
    const auditBefore = await countOf('audit_log');
    expect(await store.ingestValues([row, { ...row, sourceRef: 'HT-API-2', actual: 10 }], 'api:crm')).toEqual({ received: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(await countOf('audit_log')).toBe(auditBefore + 1);
    expect(await store.ingestValues([row, { ...row, sourceRef: 'HT-API-2', actual: 10 }], 'api:crm')).toEqual({ received: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await countOf('audit_log')).toBe(auditBefore + 1); // nothing changed, nothing logged
    expect(await store.ingestValues([{ ...row, actual: 990_000 }], 'api:crm')).toEqual({ received: 1, inserted: 0, updated: 1, unchanged: 0 });
    const stored = rowsOf<{ actual: number }>(await store.db.execute(sql`select actual from indicator_values where source_ref = 'HT-API-1'`));
    expect(stored.map((r) => r.actual)).toEqual([990_000]);
    const [last] = rowsOf<{ before: string; after: string }>(await store.db.execute(sql`select before, after from audit_log order by seq desc limit 1`));
    expect(JSON.parse(last!.before)).toEqual({ updated: [{ actual: 950_000.5, rating: null, target: 1_000_000 }] });
  });

  it('refuses a bad row and stores none of the request', async () => {
    const before = await countOf('indicator_values');
    await expect(store.ingestValues([{ ...row, sourceRef: 'HT-API-3' }, { ...row, employeeId: 'NOBODY' }], 'api:crm')).rejects.toThrow(
      'rows[1].employeeId: unknown employee "NOBODY"',
    );
    await expect(store.ingestValues([{ ...row, target: 0 }], 'api:crm')).rejects.toThrow('rows[0].target: expected a target > 0');
    await expect(store.ingestValues([{ ...row, indicatorId: 'attitude', target: null, actual: null, rating: 6 }], 'api:crm')).rejects.toThrow('whole number 1..5');
    await expect(store.ingestValues([{ ...row, cycle: '1999' }], 'api:crm')).rejects.toThrow('unknown cycle "1999"');
    expect(await countOf('indicator_values')).toBe(before);
  });
});

describe('audit log', () => {
  it('verifies an untouched chain', async () => {
    const verdict = await store.verifyAudit();
    expect(verdict.ok).toBe(true);
  });

  it('catches an edited entry, naming it', async () => {
    await store.db.execute(sql`update audit_log set actor = 'someone-else' where seq = 2`);
    expect(await store.verifyAudit()).toEqual({ ok: false, seq: 2, reason: 'HASH_MISMATCH' });
  });

  it('catches a deleted entry', async () => {
    const n = await countOf('audit_log');
    expect(n).toBeGreaterThan(4);
    // Undo the edit of the previous test by recomputing is impossible without the chain; delete row 2 instead.
    await store.db.execute(sql`delete from audit_log where seq = 2`);
    expect(await store.verifyAudit()).toEqual({ ok: false, seq: 2, reason: 'GAP' });
  });
});
