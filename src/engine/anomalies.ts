import type { Anomaly, Source, ValueRow } from './types.ts';
import type { ScoredCycle } from './scored-types.ts';
import { forEachResult } from './result-columns.ts';
import { mean, median, type Numbers } from './stats.ts';

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

/** One (department, quantitative indicator) group of scored actuals, in employee order. */
interface Peers {
  employeeIds: string[];
  actuals: number[];
  /** The source of each actual (the counted row's). */
  sources: Source[];
}

function findOutliers(scored: ScoredCycle): Anomaly[] {
  const { minPeers, robustZ } = scored.policy.cleaning;
  // departmentId -> indicatorId -> scored actuals, in employee order
  const groups = new Map<string, Map<string, Peers>>();
  forEachResult(scored, (k, indicatorId, source, actual) => {
    if (source === null || actual === null) return;
    if (scored.indicatorById.get(indicatorId)?.kind !== 'quantitative') return;
    const employee = scored.employees[k]!.employee;
    let byIndicator = groups.get(employee.departmentId);
    if (!byIndicator) groups.set(employee.departmentId, (byIndicator = new Map()));
    let peers = byIndicator.get(indicatorId);
    if (!peers) byIndicator.set(indicatorId, (peers = { employeeIds: [], actuals: [], sources: [] }));
    peers.employeeIds.push(employee.id);
    peers.actuals.push(actual);
    peers.sources.push(source);
  });
  // The outliers found: their group and position, and median and z in typed
  // arrays. The Anomaly objects are made after the loop, which V8 compiles
  // hot: numbers in object literals made there changed their fields'
  // representation (an integer first, a fraction later) and V8 threw the
  // loop's compilation away.
  const foundIn: [Peers, string][] = [];
  const foundAt: number[] = [];
  let foundM = new Float64Array(16);
  let foundZ = new Float64Array(16);
  // Scratch space for one group's sorted values and deviations.
  let sorted = new Float64Array(64);
  let deviations = new Float64Array(64);
  for (const byIndicator of groups.values()) {
    for (const [indicatorId, peers] of byIndicator) {
      const xs = peers.actuals;
      const n = xs.length;
      if (n < minPeers) continue;
      if (sorted.length < n) {
        sorted = new Float64Array(2 * n);
        deviations = new Float64Array(2 * n);
      }
      const m = median(ascending(xs, sorted)) ?? 0; // a group holds at least the value that created it
      const deviation = deviations.subarray(0, n);
      for (let i = 0; i < n; i++) deviation[i] = Math.abs(xs[i]! - m);
      const mad = median(ascending(deviation, sorted)) ?? 0;
      const meanAd = mean(deviation) ?? 0;
      for (let i = 0; i < n; i++) {
        const z = robustZScore(xs[i]!, m, mad, meanAd);
        if (!(Math.abs(z) > robustZ)) continue;
        const f = foundAt.length;
        if (f === foundM.length) {
          foundM = grown(foundM);
          foundZ = grown(foundZ);
        }
        foundIn.push([peers, indicatorId]);
        foundAt.push(i);
        foundM[f] = m;
        foundZ[f] = z;
      }
    }
  }
  return foundIn.map(([peers, indicatorId], f) => {
    const i = foundAt[f]!;
    const employeeId = peers.employeeIds[i]!;
    // The counted row is the first row of its source.
    const sourceRef = scored.rows.get(employeeId, indicatorId)?.[peers.sources[i]!]?.sourceRef ?? null;
    return { kind: 'outlier', employeeId, indicatorId, value: peers.actuals[i]!, expected: foundM[f]!, robustZ: foundZ[f]!, sourceRef };
  });
}

function grown(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(2 * a.length);
  b.set(a);
  return b;
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
  scored.rows.forEachSelfAndSystem((employeeId, indicatorId, self, system) => {
    if (self.actual === null || system.actual === null) return;
    let counts = mismatch.get(indicatorId);
    if (!counts) mismatch.set(indicatorId, (counts = { pairs: 0, mismatches: 0 }));
    counts.pairs += 1;
    const relative = Math.abs(self.actual - system.actual) / Math.max(Math.abs(system.actual), MISMATCH_FLOOR);
    if (!(relative > tolerance)) return;
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
  });
  return { mismatch, anomalies };
}

function findMissing(scored: ScoredCycle): Anomaly[] {
  const out: Anomaly[] = [];
  forEachResult(scored, (k, indicatorId, source) => {
    if (source !== null) return;
    out.push({ kind: 'missing', employeeId: scored.employees[k]!.employee.id, indicatorId, value: null, expected: null, robustZ: null, sourceRef: null });
  });
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

  // indicator -> sourceRef -> the first row with it; and, for a ref credited to
  // two or more employees, that first row -> employee -> the employee's first
  // row with it. Rows are indices in the cycle's table, ids are its codes.
  const table = scored.cycleRows;
  const firstWithRef = new Map<number, Map<string, number>>();
  const shared = new Map<number, Map<number, number>>();
  const { indicator: indicators, employee: employees } = table;
  for (let i = 0; i < table.length; i++) {
    const ref = table.refAt(i);
    if (ref === null || ref.trim() === '') continue;
    const indicator = indicators[i]!;
    const employee = employees[i]!;
    let byRef = firstWithRef.get(indicator);
    if (!byRef) firstWithRef.set(indicator, (byRef = new Map()));
    const first = byRef.get(ref);
    if (first === undefined) {
      byRef.set(ref, i);
      continue;
    }
    let byEmployee = shared.get(first);
    if (byEmployee === undefined) {
      if (employee === employees[first]) continue;
      shared.set(first, (byEmployee = new Map([[employees[first]!, first]])));
    }
    if (!byEmployee.has(employee)) byEmployee.set(employee, i);
  }
  for (const [first, byEmployee] of shared) {
    for (const [employee, i] of byEmployee) {
      out.push({
        kind: 'duplicate',
        employeeId: table.employeeText(employee),
        indicatorId: table.indicatorText(table.indicator[first]!),
        value: table.actualAt(i) ?? table.ratingAt(i),
        expected: null,
        robustZ: null,
        sourceRef: table.refAt(first),
      });
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

/**
 * xs sorted ascending, in the front of `into`. The typed array's numeric sort
 * orders -0 before 0, where a comparator keeps them as given; medians and
 * MADs come out the same.
 */
function ascending(xs: Numbers, into: Float64Array): Float64Array {
  const out = into.subarray(0, xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i]!;
  return out.sort();
}
