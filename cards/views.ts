// What the workflow hands the card builders: plain data, already checked for
// permission and already localised where it comes from the data (names).
import type { AnomalyKind, Finding, Lang, Simulation } from '../src/engine/types.ts';

export interface IndicatorLine {
  indicatorId: string;
  name: string;
  kind: 'quantitative' | 'qualitative';
  unit: string | null;
  weight: number;
  direction: 'higher' | 'lower' | null;
  target: number | null;
  /** The synced system-of-record value, if any. */
  systemActual: number | null;
  /** What the employee reported, if anything. */
  selfActual: number | null;
  /** A reviewer's correction, if any. */
  managerActual: number | null;
  rating: number | null;
  ratingMax: number;
}

export interface EvidenceLine {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  indicatorId: string | null;
  /** A link the viewer may open (permission is checked again on download). */
  url: string;
}

/** An employee's indicators and the submission form (collecting stage). */
export interface SubmissionView {
  lang: Lang;
  cycle: string;
  employeeId: string;
  employeeName: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved_first' | 'approved';
  version: number;
  deadline: string | null;
  summary: string | null;
  /** The reviewer's comment when returned. */
  returnComment: string | null;
  indicators: IndicatorLine[];
  evidence: EvidenceLine[];
}

export interface AnomalyLine {
  id: number;
  kind: AnomalyKind;
  indicatorId: string;
  indicatorName: string;
  value: number | null;
  expected: number | null;
  robustZ: number | null;
  sourceRef: string | null;
  status: 'open' | 'confirmed' | 'corrected';
}

/** The manager's card for one submission. */
export interface ReviewView {
  lang: Lang;
  cycle: string;
  submissionId: number;
  version: number;
  /** 1 or 2: which reviewer level this card is for. */
  level: number;
  levels: number;
  employeeId: string;
  employeeName: string;
  departmentName: string;
  summary: string | null;
  indicators: IndicatorLine[];
  evidence: EvidenceLine[];
  anomalies: AnomalyLine[];
  /** The computed score with the values as they stand. */
  score: number;
}

/** The result card an employee gets on publication. */
export interface ResultView {
  lang: Lang;
  cycle: string;
  employeeId: string;
  employeeName: string;
  score: number;
  grade: string;
  rank: number;
  percentile: number;
  indicators: { name: string; weight: number; score: number; completion: number | null }[];
  raiseRate: number;
  /** Only on the employee's own card (salaries are HR-only otherwise). */
  raiseAmount: number | null;
  promotion: boolean;
  development: { indicatorName: string; training: string | null } | null;
  status: 'published' | 'accepted' | 'appealed' | 'final';
  /** Set when an appeal changed the result. */
  change: { scoreBefore: number; gradeBefore: string; reason: string } | null;
  /** The employee's appeal while it waits for an answer, with the files attached to it. */
  appeal: { id: number; evidence: EvidenceLine[] } | null;
}

/** The appeal as the manager (or HR, when escalated) sees it. */
export interface AppealView {
  lang: Lang;
  appealId: number;
  cycle: string;
  employeeId: string;
  employeeName: string;
  reason: string;
  dueAt: string;
  escalated: boolean;
  score: number;
  grade: string;
  /** The automatic check against system-of-record values. */
  check: { indicatorName: string; system: number | null; scored: number | null; differs: boolean }[];
  /** Indicators the resolver may correct (quantitative ones). */
  indicators: { indicatorId: string; name: string; actual: number | null; target: number | null }[];
  /** The files the employee attached to the appeal. */
  evidence: EvidenceLine[];
}

export interface AppealDecisionView {
  lang: Lang;
  cycle: string;
  decision: 'upheld' | 'rejected';
  resolution: string;
  scoreBefore: number;
  scoreAfter: number;
  gradeBefore: string;
  gradeAfter: string;
}

export interface ReminderView {
  lang: Lang;
  cycle: string;
  stage: string;
  deadline: string;
  /** What the person still has to do. */
  task: 'submit' | 'review' | 'answer_appeal';
  /** Set on an escalation: whose task is overdue. */
  overdue: { employeeName: string; hoursLate: number } | null;
}

export interface CycleControlView {
  lang: Lang;
  cycle: string;
  stage: 'draft' | 'collecting' | 'reviewing' | 'calibrating' | 'published' | 'closed';
  deadline: string | null;
  counts: { employees: number; submitted: number; approved: number; openAnomalies: number; openAppeals: number };
  late: { employeeId: string; name: string; task: string }[];
  /** The next stage, or null when closed. */
  next: string | null;
}

export interface DiagnosisSummaryView {
  lang: Lang;
  cycle: string;
  employees: number;
  departments: { name: string; n: number; mean: number | null }[];
  findings: Finding[];
  companyMean: number | null;
  /** Chart images, already uploaded or served by URL. */
  charts: { title: string; url: string }[];
}

export interface SimulationView {
  lang: Lang;
  cycle: string;
  proposalName: string;
  simulation: Simulation;
  departmentNames: Record<string, string>;
  employeeNames: Record<string, string>;
  /** HR-only card: it names the largest movers. */
}

export interface PolicyChangeView {
  lang: Lang;
  policyId: number;
  name: string;
  version: number;
  /** Each change with the reason HR gave, e.g. a weight moved because of a finding. */
  changes: { what: string; before: string; after: string; why: string }[];
  /** Pilot: ask for feedback; published: an announcement. */
  mode: 'pilot' | 'announcement';
}

export interface SuggestionBoxView {
  lang: Lang;
  cycle: string | null;
}

/** The answer to a refused or failed action: says why and what to do. */
export interface NoticeView {
  lang: Lang;
  tone: 'success' | 'warning' | 'danger' | 'neutral';
  title: string;
  text: string;
}
