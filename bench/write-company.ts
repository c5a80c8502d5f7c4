// Writes a synthetic company (bench/generate-company.ts) to a data folder.
// Usage: npx tsx bench/write-company.ts N DIR [--indicators K] [--cycles C] [--seed S]
// Keep benchmark data under bench/data/ (git-ignored).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCompany, type CompanyOptions } from './generate-company.ts';

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: npx tsx bench/write-company.ts N DIR [--indicators K] [--cycles C] [--seed S]\n`);
  process.exit(2);
}

const positional: string[] = [];
const opts: CompanyOptions = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--indicators' || a === '--cycles' || a === '--seed') {
    const v = Number(args[++i]);
    if (!Number.isInteger(v)) usage(`${a} needs an integer`);
    if (a === '--indicators') opts.indicators = v;
    else if (a === '--cycles') opts.cycles = v;
    else opts.seed = v;
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else positional.push(a);
}
if (positional.length !== 2) usage('expected N and DIR');
const n = Number(positional[0]);
if (!Number.isInteger(n) || n < 1) usage(`N must be a positive integer, got ${positional[0]}`);
const dir = positional[1]!;

const t0 = performance.now();
const files = generateCompany(n, opts);
const t1 = performance.now();
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'utf8');
const t2 = performance.now();

const mb = (s: string): string => (Buffer.byteLength(s, 'utf8') / 1e6).toFixed(1);
const lines = (s: string): number => {
  let c = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) c++;
  return c;
};
for (const [name, text] of Object.entries(files)) {
  const rows = name.endsWith('.csv') ? `${lines(text) - 1} rows, ` : '';
  process.stdout.write(`${name}: ${rows}${mb(text)} MB\n`);
}
process.stdout.write(`generated in ${((t1 - t0) / 1000).toFixed(2)} s, written in ${((t2 - t1) / 1000).toFixed(2)} s -> ${dir}\n`);
