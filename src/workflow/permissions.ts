// Who may do what, on whose rows: the one place every read and every action is
// checked (WORKFLOW.md "Roles and what each may see and do"). Pure: the caller
// brings the org snapshot; a forged button press gets a refusal, not data.

import type { Role } from '../engine/types.ts';
import type { OrgIndex } from './scope.ts';
import { managerScope } from './scope.ts';

export const ACTIONS = [
  // reads
  'view_indicators',
  'view_values',
  'view_evidence',
  'view_score',
  'view_result',
  'view_salary',
  'view_appeal',
  // The files an employee attached to their appeal.
  'view_appeal_evidence',
  'view_department_aggregates',
  'view_company_aggregates',
  // The per-employee rows of a diagnosis.
  'view_diagnosis_detail',
  'view_audit_log',
  // writes
  'submit_values',
  'attach_evidence',
  'accept_result',
  'appeal_result',
  'attach_appeal_evidence',
  'drop_suggestion',
  'rate_qualitative',
  'resolve_anomaly',
  'approve_submission',
  'return_submission',
  'override_score',
  'answer_appeal',
  'answer_escalated_appeal',
  'setup_policy',
  'manage_cycle',
  'import_data',
  'run_diagnosis',
  'run_simulation',
  'publish_results',
  'publish_policy',
  'post_leadership_summary',
  // Any change of permissions.
  'grant_role',
  'read_suggestions',
] as const;
export type Action = (typeof ACTIONS)[number];

export const DENY_REASONS = [
  // Someone else's row, and the role reaches only its own.
  'NOT_YOURS',
  // Outside the actor's departments and reports, unknown, or not the kind of target the action is about.
  'OUT_OF_SCOPE',
  // The actor's role never does this.
  'ROLE_REQUIRED',
  // A leader reads aggregates, never another employee's row.
  'AGGREGATES_ONLY',
  // Reviewing, scoring or answering one's own submission, appeal or role.
  'SELF_REVIEW',
  // The actor is not in the org snapshot.
  'UNKNOWN_ACTOR',
] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

/**
 * Who is acting. The role is the session's, not the Employee row's: a role can be
 * granted (grant_role) without rewriting the org snapshot.
 */
export interface Actor {
  employeeId: string;
  role: Role;
}

export type Target =
  | { kind: 'employee'; employeeId: string }
  | { kind: 'department'; departmentId: string }
  | { kind: 'company' };

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };

/** The thrown form of a refusal, for callers that prefer throwing; the HTTP edge maps it to 403. */
export class PermissionError extends Error {
  readonly code = 'FORBIDDEN' as const;

  constructor(
    readonly reason: DenyReason,
    readonly action: Action,
  ) {
    super(`${action} refused: ${REASON_TEXT[reason]}`);
    this.name = 'PermissionError';
  }

  toJSON(): { code: 'FORBIDDEN'; reason: DenyReason; message: string } {
    return { code: this.code, reason: this.reason, message: this.message };
  }
}

const REASON_TEXT: Record<DenyReason, string> = {
  NOT_YOURS: 'this is not your own record',
  OUT_OF_SCOPE: 'outside the departments and people you are responsible for',
  ROLE_REQUIRED: 'your role does not allow this',
  AGGREGATES_ONLY: 'leaders see department and company aggregates only',
  SELF_REVIEW: 'you cannot review your own submission, score, appeal or role',
  UNKNOWN_ACTOR: 'you are not in the organisation',
};

type TargetKind = Target['kind'];

/**
 * How far a role reaches with one action:
 * - 'all': any target;
 * - 'all-but-self': any target but the actor's own row (SELF_REVIEW);
 * - 'scope': the actor's own row and the manager scope (ManagerScope), else OUT_OF_SCOPE;
 * - 'scope-but-self': the manager scope without the actor's own row (SELF_REVIEW), else OUT_OF_SCOPE;
 * - { own: reason }: the actor's own row only, anything else refused for that reason.
 */
