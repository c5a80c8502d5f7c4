// The suggestion box: free text, optionally anonymous.
import { common, pick, type Lang } from '../i18n.ts';
import type { Card } from '../model.ts';
import type { SuggestionBoxView } from '../views.ts';

const EN = {
  title: 'Suggestion box',
  intro: 'Anything about the review (indicators, targets, the process) that should change? HR reads every suggestion.',
  text: 'Your suggestion',
  anonymous: 'Send anonymously?',
  anonymousNote: 'Anonymous suggestions are stored without your name.',
  submit: 'Send',
};

const ZH: typeof EN = {
  title: '意见箱',
  intro: '对考核（指标、目标、流程）有什么建议？HR 会逐条阅读。',
  text: '你的建议',
  anonymous: '是否匿名？',
  anonymousNote: '匿名建议不会记录你的姓名。',
  submit: '提交',
};

const TEXT: Record<Lang, typeof EN> = { zh: ZH, en: EN };

/** A form with the suggestion and an anonymity choice (a yes/no select: no platform has a checkbox in every surface). */
export function buildSuggestionBoxCard(view: SuggestionBoxView): Card {
  const t = pick(view.lang, TEXT);
  const c = common(view.lang);
  return {
    key: `suggestion:${view.cycle ?? 'any'}`,
    title: t.title,
    lang: view.lang,
    tone: 'neutral',
    blocks: [
      { type: 'markdown', text: t.intro },
      {
        type: 'form',
        id: 'suggestion',
        inputs: [
          { type: 'textarea', name: 'text', label: t.text, required: true },
          { type: 'select', name: 'anonymous', label: t.anonymous, required: true, initial: 'yes', options: [{ label: c.yes, value: 'yes' }, { label: c.no, value: 'no' }] },
        ],
        submit: { label: t.submit, style: 'primary', action: { name: 'suggestion.drop', payload: { cycle: view.cycle } } },
      },
      { type: 'context', text: t.anonymousNote },
    ],
  };
}
