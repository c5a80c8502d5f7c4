import type { EmployeeResult, IndicatorResult } from './types.ts';
import type { ScoredCycle, ScoredEmployee } from './scored-types.ts';
import { ColumnScoredEmployee, indicatorsOnce } from './result-columns.ts';
import { gradesInOrder } from './grading.ts';
import { forEachRank, gradingOrder, type Scored } from './ranking.ts';

/**
 * Scores, grades, company rank and percentiles (company-wide and within the
 * employee's own department) for every scored employee, sorted by employee id.
 */
export function employeeResults(scored: ScoredCycle): EmployeeResult[] {
  return rankedResults(scored).results;
}

/**
 * employeeResults, and the employee ids in grading order (score descending,
 * ties by id), sorted once for grades, ranks and the caller.
 */
export function rankedResults(scored: ScoredCycle): { results: EmployeeResult[]; order: string[] } {
  const n = scored.employees.length;
  // Results by position k in scored.employees (employee ids are unique).
  const items: Ranked[] = scored.employees.map((e, k) => ({ employeeId: e.employee.id, score: e.score, k }));
  const ordered = gradingOrder(items);
  const grade = new Array<string>(n);
  gradesInOrder(ordered, scored.policy.grading).forEach((g, i) => (grade[ordered[i]!.k] = g));
  const rank = new Int32Array(n);
  const percentile = new Float64Array(n);
  forEachRank(ordered, (i, r, p) => {
    rank[ordered[i]!.k] = r;
    percentile[ordered[i]!.k] = p;
  });
  const byDepartment = new Map<string, Ranked[]>();
  scored.employees.forEach((e, k) => {
    const list = byDepartment.get(e.employee.departmentId);
    if (list === undefined) byDepartment.set(e.employee.departmentId, [items[k]!]);
    else list.push(items[k]!);
  });
  const departmentPercentile = new Float64Array(n);
  for (const list of byDepartment.values()) {
    const inDepartment = gradingOrder(list);
    forEachRank(inDepartment, (i, _, p) => (departmentPercentile[inDepartment[i]!.k] = p));
  }
  const results = scored.employees.map(
    (e, k): EmployeeResult => new RankedEmployee(e, grade[k]!, rank[k]!, percentile[k]!, departmentPercentile[k]!),
  );
  return { results, order: ordered.map((e) => e.employeeId) };
}

/**
 * An EmployeeResult whose `indicators` are the scored employee's, read when
 * asked for (result-columns.ts): an own enumerable property, so the object
 * reads, spreads, compares and serialises as the plain one it stands for.
 */
class RankedEmployee implements EmployeeResult {
  employeeId: string;
  departmentId: string;
  score: number;
  grade: string;
  rank: number;
  percentile: number;
  departmentPercentile: number;
  declare indicators: IndicatorResult[];
  readonly #scored: ScoredEmployee;
  /** Indicators set by assignment, in place of the scored employee's. */
  #set: IndicatorResult[] | undefined;

  static readonly #indicators: PropertyDescriptor = {
    get(this: RankedEmployee): IndicatorResult[] {
      return this.#set ?? this.#scored.indicators;
    },
    set(this: RankedEmployee, indicators: IndicatorResult[]): void {
      this.#set = indicators;
    },
    enumerable: true,
    configurable: true,
  };

  constructor(scored: ScoredEmployee, grade: string, rank: number, percentile: number, departmentPercentile: number) {
    this.employeeId = scored.employee.id;
    this.departmentId = scored.employee.departmentId;
    this.score = scored.score;
    this.grade = grade;
    this.rank = rank;
    this.percentile = percentile;
    this.departmentPercentile = departmentPercentile;
    this.#scored = scored;
    Object.defineProperty(this, 'indicators', RankedEmployee.#indicators);
  }

  /** The scored employee behind a result that is as scoring left it: no indicators set, the results still columns. */
  static columnsBehind(e: EmployeeResult): ColumnScoredEmployee | null {
    if (!(e instanceof RankedEmployee) || e.#set !== undefined) return null;
    const scored = e.#scored;
    return scored instanceof ColumnScoredEmployee && scored.inColumns ? scored : null;
  }

  /** A plain copy for one pass (writing JSON): the indicators made for it, not kept. */
  static plain(e: EmployeeResult): EmployeeResult {
    if (!(e instanceof RankedEmployee)) return e;
    const { employeeId, departmentId, score, grade, rank, percentile, departmentPercentile } = e;
    return { employeeId, departmentId, score, grade, rank, percentile, departmentPercentile, indicators: e.#set ?? indicatorsOnce(e.#scored) };
  }
}

/**
 * The employee as a plain object with the same own properties in the same
 * order, its indicators made afresh where they are still columns and not
 * kept: JSON.stringify gives the same text for it as for the employee.
 */
export function plainEmployeeResult(e: EmployeeResult): EmployeeResult {
  return RankedEmployee.plain(e);
}

interface Ranked extends Scored {
  /** Position in scored.employees. */
  k: number;
}

/** The scored employee behind a ranked result, while its indicator results are still columns; null otherwise. */
export function columnsBehind(e: EmployeeResult): ColumnScoredEmployee | null {
  return RankedEmployee.columnsBehind(e);
}
