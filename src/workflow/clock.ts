// The clock's work, the same wherever it runs: on a timer beside the service
// (`pandian serve`) or in a process of its own (`pandian worker`, for
// deployments of several processes). Overdue appeals escalate to HR, then
// deadlines bring reminders. Both jobs are safe to run from many processes at
// once: an appeal is escalated by a conditional update, reminders take a lock.
import type { Lang } from '../engine/types.ts';
import { escalateOverdueAppeals } from './appeals.ts';
import type { WorkflowDeps } from './deps.ts';
import { runDeadlineReminders } from './reminders.ts';

export const CLOCK_EVERY_MS = 60_000;

/** What one tick did. */
export interface ClockRun {
  /** Appeals not answered in time, now with HR. */
  appealsEscalated: number;
  reminders: number;
  /** Overdue tasks escalated to a manager or HR. */
  deadlineEscalations: number;
}

/** One tick: escalations first, then reminders. */
export async function clockTick(deps: WorkflowDeps, lang: Lang): Promise<ClockRun> {
  const appeals = await escalateOverdueAppeals(deps, lang);
  const reminders = await runDeadlineReminders(deps, lang);
  return { appealsEscalated: appeals.length, reminders: reminders.reminded.length, deadlineEscalations: reminders.escalated.length };
}

/** The run in words for a log line, or null when nothing happened. */
export function describeRun(run: ClockRun): string | null {
  const parts: string[] = [];
  if (run.appealsEscalated > 0) parts.push(`escalated ${run.appealsEscalated} overdue appeal(s) to HR`);
  if (run.reminders > 0) parts.push(`sent ${run.reminders} deadline reminder(s)`);
  if (run.deadlineEscalations > 0) parts.push(`escalated ${run.deadlineEscalations} overdue task(s)`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * Ticks every `everyMs` (and at once with `now`), logging what each tick did
 * and any failure; a failed tick is tried again on the next. A tick never
 * overlaps the one before. `stop` ends it and waits for a tick under way.
 */
export function startClock(
  deps: WorkflowDeps,
  lang: Lang,
  log: (line: string, failure?: boolean) => void,
  options: {
    /** Tick at once, not only after the first interval. */
    now?: boolean;
    everyMs?: number;
    /** Beside other work (a server): the timer alone does not keep the process alive. */
    background?: boolean;
  } = {},
): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = (): void => {
    if (busy) return;
    busy = true;
    running = clockTick(deps, lang)
      .then((run) => {
        const line = describeRun(run);
        if (line !== null) log(line);
      })
      .catch((err: unknown) => log(`clock: ${err instanceof Error ? err.message : String(err)}`, true))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, options.everyMs ?? CLOCK_EVERY_MS);
  if (options.background) (timer as { unref?: () => void }).unref?.();
  if (options.now) tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
