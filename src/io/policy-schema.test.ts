import { describe, expect, it } from 'vitest';
import { DataError } from './data-error.ts';
import { parsePolicy, parsePolicyText } from './policy-schema.ts';

/** The smallest valid policy; each case changes one part. */
function minimal(): Record<string, unknown> {
  return {
    name: 'p',
    indicators: [
      { id: 'sales', name: '销售额', kind: 'quantitative', direction: 'higher' },
      { id: 'attitude', name: '工作态度', kind: 'qualitative' },
    ],
    assignments: [{ department: 'D1', indicators: [{ id: 'sales', weight: 60 }, { id: 'attitude', weight: 40 }] }],
    grading: { mode: 'forced', grades: [{ grade: 'S', share: 0.1 }, { grade: 'A', share: 0.2 }, { grade: 'B', share: 0.5 }, { grade: 'C', share: 0.15 }, { grade: 'D', share: 0.05 }] },
  };
}

function parse(policy: unknown, file = 'policy.json') {
  return parsePolicyText(JSON.stringify(policy), file);
}

function rejection(text: string, file = 'policy.json'): DataError {
  try {
    parsePolicyText(text, file);
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('policy defaults', () => {
  it('fills every default of FORMATS.md', () => {
    const p = parse(minimal());
    expect(p.ratingMax).toBe(5);
    expect(p.ratingScores).toEqual([40, 70, 100, 110, 120]);
    expect(p.goals).toEqual([]);
    expect(p.indicators).toEqual([
      { id: 'sales', name: '销售额', kind: 'quantitative', direction: 'higher', unit: null, goal: null, cap: 1.2 },
      { id: 'attitude', name: '工作态度', kind: 'qualitative', unit: null, goal: null },
    ]);
    expect(p.cleaning).toEqual({ robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 });
    expect(p.raises).toEqual({ rates: { S: 0.1, A: 0.06, B: 0.03, C: 0, D: 0 }, budget: null });
    expect(p.results).toEqual({ promotionTopShare: 0.2, promotionGrades: ['S', 'A'], developmentBottomShare: 0.1 });
  });

  it('reads raises as rates plus budget, and partial cleaning', () => {
    const p = parse({ ...minimal(), raises: { S: 0.2, A: 0.1, B: 0.05, C: 0, D: 0, budget: 50000 }, cleaning: { minPeers: 8 } });
    expect(p.raises).toEqual({ rates: { S: 0.2, A: 0.1, B: 0.05, C: 0, D: 0 }, budget: 50000 });
    expect(p.cleaning).toEqual({ robustZ: 3.5, minPeers: 8, mismatchTolerance: 0.02 });
  });

  it('accepts bands ordered high to low, and role assignments', () => {
    const p = parse({
      ...minimal(),
      assignments: [{ role: 'manager', indicators: [{ id: 'attitude', weight: 100 }] }],
      grading: { mode: 'bands', bands: [{ grade: 'S', min: 110 }, { grade: 'A', min: 100 }, { grade: 'B', min: 80 }, { grade: 'C', min: 60 }, { grade: 'D', min: 0 }] },
    });
    expect(p.assignments).toEqual([{ role: 'manager', indicators: [{ id: 'attitude', weight: 100 }] }]);
    expect(p.grading.mode).toBe('bands');
  });

  it('tolerates float rounding in sums (33.3 + 33.3 + 33.4)', () => {
    const p = minimal();
    p.indicators = [...(p.indicators as object[]), { id: 'cost', name: '成本', kind: 'quantitative', direction: 'lower' }];
    p.assignments = [{ department: 'D1', indicators: [{ id: 'sales', weight: 33.3 }, { id: 'attitude', weight: 33.3 }, { id: 'cost', weight: 33.4 }] }];
    expect(() => parse(p)).not.toThrow();
  });
});

const cases: { name: string; edit: (p: Record<string, unknown>) => unknown; column: string | null; text: string }[] = [
  { name: 'a quantitative indicator without direction', edit: (p) => ({ ...p, indicators: [{ id: 'sales', name: 's', kind: 'quantitative' }] }), column: 'indicators[0].direction', text: 'expected one of "higher", "lower", but it is missing' },
  { name: 'an unknown kind', edit: (p) => ({ ...p, indicators: [{ id: 'sales', name: 's', kind: 'qualtative' }] }), column: 'indicators[0].kind', text: 'expected one of "quantitative", "qualitative", got "qualtative"' },
  { name: 'a misspelt key', edit: (p) => ({ ...p, assignments: [{ department: 'D1', indicators: [{ id: 'sales', wieght: 100 }] }] }), column: 'assignments[0].indicators[0].wieght', text: 'is "wieght" misspelt?' },
  { name: 'a weight given as text', edit: (p) => ({ ...p, assignments: [{ department: 'D1', indicators: [{ id: 'sales', weight: '100' }] }] }), column: 'assignments[0].indicators[0].weight', text: 'expected a number, got "100"' },
  { name: 'a role outside the four', edit: (p) => ({ ...p, assignments: [{ role: 'boss', indicators: [{ id: 'sales', weight: 100 }] }] }), column: 'assignments[0].role', text: 'expected one of "employee", "manager", "hr", "leader", got "boss"' },
  { name: 'an assignment naming department and role', edit: (p) => ({ ...p, assignments: [{ department: 'D1', role: 'hr', indicators: [{ id: 'sales', weight: 100 }] }] }), column: 'assignments[0]', text: 'expected exactly one of "department" or "role", got both' },
  { name: 'an assignment naming neither', edit: (p) => ({ ...p, assignments: [{ indicators: [{ id: 'sales', weight: 100 }] }] }), column: 'assignments[0]', text: 'got neither' },
  { name: 'weights summing to 95 for a role', edit: (p) => ({ ...p, assignments: [{ role: 'hr', indicators: [{ id: 'sales', weight: 95 }] }] }), column: 'assignments[0].indicators', text: 'role hr: weights sum to 95, expected 100' },
  { name: 'an assigned indicator that does not exist', edit: (p) => ({ ...p, assignments: [{ department: 'D1', indicators: [{ id: 'nps', weight: 100 }] }] }), column: 'assignments[0].indicators[0].id', text: 'expected an indicator id from "indicators", got "nps"' },
  { name: 'a repeated indicator id', edit: (p) => ({ ...p, indicators: [...(p.indicators as object[]), { id: 'sales', name: 'again', kind: 'qualitative' }] }), column: 'indicators[2].id', text: 'expected a unique indicator id, got "sales" a second time' },
  { name: 'a goal that does not exist', edit: (p) => ({ ...p, goals: [{ id: 'G1', name: 'g' }], indicators: [{ id: 'sales', name: 's', kind: 'qualitative', goal: 'G2' }, { id: 'attitude', name: 'a', kind: 'qualitative' }] }), column: 'indicators[0].goal', text: 'expected a goal id from "goals", got "G2"' },
  { name: 'grade shares summing to 0.9', edit: (p) => ({ ...p, grading: { mode: 'forced', grades: [{ grade: 'S', share: 0.4 }, { grade: 'A', share: 0.5 }] }, raises: { S: 0.1, A: 0 } , results: { promotionGrades: ['S'] } }), column: 'grading.grades', text: 'grade shares sum to 0.9, expected 1' },
  { name: 'bands out of order', edit: (p) => ({ ...p, grading: { mode: 'bands', bands: [{ grade: 'S', min: 100 }, { grade: 'A', min: 110 }] } }), column: 'grading.bands[1].min', text: 'got 110 after 100' },
  { name: 'an unknown grading mode', edit: (p) => ({ ...p, grading: { mode: 'curve' } }), column: 'grading.mode', text: 'expected one of "forced", "bands", got "curve"' },
  { name: 'ratingScores not matching ratingMax', edit: (p) => ({ ...p, ratingMax: 4, ratingScores: [40, 70, 100] }), column: 'ratingScores', text: 'expected 4 rating scores (one per rating 1..4), got 3' },
  { name: 'ratingMax without its scores', edit: (p) => ({ ...p, ratingMax: 3 }), column: 'ratingScores', text: 'expected 3 rating scores' },
  { name: 'a grade without a raise rate', edit: (p) => ({ ...p, raises: { S: 0.1, A: 0.06, B: 0.03, C: 0 } }), column: 'raises', text: 'expected a raise rate for grade "D"' },
  { name: 'a raise rate for an unknown grade', edit: (p) => ({ ...p, raises: { S: 0.1, A: 0.06, B: 0.03, C: 0, D: 0, E: 0 } }), column: 'raises.E', text: 'got "E"' },
  { name: 'a negative cap', edit: (p) => ({ ...p, indicators: [{ id: 'sales', name: 's', kind: 'quantitative', direction: 'higher', cap: -1 }, { id: 'attitude', name: 'a', kind: 'qualitative' }] }), column: 'indicators[0].cap', text: 'expected a number > 0, got -1' },
  { name: 'no indicators', edit: (p) => ({ ...p, indicators: [] }), column: 'indicators', text: 'expected at least 1 entries' },
  { name: 'a promotion grade outside the grading', edit: (p) => ({ ...p, results: { promotionGrades: ['A+'] } }), column: 'results.promotionGrades[0]', text: 'got "A+"' },
  { name: 'not an object at all', edit: () => [1, 2], column: null, text: 'expected an object, got [1,2]' },
];

describe('policy errors name the file and the JSON path', () => {
  it.each(cases)('$name', ({ edit, column, text }) => {
    const e = rejection(JSON.stringify(edit(minimal())), 'policy.2026.json');
    expect({ code: e.code, file: e.file, line: e.line, column: e.column }).toEqual({ code: 'BAD_INPUT', file: 'policy.2026.json', line: null, column });
    expect(e.message).toContain(text);
  });

  it('gives the line of a JSON syntax error', () => {
    const e = rejection('{\n  "name": "p",\n  "ratingMax": 5,,\n}');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^policy\.json line 3: expected valid JSON: /);
  });

  it('rejects an empty file and non-UTF-8 bytes', () => {
    expect(rejection('  \n').message).toBe('policy.json: expected a JSON object, got an empty file');
    expect(() => parsePolicy('policy.json', new Uint8Array([0x7b, 0xd6, 0xd0, 0x7d]))).toThrow(/policy\.json line 1: expected UTF-8 text/);
  });
});
