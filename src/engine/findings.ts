import type { Correlation, DepartmentSummary, Finding, IndicatorSummary, Lang, Policy, Severity, Trait } from './types.ts';
import type { DepartmentIndicatorPoint } from './scored-types.ts';
import { findingMessage, type MessageNames } from './messages.ts';
import { mean, sampleStd } from './stats.ts';

export interface FindingsInput {
  /** The policy of the diagnosed (last) cycle. */
  policy: Policy;
  /** departmentId -> display name. */
  departmentNames: Map<string, string>;
  /** Every scored employee of the diagnosed cycle. */
  employeeScores: { employeeId: string; departmentId: string; score: number }[];
  departments: DepartmentSummary[];
  indicators: IndicatorSummary[];
  correlations: Correlation[];
  traits: Trait[];
  /** Per (department, indicator, cycle), every cycle: for weight misalignment. */
  points: DepartmentIndicatorPoint[];
  /** Cycles in order; the last one is the diagnosed cycle. */
  cycles: string[];
}

/** Thresholds of ENGINE.md "Findings". */
export const FINDING_RULES = {
  lowCompletionRate: 0.6,
  lowCompletionHighRate: 0.3,
  mismatchRate: 0.1,
  lightWeight: 15,
  heavyWeight: 30,
  completionDrop: 0.1,
  heavyMetTargetRate: 0.9,
  traitDifference: 0.2,
  divergentPearson: 0.5,
} as const;

/** Absorbs float noise in differences of means (0.8 - 0.7 = 0.09999999999999998). */
const EPS = 1e-9;

type Draft = Omit<Finding, 'message'>;

/**
 * The diagnosis in words: every finding of ENGINE.md "Findings", each with its figures and a sentence.
 * - low_completion: department metTargetRate < 0.6 (high when < 0.3).
 * - department_gap: department mean < company mean - company sample std.
 * - unreliable_self_report: indicator mismatchRate > 0.1.
 * - weight_misalignment: weight <= 15, department meanCompletion first -> last cycle fell >= 0.10,
 *   while a weight >= 30 indicator of the same assignment has metTargetRate >= 0.9 in the last cycle.
 * - top_performer_trait: difference >= 0.2. divergent_pair: |r| >= 0.5 with off-diagonal employees.
 * - unbound_indicator: goal null.
 * Example: Sales "repeat" metTargetRate 0.45 -> { kind: 'low_completion', severity: 'medium',
 * figures: { metTargetRate: 0.45, ..., threshold: 0.6 } }.
 * Sorted by severity (high first), kind, departmentId (null first), indicatorId (null first).
 */
export function buildFindings(input: FindingsInput, lang: Lang): Finding[] {
  const drafts: Draft[] = [
    ...lowCompletion(input),
    ...departmentGap(input),
    ...unreliableSelfReport(input),
    ...weightMisalignment(input),
    ...topPerformerTraits(input),
    ...divergentPairs(input),
    ...unboundIndicators(input),
  ];
  drafts.sort(compareDrafts);
  const names = namesOf(input);
  return drafts.map((d) => ({ ...d, message: findingMessage(d, names, lang) }));
}

function namesOf({ policy, departmentNames }: FindingsInput): MessageNames {
  const indicatorNames = new Map(policy.indicators.map((i) => [i.id, i.name]));
  return {
    department: (id) => departmentNames.get(id) ?? id,
    indicator: (id) => indicatorNames.get(id) ?? id,
  };
}

function lowCompletion({ indicators }: FindingsInput): Draft[] {
  const out: Draft[] = [];
  for (const summary of indicators) {
    for (const d of summary.byDepartment) {
      if (d.n < 1 || d.metTargetRate === null || !(d.metTargetRate < FINDING_RULES.lowCompletionRate)) continue;
      out.push({
        kind: 'low_completion',
        severity: d.metTargetRate < FINDING_RULES.lowCompletionHighRate ? 'high' : 'medium',
        departmentId: d.departmentId,
        indicatorId: summary.indicatorId,
        figures: { metTargetRate: d.metTargetRate, meanCompletion: d.meanCompletion, n: d.n, threshold: FINDING_RULES.lowCompletionRate },
      });
    }
  }
  return out;
}

