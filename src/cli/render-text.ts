import type { Application, Dataset, Lang, Simulation } from '../engine/types.ts';
import { formatNumber, formatPercent } from '../engine/messages.ts';
import { largestMovers } from '../engine/simulate.ts';
import { namesOf, t, table } from './labels.ts';

/** The simulation for a terminal: the summary, the transition matrix, the largest movers. */
export function renderSimulation(s: Simulation, lang: Lang): string {
  const out: string[] = [];
  out.push(`# ${t(lang, '政策模拟', 'Policy simulation')} · ${s.cycle}`);
  out.push(
    t(
      lang,
      `新旧得分的 Spearman 相关 ${s.spearman === null ? '—' : formatNumber(s.spearman, 3)}；等级上升 ${s.movedUp} 人，下降 ${s.movedDown} 人。`,
      `Spearman rho between old and new scores ${s.spearman === null ? '—' : formatNumber(s.spearman, 3)}; ${s.movedUp} move up a grade, ${s.movedDown} move down.`,
    ),
  );
  const after = Object.keys(Object.values(s.transitions)[0] ?? {});
  out.push(table([t(lang, '原等级 \\ 新等级', 'before \\ after'), ...after], Object.entries(s.transitions).map(([g, row]) => [g, ...after.map((h) => row[h] ?? 0)])));
  out.push(
    table(
      [t(lang, '部门', 'Department'), t(lang, '调整前均值', 'Mean before'), t(lang, '调整后均值', 'Mean after')],
      s.departments.map((d) => [d.departmentId, d.meanBefore === null ? '—' : formatNumber(d.meanBefore, 1), d.meanAfter === null ? '—' : formatNumber(d.meanAfter, 1)]),
    ),
  );
  out.push(`## ${t(lang, '变化最大的员工', 'Largest movers')}`);
  out.push(
    table(
      [t(lang, '员工', 'Employee'), t(lang, '原得分', 'Before'), t(lang, '新得分', 'After'), t(lang, '等级', 'Grade')],
      largestMovers(s).map((e) => [e.employeeId, formatNumber(e.scoreBefore, 1), formatNumber(e.scoreAfter, 1), `${e.gradeBefore} → ${e.gradeAfter}`]),
    ),
  );
  return out.join('\n\n') + '\n';
}

/** The application of results: promotion and development lists, raises against the budget. */
export function renderApplication(a: Application, data: Dataset, lang: Lang): string {
  const names = namesOf(data);
  const who = (id: string) => `${names.employee(id)} (${id})`;
  const out: string[] = [];
  out.push(`# ${t(lang, '结果应用', 'Results applied')} · ${a.cycle}`);
  out.push(`## ${t(lang, '晋升候选', 'Promotion candidates')}`);
  out.push(table([t(lang, '员工', 'Employee'), t(lang, '得分', 'Score'), t(lang, '等级', 'Grade')], a.promotions.map((p) => [who(p.employeeId), formatNumber(p.score, 1), p.grade])));
  out.push(`## ${t(lang, '发展计划', 'Development plans')}`);
  out.push(
    table(
      [t(lang, '员工', 'Employee'), t(lang, '得分', 'Score'), t(lang, '最弱指标', 'Weakest indicator'), t(lang, '培训', 'Training')],
      a.development.map((d) => [who(d.employeeId), formatNumber(d.score, 1), d.weakestIndicator === null ? '—' : names.indicator(d.weakestIndicator), d.training ?? '—']),
    ),
  );
  out.push(`## ${t(lang, '调薪', 'Raises')}`);
  out.push(
    t(
      lang,
      `调薪总额 ${formatNumber(a.raiseTotal, 2)}，预算 ${a.budget === null ? '不限' : formatNumber(a.budget, 2)}，缩放系数 ${formatNumber(a.scale, 4)}。`,
      `Raise total ${formatNumber(a.raiseTotal, 2)}, budget ${a.budget === null ? 'none' : formatNumber(a.budget, 2)}, scale ${formatNumber(a.scale, 4)}.`,
    ),
  );
  out.push(
    table(
      [t(lang, '员工', 'Employee'), t(lang, '等级', 'Grade'), t(lang, '调幅', 'Rate'), t(lang, '月薪增加', 'Monthly amount')],
      a.raises.map((r) => [who(r.employeeId), r.grade, formatPercent(r.rate), r.amount === null ? '—' : formatNumber(r.amount, 2)]),
    ),
  );
  return out.join('\n\n') + '\n';
}
