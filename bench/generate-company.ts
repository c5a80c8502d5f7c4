// A synthetic company for the benchmarks, in the data-folder format
// (FORMATS.md): policy.json, departments.csv, employees.csv, values.csv,
// attributes.csv. Deterministic (seeded mulberry32). Built for size: 100,000
// employees x 12 indicators x 3 cycles (~3.7 M value rows) in a few seconds,
// writing CSV text in chunks instead of building row objects.
//
// Shape: a root, ~sqrt(n/50) divisions, n/50 leaf departments (>= 50 people
// each when n >= 50, everyone in a leaf). Every leaf has its own assignment of
// all indicators (a few weight templates, each summing to 100). Per (cycle,
// employee, indicator) one row: `system` for quantitative indicators, a
// `manager` rating for the qualitative ones. Plus `self` rows for ~20 % of the
// (cycle, employee) pairs on the first two indicators (a fifth of them
// inflated by 10 %), a source_ref (contract number) on the first indicator,
// and a few planted problems: duplicate rows, shared source_refs, 10x
// outliers and missing values.
import { mulberry32 } from '../scripts/mulberry32.ts';

export interface CompanyOptions {
  /** Indicators in the library, all assigned to everyone; default 12 (the last 2 qualitative). */
  indicators?: number;
  /** Review cycles, named 2024, 2025, ...; default 3. */
  cycles?: number;
  /** PRNG seed; default 1. */
  seed?: number;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈';
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞',
  '平', '刚', '晨', '宇轩', '子涵', '浩然', '欣怡', '思远', '佳怡', '梓萱', '俊杰', '雨桐', '建华', '志强',
];
/** Target scale per quantitative indicator (cycled): amounts, counts, rates, days. */
const SCALES = [1500000, 12, 65, 120, 480, 2, 1500, 30, 95, 3, 90, 8];

/**
 * Collects text: short-lived pieces are joined into flat ~100 KB chunks, and
 * the chunks into one string at the end. (Appending with += instead builds
 * long-lived rope objects that cost more in GC than the rest of the work.)
 */
