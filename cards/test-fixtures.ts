// Views for tests: one of every kind, in either language, and the large
// submission and review that force a split. Names carry markup on purpose.
import type { Lang } from '../src/engine/types.ts';
import { buildAppealCard, buildAppealDecisionCard } from './build/appeal.ts';
import { buildCycleControlCard } from './build/cycle-control.ts';
import { buildDiagnosisSummaryCard } from './build/diagnosis.ts';
import { buildNoticeCard } from './build/notice.ts';
import { buildPolicyCard } from './build/policy.ts';
import { buildReminderCard } from './build/reminder.ts';
import { buildAppealFormCard, buildResultCard } from './build/result.ts';
import { buildReviewCard } from './build/review.ts';
import { buildSimulationCard } from './build/simulation.ts';
import { buildEvidenceAttachedCard, buildSubmissionCard } from './build/submission.ts';
import { buildSuggestionBoxCard } from './build/suggestion.ts';
import type { Card } from './model.ts';
import type { AnomalyLine, AppealView, EvidenceLine, IndicatorLine, ResultView, ReviewView, SubmissionView } from './views.ts';

export function indicator(i: number, extra: Partial<IndicatorLine> = {}): IndicatorLine {
  return {
    indicatorId: `ind-${i}`,
    name: `指标${i} Indicator ${i}`,
    kind: 'quantitative',
    unit: '万元',
    weight: 10,
    direction: 'higher',
    target: 100 * i,
    systemActual: i % 2 === 0 ? 90 * i : null,
    selfActual: i % 3 === 0 ? 95 * i : null,
    managerActual: null,
    rating: null,
    ratingMax: 5,
    ...extra,
  };
}

export function evidence(i: number, indicatorId: string | null = null): EvidenceLine {
  return { id: `ev-${i}`, fileName: `证据${i}.pdf`, size: 1024 * 1024 * i + 512, sha256: 'ab12cd34ef56'.repeat(5) + 'abcd', indicatorId, url: `/evidence/ev-${i}` };
}

export function anomaly(i: number, extra: Partial<AnomalyLine> = {}): AnomalyLine {
  return { id: 100 + i, kind: 'outlier', indicatorId: `ind-${i}`, indicatorName: `指标${i} Indicator ${i}`, value: 5000 + i, expected: 120, robustZ: 6.2, sourceRef: `crm-${i}`, status: 'open', ...extra };
}

export function submissionView(lang: Lang, n = 4, extra: Partial<SubmissionView> = {}): SubmissionView {
  return {
    lang,
    cycle: '2025',
    employeeId: 'E7',
    employeeName: '<script>alert(1)</script> 王**五**',
    status: 'draft',
    version: 3,
    deadline: '2025-12-20',
    summary: '完成 _两个_ 大项目 [link](javascript:alert(1))',
    returnComment: null,
    indicators: Array.from({ length: n }, (_, k) => indicator(k + 1)),
    evidence: [evidence(1, 'ind-1'), evidence(2)],
    ...extra,
  };
}

export function reviewView(lang: Lang, anomalies = 2, extra: Partial<ReviewView> = {}): ReviewView {
  return {
    lang,
    cycle: '2025',
    submissionId: 42,
    version: 5,
    level: 1,
    levels: 2,
    employeeId: 'E7',
    employeeName: '王五',
    departmentName: '销售部',
    summary: '全年完成 120%',
    indicators: [indicator(1), indicator(2, { managerActual: 150 }), indicator(3, { kind: 'qualitative', unit: null, direction: null, target: null, systemActual: null, selfActual: null, rating: 4 })],
    evidence: [evidence(1, 'ind-1'), evidence(2)],
    anomalies: Array.from({ length: anomalies }, (_, k) => anomaly(k + 1, k === 1 ? { status: 'confirmed' } : {})),
    score: 87.25,
    ...extra,
  };
}

export function resultView(lang: Lang, extra: Partial<ResultView> = {}): ResultView {
  return {
    lang,
    cycle: '2025',
    employeeId: 'E7',
    employeeName: '王五',
    score: 92.44,
    grade: 'A',
    rank: 3,
    percentile: 88.5,
    indicators: [
      { name: '销售额', weight: 60, score: 105, completion: 1.05 },
      { name: '团队协作', weight: 40, score: 70, completion: null },
    ],
    raiseRate: 0.06,
    raiseAmount: 1200,
    promotion: true,
    development: { indicatorName: '团队协作', training: '沟通训练营' },
    status: 'published',
    change: null,
    appeal: null,
    ...extra,
  };
}

