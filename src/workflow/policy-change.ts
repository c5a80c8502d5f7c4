// A policy change, HR's from start to end: draft a new version from a proposal
// file and a reason, simulate it on the current cycle, pilot it with a few
// people (Agree / Concern), publish it with an announcement to everyone that
// explains each change and why. A version is never edited: a change is a new
// version, and the version a running cycle uses stays frozen.
import type { Card } from '../../cards/model.ts';
import { buildPolicyCard, buildPolicyDraftCard, buildPolicyStartCard, buildPolicyUploadCard } from '../../cards/build/policy.ts';
import { buildSimulationCard } from '../../cards/build/simulation.ts';
import { simulate } from '../engine/simulate.ts';
import type { Lang, Policy } from '../engine/types.ts';
import { DataError } from '../io/data-error.ts';
import { parsePolicy } from '../io/policy-schema.ts';
import { actorOf, allow } from './actor.ts';
import { cards } from './card-builders.ts';
import type { WorkflowDeps } from './deps.ts';
import { fail } from './errors.ts';
import type { Actor } from './permissions.ts';
import { policyChanges, type PolicyChange } from './policy-diff.ts';
import type { PolicyRecord, WorkflowRepo } from './ports.ts';
import type { UploadedFile } from './submission.ts';
import { employeeName } from './view-data.ts';

const MAX_PROPOSAL_BYTES = 1024 * 1024;
/** The reason rides in the upload button's payload (Slack: 2000 characters). */
const MAX_REASON = 500;

function checkReason(raw: string): string {
  const reason = raw.trim();
  if (reason.length < 5) fail('BAD_INPUT', '请写明调整原因（至少 5 个字），全员会看到', 'Say why the policy changes (5 characters or more); everyone will read it');
  if (reason.length > MAX_REASON) fail('BAD_INPUT', `调整原因最多 ${MAX_REASON} 字`, `The reason is too long (${MAX_REASON} characters at most)`);
  return reason;
}

async function hr(repo: WorkflowRepo, actorId: string, action: 'setup_policy' | 'run_simulation' | 'publish_policy'): Promise<Actor> {
  const actor = await actorOf(repo, actorId);
  await allow(repo, actor, action, { kind: 'company' });
  return actor;
}

async function record(repo: WorkflowRepo, policyId: number): Promise<PolicyRecord> {
  return (await repo.policyRecord(policyId)) ?? fail('NOT_FOUND', '找不到这个政策草案', 'No such policy draft');
}

const alreadyPublished = (r: PolicyRecord): never =>
  fail('ALREADY_DONE', `${r.name} v${r.version} 已经发布，这张卡片已过期`, `${r.name} v${r.version} is already published; this card is out of date`);

/** Each change from the version the draft is based on, with HR's reason as its why. */
async function changesOf(repo: WorkflowRepo, r: PolicyRecord, lang: Lang): Promise<PolicyChange[]> {
  const base = await repo.policyById(r.basedOn ?? r.id);
  return policyChanges(base, await repo.policyById(r.id), r.reason ?? '', lang, await repo.departmentNames());
}

export async function draftCard(repo: WorkflowRepo, r: PolicyRecord, lang: Lang, appliesTo: string[] | null = null): Promise<Card> {
  const org = await repo.org();
  const base = r.basedOn === null ? null : await repo.policyRecord(r.basedOn);
  const feedback = (await repo.policyFeedback(r.id)).filter((f) => r.pilotMembers.includes(f.employeeId));
  return buildPolicyDraftCard({
    lang,
    policyId: r.id,
    name: r.name,
    version: r.version,
    status: r.status,
    basedOn: base ? `${base.name} v${base.version}` : '—',
    reason: r.reason ?? '—',
    changes: await changesOf(repo, r, lang),
    pilot: {
      members: r.pilotMembers.length,
      agree: feedback.filter((f) => f.answer === 'agree').length,
      concern: feedback.filter((f) => f.answer === 'concern').length,
      concerns: feedback.filter((f) => f.answer === 'concern').map((f) => ({ name: employeeName(org, f.employeeId), comment: f.comment ?? '' })),
    },
    appliesTo,
  });
}

