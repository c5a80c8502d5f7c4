// The CLI behind main.ts: the arguments checked, the command run, errors
// reported as exit statuses. Loaded by main() with import(), so the helper
// thread starts before this and everything it imports is compiled.
import { parseArgs } from 'node:util';
import { EngineError } from '../engine/diagnose.ts';
import type { Lang } from '../engine/types.ts';
import { DataError } from '../io/data-error.ts';
import type { Helper } from './helper.ts';
import { CLI_OPTIONS, demoFolder, main, type Io } from './main.ts';
import { runOnFolder } from './run-on-folder.ts';
import { errorCode, isBadSetting, UsageError, usage } from './usage.ts';

/** main's work, once the helper thread (if any) is under way; see main. */
export async function runCli(argv: string[], io: Io, helper: Helper | null): Promise<number> {
  let lang: Lang = process.env.PANDIAN_LANG === 'en' ? 'en' : 'zh';
  try {
    const { values: opts, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: CLI_OPTIONS });
    if (opts.lang !== undefined) {
      if (opts.lang !== 'zh' && opts.lang !== 'en') throw new UsageError(`--lang must be zh or en, got "${opts.lang}"`);
      lang = opts.lang;
    }
    const [command, dir, ...rest] = positionals;
    if (opts.help || command === undefined || command === 'help') {
      io.stdout(usage(lang));
      return command === undefined && !opts.help ? 2 : 0;
    }
    if (command === 'demo') {
      return await main(['diagnose', demoFolder(), '--lang', lang], io);
    }
    if (['serve', 'worker', 'import', 'migrate', 'audit', 'evidence'].includes(command)) {
      if (opts.json || opts.out !== undefined || opts.proposal !== undefined || opts.cycle !== undefined) {
        throw new UsageError(`${command} takes no --json, --out, --proposal or --cycle`);
      }
      // Loaded here: the store, the server and their packages cost start-up time diagnose need not pay.
      if (opts.head !== undefined && command !== 'audit') throw new UsageError('--head applies to audit verify only');
      if (opts['older-than'] !== undefined && command !== 'evidence') throw new UsageError('--older-than applies to evidence sweep only');
      const { runDbCommand } = await import('./db-commands.ts');
      return await runDbCommand(command, positionals.slice(1), lang, io, demoFolder, { head: opts.head, olderThan: opts['older-than'] });
    }
    if (!['diagnose', 'simulate', 'apply'].includes(command)) throw new UsageError(`unknown command "${command}"`);
    if (dir === undefined) throw new UsageError(`${command} needs a data folder`);
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if (opts.head !== undefined) throw new UsageError('--head applies to audit verify only');
    if (command !== 'diagnose' && opts.out !== undefined) throw new UsageError('--out applies to diagnose only');
    if (command !== 'simulate' && opts.proposal !== undefined) throw new UsageError('--proposal applies to simulate only');

    return await runOnFolder(command, dir, opts, lang, io, helper);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.stderr(`pandian: ${(err as Error).message}\n\n${usage(lang)}`);
      return 2;
    }
    if (err instanceof DataError || err instanceof EngineError) {
      io.stderr(`pandian: ${err.message}\n`);
      return 1;
    }
    if (isBadSetting(err)) {
      io.stderr(`pandian: ${(err as Error).message}\n`);
      return 2;
    }
    if (isMissingFolder(err)) {
      io.stderr(`pandian: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}

function isParseArgsError(err: unknown): boolean {
  return errorCode(err)?.startsWith('ERR_PARSE_ARGS') ?? false;
}

function isMissingFolder(err: unknown): boolean {
  return errorCode(err) === 'ENOENT';
}
