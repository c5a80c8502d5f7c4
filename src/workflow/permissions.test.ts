import { describe, expect, it } from 'vitest';
import type { Department, Employee, Role } from '../engine/types.ts';
import type { Action, Actor, Decision, DenyReason, Target } from './permissions.ts';
import { ACTIONS, DENY_REASONS, PermissionError, assertAllowed, authorize, visibleEmployeeIds } from './permissions.ts';
import { buildOrg, managerScope } from './scope.ts';

// The org, by hand:
//   root   (head ceo)  ceo leader, hr1 hr (reports to ceo)
//   ├─ sales (head mS) mS manager, s1, s2, ld, x1
//   │                  ld is a manager heading nothing; s2 reports to ld, not to mS
//   │                  x1 sits in sales but reports to mE (across departments)
//   └─ eng (head mE)   mE manager, e1
//      └─ plat (head mP) mP manager, p1
const department = (id: string, parentId: string | null, headId: string | null): Department => ({ id, name: id, parentId, headId });
const person = (id: string, role: Role, departmentId: string, managerId: string | null): Employee => ({
  id,
  name: id,
  departmentId,
  managerId,
  role,
  salary: 1000,
});

const DEPARTMENTS = [department('root', null, 'ceo'), department('sales', 'root', 'mS'), department('eng', 'root', 'mE'), department('plat', 'eng', 'mP')];
const EMPLOYEES = [
  person('ceo', 'leader', 'root', null),
  person('hr1', 'hr', 'root', 'ceo'),
  person('mS', 'manager', 'sales', 'ceo'),
  person('s1', 'employee', 'sales', 'mS'),
  person('s2', 'employee', 'sales', 'ld'),
  person('ld', 'manager', 'sales', 'mS'),
  person('x1', 'employee', 'sales', 'mE'),
  person('mE', 'manager', 'eng', 'ceo'),
  person('e1', 'employee', 'eng', 'mE'),
  person('mP', 'manager', 'plat', 'mE'),
  person('p1', 'employee', 'plat', 'mP'),
];
const org = buildOrg(DEPARTMENTS, EMPLOYEES);
const actor = (id: string): Actor => ({ employeeId: id, role: EMPLOYEES.find((e) => e.id === id)!.role });

const employee = (employeeId: string): Target => ({ kind: 'employee', employeeId });
const dept = (departmentId: string): Target => ({ kind: 'department', departmentId });
const COMPANY: Target = { kind: 'company' };

// The columns of the table, in order: every employee, every department, the company,
// then an employee and a department that are not in the org.
const COLUMNS: Target[] = [
  ...['ceo', 'hr1', 'mS', 's1', 's2', 'ld', 'x1', 'mE', 'e1', 'mP', 'p1'].map(employee),
  ...['root', 'sales', 'eng', 'plat'].map(dept),
  COMPANY,
  employee('ghost'),
  dept('nowhere'),
];

const CODES: Record<string, DenyReason | 'allowed'> = {
  '+': 'allowed',
  N: 'NOT_YOURS',
  O: 'OUT_OF_SCOPE',
  R: 'ROLE_REQUIRED',
  A: 'AGGREGATES_ONLY',
  S: 'SELF_REVIEW',
  U: 'UNKNOWN_ACTOR',
};
const codeOf = (decision: Decision): string => {
  const meaning = decision.allowed ? 'allowed' : decision.reason;
  return Object.keys(CODES).find((code) => CODES[code] === meaning)!;
};

