// The cards package: the neutral model, one builder per step of the cycle,
// and one renderer per platform.
export type * from './model.ts';
export type * from './views.ts';
export { buildAppealCard, buildAppealDecisionCard } from './build/appeal.ts';
export { buildCycleControlCard } from './build/cycle-control.ts';
export { buildDiagnosisSummaryCard, type DiagnosisCardOptions } from './build/diagnosis.ts';
export { buildNoticeCard } from './build/notice.ts';
export { buildPolicyCard } from './build/policy.ts';
export { buildReminderCard } from './build/reminder.ts';
export { buildAppealFormCard, buildResultCard } from './build/result.ts';
export { buildReviewCard } from './build/review.ts';
export { buildSimulationCard } from './build/simulation.ts';
export { buildEvidenceAttachedCard, buildSubmissionCard } from './build/submission.ts';
export { buildSuggestionBoxCard } from './build/suggestion.ts';
export { escapeMarkdown } from './markdown.ts';
export { encodeActionValue, FORM_OPEN, readSlackViewValues, renderSlackMessage, renderSlackModal, type SlackMessage, type SlackView } from './render/block-kit.ts';
export { CardRenderError } from './render/errors.ts';
export { CONSOLE_ACTION_URL, CONSOLE_CSS, CONSOLE_SCRIPT, renderHtml } from './render/html.ts';
export { larkFormValues, mapLarkImages, renderLarkCards, type LarkCard } from './render/lark.ts';
