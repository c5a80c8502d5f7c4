// Grade distribution against the policy's quotas.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { Diagnosis } from '../../engine/types.ts';
import { OKABE_ITO } from '../palette.ts';
import type { ChartContext, ChartSpec } from '../types.ts';
import { categoryAxis, chartPlugins, DEFAULT_HEIGHT, DEFAULT_WIDTH, fmt, STATIC, tr, valueAxis } from './common.ts';

/**
 * People per grade, best grade left. Forced grading: beside each count, the
 * quota share x n (unrounded, so 5 % of 59 shows as 2.95). Bands: the counts
 * alone, each grade labelled with its lower bound. Grades that occur but are
 * not in the policy come last. Null when nobody is graded.
 */
export function gradeDistributionChart(d: Diagnosis, ctx: ChartContext): ChartSpec | null {
  const { lang, policy } = ctx;
  const n = d.employees.length;
  if (n === 0) return null;
  const grading = policy.grading;
  const policyGrades = grading.mode === 'forced' ? grading.grades.map((g) => g.grade) : grading.bands.map((b) => b.grade);
  const counts = new Map<string, number>(policyGrades.map((g) => [g, 0]));
  for (const e of d.employees) counts.set(e.grade, (counts.get(e.grade) ?? 0) + 1);
  const grades = [...counts.keys()];
  const labels = grading.mode === 'forced'
    ? grades
    : grades.map((g) => {
        const band = grading.bands.find((b) => b.grade === g);
        return band ? `${g} (≥ ${fmt(band.min)})` : g;
      });
  const actual: ChartDataset<'bar', number[]> = {
    label: tr(lang, '实际人数', 'Actual people'),
    data: grades.map((g) => counts.get(g) ?? 0),
    backgroundColor: OKABE_ITO.blue,
    borderWidth: 0,
  };
  const datasets = [actual];
  if (grading.mode === 'forced') {
    const share = new Map(grading.grades.map((g) => [g.grade, g.share]));
    datasets.push({
      label: tr(lang, '配额（比例 × 人数）', 'Quota (share × people)'),
      data: grades.map((g) => (share.get(g) ?? 0) * n),
      backgroundColor: OKABE_ITO.orange,
      borderWidth: 0,
    });
  }
  const title = tr(lang, `等级分布与配额 · ${d.cycle}`, `Grade distribution against quotas · ${d.cycle}`);
  const subtitle = grading.mode === 'forced'
    ? tr(lang, `强制分布，共 ${n} 人；同分者取同一（较高）等级，故实际人数可偏离配额`,
        `Forced distribution, ${n} people; equal scores share the better grade, so counts can differ from quotas`)
    : tr(lang, `分数段评级，共 ${n} 人；括号内为该等级的最低分`, `Score bands, ${n} people; each grade's lower bound in brackets`);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels, datasets },
    options: {
      ...STATIC,
      scales: {
        x: categoryAxis(tr(lang, '等级（由高到低）', 'Grade (best first)')),
        y: { ...valueAxis(tr(lang, '人数（人）', 'People'), { min: 0 }), grace: '8%' },
      },
      plugins: { ...chartPlugins(title, [subtitle], true), valueLabels: { position: 'end', digits: grading.mode === 'forced' ? 1 : 0 } },
    },
  };
  return {
    id: 'grade-distribution',
    title,
    config: config as unknown as ChartConfiguration,
    width: ctx.width ?? DEFAULT_WIDTH,
    height: ctx.height ?? DEFAULT_HEIGHT,
  };
}
