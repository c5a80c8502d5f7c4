// PUT /api/v1/values: system-of-record values from CRM, ERP and project tools.
// Idempotent on (cycle, employee, indicator, source, source_ref): sending the
// same rows again changes nothing and appends no audit entry.
import { eq, inArray, sql } from 'drizzle-orm';
import type { ValueRow } from '../engine/types.ts';
import type { Db } from './connect.ts';
import { appendAudit } from './audit-log.ts';
import { loadPolicy } from './policy-rows.ts';
import { cyclePolicies, cycles, employees } from './schema.ts';

/** A system-of-record row: the engine's ValueRow, as the API receives it. */
export type IngestRow = ValueRow;

export class IngestError extends Error {
  readonly code = 'BAD_INPUT' as const;
  constructor(
    readonly index: number,
    readonly field: string,
    message: string,
  ) {
    super(`rows[${index}].${field}: ${message}`);
  }
}

const BATCH = 20_000;
const keyOf = (r: { cycle: string; employeeId: string; indicatorId: string; source: string; sourceRef: string }) =>
  `${r.cycle}\u0000${r.employeeId}\u0000${r.indicatorId}\u0000${r.source}\u0000${r.sourceRef}`;

export interface IngestSummary {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export async function ingestValues(tx: Db, rows: readonly IngestRow[], ctx: { actor: string; now: Date }): Promise<IngestSummary> {
  await validate(tx, rows);
  // The last of two rows with one key wins: a sync's later row is the newer truth.
  const byKey = new Map<string, IngestRow & { sourceRef: string }>();
  for (const r of rows) byKey.set(keyOf({ ...r, sourceRef: r.sourceRef ?? '' }), { ...r, sourceRef: r.sourceRef ?? '' });
  const unique = [...byKey.values()];

  const inserted: unknown[] = [];
  const updated: unknown[] = [];
  let unchanged = 0;
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const json = JSON.stringify(batch.map((r) => [r.cycle, r.employeeId, r.indicatorId, r.source, r.target, r.actual, r.rating, r.sourceRef]));
    const before = await tx.execute(sql`
      select v.cycle_id, v.employee_id, v.indicator_id, v.source, v.source_ref, v.target, v.actual, v.rating
      from indicator_values v
      join json_array_elements(${json}::json) as i(r)
        on v.cycle_id = r->>0 and v.employee_id = r->>1 and v.indicator_id = r->>2 and v.source = r->>3 and v.source_ref = r->>7
      where v.origin = 'api'`);
    const old = new Map(
      rowsOf<OldRow>(before).map((b) => [keyOf({ cycle: b.cycle_id, employeeId: b.employee_id, indicatorId: b.indicator_id, source: b.source, sourceRef: b.source_ref }), b]),
    );
    for (const r of batch) {
      const o = old.get(keyOf(r));
      const after = { target: r.target, actual: r.actual, rating: r.rating };
      if (!o) inserted.push({ key: [r.cycle, r.employeeId, r.indicatorId, r.source, r.sourceRef], after });
      else if (o.target !== r.target || o.actual !== r.actual || o.rating !== r.rating) {
        updated.push({ key: [r.cycle, r.employeeId, r.indicatorId, r.source, r.sourceRef], before: { target: o.target, actual: o.actual, rating: o.rating }, after });
      } else unchanged++;
    }
    await tx.execute(sql`
      insert into indicator_values as v (cycle_id, employee_id, indicator_id, source, target, actual, rating, source_ref, origin)
      select r->>0, r->>1, r->>2, r->>3, (r->>4)::float8, (r->>5)::float8, (r->>6)::int, r->>7, 'api'
      from json_array_elements(${json}::json) with ordinality as t(r, n) order by n
      on conflict (cycle_id, employee_id, indicator_id, source, source_ref) where origin = 'api'
      do update set target = excluded.target, actual = excluded.actual, rating = excluded.rating, updated_at = now()
      where (v.target, v.actual, v.rating) is distinct from (excluded.target, excluded.actual, excluded.rating)`);
  }
  if (inserted.length + updated.length > 0) {
    await appendAudit(
      tx,
      [{ actor: ctx.actor, action: 'values.sync', entity: 'values', entityId: [...new Set(unique.map((r) => r.cycle))].join(','), before: updated.length > 0 ? { updated: updated.map((u) => (u as { key: unknown; before: unknown }).before) } : undefined, after: { inserted, updated } }],
      ctx.now,
    );
  }
  return { received: rows.length, inserted: inserted.length, updated: updated.length, unchanged };
}

interface OldRow {
  cycle_id: string;
  employee_id: string;
  indicator_id: string;
  source: string;
  source_ref: string;
  target: number | null;
  actual: number | null;
  rating: number | null;
}

export function rowsOf<T>(result: unknown): T[] {
  // postgres.js returns an array; PGlite returns { rows }.
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** Every row checked against the cycle's policy and the organisation before anything is written. */
async function validate(tx: Db, rows: readonly IngestRow[]): Promise<void> {
  const cycleIds = [...new Set(rows.map((r) => r.cycle))];
  const known = cycleIds.length === 0 ? [] : await tx.select().from(cycles).where(inArray(cycles.id, cycleIds));
  const policyByCycle = new Map<string, Awaited<ReturnType<typeof loadPolicy>>>();
  for (const c of known) {
    const [override] = await tx.select().from(cyclePolicies).where(eq(cyclePolicies.cycleId, c.id));
    policyByCycle.set(c.id, await loadPolicy(tx, override?.policyId ?? c.policyId));
  }
  const employeeIds = new Set((await tx.select({ id: employees.id }).from(employees)).map((e) => e.id));
  rows.forEach((r, i) => {
    const policy = policyByCycle.get(r.cycle);
    if (!policy) throw new IngestError(i, 'cycle', `unknown cycle "${r.cycle}"; create it or import a data folder first`);
    if (!employeeIds.has(r.employeeId)) throw new IngestError(i, 'employeeId', `unknown employee "${r.employeeId}"`);
    const indicator = policy.indicators.find((x) => x.id === r.indicatorId);
    if (!indicator) throw new IngestError(i, 'indicatorId', `unknown indicator "${r.indicatorId}" in the policy of cycle ${r.cycle}`);
    if (indicator.kind === 'quantitative') {
      if (r.target === null || !(r.target > 0)) throw new IngestError(i, 'target', 'expected a target > 0');
      if (r.actual === null) throw new IngestError(i, 'actual', 'expected a number');
      if (r.rating !== null) throw new IngestError(i, 'rating', 'expected null for a quantitative indicator');
    } else {
      if (r.rating === null || !Number.isInteger(r.rating) || r.rating < 1 || r.rating > policy.ratingMax) {
        throw new IngestError(i, 'rating', `expected a whole number 1..${policy.ratingMax}`);
      }
      if (r.target !== null || r.actual !== null) throw new IngestError(i, 'target', 'expected null for a qualitative indicator');
    }
  });
}
