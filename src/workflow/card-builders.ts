// The card builders the workflow uses, in one place.
import {
  buildAppealCard,
  buildAppealDecisionCard,
  buildCycleControlCard,
  buildNoticeCard,
  buildResultCard,
  buildReviewCard,
  buildSubmissionCard,
  buildSuggestionBoxCard,
} from '../../cards/index.ts';

export const cards = {
  submission: buildSubmissionCard,
  review: buildReviewCard,
  result: buildResultCard,
  appeal: buildAppealCard,
  appealDecision: buildAppealDecisionCard,
  cycleControl: buildCycleControlCard,
  suggestionBox: buildSuggestionBoxCard,
  notice: buildNoticeCard,
};
