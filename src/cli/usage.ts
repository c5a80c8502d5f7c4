import type { Lang } from '../engine/types.ts';

/**
 * A wrong setting in the environment the service and the database commands
 * read (entry/env.ts EnvError, a bad PANDIAN_SECRET_KEY): told like bad
 * usage, in a line and without a stack. By code, not class: importing
 * env.ts would load zod into every diagnose.
 */
export function isBadSetting(err: unknown): boolean {
  return ['BAD_ENV', 'BAD_SECRET_KEY'].includes(errorCode(err) ?? '');
}

/** The `code` of an Error that has one (Node's, the project's coded errors), else null. */
export function errorCode(err: unknown): string | null {
  return err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : null;
}

/** Wrong use of the command line: exit status 2. */
export class UsageError extends Error {
  readonly code = 'BAD_USAGE';
}

export function usage(lang: Lang): string {
  if (lang === 'en') {
    return `pandian — performance review engine

Usage:
  pandian diagnose DATA_DIR [--cycle C] [--lang zh|en] [--json] [--out DIR]
  pandian simulate DATA_DIR --proposal proposal.json [--cycle C] [--lang zh|en] [--json]
  pandian apply    DATA_DIR [--cycle C] [--lang zh|en] [--json]
  pandian demo     [--lang zh|en]      diagnose the bundled demo company
  pandian import   DATA_DIR            load a data folder into the store (one transaction)
  pandian migrate                      apply the database migrations
  pandian serve                        run the service (PORT, DATABASE_URL, PANDIAN_DATA_DIR ...)
  pandian worker                       the clock: escalations and deadline reminders every minute (multi-process deployments)
  pandian audit verify [--head S:H]    check the audit log's hash chain (and that head S:H is still in it)
  pandian evidence sweep [--older-than H]  remove evidence files no record refers to, stored over H hours ago (24)

Exit status: 0 success, 1 bad input (the error on stderr), 2 bad usage.
`;
  }
  return `pandian（盘点）— 绩效盘点引擎

用法：
  pandian diagnose 数据目录 [--cycle 周期] [--lang zh|en] [--json] [--out 输出目录]
  pandian simulate 数据目录 --proposal proposal.json [--cycle 周期] [--lang zh|en] [--json]
  pandian apply    数据目录 [--cycle 周期] [--lang zh|en] [--json]
  pandian demo     [--lang zh|en]      诊断自带的示例公司
  pandian import   数据目录            把数据目录导入数据库（单个事务）
  pandian migrate                      执行数据库迁移
  pandian serve                        启动服务（PORT、DATABASE_URL、PANDIAN_DATA_DIR 等）
  pandian worker                       时钟任务：每分钟升级超时申诉、发送截止提醒（多进程部署时使用）
  pandian audit verify [--head S:H]    校验审计日志的哈希链（以及链头 S:H 仍在链中）
  pandian evidence sweep [--older-than H]  删除无记录引用、存放超过 H 小时（默认 24）的证据文件

退出码：0 成功，1 输入数据有误（错误写在 stderr），2 用法错误。
`;
}