async function changeCard(repo: WorkflowRepo, r: PolicyRecord, mode: 'pilot' | 'announcement', lang: Lang): Promise<Card> {
  return buildPolicyCard({ lang, policyId: r.id, name: r.name, version: r.version, mode, changes: await changesOf(repo, r, lang) });
}

/** HR's first step: the reason. Nothing is stored yet; the answer is the upload card carrying it. */
export async function startPolicyDraft(deps: WorkflowDeps, actorId: string, input: { reason: string }, lang: Lang): Promise<Card> {
  return deps.uow.run(async (repo) => {
    await hr(repo, actorId, 'setup_policy');
    return buildPolicyUploadCard({ lang, reason: checkReason(input.reason) });
  });
}

/** Parses the uploaded proposal; a bad file is refused with the JSON path of the problem. */
function readProposal(files: readonly UploadedFile[], departments: ReadonlySet<string>): Policy {
  if (files.length !== 1) fail('BAD_INPUT', '请上传一个 JSON 格式的政策方案文件', 'Upload exactly one policy proposal (a JSON file)');
  const file = files[0]!;
  if (file.data.length > MAX_PROPOSAL_BYTES) fail('BAD_INPUT', '方案文件过大（最多 1 MB）', 'The proposal is too large (1 MB at most)');
  let policy: Policy;
  try {
    policy = parsePolicy(file.fileName, file.data);
  } catch (err) {
    if (err instanceof DataError) return fail('BAD_INPUT', `方案文件有误：${err.message}`, `The proposal is not valid: ${err.message}`);
    throw err;
  }
  policy.assignments.forEach((a, i) => {
    if (a.department !== undefined && !departments.has(a.department)) {
      fail('BAD_INPUT', `方案文件有误：${file.fileName} at assignments[${i}].department: 没有部门 "${a.department}"`, `The proposal is not valid: ${file.fileName} at assignments[${i}].department: there is no department "${a.department}"`);
    }
  });
  return policy;
}

/**
 * The proposal becomes a new version in status draft, based on the policy of
 * the current cycle (which the simulation compares it with, too).
 */
export async function draftPolicy(deps: WorkflowDeps, actorId: string, input: { files: UploadedFile[]; reason: string }, lang: Lang): Promise<Card> {
  return deps.uow.run(async (repo) => {
    await hr(repo, actorId, 'setup_policy');
    const reason = checkReason(input.reason);
    const org = await repo.org();
    const proposal = readProposal(input.files, new Set(org.departmentIds()));
    const cycle = (await repo.currentCycle()) ?? fail('NOT_FOUND', '还没有考核周期，请先导入数据', 'There is no cycle yet; import the data first');
    const basedOn = await repo.policyIdOf(cycle);
    const { created, record: r } = await repo.createPolicyDraft(proposal, { reason, basedOn, createdBy: actorId });
    if (!created) {
      if (r.id === basedOn) fail('BAD_INPUT', '方案与当前政策完全相同，没有需要调整的内容', 'The proposal is identical to the current policy: nothing changes');
      fail('ALREADY_DONE', `方案与已有版本 ${r.name} v${r.version} 相同`, `The proposal is identical to the existing version ${r.name} v${r.version}`);
    }
    const changes = await changesOf(repo, r, lang);
    if (changes.length === 0) fail('BAD_INPUT', '方案除名称外与当前政策相同，没有需要调整的内容', 'The proposal differs from the current policy only in its name: nothing changes');
    await repo.audit([{ actor: actorId, action: 'policy.draft', entity: 'policy', entityId: String(r.id), after: { name: r.name, version: r.version, status: 'draft', basedOn, reason, changes } }]);
    return draftCard(repo, r, lang);
  });
}