type Reach = 'all' | 'all-but-self' | 'scope' | 'scope-but-self' | { own: DenyReason };

interface Rule {
  /**
   * The target kinds the action is about. A read of rows also takes a department or
   * the company, meaning every row inside; a write takes exactly one person's row.
   */
  on: readonly TargetKind[];
  /** Per role; null: the role never does this (ROLE_REQUIRED). */
  by: Record<Role, Reach | null>;
}

const ROW: readonly TargetKind[] = ['employee'];
const ROWS: readonly TargetKind[] = ['employee', 'department', 'company'];
const DEPARTMENTS: readonly TargetKind[] = ['department', 'company'];
const COMPANY: readonly TargetKind[] = ['company'];

const NONE = null;
const ALL: Reach = 'all';
const ALL_BUT_SELF: Reach = 'all-but-self';
const SCOPE: Reach = 'scope';
const SCOPE_BUT_SELF: Reach = 'scope-but-self';
const OWN: Reach = { own: 'NOT_YOURS' };
/** A salary is HR's business and its owner's: a manager sees only their own. */
const OWN_ELSE_HR: Reach = { own: 'ROLE_REQUIRED' };
const OWN_ELSE_AGGREGATES: Reach = { own: 'AGGREGATES_ONLY' };

function rule(on: readonly TargetKind[], employee: Reach | null, manager: Reach | null, hr: Reach | null, leader: Reach | null): Rule {
  return { on, by: { employee, manager, hr, leader } };
}

// Submitting, accepting and appealing are the owner's own acts: nobody, HR included,
// does them on someone else's behalf (HR brings values in through import_data).
const RULES: Record<Action, Rule> = {
  //                               on           employee manager         hr            leader
  view_indicators:            rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_values:                rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_evidence:              rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_score:                 rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_result:                rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_salary:                rule(ROWS,        OWN,     OWN_ELSE_HR,    ALL,          OWN_ELSE_AGGREGATES),
  view_appeal:                rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_appeal_evidence:       rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_diagnosis_detail:      rule(ROWS,        OWN,     SCOPE,          ALL,          OWN_ELSE_AGGREGATES),
  view_department_aggregates: rule(DEPARTMENTS, NONE,    SCOPE,          ALL,          ALL),
  view_company_aggregates:    rule(COMPANY,     NONE,    NONE,           ALL,          ALL),
  view_audit_log:             rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  submit_values:              rule(ROW,         OWN,     OWN,            OWN,          OWN),
  attach_evidence:            rule(ROW,         OWN,     OWN,            OWN,          OWN),
  accept_result:              rule(ROW,         OWN,     OWN,            OWN,          OWN),
  appeal_result:              rule(ROW,         OWN,     OWN,            OWN,          OWN),
  attach_appeal_evidence:     rule(ROW,         OWN,     OWN,            OWN,          OWN),
  drop_suggestion:            rule(COMPANY,     ALL,     ALL,            ALL,          ALL),
  rate_qualitative:           rule(ROW,         NONE,    SCOPE_BUT_SELF, ALL_BUT_SELF, NONE),
  resolve_anomaly:            rule(ROW,         NONE,    SCOPE_BUT_SELF, ALL_BUT_SELF, NONE),
  approve_submission:         rule(ROW,         NONE,    SCOPE_BUT_SELF, ALL_BUT_SELF, NONE),
  return_submission:          rule(ROW,         NONE,    SCOPE_BUT_SELF, ALL_BUT_SELF, NONE),
  override_score:             rule(ROW,         NONE,    SCOPE_BUT_SELF, ALL_BUT_SELF, NONE),
  answer_appeal:              rule(ROW,         NONE,    SCOPE_BUT_SELF, ALL_BUT_SELF, NONE),
  answer_escalated_appeal:    rule(ROW,         NONE,    NONE,           ALL_BUT_SELF, NONE),
  setup_policy:               rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  manage_cycle:               rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  import_data:                rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  run_diagnosis:              rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  run_simulation:             rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  publish_results:            rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  publish_policy:             rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  post_leadership_summary:    rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
  grant_role:                 rule(ROW,         NONE,    NONE,           ALL_BUT_SELF, NONE),
  read_suggestions:           rule(COMPANY,     NONE,    NONE,           ALL,          NONE),
};

