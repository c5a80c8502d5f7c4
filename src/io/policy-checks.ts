// The rules of a policy that span fields: ids that must exist or be unique,
// weights that sum to 100, grade shares that sum to 1, bands in order.
// Each error names the file and the JSON path of the offending part.
import type { Policy } from '../engine/types.ts';
import { DataError } from './data-error.ts';
import type { ParsedPolicy } from './policy-schema.ts';

export const DEFAULT_RATING_SCORES: readonly number[] = [40, 70, 100, 110, 120];

/** Sums that must be exact (weights 100, shares 1) may be off by this much from float addition. */
const SUM_TOLERANCE = 1e-9;

/** Checks a schema-valid policy and completes its defaults. Throws DataError. */
export function checkPolicy(file: string, p: ParsedPolicy): Policy {
  const fail = (column: string, expected: string, detail: string): never => {
    throw new DataError({ file, column, expected, detail });
  };
  const unique = (ids: string[], path: (i: number) => string, what: string): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fail(path(i), `a unique ${what}`, `expected a unique ${what}, got "${id}" a second time`);
      seen.add(id);
    });
    return seen;
  };

  let ratingScores = p.ratingScores;
  if (ratingScores === undefined) {
    if (p.ratingMax !== DEFAULT_RATING_SCORES.length) {
      fail('ratingScores', `${p.ratingMax} rating scores`, `expected ${p.ratingMax} rating scores (one per rating 1..${p.ratingMax}), as the default has ${DEFAULT_RATING_SCORES.length}`);
    }
    ratingScores = [...DEFAULT_RATING_SCORES];
  } else if (ratingScores.length !== p.ratingMax) {
    fail('ratingScores', `${p.ratingMax} rating scores`, `expected ${p.ratingMax} rating scores (one per rating 1..${p.ratingMax}), got ${ratingScores.length}`);
  }

  const goalIds = unique(p.goals.map((g) => g.id), (i) => `goals[${i}].id`, 'goal id');
  const indicatorIds = unique(p.indicators.map((x) => x.id), (i) => `indicators[${i}].id`, 'indicator id');
  p.indicators.forEach((x, i) => {
    if (x.goal !== null && !goalIds.has(x.goal)) {
      fail(`indicators[${i}].goal`, 'a goal id from "goals"', `expected a goal id from "goals", got "${x.goal}"`);
    }
  });

  const owners = new Set<string>();
  p.assignments.forEach((a, i) => {
    const at = `assignments[${i}]`;
    if ((a.department === undefined) === (a.role === undefined)) {
      fail(at, 'exactly one of "department" or "role"', `expected exactly one of "department" or "role", got ${a.department === undefined ? 'neither' : 'both'}`);
    }
    const owner = a.department !== undefined ? `department ${a.department}` : `role ${a.role}`;
    if (owners.has(owner)) {
      fail(`${at}.${a.department !== undefined ? 'department' : 'role'}`, 'one assignment per department or role', `expected one assignment per department or role, got a second one for ${owner}`);
    }
    owners.add(owner);
    unique(a.indicators.map((w) => w.id), (j) => `${at}.indicators[${j}].id`, 'indicator in the assignment');
    a.indicators.forEach((w, j) => {
      if (!indicatorIds.has(w.id)) {
        fail(`${at}.indicators[${j}].id`, 'an indicator id from "indicators"', `expected an indicator id from "indicators", got "${w.id}"`);
      }
    });
    const sum = a.indicators.reduce((total, w) => total + w.weight, 0);
    if (Math.abs(sum - 100) > SUM_TOLERANCE) {
      fail(`${at}.indicators`, 'weights summing to 100', `${owner}: weights sum to ${show(sum)}, expected 100`);
    }
  });

  const g = p.grading;
  const grades =
    g.mode === 'forced'
      ? unique(g.grades.map((x) => x.grade), (i) => `grading.grades[${i}].grade`, 'grade')
      : unique(g.bands.map((x) => x.grade), (i) => `grading.bands[${i}].grade`, 'grade');
  if (g.mode === 'forced') {
    const sum = g.grades.reduce((total, x) => total + x.share, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) fail('grading.grades', 'grade shares summing to 1', `grade shares sum to ${show(sum)}, expected 1`);
  } else {
    g.bands.forEach((band, i) => {
      const previous = g.bands[i - 1];
      if (previous && band.min >= previous.min) {
        fail(`grading.bands[${i}].min`, 'bands ordered by min, highest first', `expected bands ordered by min, highest first: got ${show(band.min)} after ${show(previous.min)}`);
      }
    });
  }
  const gradeList = [...grades].join(', ');
  for (const grade of grades) {
    if (p.raises.rates[grade] === undefined) fail('raises', `a raise rate for grade "${grade}"`, `expected a raise rate for grade "${grade}" (grades: ${gradeList})`);
  }
  for (const grade of Object.keys(p.raises.rates)) {
    if (!grades.has(grade)) fail(`raises.${grade}`, 'a grade of the grading', `expected a grade of the grading (${gradeList}) or "budget", got "${grade}"`);
  }
  p.results.promotionGrades.forEach((grade, i) => {
    if (!grades.has(grade)) fail(`results.promotionGrades[${i}]`, 'a grade of the grading', `expected a grade of the grading (${gradeList}), got "${grade}"`);
  });

  return {
    name: p.name,
    ratingMax: p.ratingMax,
    ratingScores,
    goals: p.goals,
    indicators: p.indicators,
    assignments: p.assignments.map((a) => ({
      ...(a.department !== undefined ? { department: a.department } : { role: a.role }),
      indicators: a.indicators,
    })),
    grading: p.grading,
    cleaning: p.cleaning,
    raises: p.raises,
    results: p.results,
  };
}

/** A sum for a message: 95, 0.9, not 0.8999999999999999. */
function show(n: number): string {
  return String(Number(n.toPrecision(12)));
}
