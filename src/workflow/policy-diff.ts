// What a new policy version changes, in words people read on the announcement:
// weights per department or role, indicators added, removed or redefined, goals,
// grading, raises and the remaining settings. Every change carries HR's reason.
import type { Assignment, Grading, Indicator, Lang, Policy } from '../engine/types.ts';

export interface PolicyChange {
  what: string;
  before: string;
  after: string;
  why: string;
}

const NONE = '—';

const EN = {
  weight: (where: string, indicator: string) => `${where} · weight of ${indicator}`,
  role: (role: string) => `role ${role}`,
  added: (name: string) => `New indicator: ${name}`,
  removed: (name: string) => `Indicator removed: ${name}`,
  redefined: (name: string) => `Indicator ${name}`,
  goal: (id: string) => `Goal ${id}`,
  grading: 'Grading',
  forced: (grades: string) => `forced distribution ${grades}`,
  bands: (bands: string) => `score bands ${bands}`,
  raise: (grade: string) => `Raise rate of grade ${grade}`,
  budget: 'Raise budget (monthly)',
  noBudget: 'no budget',
  kind: { quantitative: 'quantitative', qualitative: 'qualitative (rated)' },
  direction: { higher: 'higher is better', lower: 'lower is better' },
  unit: (u: string) => `unit ${u}`,
  cap: (c: number) => `cap ${c}`,
  goalOf: (g: string) => `goal ${g}`,
  settings: {
    ratingMax: 'Rating scale (1 to n)',
    ratingScores: 'Score of each rating',
    'cleaning.robustZ': 'Outlier threshold (robust z)',
    'cleaning.minPeers': 'Fewest peers for outlier checks',
    'cleaning.mismatchTolerance': 'Self-report tolerance against the system',
    'results.promotionTopShare': 'Promotion: top share',
    'results.promotionGrades': 'Promotion: grades',
    'results.developmentBottomShare': 'Development plan: bottom share',
  } as Record<string, string>,
};

const ZH: typeof EN = {
  weight: (where, indicator) => `${where} · ${indicator} 权重`,
  role: (role) => `角色 ${role}`,
  added: (name) => `新增指标：${name}`,
  removed: (name) => `删除指标：${name}`,
  redefined: (name) => `指标 ${name}`,
  goal: (id) => `目标 ${id}`,
  grading: '评级方式',
  forced: (grades) => `强制分布 ${grades}`,
  bands: (bands) => `分数段 ${bands}`,
  raise: (grade) => `${grade} 级调薪比例`,
  budget: '调薪预算（每月）',
  noBudget: '不设预算',
  kind: { quantitative: '量化', qualitative: '定性（评分）' },
  direction: { higher: '越高越好', lower: '越低越好' },
  unit: (u) => `单位 ${u}`,
  cap: (c) => `上限 ${c}`,
  goalOf: (g) => `目标 ${g}`,
  settings: {
    ratingMax: '评分等级（1 到 n）',
    ratingScores: '各评分对应的得分',
    'cleaning.robustZ': '离群值阈值（稳健 Z）',
    'cleaning.minPeers': '离群值检查的最少同组人数',
    'cleaning.mismatchTolerance': '自报与系统的容忍偏差',
    'results.promotionTopShare': '晋升：前列比例',
    'results.promotionGrades': '晋升：等级',
    'results.developmentBottomShare': '发展计划：后列比例',
  },
};

/** Object keys sorted, so a policy read back from jsonb compares equal to the parsed one. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * The changes from `before` to `after`, each `{what, before, after, why}` with
 * `why` = HR's reason. The policy's name is not a change (it names the version).
 * Example: 销售部's sales weight 40 -> 30 gives
 * `{ what: '销售部 · 销售额 权重', before: '40%', after: '30%', why }`.
 */
