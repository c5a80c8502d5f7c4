// One timed run of a command, for bench/run.mjs and bench/against.mjs: wall
// seconds from process start to exit (as a user waits) and, with `probe`
// (bench/rss-probe.mjs preloaded by the caller), the child's peak RSS and
// its CPU time, every thread.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * `probe`: the file the probe writes to (PANDIAN_BENCH_RSS), or undefined
 * for a run without it. rssMb and cpuS are null without the probe.
 */
export function measure(command, args, { cwd, env = process.env, probe } = {}) {
  if (probe !== undefined) rmSync(probe, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, {
    cwd,
    env: probe !== undefined ? { ...env, PANDIAN_BENCH_RSS: probe } : env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 24,
  });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  if (probe === undefined || !existsSync(probe)) return { wallS, rssMb: null, cpuS: null };
  const [rssKb, cpuUs] = readFileSync(probe, 'utf8').split(' ').map(Number);
  return { wallS, rssMb: rssKb / 1024, cpuS: cpuUs / 1e6 };
}
