import { describe, it, expect } from 'vitest';
import type { AttributeRow } from './types.ts';
import { topPerformerTraits } from './traits.ts';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
const attr = (employeeId: string, attribute: string, value: number): AttributeRow => ({ cycle: '2026', employeeId, attribute, value });

describe('topPerformerTraits', () => {
  it('compares the top 20 % with the rest, sorted by difference', () => {
    // n = 10: top = round-half-up(2) = 2 -> e01, e02; rest = 8
    const rows = [
      // cross_dept: top e01, e02 -> 2/2 = 1; rest e05, e07 -> 2/8 = 0.25; diff 0.75
      attr('e01', 'cross_dept', 2), attr('e02', 'cross_dept', 1), attr('e05', 'cross_dept', 3), attr('e07', 'cross_dept', 1),
      // contacts: no top; rest e03 e04 e06 e08 -> 4/8; diff -0.5
      attr('e03', 'contacts', 5), attr('e04', 'contacts', 5), attr('e06', 'contacts', 5), attr('e08', 'contacts', 5),
      // mentor: e02 only (0 and negative values do not count) -> 1/2 vs 0/8; diff 0.5
      attr('e02', 'mentor', 1), attr('e09', 'mentor', 0), attr('e10', 'mentor', -1),
    ];
    expect(topPerformerTraits(ids(10), rows)).toEqual([
      { attribute: 'cross_dept', topShare: 1, restShare: 0.25, difference: 0.75 },
      { attribute: 'mentor', topShare: 0.5, restShare: 0, difference: 0.5 },
      { attribute: 'contacts', topShare: 0, restShare: 0.5, difference: -0.5 },
    ]);
  });

  it.each([
    // 0.2 n is never an exact half for whole n (its fractions are .0 .2 .4 .6 .8),
    // so the rounding edges are at .4 (down) and .6 (up):
    // [n, top group size, arithmetic]
    [1, 0, '0.2 -> 0'],
    [2, 0, '0.4 -> 0'],
    [3, 1, '0.6 -> 1'],
    [5, 1, '1.0 -> 1'],
    [7, 1, '1.4 -> 1'],
    [8, 2, '1.6 -> 2'],
    [12, 2, '2.4 -> 2'],
    [13, 3, '2.6 -> 3'],
    [15, 3, '0.2 * 15 = 3 -> 3'],
  ])('n = %d: top group of %d (%s)', (n, top) => {
    // Everyone has the attribute, so topShare = 1 exactly when the group is non-empty,
    // and marking only the top k tells the group size: topShare 1, restShare 0.
    const order = ids(n);
    const rows = order.slice(0, top).map((id) => attr(id, 'x', 1));
    const [trait] = topPerformerTraits(order, rows);
    if (top === 0) {
      // the attribute is present in rows only when top > 0
      expect(trait).toBeUndefined();
      const [all] = topPerformerTraits(order, order.map((id) => attr(id, 'x', 1)));
      // empty top group: share 0; the rest is everyone
      expect(all).toEqual({ attribute: 'x', topShare: 0, restShare: 1, difference: -1 });
    } else {
      expect(trait).toEqual({ attribute: 'x', topShare: 1, restShare: 0, difference: 1 });
      // one more marked employee falls into the rest
      const [more] = topPerformerTraits(order, order.slice(0, top + 1).map((id) => attr(id, 'x', 1)));
      expect(more?.restShare).toBeCloseTo(1 / (n - top), 14);
    }
  });

  it('breaks ties by attribute name and counts missing employees as 0', () => {
    // n = 5: top = 1 (e01); both attributes: top 1/1, rest 1/4 -> 0.75
    const rows = [attr('e01', 'b_attr', 1), attr('e03', 'b_attr', 2), attr('e01', 'a_attr', 1), attr('e05', 'a_attr', 1)];
    expect(topPerformerTraits(ids(5), rows).map((t) => [t.attribute, t.difference])).toEqual([
      ['a_attr', 0.75],
      ['b_attr', 0.75],
    ]);
  });

  it('ignores rows of employees outside the order; the first row per employee counts', () => {
    const rows = [attr('x99', 'ghost', 1), attr('e01', 'dup', 0), attr('e01', 'dup', 5), attr('e02', 'dup', 1)];
    // n = 5: top e01 (first dup row 0 -> not counted); rest e02 -> 1/4
    expect(topPerformerTraits(ids(5), rows)).toEqual([{ attribute: 'dup', topShare: 0, restShare: 0.25, difference: -0.25 }]);
  });

  it('returns nothing without employees or attributes', () => {
    expect(topPerformerTraits([], [attr('e01', 'x', 1)])).toEqual([]);
    expect(topPerformerTraits(ids(5), [])).toEqual([]);
  });
});
