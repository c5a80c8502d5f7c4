import type { Lang } from '../engine/types.ts';
import { actorOf, allow } from './actor.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';

/** The suggestion box: anyone may drop one, signed or anonymous (the audit names no author then). */
export async function dropSuggestion(deps: WorkflowDeps, actorId: string, input: { cycle: string | null; text: string; anonymous: boolean }, lang: Lang) {
  return deps.uow.run(async (repo) => {
    const actor = await actorOf(repo, actorId);
    await allow(repo, actor, 'drop_suggestion', { kind: 'company' });
    const body = input.text.trim();
    if (body.length < 2) fail('BAD_INPUT', '建议内容不能为空', 'The suggestion is empty');
    if (body.length > 4000) fail('BAD_INPUT', '建议内容过长（最多 4000 字）', 'The suggestion is too long (4000 characters at most)');
    await repo.addSuggestion({ cycleId: input.cycle, employeeId: input.anonymous ? null : actorId, text: body });
    await repo.audit([{ actor: input.anonymous ? 'anonymous' : actorId, action: 'suggestion.drop', entity: 'suggestion', entityId: input.cycle ?? '-', after: { length: body.length } }]);
    return cards.notice({ lang, tone: 'success', title: lang === 'zh' ? '已收到你的建议' : 'Suggestion received', text: lang === 'zh' ? '谢谢！HR 会在盘点复盘时阅读所有建议。' : 'Thank you. HR reads every suggestion when reviewing the cycle.' });
  });
}