// The expected answer of authorize(org, actor, action, column), written out by hand
// from WORKFLOW.md's role table and the rules in permissions.ts's doc comments.
// + allowed   N NOT_YOURS   O OUT_OF_SCOPE   R ROLE_REQUIRED   A AGGREGATES_ONLY   S SELF_REVIEW
//
//                              ceo hr1 mS s1 s2 ld x1 mE e1 mP p1 | root sales eng plat | company | ghost nowhere
const TABLE: Record<string, string> = {
  ceo: `
    view_indicators             + A A A A A A A A A A | A A A A | A | O O
    view_values                 + A A A A A A A A A A | A A A A | A | O O
    view_evidence               + A A A A A A A A A A | A A A A | A | O O
    view_score                  + A A A A A A A A A A | A A A A | A | O O
    view_result                 + A A A A A A A A A A | A A A A | A | O O
    view_salary                 + A A A A A A A A A A | A A A A | A | O O
    view_appeal                 + A A A A A A A A A A | A A A A | A | O O
    view_appeal_evidence        + A A A A A A A A A A | A A A A | A | O O
    view_department_aggregates  O O O O O O O O O O O | + + + + | + | O O
    view_company_aggregates     O O O O O O O O O O O | O O O O | + | O O
    view_diagnosis_detail       + A A A A A A A A A A | A A A A | A | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               + N N N N N N N N N N | O O O O | O | O O
    attach_evidence             + N N N N N N N N N N | O O O O | O | O O
    accept_result               + N N N N N N N N N N | O O O O | O | O O
    appeal_result               + N N N N N N N N N N | O O O O | O | O O
    attach_appeal_evidence      + N N N N N N N N N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            R R R R R R R R R R R | R R R R | R | R R
    resolve_anomaly             R R R R R R R R R R R | R R R R | R | R R
    approve_submission          R R R R R R R R R R R | R R R R | R | R R
    return_submission           R R R R R R R R R R R | R R R R | R | R R
    override_score              R R R R R R R R R R R | R R R R | R | R R
    answer_appeal               R R R R R R R R R R R | R R R R | R | R R
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
  hr1: `
    view_indicators             + + + + + + + + + + + | + + + + | + | O O
    view_values                 + + + + + + + + + + + | + + + + | + | O O
    view_evidence               + + + + + + + + + + + | + + + + | + | O O
    view_score                  + + + + + + + + + + + | + + + + | + | O O
    view_result                 + + + + + + + + + + + | + + + + | + | O O
    view_salary                 + + + + + + + + + + + | + + + + | + | O O
    view_appeal                 + + + + + + + + + + + | + + + + | + | O O
    view_appeal_evidence        + + + + + + + + + + + | + + + + | + | O O
    view_department_aggregates  O O O O O O O O O O O | + + + + | + | O O
    view_company_aggregates     O O O O O O O O O O O | O O O O | + | O O
    view_diagnosis_detail       + + + + + + + + + + + | + + + + | + | O O
    view_audit_log              O O O O O O O O O O O | O O O O | + | O O
    submit_values               N + N N N N N N N N N | O O O O | O | O O
    attach_evidence             N + N N N N N N N N N | O O O O | O | O O
    accept_result               N + N N N N N N N N N | O O O O | O | O O
    appeal_result               N + N N N N N N N N N | O O O O | O | O O
    attach_appeal_evidence      N + N N N N N N N N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            + S + + + + + + + + + | O O O O | O | O O
    resolve_anomaly             + S + + + + + + + + + | O O O O | O | O O
    approve_submission          + S + + + + + + + + + | O O O O | O | O O
    return_submission           + S + + + + + + + + + | O O O O | O | O O
    override_score              + S + + + + + + + + + | O O O O | O | O O
    answer_appeal               + S + + + + + + + + + | O O O O | O | O O
    answer_escalated_appeal     + S + + + + + + + + + | O O O O | O | O O
    setup_policy                O O O O O O O O O O O | O O O O | + | O O
    manage_cycle                O O O O O O O O O O O | O O O O | + | O O
    import_data                 O O O O O O O O O O O | O O O O | + | O O
    run_diagnosis               O O O O O O O O O O O | O O O O | + | O O
    run_simulation              O O O O O O O O O O O | O O O O | + | O O
    publish_results             O O O O O O O O O O O | O O O O | + | O O
    publish_policy              O O O O O O O O O O O | O O O O | + | O O
    post_leadership_summary     O O O O O O O O O O O | O O O O | + | O O
    grant_role                  + S + + + + + + + + + | O O O O | O | O O
    read_suggestions            O O O O O O O O O O O | O O O O | + | O O
  `,
  mS: `
    view_indicators             O O + + + + + O O O O | O + O O | O | O O
    view_values                 O O + + + + + O O O O | O + O O | O | O O
    view_evidence               O O + + + + + O O O O | O + O O | O | O O
    view_score                  O O + + + + + O O O O | O + O O | O | O O
    view_result                 O O + + + + + O O O O | O + O O | O | O O
    view_salary                 R R + R R R R R R R R | R R R R | R | O O
    view_appeal                 O O + + + + + O O O O | O + O O | O | O O
    view_appeal_evidence        O O + + + + + O O O O | O + O O | O | O O
    view_department_aggregates  O O O O O O O O O O O | O + O O | O | O O
    view_company_aggregates     R R R R R R R R R R R | R R R R | R | R R
    view_diagnosis_detail       O O + + + + + O O O O | O + O O | O | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               N N + N N N N N N N N | O O O O | O | O O
    attach_evidence             N N + N N N N N N N N | O O O O | O | O O
    accept_result               N N + N N N N N N N N | O O O O | O | O O
    appeal_result               N N + N N N N N N N N | O O O O | O | O O
    attach_appeal_evidence      N N + N N N N N N N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            O O S + + + + O O O O | O O O O | O | O O
    resolve_anomaly             O O S + + + + O O O O | O O O O | O | O O
    approve_submission          O O S + + + + O O O O | O O O O | O | O O
    return_submission           O O S + + + + O O O O | O O O O | O | O O
    override_score              O O S + + + + O O O O | O O O O | O | O O
    answer_appeal               O O S + + + + O O O O | O O O O | O | O O
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
  mE: `
    view_indicators             O O O O O O + + + + + | O O + + | O | O O
    view_values                 O O O O O O + + + + + | O O + + | O | O O
    view_evidence               O O O O O O + + + + + | O O + + | O | O O
    view_score                  O O O O O O + + + + + | O O + + | O | O O
    view_result                 O O O O O O + + + + + | O O + + | O | O O
    view_salary                 R R R R R R R + R R R | R R R R | R | O O
    view_appeal                 O O O O O O + + + + + | O O + + | O | O O
    view_appeal_evidence        O O O O O O + + + + + | O O + + | O | O O
    view_department_aggregates  O O O O O O O O O O O | O O + + | O | O O
    view_company_aggregates     R R R R R R R R R R R | R R R R | R | R R
    view_diagnosis_detail       O O O O O O + + + + + | O O + + | O | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               N N N N N N N + N N N | O O O O | O | O O
    attach_evidence             N N N N N N N + N N N | O O O O | O | O O
    accept_result               N N N N N N N + N N N | O O O O | O | O O
    appeal_result               N N N N N N N + N N N | O O O O | O | O O
    attach_appeal_evidence      N N N N N N N + N N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            O O O O O O + S + + + | O O O O | O | O O
    resolve_anomaly             O O O O O O + S + + + | O O O O | O | O O
    approve_submission          O O O O O O + S + + + | O O O O | O | O O
    return_submission           O O O O O O + S + + + | O O O O | O | O O
    override_score              O O O O O O + S + + + | O O O O | O | O O
    answer_appeal               O O O O O O + S + + + | O O O O | O | O O
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
  mP: `
    view_indicators             O O O O O O O O O + + | O O O + | O | O O
    view_values                 O O O O O O O O O + + | O O O + | O | O O
    view_evidence               O O O O O O O O O + + | O O O + | O | O O
    view_score                  O O O O O O O O O + + | O O O + | O | O O
    view_result                 O O O O O O O O O + + | O O O + | O | O O
    view_salary                 R R R R R R R R R + R | R R R R | R | O O
    view_appeal                 O O O O O O O O O + + | O O O + | O | O O
    view_appeal_evidence        O O O O O O O O O + + | O O O + | O | O O
    view_department_aggregates  O O O O O O O O O O O | O O O + | O | O O
    view_company_aggregates     R R R R R R R R R R R | R R R R | R | R R
    view_diagnosis_detail       O O O O O O O O O + + | O O O + | O | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               N N N N N N N N N + N | O O O O | O | O O
    attach_evidence             N N N N N N N N N + N | O O O O | O | O O
    accept_result               N N N N N N N N N + N | O O O O | O | O O
    appeal_result               N N N N N N N N N + N | O O O O | O | O O
    attach_appeal_evidence      N N N N N N N N N + N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            O O O O O O O O O S + | O O O O | O | O O
    resolve_anomaly             O O O O O O O O O S + | O O O O | O | O O
    approve_submission          O O O O O O O O O S + | O O O O | O | O O
    return_submission           O O O O O O O O O S + | O O O O | O | O O
    override_score              O O O O O O O O O S + | O O O O | O | O O
    answer_appeal               O O O O O O O O O S + | O O O O | O | O O
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
  ld: `
    view_indicators             O O O O + + O O O O O | O O O O | O | O O
    view_values                 O O O O + + O O O O O | O O O O | O | O O
    view_evidence               O O O O + + O O O O O | O O O O | O | O O
    view_score                  O O O O + + O O O O O | O O O O | O | O O
    view_result                 O O O O + + O O O O O | O O O O | O | O O
    view_salary                 R R R R R + R R R R R | R R R R | R | O O
    view_appeal                 O O O O + + O O O O O | O O O O | O | O O
    view_appeal_evidence        O O O O + + O O O O O | O O O O | O | O O
    view_department_aggregates  O O O O O O O O O O O | O O O O | O | O O
    view_company_aggregates     R R R R R R R R R R R | R R R R | R | R R
    view_diagnosis_detail       O O O O + + O O O O O | O O O O | O | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               N N N N N + N N N N N | O O O O | O | O O
    attach_evidence             N N N N N + N N N N N | O O O O | O | O O
    accept_result               N N N N N + N N N N N | O O O O | O | O O
    appeal_result               N N N N N + N N N N N | O O O O | O | O O
    attach_appeal_evidence      N N N N N + N N N N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            O O O O + S O O O O O | O O O O | O | O O
    resolve_anomaly             O O O O + S O O O O O | O O O O | O | O O
    approve_submission          O O O O + S O O O O O | O O O O | O | O O
    return_submission           O O O O + S O O O O O | O O O O | O | O O
    override_score              O O O O + S O O O O O | O O O O | O | O O
    answer_appeal               O O O O + S O O O O O | O O O O | O | O O
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
  s1: `
    view_indicators             N N N + N N N N N N N | N N N N | N | O O
    view_values                 N N N + N N N N N N N | N N N N | N | O O
    view_evidence               N N N + N N N N N N N | N N N N | N | O O
    view_score                  N N N + N N N N N N N | N N N N | N | O O
    view_result                 N N N + N N N N N N N | N N N N | N | O O
    view_salary                 N N N + N N N N N N N | N N N N | N | O O
    view_appeal                 N N N + N N N N N N N | N N N N | N | O O
    view_appeal_evidence        N N N + N N N N N N N | N N N N | N | O O
    view_department_aggregates  R R R R R R R R R R R | R R R R | R | R R
    view_company_aggregates     R R R R R R R R R R R | R R R R | R | R R
    view_diagnosis_detail       N N N + N N N N N N N | N N N N | N | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               N N N + N N N N N N N | O O O O | O | O O
    attach_evidence             N N N + N N N N N N N | O O O O | O | O O
    accept_result               N N N + N N N N N N N | O O O O | O | O O
    appeal_result               N N N + N N N N N N N | O O O O | O | O O
    attach_appeal_evidence      N N N + N N N N N N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            R R R R R R R R R R R | R R R R | R | R R
    resolve_anomaly             R R R R R R R R R R R | R R R R | R | R R
    approve_submission          R R R R R R R R R R R | R R R R | R | R R
    return_submission           R R R R R R R R R R R | R R R R | R | R R
    override_score              R R R R R R R R R R R | R R R R | R | R R
    answer_appeal               R R R R R R R R R R R | R R R R | R | R R
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
  x1: `
    view_indicators             N N N N N N + N N N N | N N N N | N | O O
    view_values                 N N N N N N + N N N N | N N N N | N | O O
    view_evidence               N N N N N N + N N N N | N N N N | N | O O
    view_score                  N N N N N N + N N N N | N N N N | N | O O
    view_result                 N N N N N N + N N N N | N N N N | N | O O
    view_salary                 N N N N N N + N N N N | N N N N | N | O O
    view_appeal                 N N N N N N + N N N N | N N N N | N | O O
    view_appeal_evidence        N N N N N N + N N N N | N N N N | N | O O
    view_department_aggregates  R R R R R R R R R R R | R R R R | R | R R
    view_company_aggregates     R R R R R R R R R R R | R R R R | R | R R
    view_diagnosis_detail       N N N N N N + N N N N | N N N N | N | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               N N N N N N + N N N N | O O O O | O | O O
    attach_evidence             N N N N N N + N N N N | O O O O | O | O O
    accept_result               N N N N N N + N N N N | O O O O | O | O O
    appeal_result               N N N N N N + N N N N | O O O O | O | O O
    attach_appeal_evidence      N N N N N N + N N N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            R R R R R R R R R R R | R R R R | R | R R
    resolve_anomaly             R R R R R R R R R R R | R R R R | R | R R
    approve_submission          R R R R R R R R R R R | R R R R | R | R R
    return_submission           R R R R R R R R R R R | R R R R | R | R R
    override_score              R R R R R R R R R R R | R R R R | R | R R
    answer_appeal               R R R R R R R R R R R | R R R R | R | R R
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
  e1: `
    view_indicators             N N N N N N N N + N N | N N N N | N | O O
    view_values                 N N N N N N N N + N N | N N N N | N | O O
    view_evidence               N N N N N N N N + N N | N N N N | N | O O
    view_score                  N N N N N N N N + N N | N N N N | N | O O
    view_result                 N N N N N N N N + N N | N N N N | N | O O
    view_salary                 N N N N N N N N + N N | N N N N | N | O O
    view_appeal                 N N N N N N N N + N N | N N N N | N | O O
    view_appeal_evidence        N N N N N N N N + N N | N N N N | N | O O
    view_department_aggregates  R R R R R R R R R R R | R R R R | R | R R
    view_company_aggregates     R R R R R R R R R R R | R R R R | R | R R
    view_diagnosis_detail       N N N N N N N N + N N | N N N N | N | O O
    view_audit_log              R R R R R R R R R R R | R R R R | R | R R
    submit_values               N N N N N N N N + N N | O O O O | O | O O
    attach_evidence             N N N N N N N N + N N | O O O O | O | O O
    accept_result               N N N N N N N N + N N | O O O O | O | O O
    appeal_result               N N N N N N N N + N N | O O O O | O | O O
    attach_appeal_evidence      N N N N N N N N + N N | O O O O | O | O O
    drop_suggestion             O O O O O O O O O O O | O O O O | + | O O
    rate_qualitative            R R R R R R R R R R R | R R R R | R | R R
    resolve_anomaly             R R R R R R R R R R R | R R R R | R | R R
    approve_submission          R R R R R R R R R R R | R R R R | R | R R
    return_submission           R R R R R R R R R R R | R R R R | R | R R
    override_score              R R R R R R R R R R R | R R R R | R | R R
    answer_appeal               R R R R R R R R R R R | R R R R | R | R R
    answer_escalated_appeal     R R R R R R R R R R R | R R R R | R | R R
    setup_policy                R R R R R R R R R R R | R R R R | R | R R
    manage_cycle                R R R R R R R R R R R | R R R R | R | R R
    import_data                 R R R R R R R R R R R | R R R R | R | R R
    run_diagnosis               R R R R R R R R R R R | R R R R | R | R R
    run_simulation              R R R R R R R R R R R | R R R R | R | R R
    publish_results             R R R R R R R R R R R | R R R R | R | R R
    publish_policy              R R R R R R R R R R R | R R R R | R | R R
    post_leadership_summary     R R R R R R R R R R R | R R R R | R | R R
    grant_role                  R R R R R R R R R R R | R R R R | R | R R
    read_suggestions            R R R R R R R R R R R | R R R R | R | R R
  `,
};

function parseTable(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.trim().split('\n')) {
    const [action, ...cells] = line.trim().split(/\s+/);
    rows.set(action!, cells.filter((cell) => cell !== '|').join(' '));
  }
  return rows;
}

describe('authorize: every action x every actor x every target', () => {
  for (const [actorId, text] of Object.entries(TABLE)) {
    const rows = parseTable(text);
    describe(`${actorId} (${actor(actorId).role})`, () => {
      it('has a row for every action, in ACTIONS order, and a cell for every column', () => {
        expect([...rows.keys()]).toEqual([...ACTIONS]);
        for (const cells of rows.values()) expect(cells.split(' ')).toHaveLength(COLUMNS.length);
      });
      it.each(ACTIONS)('%s', (action) => {
        const got = COLUMNS.map((target) => codeOf(authorize(org, actor(actorId), action, target))).join(' ');
        expect(got).toBe(rows.get(action));
      });
    });
  }

  it('covers every role', () => {
    expect(new Set(Object.keys(TABLE).map((id) => actor(id).role))).toEqual(new Set(['employee', 'manager', 'hr', 'leader']));
  });

  it('refuses an actor who is not in the org, whatever the role, action and target', () => {
    const codes = new Set<string>();
    for (const role of ['employee', 'manager', 'hr', 'leader'] as const) {
      for (const action of ACTIONS) for (const target of COLUMNS) codes.add(codeOf(authorize(org, { employeeId: 'ghost', role }, action, target)));
    }
    expect([...codes]).toEqual(['U']);
  });
});

describe('authorize: the reasons, spelled out', () => {
  const reason = (who: string, action: Action, target: Target): string => {
    const decision = authorize(org, actor(who), action, target);
    return decision.allowed ? 'allowed' : decision.reason;
  };

  it('an employee reading a peer gets NOT_YOURS', () => {
    expect(reason('s1', 'view_values', employee('s2'))).toBe('NOT_YOURS');
  });
  it('an employee running a diagnosis gets ROLE_REQUIRED', () => {
    expect(reason('s1', 'run_diagnosis', COMPANY)).toBe('ROLE_REQUIRED');
  });
  it('a manager approving their own submission, answering their own appeal or overriding their own score gets SELF_REVIEW', () => {
    expect(reason('mS', 'approve_submission', employee('mS'))).toBe('SELF_REVIEW');
    expect(reason('mS', 'answer_appeal', employee('mS'))).toBe('SELF_REVIEW');
    expect(reason('mS', 'override_score', employee('mS'))).toBe('SELF_REVIEW');
  });
  it('a manager heading nothing still may not review themselves (SELF_REVIEW, not OUT_OF_SCOPE)', () => {
    expect(reason('ld', 'approve_submission', employee('ld'))).toBe('SELF_REVIEW');
  });
  it('HR approving their own submission or answering their own appeal gets SELF_REVIEW', () => {
    expect(reason('hr1', 'approve_submission', employee('hr1'))).toBe('SELF_REVIEW');
    expect(reason('hr1', 'answer_appeal', employee('hr1'))).toBe('SELF_REVIEW');
    expect(reason('hr1', 'answer_escalated_appeal', employee('hr1'))).toBe('SELF_REVIEW');
  });
  it('a leader reading one employee gets AGGREGATES_ONLY, their own row is fine', () => {
    expect(reason('ceo', 'view_score', employee('e1'))).toBe('AGGREGATES_ONLY');
    expect(reason('ceo', 'view_score', employee('ceo'))).toBe('allowed');
  });
  it('heading the root department gives a leader no rows', () => {
    expect(reason('ceo', 'view_values', dept('root'))).toBe('AGGREGATES_ONLY');
  });
  it('a manager outside their subtree gets OUT_OF_SCOPE, including a manager of a sub-department looking up', () => {
    expect(reason('mS', 'view_values', employee('e1'))).toBe('OUT_OF_SCOPE');
    expect(reason('mP', 'view_values', employee('e1'))).toBe('OUT_OF_SCOPE');
    expect(reason('mP', 'view_department_aggregates', dept('eng'))).toBe('OUT_OF_SCOPE');
  });
  it('a manager reaches the whole subtree they head, and a report in another department', () => {
    expect(reason('mE', 'approve_submission', employee('p1'))).toBe('allowed');
    expect(reason('mE', 'approve_submission', employee('x1'))).toBe('allowed');
    expect(reason('mS', 'approve_submission', employee('x1'))).toBe('allowed');
  });
  it("a manager asking for a report's salary gets ROLE_REQUIRED: salaries are HR's", () => {
    expect(reason('mS', 'view_salary', employee('s1'))).toBe('ROLE_REQUIRED');
  });
  it('a target that is not in the org is OUT_OF_SCOPE, even for HR', () => {
    expect(reason('hr1', 'view_values', employee('ghost'))).toBe('OUT_OF_SCOPE');
    expect(reason('hr1', 'view_department_aggregates', dept('nowhere'))).toBe('OUT_OF_SCOPE');
  });
  it('a write on a department or the company, rather than one row, is OUT_OF_SCOPE', () => {
    expect(reason('mS', 'approve_submission', dept('sales'))).toBe('OUT_OF_SCOPE');
    expect(reason('s1', 'submit_values', COMPANY)).toBe('OUT_OF_SCOPE');
  });
  it("appeal evidence: only the appellant attaches; their managers up the subtree and HR read it, a peer, another department's manager and a leader do not", () => {
    expect(reason('p1', 'attach_appeal_evidence', employee('p1'))).toBe('allowed');
    expect(reason('e1', 'attach_appeal_evidence', employee('p1'))).toBe('NOT_YOURS');
    expect(reason('mP', 'attach_appeal_evidence', employee('p1'))).toBe('NOT_YOURS');
    expect(reason('hr1', 'attach_appeal_evidence', employee('p1'))).toBe('NOT_YOURS');
    for (const who of ['p1', 'mP', 'mE', 'hr1']) expect(reason(who, 'view_appeal_evidence', employee('p1'))).toBe('allowed');
    expect(reason('e1', 'view_appeal_evidence', employee('p1'))).toBe('NOT_YOURS');
    expect(reason('mS', 'view_appeal_evidence', employee('p1'))).toBe('OUT_OF_SCOPE');
    expect(reason('ceo', 'view_appeal_evidence', employee('p1'))).toBe('AGGREGATES_ONLY');
  });
  it('every reason in DENY_REASONS is reachable', () => {
    const seen = new Set<string>();
    for (const who of [...Object.keys(TABLE), 'ghost']) {
      const a: Actor = who === 'ghost' ? { employeeId: 'ghost', role: 'hr' } : actor(who);
      for (const action of ACTIONS) for (const target of COLUMNS) seen.add(codeOf(authorize(org, a, action, target)));
    }
    expect([...seen].map((code) => CODES[code]).sort()).toEqual(['allowed', ...DENY_REASONS].sort());
  });
});

describe('authorize: decisions the table cannot show', () => {
  it("the Actor's role decides, not the Employee row's (a granted role takes effect at once)", () => {
    expect(authorize(org, { employeeId: 's1', role: 'hr' }, 'view_salary', employee('e1'))).toEqual({ allowed: true });
    expect(authorize(org, { employeeId: 'hr1', role: 'employee' }, 'view_salary', employee('e1'))).toEqual({
      allowed: false,
      reason: 'NOT_YOURS',
    });
  });
  it('a manager heading the root reaches the whole company as a list', () => {
    const small = buildOrg(
      [department('top', null, 'boss'), department('sub', 'top', null)],
      [person('boss', 'manager', 'top', null), person('a', 'employee', 'sub', 'boss')],
    );
    const boss: Actor = { employeeId: 'boss', role: 'manager' };
    expect(authorize(small, boss, 'view_values', COMPANY)).toEqual({ allowed: true });
    expect(authorize(small, boss, 'view_department_aggregates', COMPANY)).toEqual({ allowed: true });
    expect(authorize(small, boss, 'view_salary', COMPANY)).toEqual({ allowed: false, reason: 'ROLE_REQUIRED' });
    expect(authorize(small, boss, 'approve_submission', COMPANY)).toEqual({ allowed: false, reason: 'OUT_OF_SCOPE' });
  });
  it('an employee heading a department (headId) gains no scope: the role decides what, headId only where', () => {
    const small = buildOrg([department('d', null, 'a')], [person('a', 'employee', 'd', null), person('b', 'employee', 'd', 'a')]);
    const a: Actor = { employeeId: 'a', role: 'employee' };
    expect(authorize(small, a, 'view_values', employee('b'))).toEqual({ allowed: false, reason: 'NOT_YOURS' });
    expect(authorize(small, a, 'approve_submission', employee('b'))).toEqual({ allowed: false, reason: 'ROLE_REQUIRED' });
  });
});

describe('assertAllowed', () => {
  it('returns quietly when allowed', () => {
    expect(() => assertAllowed(org, actor('mS'), 'approve_submission', employee('s1'))).not.toThrow();
  });
  it('throws PermissionError with code FORBIDDEN and the reason when refused', () => {
    let caught: unknown;
    try {
      assertAllowed(org, actor('mS'), 'approve_submission', employee('mS'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PermissionError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as PermissionError;
    expect(error.code).toBe('FORBIDDEN');
    expect(error.reason).toBe('SELF_REVIEW');
    expect(error.action).toBe('approve_submission');
    expect(error.toJSON()).toEqual({ code: 'FORBIDDEN', reason: 'SELF_REVIEW', message: error.message });
  });
});

describe('visibleEmployeeIds', () => {
  const ids = (value: Set<string> | 'all'): string[] | 'all' => (value === 'all' ? 'all' : [...value].sort());
  const ALL_BUT_HR1 = ['ceo', 'e1', 'ld', 'mE', 'mP', 'mS', 'p1', 's1', 's2', 'x1'];

  const CASES: [string, Action, string[] | 'all'][] = [
    ['s1', 'view_values', ['s1']],
    ['s1', 'view_salary', ['s1']],
    ['s1', 'submit_values', ['s1']],
    ['s1', 'approve_submission', []],
    ['s1', 'view_company_aggregates', []],
    ['mS', 'view_values', ['ld', 'mS', 's1', 's2', 'x1']],
    ['mS', 'view_salary', ['mS']],
    ['mS', 'approve_submission', ['ld', 's1', 's2', 'x1']],
    ['mS', 'answer_escalated_appeal', []],
    ['mS', 'view_department_aggregates', []],
    ['mE', 'view_values', ['e1', 'mE', 'mP', 'p1', 'x1']],
    ['mE', 'override_score', ['e1', 'mP', 'p1', 'x1']],
    ['mP', 'view_evidence', ['mP', 'p1']],
    ['mP', 'answer_appeal', ['p1']],
    ['mP', 'view_appeal_evidence', ['mP', 'p1']],
    ['mP', 'attach_appeal_evidence', ['mP']],
    ['ld', 'view_values', ['ld', 's2']],
    ['ld', 'approve_submission', ['s2']],
    ['hr1', 'view_values', 'all'],
    ['hr1', 'view_salary', 'all'],
    ['hr1', 'view_diagnosis_detail', 'all'],
    ['hr1', 'approve_submission', ALL_BUT_HR1],
    ['hr1', 'grant_role', ALL_BUT_HR1],
    ['hr1', 'submit_values', ['hr1']],
    ['hr1', 'view_audit_log', []],
    ['ceo', 'view_values', ['ceo']],
    ['ceo', 'view_diagnosis_detail', ['ceo']],
    ['ceo', 'view_company_aggregates', []],
    ['ceo', 'approve_submission', []],
  ];
  it.each(CASES)('%s may list %s rows of %j', (who, action, expected) => {
    expect(ids(visibleEmployeeIds(org, actor(who), action))).toEqual(expected);
  });

  it('lists nothing for an actor who is not in the org', () => {
    expect(ids(visibleEmployeeIds(org, { employeeId: 'ghost', role: 'hr' }, 'view_values'))).toEqual([]);
  });

  it('agrees with authorize on every employee, for every actor and action', () => {
    const disagreements: string[] = [];
    for (const who of Object.keys(TABLE)) {
      for (const action of ACTIONS) {
        const visible = visibleEmployeeIds(org, actor(who), action);
        for (const { id } of EMPLOYEES) {
          const listed = visible === 'all' || visible.has(id);
          if (listed !== authorize(org, actor(who), action, employee(id)).allowed) disagreements.push(`${who} ${action} ${id}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('buildOrg', () => {
  it('answers subtrees via parentId', () => {
    expect([...org.subtree('root')].sort()).toEqual(['eng', 'plat', 'root', 'sales']);
    expect([...org.subtree('eng')].sort()).toEqual(['eng', 'plat']);
    expect([...org.subtree('plat')]).toEqual(['plat']);
    expect([...org.subtree('nowhere')]).toEqual([]);
  });
  it('answers who heads what via headId', () => {
    expect(org.headedBy('mE')).toEqual(['eng']);
    expect(org.headedBy('ceo')).toEqual(['root']);
    expect(org.headedBy('ld')).toEqual([]);
    expect(org.headedBy('ghost')).toEqual([]);
  });
  it('hands out copies, so a caller cannot change the index', () => {
    org.subtree('eng').add('sales');
    org.headedBy('mE').push('sales');
    expect([...org.subtree('eng')].sort()).toEqual(['eng', 'plat']);
    expect(org.headedBy('mE')).toEqual(['eng']);
  });
  it('does not hang on a parentId cycle', () => {
    const looped = buildOrg([department('a', 'b', null), department('b', 'a', null)], []);
    expect([...looped.subtree('a')].sort()).toEqual(['a', 'b']);
  });
  it('keeps the first of two rows with the same id', () => {
    const twice = buildOrg([], [person('a', 'employee', 'd1', null), person('a', 'hr', 'd2', null)]);
    expect(twice.employee('a')?.departmentId).toBe('d1');
    expect(twice.employeeIds()).toEqual(['a']);
  });
  it("a manager's scope is the subtree they head plus their direct reports anywhere", () => {
    const scope = managerScope(org, 'mE');
    expect([...scope.departments].sort()).toEqual(['eng', 'plat']);
    expect([...scope.employees].sort()).toEqual(['e1', 'mE', 'mP', 'p1', 'x1']);
    expect([...managerScope(org, 'ld').employees]).toEqual(['s2']);
  });
});
