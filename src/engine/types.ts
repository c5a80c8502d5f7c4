// The engine's vocabulary. Pure data: no I/O, no classes.
import type { ValueTable } from './value-table.ts';

export type Role = 'employee' | 'manager' | 'hr' | 'leader';
export type Source = 'manager' | 'system' | 'self';
export type Direction = 'higher' | 'lower';
export type Lang = 'zh' | 'en';

export interface Employee {
  id: string;
  name: string;
  departmentId: string;
  managerId: string | null;
  role: Role;
  /** Monthly salary, in the company's currency; null when not given. */
  salary: number | null;
  slackUserId?: string | null;
  larkOpenId?: string | null;
}

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  headId: string | null;
}

export interface Goal {
  id: string;
  name: string;
}

export interface QuantitativeIndicator {
  id: string;
  name: string;
  kind: 'quantitative';
  direction: Direction;
  unit: string | null;
  goal: string | null;
  /** Completion is clipped to [0, cap]; default 1.2. */
  cap: number;
}

export interface QualitativeIndicator {
  id: string;
  name: string;
  kind: 'qualitative';
  unit: null;
  goal: string | null;
}

export type Indicator = QuantitativeIndicator | QualitativeIndicator;

export interface WeightedIndicator {
  id: string;
  /** Percent; the weights of one assignment sum to exactly 100. */
  weight: number;
}

export interface Assignment {
  department?: string;
  role?: Role;
  indicators: WeightedIndicator[];
}

export type Grading =
  | { mode: 'forced'; grades: { grade: string; share: number }[] }
  | { mode: 'bands'; bands: { grade: string; min: number }[] };

export interface Cleaning {
  robustZ: number;
  minPeers: number;
  mismatchTolerance: number;
}

export interface ResultRules {
  /** Share of the company (forced-grading order) eligible for promotion. */
  promotionTopShare: number;
  promotionGrades: string[];
  /** Share of the company, from the bottom, that gets a development plan. */
  developmentBottomShare: number;
}

export interface Policy {
  name: string;
  ratingMax: number;
  /** ratingScores[r - 1] is the score of rating r. */
  ratingScores: number[];
  goals: Goal[];
  indicators: Indicator[];
  assignments: Assignment[];
  grading: Grading;
  cleaning: Cleaning;
  /** Raise rate per grade (0.06 = 6 %); budget per cycle in currency or null. */
  raises: { rates: Record<string, number>; budget: number | null };
  results: ResultRules;
}

/** One row of values.csv (or of the ingest API). */
export interface ValueRow {
  cycle: string;
  employeeId: string;
  indicatorId: string;
  source: Source;
  target: number | null;
  actual: number | null;
  rating: number | null;
  sourceRef: string | null;
}

export interface AttributeRow {
  cycle: string;
  employeeId: string;
  attribute: string;
  value: number;
}

/** Everything the engine needs: a data folder, or a cycle read from the store. */
export interface Dataset {
  /** The policy for every cycle that has no policy of its own. */
  policy: Policy;
  /** Per-cycle policies (policy.<cycle>.json). */
  cyclePolicies: Record<string, Policy>;
  departments: Department[];
  employees: Employee[];
  /**
   * In input order: the first of two equal keys counts. Plain rows, or the
   * same rows column by column (the CSV loader's ValueTable, for big files).
   */
  values: readonly ValueRow[] | ValueTable;
  attributes: AttributeRow[];
  /** indicatorId -> training name. */
  training: Record<string, string>;
}

// ---------------------------------------------------------------- results

export interface IndicatorResult {
  indicatorId: string;
  weight: number;
  /** The source that counted; null when missing. */
  source: Source | null;
  target: number | null;
  actual: number | null;
  rating: number | null;
  /** Clipped completion; null for qualitative indicators; 0 when missing. */
  completion: number | null;
  score: number;
}

export interface EmployeeResult {
  employeeId: string;
  departmentId: string;
  score: number;
  grade: string;
  rank: number;
  percentile: number;
  departmentPercentile: number;
  indicators: IndicatorResult[];
}

export interface DepartmentSummary {
  departmentId: string;
  n: number;
  mean: number | null;
  median: number | null;
  p25: number | null;
  p75: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  gradeCounts: Record<string, number>;
}

export interface IndicatorCompletion {
  departmentId: string;
  n: number;
  metTargetRate: number | null;
  meanCompletion: number | null;
}

export interface IndicatorSummary {
  indicatorId: string;
  n: number;
  metTargetRate: number | null;
  meanCompletion: number | null;
  mismatchRate: number | null;
  byDepartment: IndicatorCompletion[];
}

export interface Correlation {
  x: string;
  y: string;
  n: number;
  pearson: number | null;
  spearman: number | null;
  pValue: number | null;
  offDiagonal: string[];
}

export type AnomalyKind = 'outlier' | 'mismatch' | 'missing' | 'duplicate';

export interface Anomaly {
  kind: AnomalyKind;
  employeeId: string;
  indicatorId: string;
  value: number | null;
  expected: number | null;
  robustZ: number | null;
  sourceRef: string | null;
}

export interface Trait {
  attribute: string;
  topShare: number;
  restShare: number;
  difference: number;
}

export interface TrendPoint {
  cycle: string;
  meanCompletion: number | null;
  metTargetRate: number | null;
  meanActual: number | null;
}

export interface Trend {
  indicatorId: string;
  slope: number | null;
  cycles: TrendPoint[];
}

export type Severity = 'high' | 'medium' | 'low';

export type FindingKind =
  | 'low_completion'
  | 'department_gap'
  | 'unreliable_self_report'
  | 'weight_misalignment'
  | 'top_performer_trait'
  | 'divergent_pair'
  | 'unbound_indicator';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  departmentId: string | null;
  indicatorId: string | null;
  figures: Record<string, number | string | null>;
  message: string;
}

export interface Diagnosis {
  cycle: string;
  employees: EmployeeResult[];
  departments: DepartmentSummary[];
  indicators: IndicatorSummary[];
  correlations: Correlation[];
  anomalies: Anomaly[];
  traits: Trait[];
  trends: Trend[];
  findings: Finding[];
}

export interface SimulationEmployee {
  employeeId: string;
  scoreBefore: number;
  scoreAfter: number;
  gradeBefore: string;
  gradeAfter: string;
}

export interface Simulation {
  cycle: string;
  spearman: number | null;
  movedUp: number;
  movedDown: number;
  transitions: Record<string, Record<string, number>>;
  departments: { departmentId: string; meanBefore: number | null; meanAfter: number | null }[];
  employees: SimulationEmployee[];
}

export interface Application {
  cycle: string;
  promotions: { employeeId: string; score: number; grade: string }[];
  development: { employeeId: string; score: number; weakestIndicator: string | null; training: string | null }[];
  raises: { employeeId: string; grade: string; rate: number; amount: number | null }[];
  raiseTotal: number;
  budget: number | null;
  scale: number;
}