export function policyChanges(before: Policy, after: Policy, why: string, lang: Lang, departmentNames: Record<string, string>): PolicyChange[] {
  const t = lang === 'en' ? EN : ZH;
  const out: PolicyChange[] = [];
  const add = (what: string, b: string, a: string) => out.push({ what, before: b, after: a, why });
  const indicatorName = (id: string) => after.indicators.find((i) => i.id === id)?.name ?? before.indicators.find((i) => i.id === id)?.name ?? id;

  // Weights, per department or role assignment (the first of a key counts, as in scoring).
  const keyOf = (a: Assignment) => `${a.department ?? ''}|${a.role ?? ''}`;
  const label = (a: Assignment) => [a.department !== undefined ? (departmentNames[a.department] ?? a.department) : null, a.role !== undefined ? t.role(a.role) : null].filter(Boolean).join(' · ');
  const firstByKey = (p: Policy) => {
    const m = new Map<string, Assignment>();
    for (const a of p.assignments) if (!m.has(keyOf(a))) m.set(keyOf(a), a);
    return m;
  };
  const wasBy = firstByKey(before);
  const isBy = firstByKey(after);
  for (const key of new Set([...isBy.keys(), ...wasBy.keys()])) {
    const was = wasBy.get(key);
    const is = isBy.get(key);
    const ids = new Set([...(is?.indicators ?? []), ...(was?.indicators ?? [])].map((w) => w.id));
    for (const id of ids) {
      const w0 = was?.indicators.find((w) => w.id === id)?.weight;
      const w1 = is?.indicators.find((w) => w.id === id)?.weight;
      if (w0 !== w1) add(t.weight(label((is ?? was)!), indicatorName(id)), w0 === undefined ? NONE : `${w0}%`, w1 === undefined ? NONE : `${w1}%`);
    }
  }

  // The indicator library.
  const goalName = (p: Policy, id: string | null) => (id === null ? null : (p.goals.find((g) => g.id === id)?.name ?? id));
  const describe = (p: Policy, i: Indicator) =>
    [
      t.kind[i.kind],
      i.kind === 'quantitative' ? t.direction[i.direction] : null,
      i.unit ? t.unit(i.unit) : null,
      i.kind === 'quantitative' ? t.cap(i.cap) : null,
      goalName(p, i.goal) ? t.goalOf(goalName(p, i.goal)!) : null,
    ]
      .filter(Boolean)
      .join(lang === 'en' ? ', ' : '，');
  for (const i of after.indicators) {
    const old = before.indicators.find((x) => x.id === i.id);
    if (!old) add(t.added(i.name), NONE, describe(after, i));
    else if (old.name !== i.name || describe(before, old) !== describe(after, i)) add(t.redefined(i.name), `${old.name !== i.name ? `${old.name}: ` : ''}${describe(before, old)}`, describe(after, i));
  }
  for (const i of before.indicators) if (!after.indicators.some((x) => x.id === i.id)) add(t.removed(i.name), describe(before, i), NONE);

  for (const id of new Set([...after.goals, ...before.goals].map((g) => g.id))) {
    const g0 = before.goals.find((g) => g.id === id)?.name;
    const g1 = after.goals.find((g) => g.id === id)?.name;
    if (g0 !== g1) add(t.goal(id), g0 ?? NONE, g1 ?? NONE);
  }

  const grading = (g: Grading) =>
    g.mode === 'forced' ? t.forced(g.grades.map((x) => `${x.grade} ${percent(x.share)}`).join(' · ')) : t.bands(g.bands.map((x) => `${x.grade} ≥ ${x.min}`).join(' · '));
  if (stable(before.grading) !== stable(after.grading)) add(t.grading, grading(before.grading), grading(after.grading));

  for (const grade of new Set([...Object.keys(after.raises.rates), ...Object.keys(before.raises.rates)])) {
    const r0 = before.raises.rates[grade];
    const r1 = after.raises.rates[grade];
    if (r0 !== r1) add(t.raise(grade), r0 === undefined ? NONE : percent(r0), r1 === undefined ? NONE : percent(r1));
  }
  if (before.raises.budget !== after.raises.budget) {
    const budget = (b: number | null) => (b === null ? t.noBudget : String(b));
    add(t.budget, budget(before.raises.budget), budget(after.raises.budget));
  }

  const settings = (p: Policy): [string, unknown][] => [
    ['ratingMax', p.ratingMax],
    ['ratingScores', p.ratingScores],
    ...Object.entries(p.cleaning).map(([k, v]): [string, unknown] => [`cleaning.${k}`, v]),
    ...Object.entries(p.results ?? {}).map(([k, v]): [string, unknown] => [`results.${k}`, v]),
  ];
  const was = new Map(settings(before));
  for (const [key, value] of settings(after)) {
    const old = was.get(key);
    if (stable(old) !== stable(value)) add(t.settings[key] ?? key, show(old), show(value));
  }
  return out;
}

function show(v: unknown): string {
  if (v === undefined || v === null) return NONE;
  if (Array.isArray(v)) return v.join(' / ');
  return String(v);
}