export function appealView(lang: Lang): AppealView {
  return {
    lang,
    appealId: 9,
    cycle: '2025',
    employeeId: 'E7',
    employeeName: '王五',
    reason: '销售额少算了一笔 <b>订单</b>',
    dueAt: '2026-01-05 18:00',
    escalated: true,
    score: 80,
    grade: 'B',
    check: [
      { indicatorName: '销售额', system: 1200, scored: 1100, differs: true },
      { indicatorName: '回款率', system: 0.95, scored: 0.95, differs: false },
    ],
    indicators: [{ indicatorId: 'sales', name: '销售额', actual: 1100, target: 1000 }],
    evidence: [evidence(3), evidence(4)],
  };
}

/** Every builder once, in the given language. */
export function everyCard(lang: Lang): Card[] {
  const sub = submissionView(lang);
  return [
    buildSubmissionCard(sub),
    buildSubmissionCard(submissionView(lang, 4, { status: 'returned', returnComment: '请补充 <证据>' })),
    buildSubmissionCard(submissionView(lang, 4, { status: 'submitted' })),
    buildEvidenceAttachedCard(sub, ['ev-2']),
    buildReviewCard(reviewView(lang)),
    buildReviewCard(reviewView(lang, 0, { levels: 1 })),
    buildResultCard(resultView(lang)),
    buildResultCard(resultView(lang, { status: 'final', raiseAmount: null, change: { scoreBefore: 80, gradeBefore: 'B', reason: '系统数据有误' } })),
    buildAppealFormCard(resultView(lang)),
    buildResultCard(resultView(lang, { status: 'appealed', appeal: { id: 9, evidence: [evidence(3)] } })),
    buildResultCard(resultView(lang, { status: 'appealed', appeal: { id: 9, evidence: [] } })),
    buildAppealCard(appealView(lang)),
    buildAppealDecisionCard({ lang, cycle: '2025', decision: 'upheld', resolution: '已更正销售额', scoreBefore: 80, scoreAfter: 85.5, gradeBefore: 'B', gradeAfter: 'A' }),
    buildReminderCard({ lang, cycle: '2025', stage: 'collecting', deadline: '2025-12-20', task: 'submit', overdue: null }),
    buildReminderCard({ lang, cycle: '2025', stage: 'reviewing', deadline: '2025-12-27', task: 'review', overdue: { employeeName: '李四', hoursLate: 30 } }),
    buildCycleControlCard({
      lang,
      cycle: '2025',
      stage: 'collecting',
      deadline: '2025-12-20',
      counts: { employees: 120, submitted: 100, approved: 80, openAnomalies: 4, openAppeals: 0 },
      late: [{ employeeId: 'E1', name: '张三', task: 'submit' }],
      next: 'reviewing',
    }),
    buildDiagnosisSummaryCard(
      {
        lang,
        cycle: '2025',
        employees: 120,
        departments: [{ name: '销售部', n: 40, mean: 78.2 }, { name: '研发部', n: 80, mean: 85 }],
        findings: [
          { kind: 'unbound_indicator', severity: 'low', departmentId: null, indicatorId: 'x', figures: {}, message: '「X」未关联任何战略目标' },
          { kind: 'department_gap', severity: 'high', departmentId: 'D1', indicatorId: null, figures: {}, message: '销售部平均分低于公司 *8* 分' },
        ],
        companyMean: 82.1,
        charts: [{ title: '得分分布', url: 'https://example.com/chart.png' }],
      },
      { post: true },
    ),
    buildSimulationCard({
      lang,
      cycle: '2025',
      proposalName: '提高回款权重',
      simulation: {
        cycle: '2025',
        spearman: 0.934,
        movedUp: 3,
        movedDown: 2,
        transitions: { A: { A: 10, B: 2 }, B: { A: 3, B: 40 } },
        departments: [{ departmentId: 'D1', meanBefore: 78, meanAfter: 80.4 }],
        employees: [
          { employeeId: 'E1', scoreBefore: 80, scoreAfter: 86, gradeBefore: 'B', gradeAfter: 'A' },
          { employeeId: 'E2', scoreBefore: 90, scoreAfter: 90, gradeBefore: 'A', gradeAfter: 'A' },
        ],
      },
      departmentNames: { D1: '销售部' },
      employeeNames: { E1: '张三' },
    }),
    buildPolicyCard({ lang, policyId: 3, name: '2026 政策', version: 2, mode: 'pilot', changes: [{ what: '回款率权重', before: '10%', after: '20%', why: '回款达标率连续下降' }] }),
    buildPolicyCard({ lang, policyId: 3, name: '2026 政策', version: 3, mode: 'announcement', changes: [] }),
    buildSuggestionBoxCard({ lang, cycle: '2025' }),
    buildNoticeCard({ lang, tone: 'danger', title: '不能批准', text: '还有 2 个异常 <未处理>' }),
  ];
}