/** What the draft would do to the current cycle. HR only: the card names employees. */
export async function simulatePolicy(deps: WorkflowDeps, actorId: string, input: { policyId: number }, lang: Lang): Promise<Card> {
  return deps.uow.run(async (repo) => {
    await hr(repo, actorId, 'run_simulation');
    const r = await record(repo, input.policyId);
    const cycle = (await repo.currentCycle()) ?? fail('NOT_FOUND', '还没有考核周期', 'There is no cycle yet');
    const proposal = await repo.policyById(r.id);
    const data = await repo.dataset();
    return buildSimulationCard({
      lang,
      cycle: cycle.id,
      proposalName: `${r.name} v${r.version}`,
      simulation: simulate(data, proposal, cycle.id),
      departmentNames: Object.fromEntries(data.departments.map((d) => [d.id, d.name])),
      employeeNames: Object.fromEntries(data.employees.map((e) => [e.id, e.name])),
    });
  });
}

/** `E004, E020, D-RD` -> the people: employee ids as given, a department id as everyone in its subtree. */
function pilotPeople(org: Awaited<ReturnType<WorkflowRepo['org']>>, text: string): string[] {
  const tokens = text.split(/[\s,，、;；]+/).filter((x) => x !== '');
  if (tokens.length === 0) fail('BAD_INPUT', '请填写试行人员的员工编号或部门编号', 'Name the pilot group: employee ids or department ids');
  const people = new Set<string>();
  const unknown: string[] = [];
  for (const token of tokens) {
    if (org.employee(token)) people.add(token);
    else if (org.hasDepartment(token)) for (const id of org.employeesIn(org.subtree(token))) people.add(id);
    else unknown.push(token);
  }
  if (unknown.length > 0) fail('BAD_INPUT', `没有这些员工或部门：${unknown.join('、')}`, `No employee or department with these ids: ${unknown.join(', ')}`);
  if (people.size === 0) fail('BAD_INPUT', '这些部门没有员工', 'These departments have nobody in them');
  return [...people];
}

/** Sends the draft to a pilot group (more people may be added later); each newcomer gets the pilot card. */
export async function pilotPolicy(deps: WorkflowDeps, actorId: string, input: { policyId: number; people: string }, lang: Lang): Promise<Card> {
  return deps.uow.run(async (repo) => {
    await hr(repo, actorId, 'setup_policy');
    const r = await record(repo, input.policyId);
    if (r.status === 'published') alreadyPublished(r);
    const people = pilotPeople(await repo.org(), input.people);
    const added = people.filter((id) => !r.pilotMembers.includes(id));
    if (added.length === 0) fail('ALREADY_DONE', '这些人都已经收到试行卡片了', 'Everyone named already has the pilot card');
    const members = [...r.pilotMembers, ...added];
    if (!(await repo.updatePolicyRecord(r.id, ['draft', 'pilot'], { status: 'pilot', pilotMembers: members }))) alreadyPublished(r);
    await repo.audit([{ actor: actorId, action: 'policy.pilot', entity: 'policy', entityId: String(r.id), before: { status: r.status, pilotMembers: r.pilotMembers }, after: { status: 'pilot', pilotMembers: members, added } }]);
    const piloting: PolicyRecord = { ...r, status: 'pilot', pilotMembers: members };
    const card = await changeCard(repo, piloting, 'pilot', lang);
    for (const id of added) await repo.send(id, card);
    return draftCard(repo, piloting, lang);
  });
}