const ALLOWED: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

/**
 * May this actor do this action on this target? Checked in this order:
 * UNKNOWN_ACTOR (actor not in the org); ROLE_REQUIRED (the role never does it);
 * OUT_OF_SCOPE (target not in the org, or not a kind the action is about); then the
 * role's reach. Example: a manager approving their own submission -> SELF_REVIEW;
 * a leader reading someone's values -> AGGREGATES_ONLY.
 */
export function authorize(org: OrgIndex, actor: Actor, action: Action, target: Target): Decision {
  if (org.employee(actor.employeeId) === undefined) return deny('UNKNOWN_ACTOR');
  const { on, by } = RULES[action];
  const reach = by[actor.role];
  if (reach === null) return deny('ROLE_REQUIRED');
  if (!exists(org, target) || !on.includes(target.kind)) return deny('OUT_OF_SCOPE');
  const self = target.kind === 'employee' && target.employeeId === actor.employeeId;
  if (typeof reach === 'object') return self ? ALLOWED : deny(reach.own);
  switch (reach) {
    case 'all':
      return ALLOWED;
    case 'all-but-self':
      return self ? deny('SELF_REVIEW') : ALLOWED;
    case 'scope':
      return self || inScope(org, actor.employeeId, target) ? ALLOWED : deny('OUT_OF_SCOPE');
    case 'scope-but-self':
      if (self) return deny('SELF_REVIEW');
      return inScope(org, actor.employeeId, target) ? ALLOWED : deny('OUT_OF_SCOPE');
  }
}

/** authorize, throwing PermissionError (code FORBIDDEN) on a refusal. */
export function assertAllowed(org: OrgIndex, actor: Actor, action: Action, target: Target): void {
  const decision = authorize(org, actor, action, target);
  if (!decision.allowed) throw new PermissionError(decision.reason, action);
}

/**
 * The employee rows a list query for this action may return: 'all', or exactly the
 * ids `authorize` allows as employee targets. Actions that are not about employee
 * rows (aggregates, company acts) return an empty set: they never list rows.
 * Example: a manager heading a department of 4, with one report elsewhere, gets those 5 ids.
 */
export function visibleEmployeeIds(org: OrgIndex, actor: Actor, action: Action): Set<string> | 'all' {
  const { on, by } = RULES[action];
  const reach = by[actor.role];
  if (org.employee(actor.employeeId) === undefined || reach === null || !on.includes('employee')) return new Set();
  if (typeof reach === 'object') return new Set([actor.employeeId]);
  switch (reach) {
    case 'all':
      return 'all';
    case 'all-but-self':
      return new Set(org.employeeIds().filter((id) => id !== actor.employeeId));
    case 'scope':
      return managerScope(org, actor.employeeId).employees.add(actor.employeeId);
    case 'scope-but-self': {
      const { employees } = managerScope(org, actor.employeeId);
      employees.delete(actor.employeeId);
      return employees;
    }
  }
}

function exists(org: OrgIndex, target: Target): boolean {
  if (target.kind === 'employee') return org.employee(target.employeeId) !== undefined;
  if (target.kind === 'department') return org.hasDepartment(target.departmentId);
  return true;
}

/** The company is in a manager's scope only when every department and every employee is. */
function inScope(org: OrgIndex, managerId: string, target: Target): boolean {
  const scope = managerScope(org, managerId);
  if (target.kind === 'employee') return scope.employees.has(target.employeeId);
  if (target.kind === 'department') return scope.departments.has(target.departmentId);
  return org.departmentIds().every((d) => scope.departments.has(d)) && org.employeeIds().every((e) => scope.employees.has(e));
}
