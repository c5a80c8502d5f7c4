import { describe, expect, it } from 'vitest';
import type { ValueRow } from './types.ts';
import { groupByCycle } from './score-cycle.ts';
import { cyclesIn, ValueTable } from './value-table.ts';

const rows: ValueRow[] = [
  { cycle: '2025', employeeId: 'e1', indicatorId: 'sales', source: 'system', target: 100, actual: 93.5, rating: null, sourceRef: 'C-1' },
  { cycle: '2026', employeeId: 'e2', indicatorId: 'care', source: 'manager', target: null, actual: null, rating: 4, sourceRef: null },
  { cycle: '2025', employeeId: 'e2', indicatorId: 'sales', source: 'self', target: 0.1, actual: -0, rating: null, sourceRef: '' },
  { cycle: '2026', employeeId: 'e1', indicatorId: 'sales', source: 'system', target: 1e21, actual: Number.NaN, rating: null, sourceRef: null },
];

describe('ValueTable', () => {
  it('gives the rows back as they went in: nulls, -0, NaN and empty refs included', () => {
    const table = ValueTable.from(rows);
    expect(table.length).toBe(4);
    expect([...table]).toEqual(rows);
    expect(Object.is(table.row(2).actual, -0)).toBe(true);
    expect(table.slice(1, 3)).toEqual(rows.slice(1, 3));
    expect(table.slice(3, 99)).toEqual(rows.slice(3));
  });

  it('grows past its first capacity', () => {
    const many = Array.from({ length: 5000 }, (_, i): ValueRow => ({ ...rows[i % 4]!, target: i }));
    expect([...ValueTable.from(many)]).toEqual(many);
  });

  it('keeps a rating beside a target when a row has both, and ratings alone in the target column', () => {
    const both: ValueRow = { ...rows[0]!, rating: 3 };
    const table = ValueTable.from([rows[1]!, both, rows[0]!]);
    expect([...table]).toEqual([rows[1]!, both, rows[0]!]);
    expect(table.columns().rating).not.toBeNull();
    expect(ValueTable.from(rows).columns().rating).toBeNull();
    expect([...table.range(1, 3)]).toEqual([both, rows[0]!]);
    expect([...table.select([2, 1])]).toEqual([rows[0]!, both]);
  });

  it('widens its one-byte codes past 256 cycles or indicators', () => {
    const many = Array.from({ length: 600 }, (_, i): ValueRow => ({ ...rows[i % 4]!, cycle: `c${i % 300}`, indicatorId: `i${i}` }));
    const table = ValueTable.from(many);
    expect([...table]).toEqual(many);
    expect(table.cycle.BYTES_PER_ELEMENT).toBe(2);
    expect(ValueTable.from(rows).cycle.BYTES_PER_ELEMENT).toBe(1);
  });

  it('rejects a source that is not one of manager, system, self', () => {
    expect(() => ValueTable.from([{ ...rows[0]!, source: 'crm' as ValueRow['source'] }])).toThrow(RangeError);
  });

  it('lists cycles in order of first appearance', () => {
    expect(cyclesIn(rows)).toEqual(['2025', '2026']);
    expect(cyclesIn(ValueTable.from(rows))).toEqual(['2025', '2026']);
  });
});

describe('groupByCycle', () => {
  it('keeps input order within a cycle, whether the cycles are interleaved or not', () => {
    for (const input of [rows, ValueTable.from(rows), [rows[0]!, rows[2]!, rows[1]!, rows[3]!]]) {
      const groups = groupByCycle(input);
      expect([...groups.keys()]).toEqual(['2025', '2026']);
      const pick = (cycle: string) => (Array.isArray(input) ? input : [...input]).filter((r) => r.cycle === cycle);
      expect([...groups.get('2025')!]).toEqual(pick('2025'));
      expect([...groups.get('2026')!]).toEqual(pick('2026'));
    }
  });
});