/** A pilot member's answer: Agree, or a Concern with a comment. A second press replaces the first. */
export async function answerPilot(deps: WorkflowDeps, actorId: string, input: { policyId: number; vote: string; comment: string }, lang: Lang): Promise<Card> {
  return deps.uow.run(async (repo) => {
    await actorOf(repo, actorId);
    const r = (await repo.policyRecord(input.policyId)) ?? fail('NOT_FOUND', '找不到这个政策', 'No such policy');
    if (!r.pilotMembers.includes(actorId)) fail('NOT_FOUND', '你不在这个政策的试行名单中，不能反馈', "You are not in this policy's pilot group, so you cannot answer");
    if (r.status === 'published') fail('ALREADY_DONE', `${r.name} v${r.version} 已经发布，试行反馈已截止`, `${r.name} v${r.version} is already published; pilot feedback is closed`);
    if (input.vote !== 'agree' && input.vote !== 'concern') fail('BAD_INPUT', '未知的反馈', 'Unknown answer');
    const answer = input.vote as 'agree' | 'concern';
    const comment = input.comment.trim() || null;
    if (answer === 'concern' && (comment === null || comment.length < 2)) fail('BAD_INPUT', '请写下你的顾虑', 'Say what worries you');
    if (comment !== null && comment.length > 2000) fail('BAD_INPUT', '内容过长（最多 2000 字）', 'Too long (2000 characters at most)');
    const before = await repo.setPolicyFeedback(r.id, { employeeId: actorId, answer, comment }, deps.clock.now());
    await repo.audit([{ actor: actorId, action: 'policy.feedback', entity: 'policy', entityId: `${r.id}/${actorId}`, before: before ? { answer: before.answer, comment: before.comment } : undefined, after: { answer, comment } }]);
    const zh = answer === 'agree' ? '已记录：你赞同这项调整。' : '已记录你的顾虑，HR 会在发布前阅读。';
    const en = answer === 'agree' ? 'Recorded: you agree with the change.' : 'Your concern is recorded; HR reads it before publishing.';
    const again = lang === 'zh' ? '发布前可以再次提交，以最后一次为准。' : 'You may answer again before it is published; the last answer counts.';
    return cards.notice({ lang, tone: 'success', title: lang === 'zh' ? '谢谢你的反馈' : 'Thank you', text: `${lang === 'zh' ? zh : en} ${again}` });
  });
}

/**
 * Publication: the version becomes published and frozen; every cycle still in
 * draft switches to it (a cycle past draft keeps its frozen version); everyone
 * gets the announcement explaining each change and why.
 */
export async function publishPolicy(deps: WorkflowDeps, actorId: string, input: { policyId: number }, lang: Lang): Promise<Card> {
  return deps.uow.run(async (repo) => {
    await hr(repo, actorId, 'publish_policy');
    const r = await record(repo, input.policyId);
    if (r.status === 'published') alreadyPublished(r);
    if (r.status === 'draft') fail('WRONG_STAGE', '请先发给试行人员征求意见，再发布', 'Pilot it with a few people before publishing');
    const now = deps.clock.now();
    if (!(await repo.updatePolicyRecord(r.id, ['pilot'], { status: 'published', publishedAt: now, frozenAt: now }))) alreadyPublished(r);
    const switched: string[] = [];
    for (const cycle of await repo.cycles()) {
      if (cycle.stage !== 'draft') continue;
      const before = await repo.policyIdOf(cycle);
      await repo.setCyclePolicy(cycle.id, r.id);
      await repo.audit([{ actor: actorId, action: 'cycle.policy', entity: 'cycle', entityId: cycle.id, before: { policyId: before }, after: { policyId: r.id } }]);
      switched.push(cycle.id);
    }
    const published: PolicyRecord = { ...r, status: 'published', publishedAt: now };
    const feedback = (await repo.policyFeedback(r.id)).filter((f) => r.pilotMembers.includes(f.employeeId));
    const changes = await changesOf(repo, published, lang);
    await repo.audit([
      {
        actor: actorId,
        action: 'policy.publish',
        entity: 'policy',
        entityId: String(r.id),
        before: { status: r.status },
        after: { status: 'published', cycles: switched, reason: r.reason, changes, pilot: { members: r.pilotMembers.length, agree: feedback.filter((f) => f.answer === 'agree').length, concern: feedback.filter((f) => f.answer === 'concern').length } },
      },
    ]);
    const announcement = await changeCard(repo, published, 'announcement', lang);
    for (const id of (await repo.org()).employeeIds()) await repo.send(id, announcement);
    return draftCard(repo, published, lang, switched);
  });
}

/** What the bot shows on someone's home: HR the draft starter and open drafts; a pilot member their pilot card. */
export async function policyHomeCards(repo: WorkflowRepo, actor: Actor, lang: Lang): Promise<Card[]> {
  const out: Card[] = [];
  const open = await repo.openPolicyDrafts();
  if (actor.role === 'hr') {
    for (const r of open) out.push(await draftCard(repo, r, lang));
    out.push(buildPolicyStartCard({ lang }));
  }
  for (const r of open) if (r.status === 'pilot' && r.pilotMembers.includes(actor.employeeId)) out.push(await changeCard(repo, r, 'pilot', lang));
  return out;
}
