import type { Finding, FindingKind, Lang } from './types.ts';

/** Resolves ids to display names; an unknown id should come back as itself. */
export interface MessageNames {
  department(id: string): string;
  indicator(id: string): string;
  /** Attributes have no display names in the data; defaults to the id. */
  attribute?(id: string): string;
}

/** What a sentence is built from: a finding without its severity and text (a stored finding works too). */
export type FindingFacts = Pick<Finding, 'kind' | 'departmentId' | 'indicatorId' | 'figures'>;

/**
 * A number with a fixed count of decimals, never "-0.0"; "—" for null or a non-number.
 * Example: formatNumber(92.44) -> "92.4"; formatNumber(10, 0) -> "10".
 */
export function formatNumber(value: number | string | null | undefined, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const text = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A rate (0.45 = 45 %) as a percentage.
 * Example: formatPercent(0.45) -> "45.0%"; formatPercent(0.6, 0) -> "60%".
 */
export function formatPercent(rate: number | string | null | undefined, digits = 1): string {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return '—';
  return `${formatNumber(rate * 100, digits)}%`;
}

/** A weight in percent, decimals only when it has them. Example: 10 -> "10%", 12.5 -> "12.5%". */
function formatWeight(weight: number | string | null | undefined): string {
  if (typeof weight !== 'number') return formatNumber(weight);
  return `${formatNumber(weight, Number.isInteger(weight) ? 0 : 1)}%`;
}

/** A count. Example: 12 -> "12". */
function formatCount(n: number | string | null | undefined): string {
  return formatNumber(n, 0);
}

type Figures = Finding['figures'];
interface Subject {
  dept: string;
  ind: string;
  f: Figures;
  names: MessageNames;
}
type Template = (s: Subject) => string;

const idName = (names: MessageNames, kind: 'indicator' | 'attribute', id: number | string | null | undefined): string => {
  if (typeof id !== 'string') return '—';
  if (kind === 'indicator') return names.indicator(id);
  return names.attribute ? names.attribute(id) : id;
};

/** The difference of two scores. */
const gap = (f: Figures): number | null =>
  typeof f.mean === 'number' && typeof f.companyMean === 'number' ? f.companyMean - f.mean : null;

/** Percentage points. Example: 0.153 -> "15.3". */
const points = (rate: number | string | null | undefined): string => (typeof rate === 'number' ? formatNumber(rate * 100) : '—');

const correlationSign = (r: number | string | null | undefined, zh: boolean): string =>
  typeof r === 'number' && r < 0 ? (zh ? '负相关' : 'negatively') : zh ? '正相关' : 'positively';

const TEMPLATES: Record<Lang, Record<FindingKind, Template>> = {
  zh: {
    low_completion: ({ dept, ind, f }) =>
      `${dept}的「${ind}」达标率仅 ${formatPercent(f.metTargetRate)}（低于 ${formatPercent(f.threshold, 0)}），` +
      `${formatCount(f.n)} 人平均完成率 ${formatPercent(f.meanCompletion)}。`,
    department_gap: ({ dept, f }) =>
      `${dept}平均分 ${formatNumber(f.mean)}，比公司平均 ${formatNumber(f.companyMean)} 低 ${formatNumber(gap(f))} 分，` +
      `超过一个标准差（${formatNumber(f.companyStd)}），共 ${formatCount(f.n)} 人。`,
    unreliable_self_report: ({ ind, f }) =>
      `「${ind}」的自报数据与系统数据不一致的比例达 ${formatPercent(f.mismatchRate)}（高于 ${formatPercent(f.threshold, 0)}），` +
      `自报数据不可靠，建议以系统数据为准并逐条核实。`,
    weight_misalignment: ({ dept, ind, f, names }) =>
      `${dept}的「${ind}」权重仅 ${formatWeight(f.weight)}，平均完成率从 ${formatPercent(f.completionFirst)} ` +
      `降至 ${formatPercent(f.completionLast)}（下降 ${points(f.drop)} 个百分点），而权重 ${formatWeight(f.heavyWeight)} 的` +
      `「${idName(names, 'indicator', f.heavyIndicator)}」达标率高达 ${formatPercent(f.heavyMetTargetRate)}：` +
      `员工在追逐高权重指标、放弃低权重指标，建议提高「${ind}」的权重。`,
    top_performer_trait: ({ f, names }) =>
      `绩效前 20% 的员工中有 ${formatPercent(f.topShare)} 具有「${idName(names, 'attribute', f.attribute)}」，` +
      `其余员工仅 ${formatPercent(f.restShare)}，高出 ${points(f.difference)} 个百分点。`,
    divergent_pair: ({ f, names }) =>
      `「${idName(names, 'indicator', f.x)}」与「${idName(names, 'indicator', f.y)}」明显${correlationSign(f.pearson, true)}` +
      `（r = ${formatNumber(f.pearson, 2)}，${formatCount(f.n)} 人），但有 ${formatCount(f.offDiagonalCount)} 人` +
      `一项位于前 25%、另一项位于后 25%，建议逐一了解原因。`,
    unbound_indicator: ({ ind }) => `「${ind}」未关联任何战略目标，建议将其关联到目标或移出指标库。`,
  },
  en: {
    low_completion: ({ dept, ind, f }) =>
      `Only ${formatPercent(f.metTargetRate)} of ${dept} met the target on "${ind}" (below ${formatPercent(f.threshold, 0)}); ` +
      `mean completion ${formatPercent(f.meanCompletion)} across ${formatCount(f.n)} people.`,
    department_gap: ({ dept, f }) =>
      `${dept} averages ${formatNumber(f.mean)}, ${formatNumber(gap(f))} points below the company mean of ` +
      `${formatNumber(f.companyMean)}: more than one standard deviation (${formatNumber(f.companyStd)}); ${formatCount(f.n)} people.`,
    unreliable_self_report: ({ ind, f }) =>
      `Self-reported "${ind}" disagrees with system data in ${formatPercent(f.mismatchRate)} of cases ` +
      `(above ${formatPercent(f.threshold, 0)}); treat self-reports as unreliable and check them against the system.`,
    weight_misalignment: ({ dept, ind, f, names }) =>
      `In ${dept}, mean completion of "${ind}" (weight ${formatWeight(f.weight)}) fell from ${formatPercent(f.completionFirst)} ` +
      `to ${formatPercent(f.completionLast)} (down ${points(f.drop)} points), while ` +
      `"${idName(names, 'indicator', f.heavyIndicator)}" (weight ${formatWeight(f.heavyWeight)}) kept a met-target rate of ` +
      `${formatPercent(f.heavyMetTargetRate)}: people chase the heavy indicator and drop the light one. ` +
      `Consider raising the weight of "${ind}".`,
    top_performer_trait: ({ f, names }) =>
      `${formatPercent(f.topShare)} of the top 20% performers have "${idName(names, 'attribute', f.attribute)}", ` +
      `against ${formatPercent(f.restShare)} of everyone else (${points(f.difference)} points more).`,
    divergent_pair: ({ f, names }) =>
      `"${idName(names, 'indicator', f.x)}" and "${idName(names, 'indicator', f.y)}" are ${correlationSign(f.pearson, false)} ` +
      `correlated (r = ${formatNumber(f.pearson, 2)}, n = ${formatCount(f.n)}), yet ${formatCount(f.offDiagonalCount)} people ` +
      `sit in the top quarter of one and the bottom quarter of the other; worth asking why.`,
    unbound_indicator: ({ ind }) => `"${ind}" serves no strategic goal; link it to a goal or drop it from the library.`,
  },
};

/**
 * The sentence of one finding in the chosen language; ids become display names.
 * Example (zh, low_completion, metTargetRate 0.45, threshold 0.6):
 * "销售部的「客户复购率」达标率仅 45.0%（低于 60%），8 人平均完成率 72.5%。"
 */
export function findingMessage(finding: FindingFacts, names: MessageNames, lang: Lang): string {
  const dept = finding.departmentId === null ? '—' : names.department(finding.departmentId);
  const ind = finding.indicatorId === null ? '—' : names.indicator(finding.indicatorId);
  return TEMPLATES[lang][finding.kind]({ dept, ind, f: finding.figures, names });
}