function departmentGap({ employeeScores, departments }: FindingsInput): Draft[] {
  const scores = employeeScores.map((e) => e.score);
  const companyMean = mean(scores);
  const companyStd = sampleStd(scores); // null below two employees: no gap to speak of
  if (companyMean === null || companyStd === null) return [];
  const out: Draft[] = [];
  for (const d of departments) {
    if (d.mean === null || !(d.mean < companyMean - companyStd)) continue;
    out.push({
      kind: 'department_gap',
      severity: 'high',
      departmentId: d.departmentId,
      indicatorId: null,
      figures: { mean: d.mean, companyMean, companyStd, n: d.n },
    });
  }
  return out;
}

function unreliableSelfReport({ indicators }: FindingsInput): Draft[] {
  return indicators
    .filter((s) => s.mismatchRate !== null && s.mismatchRate > FINDING_RULES.mismatchRate)
    .map((s): Draft => ({
      kind: 'unreliable_self_report',
      severity: 'high',
      departmentId: null,
      indicatorId: s.indicatorId,
      figures: { mismatchRate: s.mismatchRate, threshold: FINDING_RULES.mismatchRate },
    }));
}

function weightMisalignment({ policy, points, cycles }: FindingsInput): Draft[] {
  const firstCycle = cycles[0];
  const lastCycle = cycles[cycles.length - 1];
  if (cycles.length < 2 || firstCycle === undefined || lastCycle === undefined) return [];
  const pointAt = new Map(points.map((p) => [`${p.departmentId}\u0000${p.indicatorId}\u0000${p.cycle}`, p]));
  const at = (dept: string, ind: string, cycle: string) => pointAt.get(`${dept}\u0000${ind}\u0000${cycle}`);

  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const assignment of policy.assignments) {
    const dept = assignment.department;
    // A department's first assignment is the one its employees get (policy-lookup.ts).
    if (dept === undefined || seen.has(dept)) continue;
    seen.add(dept);

    let heavy: { id: string; weight: number; rate: number } | null = null;
    for (const { id, weight } of assignment.indicators) {
      const rate = at(dept, id, lastCycle)?.metTargetRate ?? null;
      if (weight < FINDING_RULES.heavyWeight || rate === null || !(rate >= FINDING_RULES.heavyMetTargetRate)) continue;
      if (heavy === null || rate > heavy.rate) heavy = { id, weight, rate };
    }
    if (heavy === null) continue;

    for (const { id, weight } of assignment.indicators) {
      if (weight > FINDING_RULES.lightWeight) continue;
      const first = at(dept, id, firstCycle)?.meanCompletion ?? null;
      const last = at(dept, id, lastCycle)?.meanCompletion ?? null;
      if (first === null || last === null) continue;
      const drop = first - last;
      if (!(drop >= FINDING_RULES.completionDrop - EPS)) continue;
      out.push({
        kind: 'weight_misalignment',
        severity: 'high',
        departmentId: dept,
        indicatorId: id,
        figures: {
          weight,
          completionFirst: first,
          completionLast: last,
          drop,
          heavyIndicator: heavy.id,
          heavyWeight: heavy.weight,
          heavyMetTargetRate: heavy.rate,
        },
      });
    }
  }
  return out;
}

function topPerformerTraits({ traits }: FindingsInput): Draft[] {
  return traits
    .filter((t) => t.difference >= FINDING_RULES.traitDifference - EPS)
    .map((t): Draft => ({
      kind: 'top_performer_trait',
      severity: 'low',
      departmentId: null,
      indicatorId: null,
      figures: { attribute: t.attribute, topShare: t.topShare, restShare: t.restShare, difference: t.difference },
    }));
}

function divergentPairs({ correlations }: FindingsInput): Draft[] {
  return correlations
    .filter((c) => c.pearson !== null && Math.abs(c.pearson) >= FINDING_RULES.divergentPearson && c.offDiagonal.length > 0)
    .map((c): Draft => ({
      kind: 'divergent_pair',
      severity: 'medium',
      departmentId: null,
      indicatorId: c.x,
      figures: { x: c.x, y: c.y, pearson: c.pearson, n: c.n, offDiagonalCount: c.offDiagonal.length },
    }));
}

function unboundIndicators({ policy }: FindingsInput): Draft[] {
  return policy.indicators
    .filter((i) => i.goal === null)
    .map((i): Draft => ({ kind: 'unbound_indicator', severity: 'low', departmentId: null, indicatorId: i.id, figures: {} }));
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareStrings(a, b);
}

function compareDrafts(a: Draft, b: Draft): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.kind, b.kind) ||
    compareNullable(a.departmentId, b.departmentId) ||
    compareNullable(a.indicatorId, b.indicatorId)
  );
}