class TextBuilder {
  private parts: string[] = [];
  private pieces: string[] = [];
  add(s: string): void {
    this.pieces.push(s);
    if (this.pieces.length >= 2048) this.flush();
  }
  private flush(): void {
    this.parts.push(this.pieces.join(''));
    this.pieces = [];
  }
  done(): string {
    this.flush();
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

/** Integer weights summing to exactly 100, varied by template `t`. */
function weightTemplate(k: number, t: number): number[] {
  if (k < 1 || k > 100) throw new Error(`indicators must be 1..100, got ${k}`);
  const base = Math.floor(100 / k);
  const rem = 100 - base * k;
  const w = Array.from({ length: k }, (_, i) => base + (i < rem ? 1 : 0));
  if (k > 1) {
    const from = (t + 1) % k;
    const shift = Math.min(t * 2, w[from]! - 1);
    w[from]! -= shift;
    w[t % k]! += shift;
  }
  return w;
}

export function generateCompany(nEmployees: number, opts: CompanyOptions = {}): Record<string, string> {
  const n = Math.floor(nEmployees);
  if (!(n >= 1)) throw new Error(`nEmployees must be >= 1, got ${nEmployees}`);
  const k = opts.indicators ?? 12;
  const nCycles = opts.cycles ?? 3;
  const rand = mulberry32(opts.seed ?? 1);

  // ------------------------------------------------------------ indicators
  const nQual = k >= 4 ? 2 : 0;
  const nQuant = k - nQual;
  const indIds = Array.from({ length: k }, (_, i) => `i${String(i + 1).padStart(2, '0')}`);
  const higher = indIds.map((_, i) => i % 2 === 0);
  const goals = [
    { id: 'G1', name: '拓展海外市场' },
    { id: 'G2', name: '提升客户满意度' },
    { id: 'G3', name: '加快产品创新' },
    { id: 'G4', name: '降本增效' },
  ];
  const indicators = indIds.map((id, i) =>
    i < nQuant
      ? {
          id, name: `指标${i + 1}`, kind: 'quantitative', direction: higher[i] ? 'higher' : 'lower',
          unit: null, goal: goals[i % goals.length]!.id, cap: 1.2,
        }
      : { id, name: `定性指标${i + 1 - nQuant}`, kind: 'qualitative', goal: goals[i % goals.length]!.id },
  );

  // ------------------------------------------------------------ departments
  const nLeaf = Math.max(1, Math.floor(n / 50));
  const nDiv = Math.max(1, Math.round(Math.sqrt(nLeaf)));
  const leafOf = (i: number): number => Math.floor((i * nLeaf) / n);
  const leafStart = new Int32Array(nLeaf + 1);
  for (let j = 0; j <= nLeaf; j++) leafStart[j] = Math.ceil((j * n) / nLeaf);
  const divOf = (leaf: number): number => Math.floor((leaf * nDiv) / nLeaf);
  const empId = (i: number): string => `E${String(i + 1).padStart(6, '0')}`;
  const leafId = (j: number): string => `D-L${String(j + 1).padStart(5, '0')}`;
  const divId = (d: number): string => `D-V${String(d + 1).padStart(3, '0')}`;
  const divHeadLeaf = new Int32Array(nDiv).fill(-1);
  for (let j = 0; j < nLeaf; j++) if (divHeadLeaf[divOf(j)] === -1) divHeadLeaf[divOf(j)] = j;

  const deps = new TextBuilder();
  deps.add('id,name,parent_id,head_id\n');
  deps.add(`D-ROOT,总公司,,${empId(0)}\n`);
  for (let d = 0; d < nDiv; d++) deps.add(`${divId(d)},事业部${d + 1},D-ROOT,${empId(leafStart[divHeadLeaf[d]!]!)}\n`);
  for (let j = 0; j < nLeaf; j++) deps.add(`${leafId(j)},部门${j + 1},${divId(divOf(j))},${empId(leafStart[j]!)}\n`);

  // ------------------------------------------------------------ policy
  const TEMPLATES = 4;
  const templates = Array.from({ length: TEMPLATES }, (_, t) => weightTemplate(k, t));
  const assignments = Array.from({ length: nLeaf }, (_, j) => ({
    department: leafId(j),
    indicators: indIds.map((id, i) => ({ id, weight: templates[j % TEMPLATES]![i]! })),
  }));
  const policy = {
    name: `synthetic ${n}`,
    ratingMax: 5,
    ratingScores: [40, 70, 100, 110, 120],
    goals,
    indicators,
    assignments,
    grading: {
      mode: 'forced',
      grades: [
        { grade: 'S', share: 0.1 }, { grade: 'A', share: 0.2 }, { grade: 'B', share: 0.5 },
        { grade: 'C', share: 0.15 }, { grade: 'D', share: 0.05 },
      ],
    },
    cleaning: { robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 },
    raises: { S: 0.1, A: 0.06, B: 0.03, C: 0, D: 0, budget: Math.round(n * 15000 * 0.035) },
  };

  // ------------------------------------------------------------ employees
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = empId(i);
  const talent = new Float64Array(n);
  const emps = new TextBuilder();
  emps.add('id,name,department_id,manager_id,role,salary,slack_user_id,lark_open_id\n');
  const hex = (): string => Math.floor(rand() * 4294967296).toString(16).padStart(8, '0');
  for (let i = 0; i < n; i++) {
    const leaf = leafOf(i);
    const isHead = leafStart[leaf] === i;
    const divHead = leafStart[divHeadLeaf[divOf(leaf)]!]!;
    let role: string;
    let manager: string;
    if (i === 0) {
      role = 'leader';
      manager = '';
    } else if (isHead) {
      role = 'manager';
      manager = divHead === i ? ids[0]! : ids[divHead]!;
    } else {
      role = i % 97 === 0 ? 'hr' : 'employee';
      manager = ids[leafStart[leaf]!]!;
    }
    talent[i] = rand() + rand() + rand() - 1.5; // ~ N(0, 0.5)
    const salary = role === 'leader' ? 80000 : role === 'manager' ? 30000 + Math.floor(rand() * 30) * 500 : 8000 + Math.floor(rand() * 180) * 100;
    const name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!;
    const slack = `U0${(i + 1).toString(36).toUpperCase().padStart(7, '0')}`;
    emps.add(
      `${ids[i]},${name},${leafId(leaf)},${manager},${role},${salary},${slack},ou_${hex()}${hex()}${hex()}${hex()}\n`,
    );
  }

  // ------------------------------------------------------------ values
  // Targets per (leaf, indicator), as strings, so rows only format the actual.
  const targetNum = new Float64Array(nLeaf * k);
  const targetStr: string[] = new Array<string>(nLeaf * k);
  for (let j = 0; j < nLeaf; j++) {
    for (let i = 0; i < nQuant; i++) {
      const scale = SCALES[i % SCALES.length]!;
      const t = scale >= 1000 ? Math.round((scale * (0.8 + 0.4 * rand())) / 1000) * 1000 : Math.round(scale * (0.8 + 0.4 * rand()) * 10) / 10;
      targetNum[j * k + i] = t;
      targetStr[j * k + i] = String(t);
    }
  }
  const cycles = Array.from({ length: nCycles }, (_, c) => String(2024 + c));
  const lastCycle = nCycles - 1;
  const values = new TextBuilder();
  values.add('cycle,employee_id,indicator_id,source,target,actual,rating,source_ref\n');
  let contract = 0;
  for (let c = 0; c < nCycles; c++) {
    const cy = cycles[c]!;
    const drift = 0.02 * c;
    for (let e = 0; e < n; e++) {
      const pre = `${cy},${ids[e]},`;
      const leaf = leafOf(e);
      const tal = talent[e]!;
      const last = c === lastCycle;
      const selfRow = rand() < 0.2;
      let text = ''; // this employee's rows: short-lived, added once
      for (let i = 0; i < k; i++) {
        if (last && i === k - 1 && e % 20011 === 17) continue; // planted: missing
        if (i >= nQuant) {
          const r = Math.min(5, Math.max(1, Math.round(3.3 + tal + (rand() - 0.5) * 1.6)));
          text += `${pre}${indIds[i]},manager,,,${r},\n`;
          continue;
        }
        const f = 1 + drift + 0.12 * tal + (rand() - 0.5) * 0.3;
        const t = targetNum[leaf * k + i]!;
        let a = higher[i] ? t * f : t / f;
        if (last && i === 1 && e % 9973 === 5) a *= 10; // planted: outlier
        a = Math.round(a * 10) / 10;
        // planted: one contract credited to two people (this one and the one before)
        const ref = i !== 0 ? '' : last && e % 10007 === 4 ? `HT-${cy}-${contract}` : `HT-${cy}-${++contract}`;
        const row = `${pre}${indIds[i]},system,${targetStr[leaf * k + i]},${a},,`;
        text += `${row}${ref}\n`;
        if (i === 1 && last && e % 10009 === 7) text += `${row}\n`; // planted: duplicate key
        if (selfRow && i < 2) {
          const inflated = rand() < 0.2;
          text += `${pre}${indIds[i]},self,${targetStr[leaf * k + i]},${inflated ? Math.round(a * 11) / 10 : a},,\n`;
        }
      }
      values.add(text);
    }
  }

  // ------------------------------------------------------------ attributes
  const attrs = new TextBuilder();
  attrs.add('cycle,employee_id,attribute,value\n');
  for (let c = 0; c < nCycles; c++) {
    for (let e = 0; e < n; e++) {
      const pre = `${cycles[c]},${ids[e]},`;
      const cross = rand() < 0.3 + 0.4 * (talent[e]! > 0.3 ? 1 : 0) ? 1 + Math.floor(rand() * 3) : 0;
      attrs.add(`${pre}cross_dept_projects,${cross}\n${pre}has_mentor,${rand() < 0.4 ? 1 : 0}\n`);
    }
  }

  return {
    'policy.json': JSON.stringify(policy) + '\n',
    'departments.csv': deps.done(),
    'employees.csv': emps.done(),
    'values.csv': values.done(),
    'attributes.csv': attrs.done(),
  };
}
