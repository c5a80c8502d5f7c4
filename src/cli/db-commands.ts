// The commands that work on the store: import, migrate, serve, audit verify.
import type { Lang } from '../engine/types.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { openRuntime, startServer } from '../entry/node.ts';
import { t } from './labels.ts';
import { consoleWorkflowDeps } from '../../adapters/console/routes.ts';
import { ConsoleCharts } from '../../adapters/console/charts.ts';
import { startClock } from '../workflow/clock.ts';
import { sweepEvidence, SWEEP_GRACE_HOURS } from '../db/evidence-sweep.ts';
import { UsageError } from './usage.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runDbCommand(
  command: string,
  args: string[],
  lang: Lang,
  io: CommandIo,
  demoFolder: () => string,
  options: { head?: string | undefined; olderThan?: string | undefined } = {},
): Promise<number> {
  if (command === 'serve') {
    if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
    const server = await startServer({ demoFolder: demoFolder(), log: (l) => io.stdout(l + '\n') });
    await new Promise<void>((resolve) => {
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => resolve());
    });
    await server.close();
    return 0;
  }
  if (command === 'worker') {
    // The clock's work for deployments that run the service as several processes:
    // overdue appeals escalate to HR, deadlines bring reminders (serve does the same on a timer).
    const runtime = await openRuntime();
    const deps = consoleWorkflowDeps(runtime.store, runtime.env.PANDIAN_LANG, new ConsoleCharts(runtime.store));
    const clock = startClock(deps, runtime.env.PANDIAN_LANG, (line, failure) => (failure ? io.stderr : io.stdout)(line + '\n'), { now: true });
    await new Promise<void>((resolve) => {
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => resolve());
    });
    await clock.stop();
    await runtime.close();
    return 0;
  }
  if (command === 'import') {
    const [dir, ...rest] = args;
    if (dir === undefined) throw new UsageError('import needs a data folder');
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const data = await loadDataFolder(dir);
    const runtime = await openRuntime();
    try {
      const s = await runtime.store.importDataset(data, 'cli:import');
      io.stdout(
        t(
          lang,
          `已导入：${s.departments} 个部门，${s.employees} 名员工，${s.values} 条指标值，周期 ${s.cycles.join('、')}\n`,
          `Imported ${s.departments} departments, ${s.employees} employees, ${s.values} values; cycles ${s.cycles.join(', ')}\n`,
        ),
      );
      return 0;
    } finally {
      await runtime.close();
    }
  }
  if (command === 'migrate') {
    const runtime = await openRuntime();
    const ready = await runtime.store.readiness();
    await runtime.close();
    io.stdout(`${ready.detail}\n`);
    return ready.ready ? 0 : 1;
  }
  if (command === 'audit') {
    const expectedHead = auditVerifyArgs(args, options.head);
    const runtime = await openRuntime();
    try {
      const verdict = await runtime.store.verifyAudit(expectedHead);
      if (verdict.ok) {
        const head = await runtime.store.auditHead();
        io.stdout(t(lang, `审计日志完整：${verdict.count} 条记录，哈希链无断裂\n`, `Audit log intact: ${verdict.count} entries, hash chain unbroken\n`));
        // Deleting the newest entries leaves a valid shorter chain: only a head kept elsewhere shows it.
        if (head) {
          io.stdout(
            t(
              lang,
              `链头：${head.seq}:${head.hash}（请保存在数据库之外；日后用 --head ${head.seq}:${head.hash} 校验，可发现被删除的最新记录）\n`,
              `Head: ${head.seq}:${head.hash} (keep it outside the database; a later \`audit verify --head ${head.seq}:${head.hash}\` catches deleted newest entries)\n`,
            ),
          );
        }
        return 0;
      }
      io.stderr(
        t(
          lang,
          `审计日志被改动：第 ${verdict.seq} 条记录不符（${verdict.reason}）\n`,
          `Audit log tampered with: entry ${verdict.seq} does not fit (${verdict.reason})\n`,
        ),
      );
      return 1;
    } finally {
      await runtime.close();
    }
  }
  if (command === 'evidence') {
    const hours = evidenceSweepArgs(args, options.olderThan);
    const runtime = await openRuntime();
    try {
      const cutoff = new Date(runtime.store.clock.now().getTime() - hours * 3600_000);
      const { removed, kept } = await sweepEvidence(runtime.store, cutoff);
      for (const key of removed) io.stdout(`${key}\n`);
      io.stdout(
        t(
          lang,
          `已删除 ${removed.length} 个无记录引用、存放超过 ${hours} 小时的证据文件；保留 ${kept} 个\n`,
          `Removed ${removed.length} evidence file(s) no record refers to, stored over ${hours} hour(s) ago; kept ${kept}\n`,
        ),
      );
      return 0;
    } finally {
      await runtime.close();
    }
  }
  throw new UsageError(`unknown command "${command}"`);
}

/** `sweep [--older-than HOURS]`: the grace period in hours (default SWEEP_GRACE_HOURS). */
function evidenceSweepArgs(args: readonly string[], olderThan: string | undefined): number {
  const usage = `usage: pandian evidence sweep [--older-than HOURS] (default ${SWEEP_GRACE_HOURS})`;
  if (args[0] !== 'sweep' || args.length > 1) throw new UsageError(usage);
  if (olderThan === undefined) return SWEEP_GRACE_HOURS;
  if (!/^\d+(\.\d+)?$/.test(olderThan) || Number(olderThan) < 1) throw new UsageError(`${usage}: HOURS is a number of at least 1, to spare uploads under way; got "${olderThan}"`);
  return Number(olderThan);
}

/** `verify [--head SEQ:HASH]`: the head, when given, as verifyChain takes it. */
function auditVerifyArgs(args: readonly string[], head: string | undefined): { seq: number; hash: string } | undefined {
  const usage = 'usage: pandian audit verify [--head SEQ:HASH]';
  if (args[0] !== 'verify' || args.length > 1) throw new UsageError(usage);
  if (head === undefined) return undefined;
  const match = /^([1-9][0-9]*):([0-9a-f]{64})$/.exec(head);
  if (!match) throw new UsageError(`${usage} (SEQ:HASH as the last check printed it, e.g. 7:3f0c…, 64 hex digits)`);
  return { seq: Number(match[1]), hash: match[2]! };
}
