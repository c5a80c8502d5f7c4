// Deadlines: whoever has not acted gets a reminder once when the stage's
// deadline is within 24 hours and once more when it has passed; the overdue one
// is escalated (collecting: to the employee's manager; reviewing: to HR).
// Run by the same clock as escalateOverdueAppeals. A card goes out at most once:
// its key names the cycle, stage, task, deadline and phase, and the keys already
// in the outbox are skipped, so running twice sends nothing new.
import type { Card } from '../../cards/model.ts';
import { buildReminderCard } from '../../cards/build/reminder.ts';
import { assignmentFor } from '../engine/policy-lookup.ts';
import type { Lang } from '../engine/types.ts';
import { hrPeople, reviewerOf } from './actor.ts';
import type { WorkflowDeps } from './deps.ts';
import type { CycleRow, WorkflowRepo } from './ports.ts';
import { employeeName, readableTime } from './view-data.ts';

export const REMIND_HOURS_BEFORE = 24;
const HOUR = 3600_000;

export interface ReminderRun {
  /** Reminders sent: to whom, for which task. */
  reminded: { to: string; task: 'submit' | 'review' }[];
  /** Escalations sent: whose task is overdue, to whom. */
  escalated: { employeeId: string; to: string; task: 'submit' | 'review' }[];
}

type Phase = 'soon' | 'overdue';

/** The reminders and escalations due now for the current cycle's stage; each card goes out once. */
export async function runDeadlineReminders(deps: WorkflowDeps, lang: Lang): Promise<ReminderRun> {
  return deps.uow.run(async (repo) => {
    // serve and `pandian worker` may both run this on the minute.
    await repo.exclusive('reminders');
    const run: ReminderRun = { reminded: [], escalated: [] };
    const cycle = await repo.currentCycle();
    if (!cycle || (cycle.stage !== 'collecting' && cycle.stage !== 'reviewing')) return run;
    const iso = cycle.deadlines[cycle.stage];
    const deadline = iso ? new Date(iso) : null;
    if (!deadline || Number.isNaN(deadline.getTime())) return run;
    const left = deadline.getTime() - deps.clock.now().getTime();
    if (left > REMIND_HOURS_BEFORE * HOUR) return run;
    const phase: Phase = left > 0 ? 'soon' : 'overdue';
    const hoursLate = Math.max(0, -left / HOUR);
    const sent = new Set([...(await repo.sentKeys(`reminder:${cycle.id}:`)), ...(await repo.sentKeys(`escalation:${cycle.id}:`))]);
    const org = await repo.org();
    const at = deadline.toISOString();
    const base = { lang, cycle: cycle.id, stage: cycle.stage, deadline: readableTime(at)! };
    const sendOnce = async (to: string, key: string, card: Card): Promise<boolean> => {
      if (sent.has(`${to} ${key}`)) return false;
      sent.add(`${to} ${key}`);
      // The builder's key names the task only; this one also tells the two phases and a moved deadline apart.
      await repo.send(to, { ...card, key });
      return true;
    };

    const late = cycle.stage === 'collecting' ? await notSubmitted(repo, cycle) : await reviewsWaiting(repo, cycle);
    const task = cycle.stage === 'collecting' ? 'submit' : 'review';
    for (const person of late) {
      const reminder = buildReminderCard({ ...base, task, overdue: null });
      if (await sendOnce(person, `reminder:${cycle.id}:${cycle.stage}:${task}:${at}:${phase}`, reminder)) run.reminded.push({ to: person, task });
      if (phase !== 'overdue') continue;
      // A late submission goes to the manager (HR when there is none); a late review goes to HR.
      const manager = task === 'submit' ? await reviewerOf(repo, person, 1) : null;
      const to = manager ? [manager] : (await hrPeople(repo)).filter((id) => id !== person);
      const escalation = buildReminderCard({ ...base, task, overdue: { employeeName: employeeName(org, person), hoursLate } });
      for (const recipient of to) {
        if (await sendOnce(recipient, `escalation:${cycle.id}:${cycle.stage}:${task}:${person}:${at}`, escalation)) run.escalated.push({ employeeId: person, to: recipient, task });
      }
    }
    if (run.reminded.length + run.escalated.length > 0) {
      await repo.audit([{ actor: 'system:clock', action: 'reminders.send', entity: 'cycle', entityId: cycle.id, after: { stage: cycle.stage, deadline: at, phase, reminded: run.reminded.map((r) => r.to), escalated: run.escalated } }]);
    }
    return run;
  });
}

/** Collecting: every scored employee whose submission is not in (none, a draft, or returned). */
async function notSubmitted(repo: WorkflowRepo, cycle: CycleRow): Promise<string[]> {
  const org = await repo.org();
  const policy = await repo.policyOf(cycle);
  const submissions = new Map((await repo.submissions(cycle.id)).map((s) => [s.employeeId, s.status]));
  return org.employeeIds().filter((id) => {
    if (assignmentFor(policy, org.employee(id)!) === undefined) return false;
    const status = submissions.get(id);
    return status === undefined || status === 'draft' || status === 'returned';
  });
}

/** Reviewing: every reviewer with a submission waiting at their level. */
async function reviewsWaiting(repo: WorkflowRepo, cycle: CycleRow): Promise<string[]> {
  const reviewers = new Set<string>();
  for (const s of await repo.submissions(cycle.id)) {
    const level = s.status === 'submitted' ? 1 : s.status === 'approved_first' && cycle.reviewLevels === 2 ? 2 : 0;
    if (level === 0) continue;
    const reviewer = await reviewerOf(repo, s.employeeId, level);
    if (reviewer) reviewers.add(reviewer);
  }
  return [...reviewers].sort();
}
