// A data folder into the store, as one transaction. Importing the same files
// twice leaves the same state: rows from a previous import of the same cycles
// are replaced, while values that came through the API or the workflow stay.
import { and, eq, inArray, not } from 'drizzle-orm';
import type { Dataset } from '../engine/types.ts';
import { cyclesOf } from '../engine/diagnose.ts';
import { SOURCES, ValueTable } from '../engine/value-table.ts';
import type { Db } from './connect.ts';
import { appendAudit, type AuditChange, type RenderedChange } from './audit-log.ts';
import { savePolicy } from './policy-rows.ts';
import { buildIndexesAlone, claimForBulkLoad, ONE_INDEX_MIN_ROWS, setIndexesAside } from './bulk-indexes.ts';
import { bulkInsert } from './bulk.ts';
import { withSeqCache } from './bulk-values.ts';
import { BinaryCopyWriter, binaryField, copyChunks, encodeRows } from './copy-rows.ts';
import { planEmployees, readEmployees, writeEmployees, type EmployeesPlan } from './import-employees.ts';
import { attributes, cyclePolicies, cycles, employees, training, values } from './schema.ts';

export interface ImportSummary {
  departments: number;
  employees: number;
  values: number;
  attributes: number;
  cycles: string[];
  policyVersions: { name: string; version: number; created: boolean }[];
}

const VALUE_COLUMNS = ['cycle_id', 'employee_id', 'indicator_id', 'source', 'target', 'actual', 'rating', 'source_ref', 'origin'];

/**
 * The value rows in COPY's binary format. A ValueTable is read column by
 * column: each distinct cycle, employee and indicator is encoded once, and
 * no row object is made.
 */
function* valueChunks(rows: Dataset['values']): Generator<Uint8Array> {
  const out = new BinaryCopyWriter();
  const origin = binaryField('import');
  const source = new Map(SOURCES.map((s) => [s, binaryField(s)]));
  if (rows instanceof ValueTable) {
    const encoded = (count: number, text: (code: number) => string) => Array.from({ length: count }, (_, code) => binaryField(text(code)));
    const cycle = encoded(rows.cycleCodes, (c) => rows.cycleText(c));
    const employee = encoded(rows.employeeCodes, (c) => rows.employeeText(c));
    const indicator = encoded(rows.indicatorCodes, (c) => rows.indicatorText(c));
    for (let i = 0; i < rows.length; i++) {
      out.row(VALUE_COLUMNS.length);
      out.field(cycle[rows.cycle[i]!]!);
      out.field(employee[rows.employee[i]!]!);
      out.field(indicator[rows.indicator[i]!]!);
      out.field(source.get(rows.sourceAt(i))!);
      out.float8(rows.targetAt(i));
      out.float8(rows.actualAt(i));
      out.int4(rows.ratingAt(i));
      out.text(rows.refAt(i) ?? '');
      out.field(origin);
      if (out.full) yield out.take();
    }
  } else {
    for (const v of rows) {
      out.row(VALUE_COLUMNS.length);
      out.text(v.cycle);
      out.text(v.employeeId);
      out.text(v.indicatorId);
      out.field(source.get(v.source)!);
      out.float8(v.target);
      out.float8(v.actual);
      out.int4(v.rating);
      out.text(v.sourceRef ?? '');
      out.field(origin);
      if (out.full) yield out.take();
    }
  }
  out.end();
  yield out.take();
}

/**
 * Writes a parsed data folder inside the caller's transaction. The order
 * keeps two cores busy: Postgres loads the value rows (most of the work on
 * its side) while this process seals salaries and encodes the other rows;
 * the people's rows and the audit are written after.
 */
