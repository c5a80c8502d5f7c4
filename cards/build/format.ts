// Small formatting shared by the builders: values with units, file sizes,
// hashes, and the indicator and evidence lines that several cards show.
import { formatNumber } from '../../src/engine/messages.ts';
import { common, type Lang } from '../i18n.ts';
import { escapeMarkdown as md } from '../markdown.ts';
import type { Block } from '../model.ts';
import type { EvidenceLine, IndicatorLine } from '../views.ts';

/**
 * A measured value as people write it: grouped thousands, at most two decimals, "—" for none.
 * Example: formatValue(1234567) -> "1,234,567"; formatValue(0.955, '%') -> "0.96 %".
 */
export function formatValue(value: number | null, unit: string | null = null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return unit ? `${text} ${unit}` : text;
}

/** A score with one decimal. Example: 92.44 -> "92.4". */
export const formatScore = (score: number | null): string => formatNumber(score, 1);

/** A weight in percent. Example: 12.5 -> "12.5%". */
export const formatWeight = (weight: number): string => `${formatNumber(weight, Number.isInteger(weight) ? 0 : 1)}%`;

/** A signed difference. Example: 2.25 -> "+2.3"; -1 -> "-1.0". */
export function formatDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  return `${delta > 0 ? '+' : ''}${formatNumber(delta, 1)}`;
}

/** A file size in binary units. Example: 1536 -> "1.5 KB"; 900 -> "900 B". */
export function formatBytes(size: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = size;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${size} B` : `${formatNumber(n, 1)} ${units[u]}`;
}

/** The first 12 hex digits of a SHA-256: enough to compare by eye. */
export const shortSha = (sha256: string): string => sha256.slice(0, 12);

/** Splits a list into runs of `size`, so a renderer can split a card between them. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The value that counts, and where it came from: a manager's correction over the system over the employee. */
export function countedValue(line: IndicatorLine): { value: number | null; source: 'manager' | 'system' | 'self' | null } {
  if (line.managerActual !== null) return { value: line.managerActual, source: 'manager' };
  if (line.systemActual !== null) return { value: line.systemActual, source: 'system' };
  if (line.selfActual !== null) return { value: line.selfActual, source: 'self' };
  return { value: null, source: null };
}

const LINE_TEXT = {
  zh: { rated: (r: number, max: number) => `评分 ${r}/${max}`, unrated: '待主管评分', counted: '计分值', reported: '自报', system: '系统值', corrected: '主管更正' },
  en: { rated: (r: number, max: number) => `rating ${r}/${max}`, unrated: 'to be rated by the manager', counted: 'counted', reported: 'self-reported', system: 'system', corrected: 'manager' },
};

/**
 * One indicator as a markdown block: name and weight, then target and values by source.
 * `detail` adds the counted value with its source and every other source (the review card).
 */
export function indicatorMarkdown(line: IndicatorLine, lang: Lang, detail: boolean): string {
  const c = common(lang);
  const t = LINE_TEXT[lang];
  const head = `**${md(line.name)}** · ${c.weight} ${formatWeight(line.weight)}`;
  if (line.kind === 'qualitative') return `${head}\n${line.rating === null ? t.unrated : t.rated(line.rating, line.ratingMax)}`;
  const unit = line.unit;
  const parts = [`${c.target} ${md(formatValue(line.target, unit))}`];
  if (detail) {
    const counted = countedValue(line);
    const src = counted.source ? c.source[counted.source] : null;
    const from = src === null ? '' : lang === 'zh' ? `（${src}）` : ` (${src})`;
    parts.push(`${t.counted} **${md(formatValue(counted.value, unit))}**${from}`);
    for (const [label, v, src] of [
      [t.system, line.systemActual, 'system'],
      [t.reported, line.selfActual, 'self'],
      [t.corrected, line.managerActual, 'manager'],
    ] as const) {
      if (v !== null && src !== counted.source) parts.push(`${label} ${md(formatValue(v, unit))}`);
    }
  } else {
    if (line.systemActual !== null) parts.push(`${t.system} ${md(formatValue(line.systemActual, unit))}`);
    if (line.selfActual !== null) parts.push(`${t.reported} ${md(formatValue(line.selfActual, unit))}`);
    if (line.managerActual !== null) parts.push(`${t.corrected} ${md(formatValue(line.managerActual, unit))}`);
  }
  return `${head}\n${parts.join(' · ')}`;
}

/** One evidence file as a list line: name (linked), size, short hash, and the indicator it supports (unless `indicators` is null). */
export function evidenceMarkdown(e: EvidenceLine, indicators: readonly { indicatorId: string; name: string }[] | null): string {
  const ind = e.indicatorId === null || indicators === null ? null : (indicators.find((i) => i.indicatorId === e.indicatorId)?.name ?? e.indicatorId);
  const parts = [`[${md(e.fileName)}](${e.url})`, formatBytes(e.size), `SHA-256 \`${shortSha(e.sha256)}\``];
  if (ind) parts.push(md(ind));
  return `- ${parts.join(' · ')}`;
}

/** Evidence as markdown blocks of at most ten lines each. */
export function evidenceBlocks(evidence: readonly EvidenceLine[], indicators: readonly { indicatorId: string; name: string }[]): Block[] {
  return chunk(evidence, 10).map((run) => ({ type: 'markdown', text: run.map((e) => evidenceMarkdown(e, indicators)).join('\n') }));
}

/** A titled list of evidence, or a line saying there is none. */
export function evidenceSection(title: string, none: string, evidence: readonly EvidenceLine[], indicators: readonly { indicatorId: string; name: string }[] = []): Block[] {
  return [{ type: 'header', text: title }, ...(evidence.length === 0 ? [{ type: 'context', text: none } as const] : evidenceBlocks(evidence, indicators))];
}
