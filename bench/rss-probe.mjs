// Preloaded into a benchmarked child (`node --import ./bench/rss-probe.mjs ...`):
// on exit, writes the process's peak resident set size in KiB and its CPU
// time (user + system, every thread) in microseconds, space-separated, to the
// file named by PANDIAN_BENCH_RSS. /usr/bin/time is not on every machine.
import { writeFileSync } from 'node:fs';

const out = process.env.PANDIAN_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(out, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
