// Writes examples/demo/: the demo company (绿洲智造 / Oasis Manufacturing), a
// ~60-person firm in 5 departments with three review cycles (2024-2026) and a
// set of planted problems that the diagnosis must find. Deterministic: a
// seeded PRNG (mulberry32), no Math.random, so the written files are stable
// and committed. Run: npx tsx scripts/make-demo.ts [OUT_DIR]
//
// The planted problems (ids are fixed, not drawn at random) are listed in
// PLANTED below and in examples/demo/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './mulberry32.ts';

// ---------------------------------------------------------------- PRNG

// DEMO_SEED only for trying other draws; the committed files use the default.
const rand = mulberry32(Number(process.env.DEMO_SEED ?? 217));
const uniform = (a: number, b: number): number => a + (b - a) * rand();
const intIn = (a: number, b: number): number => Math.floor(uniform(a, b + 1));
function normal(): number {
  // Box-Muller; 1 - rand() keeps the log argument in (0, 1].
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rand() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
}
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------- formatting

/** A plain decimal with at most `digits` decimals: no exponent, no separators. */
function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  let s = x.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? num(v, 4) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

// ---------------------------------------------------------------- company

const CYCLES = ['2024', '2025', '2026'] as const;
type Cycle = (typeof CYCLES)[number];

interface Dept {
  id: string;
  name: string;
  parentId: string | null;
  headId: string;
}

const DEPTS: Dept[] = [
  { id: 'D-ROOT', name: '总经办', parentId: null, headId: 'E001' },
  { id: 'D-SALES', name: '销售部', parentId: 'D-ROOT', headId: 'E003' },
  { id: 'D-MKT', name: '市场部', parentId: 'D-ROOT', headId: 'E019' },
  { id: 'D-RD', name: '研发部', parentId: 'D-ROOT', headId: 'E028' },
  { id: 'D-OPS', name: '生产部', parentId: 'D-ROOT', headId: 'E041' },
  { id: 'D-HR', name: '人力资源部', parentId: 'D-ROOT', headId: 'E054' },
];

/** Fixed ids of the planted problems (see README.md). */
const PLANTED = {
  /** Sales rep below the 销售额 target in 2026 (the only one: 15/16 met). */
  salesMiss: 'E016',
  /** Inflated self-reports of 销售额 in 2026 (> 2 % above the CRM). */
  inflatedSales: ['E005', 'E008', 'E010', 'E013', 'E017'],
  /** Inflated self-reports of 新客户数 in 2026. */
  inflatedCustomers: ['E006', 'E009', 'E011', 'E014', 'E018'],
  /** Inflated self-report of 销售额 in 2025 (1 of 16: below the 10 % threshold). */
  inflatedSales2025: 'E010',
  /** One contract credited to two sales people in 2026. */
  sharedContract: { ref: 'HT-2026-0412', employees: ['E007', 'E012'] },
  /** 生产成本 typed with an extra digit in 2026 (~10x the others). */
  costOutlier: 'E047',
  /** No 专利申请数 row in 2026 (never self-reported). */
  missingPatents: 'E035',
  /** A manager correction of 生产成本 in 2025 (the manager row counts). */
  managerCorrection: 'E044',
  /** Unassigned: the HR admin in 总经办 (role hr, no assignment, not scored). */
  unscored: 'E002',
} as const;

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '沈',
  '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '方',
];
const GIVEN = [
  '伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛',
  '明', '超', '秀兰', '霞', '平', '刚', '桂英', '晨', '宇轩', '子涵', '浩然', '欣怡', '思远', '佳怡',
  '梓萱', '俊杰', '雨桐', '建华', '志强', '文博', '晓东', '海燕', '丹', '鹏', '婷', '慧', '嘉欣',
  '一鸣', '家豪', '天佑', '明轩', '若曦', '诗琪', '子墨', '国栋', '立新', '春梅', '振宇', '玉兰',
  '博文', '雅婷', '少华', '志远', '晓燕', '红梅', '永康', '思琪', '浩宇', '梦洁', '建国',
];

type Role = 'employee' | 'manager' | 'hr' | 'leader';

interface Emp {
  id: string;
  name: string;
  dept: string;
  role: Role;
  managerId: string | null;
  salary: number;
  slack: string;
  lark: string;
  /** Latent ability, stable across cycles. */
  talent: number;
  /** Latent "speed over care" (研发部 only): fast cycles, more defects. */
  speed: number;
}

