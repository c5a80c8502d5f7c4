import { describe, expect, it } from 'vitest';
import { applyResults } from './apply-results.ts';
import { simulate } from './simulate.ts';
import { dataset, employee, policy, quant, row } from './test-helpers.ts';

// Ten people on one indicator, actual = their score (target 100).
const scores = [118, 110, 104, 100, 95, 90, 85, 80, 70, 60];
const ids = scores.map((_, i) => `e${String(i + 1).padStart(2, '0')}`);
const base = policy({
  indicators: [quant('sales'), quant('repeat')],
  assignments: [{ department: 'D1', indicators: [ { id: 'sales', weight: 80 }, { id: 'repeat', weight: 20 } ] }],
  raises: { rates: { S: 0.1, A: 0.06, B: 0.03, C: 0, D: 0 }, budget: 1000 },
});
const values = ids.flatMap((id, i) => [
  row(id, 'sales', { target: 100, actual: scores[i]! }),
  row(id, 'repeat', { target: 100, actual: scores[i]! }),
]);
// e10's repeat is far weaker than sales, so repeat is its weakest indicator.
values[19] = row('e10', 'repeat', { target: 100, actual: 20 });
const employees = ids.map((id) => employee(id, 'D1', { salary: 10000 }));
const data = dataset(base, employees, values, { training: { repeat: '客户复购训练营' } });

describe('applyResults', () => {
  const a = applyResults(data);
  it('proposes the top 20 % graded S or A for promotion', () => {
    // n = 10 -> top round(2) = 2: e01 (S) and e02 (A).
    expect(a.promotions.map((p) => [p.employeeId, p.grade])).toEqual([
      ['e01', 'S'],
      ['e02', 'A'],
    ]);
  });
  it('gives the bottom 10 % a development plan for their weakest indicator', () => {
    // e10: sales 60, repeat 20 -> weakest repeat; score = (80*60 + 20*20)/100 = 52.
    expect(a.development).toEqual([{ employeeId: 'e10', score: 52, weakestIndicator: 'repeat', training: '客户复购训练营' }]);
  });
  it('scales every raise down to the budget by one factor', () => {
    // grades by position: S, A, A, B x5, C, C (b = 1, 3, 8, round(9.5)=10).
    // amounts: 1000 + 2*600 + 5*300 = 3700 against a budget of 1000 -> scale = 1000/3700.
    expect(a.scale).toBeCloseTo(1000 / 3700, 12);
    expect(a.raiseTotal).toBeCloseTo(1000, 9);
    expect(a.raises[0]).toEqual({ employeeId: 'e01', grade: 'S', rate: 0.1 * (1000 / 3700), amount: 1000 * (1000 / 3700) });
    expect(a.raises[9]!.amount).toBe(0);
  });
});

describe('simulate', () => {
  it('rescores under the proposal and counts grade moves', () => {
    // Proposal: repeat weighs 100 %. e10 drops from 52 to 20 (still last: C);
    // everyone else keeps the same order, so grades stay and rho = 1.
    const proposal = policy({
      ...base,
      assignments: [{ department: 'D1', indicators: [ { id: 'sales', weight: 0 }, { id: 'repeat', weight: 100 } ] }],
    });
    const s = simulate(data, proposal);
    expect(s.spearman).toBeCloseTo(1, 12);
    expect(s.movedUp).toBe(0);
    expect(s.movedDown).toBe(0);
    expect(s.employees[9]).toEqual({ employeeId: 'e10', scoreBefore: 52, scoreAfter: 20, gradeBefore: 'C', gradeAfter: 'C' });
    expect(s.transitions.B).toEqual({ S: 0, A: 0, B: 5, C: 0, D: 0 });
    // department mean before: (118+110+104+100+95+90+85+80+70+52)/10 = 90.4; after: the same but 20 -> 87.2
    expect(s.departments[0]!.meanBefore).toBeCloseTo(90.4, 9);
    expect(s.departments[0]!.meanAfter).toBeCloseTo(87.2, 9);
  });
  it('moves people when grading changes', () => {
    const proposal = policy({ ...base, grading: { mode: 'bands', bands: [ { grade: 'S', min: 100 }, { grade: 'A', min: 90 }, { grade: 'B', min: 0 } ] } });
    const s = simulate(data, proposal);
    // before: S A A B B B B B C C; after (bands): S S S S A A B B B B
    // up: e02, e03 (A->S), e04 (B->S), e05, e06 (B->A), e09, e10 (C->B) = 7; down: none.
    expect([s.movedUp, s.movedDown]).toEqual([7, 0]);
  });
});