export async function importDataset(tx: Db, data: Dataset, ctx: { actor: string; now: Date; sealKey: CryptoKey }): Promise<ImportSummary> {
  const audit: AuditChange[] = [];
  const cycleIds = cyclesOf(data);

  // A big load into a small table builds its indexes after (bulk-indexes.ts).
  // Decided, and the tables locked, before this transaction locks anything
  // else; the rows that stay are those this import does not replace.
  const rebuildValues =
    cycleIds.length > 0 &&
    (await claimForBulkLoad(tx, values, data.values.length, not(and(inArray(values.cycleId, cycleIds), eq(values.origin, 'import'))!), ONE_INDEX_MIN_ROWS));
  const rebuildAttributes = cycleIds.length > 0 && (await claimForBulkLoad(tx, attributes, data.attributes.length, not(inArray(attributes.cycleId, cycleIds)), ONE_INDEX_MIN_ROWS));
  // People are not deleted: every stored one stays.
  const rebuildEmployees = await claimForBulkLoad(tx, employees, data.employees.length);
  if (rebuildValues || rebuildAttributes || rebuildEmployees) await buildIndexesAlone(tx, Math.max(data.values.length, data.attributes.length, data.employees.length));

  // Organisation: departments upserted here, people after the values (their
  // plan is made meanwhile); role changes are audited (a change of permission).
  await bulkInsert(
    tx,
    'departments',
    ['id', 'name', 'parent_id', 'head_id'],
    data.departments.map((d) => ({ id: d.id, name: d.name, parent_id: d.parentId, head_id: d.headId })),
    'on conflict (id) do update set name = excluded.name, parent_id = excluded.parent_id, head_id = excluded.head_id',
  );
  const storedEmployees = await readEmployees(tx);

  // Policies: a version per distinct content; cycles point at theirs.
  const policyVersions: ImportSummary['policyVersions'] = [];
  const common = await savePolicy(tx, data.policy, ctx.actor);
  policyVersions.push({ name: data.policy.name, version: common.version, created: common.created });
  if (common.created) audit.push({ actor: ctx.actor, action: 'policy.create', entity: 'policy', entityId: String(common.id), after: data.policy });
  for (const cycle of cycleIds) {
    const own = data.cyclePolicies[cycle];
    let policyId = common.id;
    if (own) {
      const saved = await savePolicy(tx, own, ctx.actor);
      policyVersions.push({ name: own.name, version: saved.version, created: saved.created });
      if (saved.created) audit.push({ actor: ctx.actor, action: 'policy.create', entity: 'policy', entityId: String(saved.id), after: own });
      policyId = saved.id;
      await tx.insert(cyclePolicies).values({ cycleId: cycle, policyId }).onConflictDoUpdate({ target: cyclePolicies.cycleId, set: { policyId } });
    } else {
      await tx.delete(cyclePolicies).where(eq(cyclePolicies.cycleId, cycle));
    }
    const [current] = await tx.select().from(cycles).where(eq(cycles.id, cycle));
    if (!current) {
      await tx.insert(cycles).values({ id: cycle, name: cycle, policyId: common.id, stage: 'collecting' });
      audit.push({ actor: ctx.actor, action: 'cycle.create', entity: 'cycle', entityId: cycle, after: { stage: 'collecting', policyId: common.id } });
    } else if (current.policyId !== common.id) {
      await tx.update(cycles).set({ policyId: common.id }).where(eq(cycles.id, cycle));
      audit.push({ actor: ctx.actor, action: 'cycle.policy', entity: 'cycle', entityId: cycle, before: { policyId: current.policyId }, after: { policyId: common.id } });
    }
  }

  // Values: replace this import's earlier rows for these cycles; COPY keeps input order.
  if (cycleIds.length > 0) {
    await tx.delete(values).where(and(inArray(values.cycleId, cycleIds), eq(values.origin, 'import')));
    await tx.delete(attributes).where(inArray(attributes.cycleId, cycleIds));
  }
  const rebuildValuesIndexes = rebuildValues ? await setIndexesAside(tx, values) : undefined;
  const rebuildAttributesIndexes = rebuildAttributes ? await setIndexesAside(tx, attributes) : undefined;
  const copyValues = () => copyChunks(tx, 'indicator_values', VALUE_COLUMNS, valueChunks(data.values), 'binary');
  const loadValues = rebuildValues ? await withSeqCache(tx, copyValues) : copyValues;
  let people: EmployeesPlan | undefined;
  let attributeRows: Uint8Array[] = [];
  // Both run to the end before any failure is passed on: the transaction
  // is rolled back only once the COPY is over.
  const settled = await Promise.allSettled([
    (async () => {
      await loadValues();
      await rebuildValuesIndexes?.();
    })(),
    (async () => {
      people = await planEmployees(storedEmployees, data.employees, ctx);
      attributeRows = encodeRows(data.attributes.length, (i) => {
        const a = data.attributes[i]!;
        return [a.cycle, a.employeeId, a.attribute, a.value];
      });
    })(),
  ]);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  await writeEmployees(tx, people!, rebuildEmployees);
  if (attributeRows.length > 0) await copyChunks(tx, 'attributes', ['cycle_id', 'employee_id', 'attribute', 'value'], attributeRows);
  await rebuildAttributesIndexes?.();
  await tx.delete(training);
  const trainingRows = Object.entries(data.training).map(([indicatorId, t]) => ({ indicatorId, training: t }));
  if (trainingRows.length > 0) await tx.insert(training).values(trainingRows);

  const summary: ImportSummary = {
    departments: data.departments.length,
    employees: data.employees.length,
    values: data.values.length,
    attributes: data.attributes.length,
    cycles: cycleIds,
    policyVersions,
  };
  audit.push({ actor: ctx.actor, action: 'import', entity: 'import', entityId: cycleIds.join(','), after: summary });
  // The people's entries first, as they were planned first.
  const entries: (AuditChange | RenderedChange)[] = [...people!.audit, ...audit];
  await appendAudit(tx, entries, ctx.now);
  return summary;
}