const usedNames = new Set<string>();
function chineseName(): string {
  for (;;) {
    const n = pick(SURNAMES) + pick(GIVEN);
    if (!usedNames.has(n)) {
      usedNames.add(n);
      return n;
    }
  }
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const randStr = (alphabet: string, n: number): string =>
  Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');

const DEPT_SIZES: [string, number][] = [
  ['D-ROOT', 2],
  ['D-SALES', 16],
  ['D-MKT', 9],
  ['D-RD', 13],
  ['D-OPS', 13],
  ['D-HR', 7],
];

const employees: Emp[] = [];
{
  let k = 1;
  for (const [dept, size] of DEPT_SIZES) {
    for (let i = 0; i < size; i++, k++) {
      const id = `E${String(k).padStart(3, '0')}`;
      const d = DEPTS.find((x) => x.id === dept)!;
      let role: Role;
      let managerId: string | null;
      let salary: number;
      if (id === 'E001') {
        role = 'leader';
        managerId = null;
        salary = 60000;
      } else if (dept === 'D-ROOT') {
        role = 'hr'; // 总经办人事行政专员: no assignment, not scored
        managerId = 'E001';
        salary = 9500;
      } else if (id === d.headId) {
        role = 'manager';
        managerId = 'E001';
        salary = Math.round(uniform(32000, 46000) / 500) * 500;
      } else {
        role = dept === 'D-HR' ? 'hr' : 'employee';
        managerId = d.headId;
        const [lo, hi] = dept === 'D-RD' ? [16000, 32000] : dept === 'D-HR' ? [8000, 16000] : [8000, 24000];
        salary = Math.round(uniform(lo, hi) / 100) * 100;
      }
      employees.push({
        id,
        name: chineseName(),
        dept,
        role,
        managerId,
        salary,
        slack: `U0${randStr(ALNUM, 7)}`,
        lark: `ou_${randStr(HEX, 32)}`,
        talent: normal(),
        speed: normal(),
      });
    }
  }
}

// ---------------------------------------------------------------- policy

const GOALS = [
  { id: 'G1', name: '拓展海外市场' },
  { id: 'G2', name: '提升客户满意度' },
  { id: 'G3', name: '加快产品创新' },
  { id: 'G4', name: '降本增效' },
  { id: 'G5', name: '建设高效组织' },
];

interface IndDef {
  id: string;
  name: string;
  kind: 'quantitative' | 'qualitative';
  direction?: 'higher' | 'lower';
  unit?: string;
  goal?: string;
}

const INDICATORS: IndDef[] = [
  { id: 'sales', name: '销售额', kind: 'quantitative', direction: 'higher', unit: 'CNY', goal: 'G1' },
  { id: 'new_customers', name: '新客户数', kind: 'quantitative', direction: 'higher', unit: '个', goal: 'G1' },
  { id: 'repurchase_rate', name: '客户复购率', kind: 'quantitative', direction: 'higher', unit: '%', goal: 'G2' },
  { id: 'leads', name: '市场线索数', kind: 'quantitative', direction: 'higher', unit: '条', goal: 'G1' },
  { id: 'campaign_roi', name: '营销投入产出比', kind: 'quantitative', direction: 'higher', unit: '倍', goal: 'G4' },
  { id: 'csat', name: '客户满意度', kind: 'quantitative', direction: 'higher', unit: '%', goal: 'G2' },
  { id: 'patents', name: '专利申请数', kind: 'quantitative', direction: 'higher', unit: '件', goal: 'G3' },
  { id: 'dev_cycle', name: '新品研发周期', kind: 'quantitative', direction: 'lower', unit: '天', goal: 'G3' },
  { id: 'unit_cost', name: '生产成本', kind: 'quantitative', direction: 'lower', unit: 'CNY/件', goal: 'G4' },
  { id: 'defect_rate', name: '缺陷率', kind: 'quantitative', direction: 'lower', unit: '%', goal: 'G2' },
  { id: 'hiring_cycle', name: '招聘周期', kind: 'quantitative', direction: 'lower', unit: '天', goal: 'G5' },
  // Bound to no goal on purpose: the diagnosis reports it as unbound_indicator.
  { id: 'training_rate', name: '培训完成率', kind: 'quantitative', direction: 'higher', unit: '%' },
  { id: 'attitude', name: '工作态度', kind: 'qualitative', goal: 'G5' },
  { id: 'teamwork', name: '团队协作', kind: 'qualitative', goal: 'G5' },
];
const IND = new Map(INDICATORS.map((i) => [i.id, i]));

type Weights = [string, number][];
interface AssignmentDef {
  department?: string;
  role?: Role;
  weights: Weights;
}

const SALES_2025: Weights = [
  ['sales', 40], ['new_customers', 20], ['repurchase_rate', 15], ['attitude', 15], ['teamwork', 10],
];
const SALES_2024: Weights = [
  ['sales', 35], ['new_customers', 20], ['repurchase_rate', 20], ['attitude', 15], ['teamwork', 10],
];
const SALES_PROPOSAL: Weights = [
  ['sales', 30], ['new_customers', 20], ['repurchase_rate', 25], ['attitude', 15], ['teamwork', 10],
];

function assignments(sales: Weights): AssignmentDef[] {
  return [
    { department: 'D-SALES', weights: sales },
    {
      department: 'D-MKT',
      weights: [['leads', 30], ['campaign_roi', 25], ['new_customers', 15], ['csat', 15], ['teamwork', 15]],
    },
    {
      department: 'D-RD',
      weights: [['dev_cycle', 30], ['patents', 20], ['defect_rate', 20], ['teamwork', 15], ['attitude', 15]],
    },
    {
      department: 'D-OPS',
      weights: [['unit_cost', 35], ['defect_rate', 25], ['training_rate', 10], ['attitude', 15], ['teamwork', 15]],
    },
    {
      department: 'D-HR',
      weights: [['hiring_cycle', 35], ['training_rate', 25], ['attitude', 20], ['teamwork', 20]],
    },
    // The role-based assignment: the CEO (总经办 has no assignment of its own).
    { role: 'leader', weights: [['csat', 40], ['teamwork', 30], ['attitude', 30]] },
  ];
}

const RATING_SCORES = [40, 70, 100, 110, 120];
const RATES: Record<string, number> = { S: 0.1, A: 0.06, B: 0.03, C: 0, D: 0 };
const GRADES: [string, number][] = [['S', 0.1], ['A', 0.2], ['B', 0.5], ['C', 0.15], ['D', 0.05]];

function policyJson(name: string, sales: Weights, budget: number | null): object {
  return {
    name,
    ratingMax: 5,
    ratingScores: RATING_SCORES,
    goals: GOALS,
    indicators: INDICATORS.map((i) =>
      i.kind === 'quantitative'
        ? {
            id: i.id, name: i.name, kind: i.kind, direction: i.direction, unit: i.unit,
            ...(i.goal ? { goal: i.goal } : {}), cap: 1.2,
          }
        : { id: i.id, name: i.name, kind: i.kind, ...(i.goal ? { goal: i.goal } : {}) },
    ),
    assignments: assignments(sales).map((a) => {
      const sum = a.weights.reduce((s, [, w]) => s + w, 0);
      if (sum !== 100) throw new Error(`weights of ${a.department ?? a.role} sum to ${sum}`);
      return {
        ...(a.department ? { department: a.department } : { role: a.role }),
        indicators: a.weights.map(([id, weight]) => ({ id, weight })),
      };
    }),
    grading: { mode: 'forced', grades: GRADES.map(([grade, share]) => ({ grade, share })) },
    cleaning: { robustZ: 3.5, minPeers: 5, mismatchTolerance: 0.02 },
    raises: { ...RATES, budget },
  };
}

function weightsFor(e: Emp, cycle: Cycle | 'proposal'): Weights | null {
  const sales = cycle === '2024' ? SALES_2024 : cycle === 'proposal' ? SALES_PROPOSAL : SALES_2025;
  const as = assignments(sales);
  return (as.find((a) => a.department === e.dept) ?? as.find((a) => a.role === e.role))?.weights ?? null;
}

// ---------------------------------------------------------------- values
// Phase 1 draws the counted value of every (cycle, employee, indicator);
// phase 2 pulls unplanned robust-z outliers back towards their peers, so the
// only outlier is the planted one; phase 3 plants the problems; phase 4
// writes the rows (system / self / manager, with the extra self-reports).

interface Row {
  cycle: Cycle;
  emp: string;
  ind: string;
  source: 'system' | 'self' | 'manager';
  target: number | null;
  actual: number | null;
  rating: number | null;
  ref: string | null;
}
const rows: Row[] = [];
const add = (r: Row): void => void rows.push(r);

/** A completion factor around `mu` with spread `sd`, partly driven by talent. */
const factor = (e: Emp, mu: number, sd: number, tw = 0.35): number =>
  mu + sd * (tw * e.talent + Math.sqrt(1 - tw * tw) * normal());

/** A 1..5 rating around `mu`. */
const rating = (e: Emp, mu: number): number => clamp(Math.round(mu + 0.25 * e.talent + 0.6 * normal()), 1, 5);

const CYCLE_INDEX: Record<Cycle, number> = { '2024': 0, '2025': 1, '2026': 2 };

// Per-person stable targets.
const salesTarget = new Map<string, number>();
const customerTarget = new Map<string, number>();
const costTarget = new Map<string, number>();
const patentTarget = new Map<string, number>();
for (const e of employees) {
  if (e.dept === 'D-SALES') {
    salesTarget.set(e.id, e.role === 'manager' ? 2200000 : Math.round(uniform(1000000, 2600000) / 50000) * 50000);
    customerTarget.set(e.id, e.role === 'manager' ? 14 : intIn(8, 18));
  }
  if (e.dept === 'D-MKT') customerTarget.set(e.id, intIn(6, 10));
  if (e.dept === 'D-OPS') costTarget.set(e.id, intIn(470, 520));
  if (e.dept === 'D-RD') patentTarget.set(e.id, e.role === 'manager' ? 3 : pick([2, 3]));
}
const req = (m: Map<string, number>, id: string): number => {
  const v = m.get(id);
  if (v === undefined) throw new Error(`no target for ${id}`);
  return v;
};

/** The counted value of one (cycle, employee, indicator). */
interface Drawn {
  cycle: Cycle;
  emp: Emp;
  ind: string;
  source: 'system' | 'self' | 'manager';
  target: number | null;
  actual: number | null;
  rating: number | null;
  /** Decimals of `actual`. */
  digits: number;
}
const drawn: Drawn[] = [];

for (const cycle of CYCLES) {
  const ci = CYCLE_INDEX[cycle];
  for (const e of employees) {
    const weights = weightsFor(e, cycle);
    if (!weights) continue;
    for (const [ind] of weights) {
      const q = (target: number, actual: number, digits: number, source: 'system' | 'self' = 'system'): void => {
        const p = Math.pow(10, digits);
        drawn.push({ cycle, emp: e, ind, source, target, actual: Math.round(actual * p) / p, rating: null, digits });
      };
      switch (ind) {
        case 'sales': {
          const T = Math.round(req(salesTarget, e.id) * Math.pow(1.1, ci));
          let f: number;
          if (cycle === '2026') {
            // The heavy indicator is chased: all but one meet the target.
            f = e.id === PLANTED.salesMiss ? 0.94 : clamp(factor(e, 1.1, 0.06), 1.005, 1.25);
          } else {
            f = factor(e, ci === 0 ? 1.02 : 1.05, 0.07);
          }
          q(T, T * f + (rand() < 0.5 ? 0.5 : 0), 2);
          break;
        }
        case 'new_customers': {
          const T = req(customerTarget, e.id);
          q(T, Math.max(0, T * factor(e, e.dept === 'D-SALES' ? 1.05 : 0.95, 0.12)), 0);
          break;
        }
        case 'repurchase_rate': {
          // The light indicator is dropped: mean completion falls ~0.2.
          const T = 65;
          q(T, clamp(T * factor(e, [1.03, 0.93, 0.82][ci]!, 0.06), 20, 100), 1);
          break;
        }
        case 'leads': {
          // 市场部 lags: leads far below target, worse every cycle.
          const T = 1500;
          q(T, T * factor(e, [0.93, 0.86, 0.8][ci]!, 0.1), 0);
          break;
        }
        case 'campaign_roi': {
          const T = 3;
          q(T, T * factor(e, [0.95, 0.88, 0.84][ci]!, 0.1), 2);
          break;
        }
        case 'csat': {
          const T = 90;
          q(T, clamp(T * factor(e, e.role === 'leader' ? 1.02 : 0.98, 0.04), 50, 100), 1);
          break;
        }
        case 'patents': {
          // Only self-reported: no system tracks filings.
          const T = req(patentTarget, e.id);
          q(T, clamp(T * factor(e, 1.1, 0.3), 0, 6), 0, 'self');
          break;
        }
        case 'dev_cycle': {
          // Speed and quality pull apart: fast teams ship more defects.
          const T = 120;
          q(T, T / clamp(1.06 + 0.1 * e.speed + 0.04 * normal(), 0.6, 1.5), 0);
          break;
        }
        case 'defect_rate': {
          if (e.dept === 'D-RD') {
            const T = 2;
            q(T, T / clamp(1.08 - 0.1 * e.speed + 0.04 * normal(), 0.6, 1.5), 2);
          } else {
            q(1.5, 1.5 / factor(e, 1.06, 0.07), 2);
          }
          break;
        }
        case 'unit_cost': {
          const T = req(costTarget, e.id);
          q(T, T / factor(e, 1.05, 0.04), 2);
          break;
        }
        case 'hiring_cycle': {
          const T = 30;
          q(T, T / factor(e, 1.07, 0.08), 0);
          break;
        }
        case 'training_rate': {
          // Self-reported from the learning platform's certificate list.
          const T = 95;
          q(T, clamp(T * factor(e, 1.03, 0.03), 60, 100), 1, 'self');
          break;
        }
        case 'attitude':
        case 'teamwork': {
          const mu = e.dept === 'D-MKT' ? 2.6 : 3.5;
          drawn.push({ cycle, emp: e, ind, source: 'manager', target: null, actual: null, rating: rating(e, mu), digits: 0 });
          break;
        }
        default:
          throw new Error(`no generator for ${ind}`);
      }
    }
  }
}

// Phase 2: no unplanned outliers (robust z, ENGINE.md, with a margin).
function robustZ(xs: number[]): number[] {
  const med = (v: number[]): number => {
    const s = [...v].sort((a, b) => a - b);
    const h = (s.length - 1) / 2;
    return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
  };
  const m = med(xs);
  const mad = med(xs.map((x) => Math.abs(x - m)));
  if (mad > 0) return xs.map((x) => (0.6745 * (x - m)) / mad);
  const mean = xs.reduce((s, x) => s + Math.abs(x - m), 0) / xs.length;
  return xs.map((x) => (mean === 0 ? 0 : (x - m) / (1.253314 * mean)));
}
{
  const groups = new Map<string, Drawn[]>();
  for (const d of drawn) {
    if (d.actual === null) continue;
    const k = `${d.cycle}|${d.emp.dept}|${d.ind}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  for (const g of groups.values()) {
    if (g.length < 5) continue;
    for (let iter = 0; iter < 50; iter++) {
      const z = robustZ(g.map((d) => d.actual!));
      let worst = -1;
      z.forEach((v, i) => {
        if (Math.abs(v) > 3 && (worst < 0 || Math.abs(v) > Math.abs(z[worst]!))) worst = i;
      });
      if (worst < 0) break;
      const d = g[worst]!;
      const others = g.filter((x) => x !== d).map((x) => x.actual!).sort((a, b) => a - b);
      const m = others[Math.floor(others.length / 2)]!;
      const p = Math.pow(10, d.digits);
      d.actual = Math.round((d.actual! + (m - d.actual!) * 0.3) * p) / p; // a step towards the peers
    }
  }
}

// Phase 3: plant.
{
  const find = (cycle: Cycle, emp: string, ind: string): Drawn => {
    const d = drawn.find((x) => x.cycle === cycle && x.emp.id === emp && x.ind === ind);
    if (!d) throw new Error(`nothing drawn for ${cycle} ${emp} ${ind}`);
    return d;
  };
  const cost = find('2026', PLANTED.costOutlier, 'unit_cost');
  cost.actual = Math.round(cost.actual! * 1000) / 100; // an extra digit typed in the ERP
  drawn.splice(drawn.indexOf(find('2026', PLANTED.missingPatents, 'patents')), 1);
}

// Phase 4: rows.
let contractNo = 100;
for (const d of drawn) {
  const base: Row = {
    cycle: d.cycle, emp: d.emp.id, ind: d.ind, source: d.source,
    target: d.target, actual: d.actual, rating: d.rating, ref: null,
  };
  if (d.ind === 'sales') {
    base.ref =
      d.cycle === '2026' && (PLANTED.sharedContract.employees as readonly string[]).includes(d.emp.id)
        ? PLANTED.sharedContract.ref
        : `HT-${d.cycle}-${String(contractNo++).padStart(4, '0')}`;
  }
  if (d.ind === 'unit_cost' && d.cycle === '2025' && d.emp.id === PLANTED.managerCorrection) {
    // The ERP booked a retooling cost to this line; the head corrected it
    // (the manager row counts, the system row stays as synced).
    add({ ...base, actual: Math.round(d.actual! * 1.18 * 100) / 100 });
    add({ ...base, source: 'manager', ref: 'ERP-ADJ-2025-017' });
    continue;
  }
  add(base);
  const self = (actual: number): void => add({ ...base, source: 'self', actual, ref: null });
  if (d.ind === 'sales' && d.cycle === '2026') {
    const inflated = (PLANTED.inflatedSales as readonly string[]).includes(d.emp.id);
    self(inflated ? Math.round(d.actual! * uniform(1.06, 1.25)) : Math.round(d.actual!));
  } else if (d.ind === 'sales' && d.cycle === '2025') {
    self(d.emp.id === PLANTED.inflatedSales2025 ? Math.round(d.actual! * 1.12) : Math.round(d.actual!));
  } else if (d.ind === 'new_customers' && d.cycle === '2026' && d.emp.dept === 'D-SALES') {
    const inflated = (PLANTED.inflatedCustomers as readonly string[]).includes(d.emp.id);
    self(inflated ? d.actual! + intIn(2, 4) : d.actual!);
  }
}

// ---------------------------------------------------------------- scoring
// A small scorer (ENGINE.md) used only to place the attributes and the
// budget; the real engine is in src/engine.

function scoreCycle(cycle: Cycle, policy: Cycle | 'proposal' = cycle): Map<string, number> {
  const pickRow = new Map<string, Row>();
  const prio = { manager: 0, system: 1, self: 2 } as const;
  for (const r of rows) {
    if (r.cycle !== cycle) continue;
    const k = `${r.emp}|${r.ind}`;
    const cur = pickRow.get(k);
    if (!cur || prio[r.source] < prio[cur.source]) pickRow.set(k, r);
  }
  const scores = new Map<string, number>();
  for (const e of employees) {
    const weights = weightsFor(e, policy);
    if (!weights) continue;
    let total = 0;
    for (const [ind, w] of weights) {
      const r = pickRow.get(`${e.id}|${ind}`);
      const def = IND.get(ind)!;
      let s = 0;
      if (r && def.kind === 'qualitative') s = RATING_SCORES[r.rating! - 1]!;
      else if (r) {
        const c = def.direction === 'higher' ? r.actual! / r.target! : r.actual === 0 ? 1.2 : r.target! / r.actual!;
        s = 100 * clamp(c, 0, 1.2);
      }
      total += w * s;
    }
    scores.set(e.id, total / 100);
  }
  return scores;
}

function forcedOrder(scores: Map<string, number>): string[] {
  return [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || (a < b ? -1 : 1));
}

function forcedGrades(scores: Map<string, number>): Map<string, string> {
  const order = forcedOrder(scores);
  const n = order.length;
  const bounds: number[] = [];
  let cum = 0;
  for (const [, q] of GRADES) bounds.push(Math.floor(n * (cum += q) + 0.5));
  bounds[bounds.length - 1] = n;
  const out = new Map<string, string>();
  order.forEach((id, i) => out.set(id, GRADES[bounds.findIndex((b) => i + 1 <= b)]![0]));
  return out;
}

// ---------------------------------------------------------------- attributes

interface Attr {
  cycle: Cycle;
  emp: string;
  name: string;
  value: number;
}
const attrs: Attr[] = [];
for (const cycle of CYCLES) {
  const scores = scoreCycle(cycle);
  const order = forcedOrder(scores);
  const top = new Set(order.slice(0, Math.floor(0.2 * order.length + 0.5)));
  for (const e of employees) {
    // Top performers work across departments far more often.
    const p = top.has(e.id) ? 0.85 : 0.3;
    attrs.push({ cycle, emp: e.id, name: 'cross_dept_projects', value: rand() < p ? intIn(1, 4) : 0 });
    if (e.dept === 'D-SALES' || e.dept === 'D-MKT') {
      const mu = e.dept === 'D-SALES' ? 38 : 14;
      attrs.push({ cycle, emp: e.id, name: 'customer_contacts_per_month', value: Math.max(1, Math.round(mu + 8 * normal())) });
    }
    attrs.push({ cycle, emp: e.id, name: 'has_mentor', value: rand() < 0.4 ? 1 : 0 });
  }
}

// ---------------------------------------------------------------- budget

function raiseTotal(cycle: Cycle): number {
  const grades = forcedGrades(scoreCycle(cycle));
  let total = 0;
  for (const e of employees) {
    const g = grades.get(e.id);
    if (g) total += RATES[g]! * e.salary;
  }
  return total;
}
// A monthly raise budget ~8 % short of what the grades ask for: raises scale down.
const budgetOf = (cycle: Cycle): number => Math.round((raiseTotal(cycle) * 0.92) / 1000) * 1000;

// ---------------------------------------------------------------- write

const TRAINING: [string, string][] = [
  ['sales', '《大客户销售与谈判技巧》'],
  ['new_customers', '《新客户开发实战》'],
  ['repurchase_rate', '《客户成功与复购管理》'],
  ['leads', '《数字营销与线索培育》'],
  ['campaign_roi', '《营销预算与投放效果分析》'],
  ['csat', '《客户体验管理》'],
  ['patents', '《专利挖掘与申请实务》'],
  ['dev_cycle', '《敏捷研发与项目管理》'],
  ['unit_cost', '《精益生产与成本控制》'],
  ['defect_rate', '《质量管理与六西格玛》'],
  ['hiring_cycle', '《结构化面试与招聘效率》'],
  ['training_rate', '《学习发展体系建设》'],
  ['attitude', '《职业素养与责任心》'],
  ['teamwork', '《高效协作与跨部门沟通》'],
];

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '..', 'examples', 'demo'));
mkdirSync(out, { recursive: true });
const write = (name: string, text: string): void => writeFileSync(join(out, name), text, 'utf8');
/** JSON with short arrays and objects kept on one line. */
function flat(x: unknown): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x);
  if (Array.isArray(x)) return `[${x.map(flat).join(', ')}]`;
  return `{ ${Object.entries(x).map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(', ')} }`;
}
function pretty(x: unknown, indent = ''): string {
  const one = flat(x);
  if (x === null || typeof x !== 'object' || indent.length + one.length <= 150) return one;
  const inner = indent + '  ';
  if (Array.isArray(x)) return `[\n${x.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  const body = Object.entries(x).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`);
  return `{\n${body.join(',\n')}\n${indent}}`;
}
const json = (x: object): string => pretty(x) + '\n';

write('policy.json', json(policyJson('2025-2026 年度绩效政策', SALES_2025, budgetOf('2026'))));
write('policy.2024.json', json(policyJson('2024 年度绩效政策', SALES_2024, budgetOf('2024'))));
write('proposal.json', json(policyJson('方案：提高客户复购率权重（销售部）', SALES_PROPOSAL, budgetOf('2026'))));
write(
  'departments.csv',
  csv(['id', 'name', 'parent_id', 'head_id'], DEPTS.map((d) => [d.id, d.name, d.parentId, d.headId])),
);
write(
  'employees.csv',
  csv(
    ['id', 'name', 'department_id', 'manager_id', 'role', 'salary', 'slack_user_id', 'lark_open_id'],
    employees.map((e) => [e.id, e.name, e.dept, e.managerId, e.role, num(e.salary), e.slack, e.lark]),
  ),
);
write(
  'values.csv',
  csv(
    ['cycle', 'employee_id', 'indicator_id', 'source', 'target', 'actual', 'rating', 'source_ref'],
    rows.map((r) => [
      r.cycle, r.emp, r.ind, r.source,
      r.target === null ? null : num(r.target),
      r.actual === null ? null : num(r.actual),
      r.rating === null ? null : num(r.rating),
      r.ref,
    ]),
  ),
);
write(
  'attributes.csv',
  csv(['cycle', 'employee_id', 'attribute', 'value'], attrs.map((a) => [a.cycle, a.emp, a.name, num(a.value)])),
);
write('training.csv', csv(['indicator_id', 'training'], TRAINING));

const s26 = scoreCycle('2026');
console.log(
  `wrote ${out}: ${employees.length} employees, ${rows.length} value rows, ${attrs.length} attribute rows; ` +
    `2026 raise total ${num(raiseTotal('2026'))} vs budget ${budgetOf('2026')}; ` +
    `2026 mean score ${num([...s26.values()].reduce((a, b) => a + b, 0) / s26.size)}`,
);
