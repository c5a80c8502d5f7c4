import type { Anomaly, ValueRow } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { mean, median } from './stats.ts';

/** Per indicator, company-wide: (employee, indicator) pairs with both a self and a system actual, and how many disagree. */
export type MismatchCounts = Map<string, { pairs: number; mismatches: number }>;

/** Consistency constant of the MAD-based modified z (Iglewicz and Hoaglin). */
const MAD_Z = 0.6745;
/** Consistency constant of the mean-absolute-deviation fallback when MAD = 0. */
const MEAN_AD_Z = 1.253314;
/** Floor of the mismatch denominator, so a system actual of 0 still compares. */
const MISMATCH_FLOOR = 1e-9;

/**
 * The cleaning pass over one scored cycle: outliers, self/system mismatches,
 * missing values and duplicates (ENGINE.md "Data cleaning").
 * - outlier, per (department, quantitative indicator) with >= minPeers scored actuals:
 *   z = 0.6745 * (x - m) / MAD; MAD = 0 -> z = (x - m) / (1.253314 * mean|x - m|); that 0 too -> z = 0; flag |z| > robustZ.
 * - mismatch: |self - system| / max(|system|, 1e-9) > mismatchTolerance.
 * Example: one department's actuals [10, 10, 10, 10, 50]: m = 10, MAD = 0,
 * mean|x - m| = 40 / 5 = 8, z(50) = 40 / (1.253314 * 8) = 3.989 > 3.5 -> outlier
 * { value: 50, expected: 10, robustZ: 3.989 }.
 * Sorted by kind, employeeId, indicatorId, sourceRef (null first).
 */
export function detectAnomalies(scored: ScoredCycle): { anomalies: Anomaly[]; mismatch: MismatchCounts } {
  const { mismatch, anomalies: mismatches } = findMismatches(scored);
  const anomalies = [...findOutliers(scored), ...mismatches, ...findMissing(scored), ...findDuplicates(scored)];
  anomalies.sort(compareAnomalies);
  return { anomalies, mismatch };
}

function findOutliers(scored: ScoredCycle): Anomaly[] {
  const { minPeers, robustZ } = scored.policy.cleaning;
  // departmentId -> indicatorId -> scored actuals, in employee order
  const groups = new Map<string, Map<string, { employeeId: string; x: number; ref: string | null }[]>>();
  for (const { employee, indicators } of scored.employees) {
    for (const r of indicators) {
      if (scored.indicatorById.get(r.indicatorId)?.kind !== 'quantitative') continue;
      if (r.source === null || r.actual === null) continue;
      const ref = scored.rows.get(employee.id)?.get(r.indicatorId)?.[r.source]?.sourceRef ?? null;
      let byIndicator = groups.get(employee.departmentId);
      if (!byIndicator) groups.set(employee.departmentId, (byIndicator = new Map()));
      let list = byIndicator.get(r.indicatorId);
      if (!list) byIndicator.set(r.indicatorId, (list = []));
      list.push({ employeeId: employee.id, x: r.actual, ref });
    }
  }
  const out: Anomaly[] = [];
  for (const byIndicator of groups.values()) {
    for (const [indicatorId, list] of byIndicator) {
      if (list.length < minPeers) continue;
      const xs = list.map((p) => p.x);
      const m = median(ascending(xs)) ?? 0; // a group holds at least the value that created it
      const deviations = xs.map((x) => Math.abs(x - m));
      const mad = median(ascending(deviations)) ?? 0;
      const meanAd = mean(deviations) ?? 0;
      for (const p of list) {
        const z = robustZScore(p.x, m, mad, meanAd);
        if (Math.abs(z) > robustZ) {
          out.push({ kind: 'outlier', employeeId: p.employeeId, indicatorId, value: p.x, expected: m, robustZ: z, sourceRef: p.ref });
        }
      }
    }
  }
  return out;
}

function robustZScore(x: number, m: number, mad: number, meanAd: number): number {
  if (mad !== 0) return (MAD_Z * (x - m)) / mad;
  if (meanAd !== 0) return (x - m) / (MEAN_AD_Z * meanAd);
  return 0;
}

function findMismatches(scored: ScoredCycle): { mismatch: MismatchCounts; anomalies: Anomaly[] } {
  const tolerance = scored.policy.cleaning.mismatchTolerance;
  const mismatch: MismatchCounts = new Map();
  const anomalies: Anomaly[] = [];
  for (const [employeeId, byIndicator] of scored.rows) {
    for (const [indicatorId, { self, system }] of byIndicator) {
      if (!self || !system || self.actual === null || system.actual === null) continue;
      let counts = mismatch.get(indicatorId);
      if (!counts) mismatch.set(indicatorId, (counts = { pairs: 0, mismatches: 0 }));
      counts.pairs += 1;
      const relative = Math.abs(self.actual - system.actual) / Math.max(Math.abs(system.actual), MISMATCH_FLOOR);
      if (!(relative > tolerance)) continue;
      counts.mismatches += 1;
      anomalies.push({
        kind: 'mismatch',
        employeeId,
        indicatorId,
        value: self.actual,
        expected: system.actual,
        robustZ: null,
        sourceRef: system.sourceRef ?? self.sourceRef ?? null,
      });
    }
  }
  return { mismatch, anomalies };
}

function findMissing(scored: ScoredCycle): Anomaly[] {
  const out: Anomaly[] = [];
  for (const { employee, indicators } of scored.employees) {
    for (const r of indicators) {
      if (r.source !== null) continue;
      out.push({ kind: 'missing', employeeId: employee.id, indicatorId: r.indicatorId, value: null, expected: null, robustZ: null, sourceRef: null });
    }
  }
  return out;
}

const rowValue = (row: ValueRow): number | null => row.actual ?? row.rating;

function findDuplicates(scored: ScoredCycle): Anomaly[] {
  const out: Anomaly[] = scored.duplicates.map(({ row, first }) => ({
    kind: 'duplicate',
    employeeId: row.employeeId,
    indicatorId: row.indicatorId,
    value: rowValue(row),
    expected: rowValue(first),
    robustZ: null,
    sourceRef: row.sourceRef,
  }));

  // indicatorId -> sourceRef -> employeeId -> that employee's first row with the ref
  const credited = new Map<string, Map<string, Map<string, ValueRow>>>();
  for (const row of scored.cycleRows) {
    const ref = row.sourceRef;
    if (ref === null || ref.trim() === '') continue;
    let byRef = credited.get(row.indicatorId);
    if (!byRef) credited.set(row.indicatorId, (byRef = new Map()));
    let byEmployee = byRef.get(ref);
    if (!byEmployee) byRef.set(ref, (byEmployee = new Map()));
    if (!byEmployee.has(row.employeeId)) byEmployee.set(row.employeeId, row);
  }
  for (const [indicatorId, byRef] of credited) {
    for (const [ref, byEmployee] of byRef) {
      if (byEmployee.size < 2) continue;
      for (const [employeeId, row] of byEmployee) {
        out.push({ kind: 'duplicate', employeeId, indicatorId, value: rowValue(row), expected: null, robustZ: null, sourceRef: ref });
      }
    }
  }
  return out;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareAnomalies(a: Anomaly, b: Anomaly): number {
  return (
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.employeeId, b.employeeId) ||
    compareStrings(a.indicatorId, b.indicatorId) ||
    (a.sourceRef === b.sourceRef ? 0 : a.sourceRef === null ? -1 : b.sourceRef === null ? 1 : compareStrings(a.sourceRef, b.sourceRef))
  );
}

function ascending(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}
