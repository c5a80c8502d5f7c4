// `pandian diagnose DIR --json` of this checkout against a git revision, run
// in turns (this, that, that, this, ...), so both see the same minutes of a
// machine whose speed drifts by 15-25% from one minute to the next: a
// comparison of best runs taken at different times measures the minute, not
// the change. Reports wall time and CPU (all threads) per build, best and
// median; CPU is the steadier of the two where both cores are busy.
//   node bench/against.mjs REV [--pairs N] [--size 10000|100000]
// Builds REV in a temporary git worktree (with this checkout's node_modules).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rev = args[0];
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
if (rev === undefined || rev.startsWith('--')) {
  process.stderr.write('usage: node bench/against.mjs REV [--pairs N] [--size 10000|100000]\n');
  process.exit(2);
}
const pairs = option('--pairs', 12);
const size = option('--size', 10_000);
const dir = size === 100_000 ? 'bench/data/c100k' : 'bench/data/c10k';
const log = (line) => process.stderr.write(line + '\n');

const work = mkdtempSync(join(tmpdir(), 'pandian-against-'));
const tree = join(work, 'tree');
const probeOut = join(work, 'probe');
execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', tree, rev], { stdio: 'ignore' });
try {
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
  for (const at of [root, tree]) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: at, stdio: 'inherit' });
  const builds = [
    { name: 'this checkout', bin: join(root, 'bin/pandian.mjs'), wall: [], cpu: [] },
    { name: rev, bin: join(tree, 'bin/pandian.mjs'), wall: [], cpu: [] },
  ];
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so neither always follows the other.
    for (const b of i % 2 === 0 ? builds : [...builds].reverse()) {
      const run = measure(process.execPath, ['--import', join(root, 'bench/rss-probe.mjs'), b.bin, 'diagnose', join(root, dir), '--json'], { probe: probeOut });
      b.wall.push(run.wallS);
      b.cpu.push(run.cpuS);
    }
    log(`pair ${i + 1}/${pairs}: ${builds.map((b) => `${b.name} ${b.wall.at(-1).toFixed(2)} s`).join(', ')}`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const min = (xs) => Math.min(...xs);
  console.log(`${size.toLocaleString('en')} people, ${pairs} runs each, in turns (the RSS probe preloaded in every run: ~10-30 ms each)`);
  for (const b of builds) {
    console.log(`${b.name.padEnd(16)} wall best ${min(b.wall).toFixed(3)} s, median ${median(b.wall).toFixed(3)} s; CPU best ${min(b.cpu).toFixed(3)} s, median ${median(b.cpu).toFixed(3)} s`);
  }
  const [a, b] = builds;
  const change = (x, y) => `${(100 * (x / y - 1)).toFixed(1)}%`;
  console.log(`this checkout against ${rev}: wall median ${change(median(a.wall), median(b.wall))}, CPU median ${change(median(a.cpu), median(b.cpu))}`);
} finally {
  execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', tree], { stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}
