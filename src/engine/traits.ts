// What the top performers have in common: attribute shares, top group against the rest.
import type { AttributeRow, Trait } from './types.ts';
import { roundHalfUp } from './numeric.ts';

/** ENGINE.md: the top group is the top 20 % by score. */
const TOP_SHARE = 0.2;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per attribute: the top group is positions k <= round-half-up(0.2 n) of the
 * forced-grading order (best first); topShare = share of the top group with
 * value > 0, restShare = the same over everyone else (an employee without the
 * attribute counts as 0), difference = topShare - restShare. The share of
 * an empty group is 0: the top group is empty for n <= 2 (0.2 n < 0.5), the
 * rest only for n = 0. Sorted by difference descending, then attribute name.
 *
 * Rows of employees not in `order` are ignored; when an (employee, attribute)
 * has several rows the first counts, as for values.
 *
 * Example: 10 employees, the top 2 both with cross_dept_projects > 0, and 2
 * of the other 8 -> topShare 1, restShare 0.25, difference 0.75.
 */
export function topPerformerTraits(order: readonly string[], attributes: readonly AttributeRow[]): Trait[] {
  const n = order.length;
  // roundHalfUp floors x + 0.5 + 1e-9; the 1e-9 absorbs products that land a
  // hair below a true half. For 0.2 n (fractions .0 .2 .4 .6 .8) that never
  // happens, but forced grading rounds its boundaries with the same helper, so
  // "top 20 %" and the grade boundaries are counted the same way.
  const topCount = roundHalfUp(TOP_SHARE * n);
  // employeeId -> position in the order (the last, should an id repeat)
  const rank = new Map<string, number>();
  order.forEach((id, k) => rank.set(id, k));

  // Per attribute, in order of first appearance: who has a row (the first row
  // counts), and how many of the top group and of the rest have a value > 0.
  const counts = new Map<string, { seen: Uint8Array; top: number; rest: number }>();
  for (const row of attributes) {
    const k = rank.get(row.employeeId);
    if (k === undefined) continue;
    let count = counts.get(row.attribute);
    if (count === undefined) counts.set(row.attribute, (count = { seen: new Uint8Array(n), top: 0, rest: 0 }));
    if (count.seen[k] === 1) continue;
    count.seen[k] = 1;
    if (!(row.value > 0)) continue;
    if (k < topCount) count.top++;
    else count.rest++;
  }

  const restCount = n - topCount;
  const traits: Trait[] = [];
  for (const [attribute, { top, rest }] of counts) {
    const topShare = topCount === 0 ? 0 : top / topCount;
    const restShare = restCount === 0 ? 0 : rest / restCount;
    traits.push({ attribute, topShare, restShare, difference: topShare - restShare });
  }
  return traits.sort((a, b) => b.difference - a.difference || byString(a.attribute, b.attribute));
}
