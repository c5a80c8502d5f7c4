import type { Action, Actor, Target } from './permissions.ts';
import { assertAllowed, PermissionError } from './permissions.ts';
import type { AppealRow, WorkflowRepo } from './ports.ts';

/** The acting person as the org knows them; an id outside the org is refused. */
export async function actorOf(repo: WorkflowRepo, employeeId: string): Promise<Actor> {
  const employee = (await repo.org()).employee(employeeId);
  if (!employee) throw new PermissionError('UNKNOWN_ACTOR', 'view_indicators');
  return { employeeId, role: employee.role };
}

export async function allow(repo: WorkflowRepo, actor: Actor, action: Action, target: Target): Promise<void> {
  assertAllowed(await repo.org(), actor, action, target);
}

/**
 * The reviewer of a person at a level: their manager (else the head of their
 * department), and that person's for level 2. Null when the chain ends or reaches
 * a leader, who sees aggregates only: HR reviews then.
 */
export async function reviewerOf(repo: WorkflowRepo, employeeId: string, level: number): Promise<string | null> {
  const org = await repo.org();
  let current: string | null = employeeId;
  for (let l = 0; l < level && current !== null; l++) {
    const person = org.employee(current);
    if (!person) return null;
    let next = person.managerId;
    if (next === null) {
      const head: string | null = headOf(org, person.departmentId);
      next = head !== current ? head : null;
    }
    current = next;
  }
  if (current === null || current === employeeId) return null;
  return org.employee(current)?.role === 'leader' ? null : current;
}

/** Who gets a review card: the reviewer, or every HR person when there is none. */
export async function reviewersOf(repo: WorkflowRepo, employeeId: string, level: number): Promise<string[]> {
  const reviewer = await reviewerOf(repo, employeeId, level);
  return reviewer ? [reviewer] : (await hrPeople(repo)).filter((id) => id !== employeeId);
}

function headOf(org: Awaited<ReturnType<WorkflowRepo['org']>>, departmentId: string): string | null {
  for (const id of org.employeeIds()) if (org.headedBy(id).includes(departmentId)) return id;
  return null;
}

/** Everyone with the HR role: escalations and HR notices go to all of them. */
export async function hrPeople(repo: WorkflowRepo): Promise<string[]> {
  const org = await repo.org();
  return org.employeeIds().filter((id) => org.employee(id)!.role === 'hr');
}

/** Who gets an appeal's card: the first reviewer and HR while it is open, HR alone once escalated; never the appellant. */
export async function appealResolvers(repo: WorkflowRepo, appeal: Pick<AppealRow, 'employeeId' | 'status'>): Promise<string[]> {
  const reviewer = appeal.status === 'open' ? await reviewerOf(repo, appeal.employeeId, 1) : null;
  return [...new Set([...(reviewer ? [reviewer] : []), ...(await hrPeople(repo))])].filter((id) => id !== appeal.employeeId);
}
