import type { Dataset, Diagnosis, Lang, Severity } from '../engine/types.ts';
import { formatNumber, formatPercent } from '../engine/messages.ts';
import { namesOf, t, table } from './labels.ts';

const num = (x: number | null, digits = 1) => (x === null ? '—' : formatNumber(x, digits));
const pct = (x: number | null) => (x === null ? '—' : formatPercent(x));

function severityLabel(s: Severity, lang: Lang): string {
  const zh = { high: '高', medium: '中', low: '低' } as const;
  return lang === 'zh' ? zh[s] : s;
}

/**
 * The diagnosis as a Markdown report: findings first, then the figures behind
 * them. Aggregates only, except the anomaly list (a question per employee for HR).
 */
export function renderDiagnosisMarkdown(
  d: Diagnosis,
  data: Dataset,
  lang: Lang,
  options: { linkJson?: string; images?: { title: string; file: string }[] } = {},
): string {
  const names = namesOf(data);
  const out: string[] = [];
  out.push(`# ${t(lang, '绩效诊断报告', 'Performance diagnosis')} · ${d.cycle}`);
  out.push(
    t(
      lang,
      `参评 ${d.employees.length} 人，${d.departments.length} 个部门；发现 ${d.findings.length} 项问题，数据异常 ${d.anomalies.length} 条。`,
      `${d.employees.length} people in ${d.departments.length} departments; ${d.findings.length} findings, ${d.anomalies.length} data anomalies.`,
    ),
  );
  if (options.linkJson) out.push(t(lang, `完整数据：[${options.linkJson}](${options.linkJson})`, `Full data: [${options.linkJson}](${options.linkJson})`));

  out.push(`## ${t(lang, '主要发现', 'Findings')}`);
  out.push(
    d.findings.length === 0
      ? t(lang, '未发现需要关注的问题。', 'Nothing needs attention.')
      : d.findings.map((f) => `- **[${severityLabel(f.severity, lang)}]** ${f.message}`).join('\n'),
  );

  for (const image of options.images ?? []) out.push(`![${image.title}](${image.file})`);

  out.push(`## ${t(lang, '部门得分分布', 'Scores by department')}`);
  const gradeList = d.departments[0] ? Object.keys(d.departments[0].gradeCounts) : [];
  out.push(
    table(
      [t(lang, '部门', 'Department'), 'n', t(lang, '均值', 'Mean'), t(lang, '中位数', 'Median'), 'P25', 'P75', t(lang, '标准差', 'Std'), ...gradeList],
      d.departments.map((s) => [
        names.department(s.departmentId),
        s.n,
        num(s.mean),
        num(s.median),
        num(s.p25),
        num(s.p75),
        num(s.std),
        ...gradeList.map((g) => s.gradeCounts[g] ?? 0),
      ]),
    ),
  );

  out.push(`## ${t(lang, '指标完成情况', 'Indicator completion')}`);
  out.push(
    table(
      [t(lang, '指标', 'Indicator'), 'n', t(lang, '达标率', 'Met target'), t(lang, '平均完成度', 'Mean completion'), t(lang, '自报不一致率', 'Self-report mismatch')],
      [...d.indicators]
        .sort((a, b) => (a.metTargetRate ?? 0) - (b.metTargetRate ?? 0))
        .map((i) => [names.indicator(i.indicatorId), i.n, pct(i.metTargetRate), pct(i.meanCompletion), pct(i.mismatchRate)]),
    ),
  );

  out.push(`## ${t(lang, '多周期趋势', 'Trends over cycles')}`);
  const cycles = d.trends[0]?.cycles.map((c) => c.cycle) ?? [];
  out.push(
    table(
      [t(lang, '指标', 'Indicator'), ...cycles.map((c) => `${c} ${t(lang, '完成度', 'completion')}`), t(lang, '斜率', 'Slope')],
      d.trends.map((tr) => [names.indicator(tr.indicatorId), ...tr.cycles.map((c) => pct(c.meanCompletion)), num(tr.slope, 3)]),
    ),
  );

  out.push(`## ${t(lang, '指标相关性', 'Correlations')}`);
  out.push(
    d.correlations.length === 0
      ? t(lang, '样本不足（每对指标至少 10 人）。', 'Too few people (at least 10 per pair).')
      : table(
          ['x', 'y', 'n', 'Pearson r', 'Spearman ρ', 'p', t(lang, '背离人数', 'Off-diagonal')],
          d.correlations.slice(0, 15).map((c) => [
            names.indicator(c.x),
            names.indicator(c.y),
            c.n,
            num(c.pearson, 3),
            num(c.spearman, 3),
            c.pValue === null ? '—' : c.pValue.toPrecision(3),
            c.offDiagonal.length,
          ]),
        ),
  );

  out.push(`## ${t(lang, '高绩效者共性', 'What top performers share')}`);
  out.push(
    d.traits.length === 0
      ? t(lang, '没有属性数据。', 'No attribute data.')
      : table(
          [t(lang, '属性', 'Attribute'), t(lang, '前 20% 占比', 'Top 20 %'), t(lang, '其余占比', 'Rest'), t(lang, '差值', 'Difference')],
          d.traits.map((tr) => [tr.attribute, pct(tr.topShare), pct(tr.restShare), pct(tr.difference)]),
        ),
  );

  out.push(`## ${t(lang, '数据异常（待确认）', 'Data anomalies (to confirm)')}`);
  const kinds = ['duplicate', 'mismatch', 'missing', 'outlier'] as const;
  const kindName = { duplicate: t(lang, '重复计入', 'duplicate'), mismatch: t(lang, '自报与系统不符', 'self vs system'), missing: t(lang, '缺失', 'missing'), outlier: t(lang, '异常值', 'outlier') };
  out.push(kinds.map((k) => `- ${kindName[k]}: ${d.anomalies.filter((a) => a.kind === k).length}`).join('\n'));
  const shown = d.anomalies.slice(0, 50);
  if (shown.length > 0) {
    out.push(
      table(
        [t(lang, '类型', 'Kind'), t(lang, '员工', 'Employee'), t(lang, '指标', 'Indicator'), t(lang, '值', 'Value'), t(lang, '参照', 'Expected'), 'z', t(lang, '单据', 'Ref')],
        shown.map((a) => [
          kindName[a.kind],
          `${names.employee(a.employeeId)} (${a.employeeId})`,
          names.indicator(a.indicatorId),
          num(a.value, 2),
          num(a.expected, 2),
          num(a.robustZ, 2),
          a.sourceRef ?? '',
        ]),
      ),
    );
    if (d.anomalies.length > shown.length) out.push(t(lang, `……另有 ${d.anomalies.length - shown.length} 条，见 JSON。`, `… and ${d.anomalies.length - shown.length} more in the JSON.`));
  }
  return out.join('\n\n') + '\n';
}
