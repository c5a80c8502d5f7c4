import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyResults } from '../engine/apply-results.ts';
import { diagnose, EngineError } from '../engine/diagnose.ts';
import { simulate } from '../engine/simulate.ts';
import type { Lang } from '../engine/types.ts';
import { DataError } from '../io/data-error.ts';
import { loadDataFolder } from '../io/load-data-folder.ts';
import { parsePolicyText } from '../io/policy-schema.ts';
import { renderApplication, renderSimulation } from './render-text.ts';
import { renderDiagnosisMarkdown } from './report-md.ts';
import { UsageError, usage } from './usage.ts';
import { writeJson } from './write-json.ts';
import { writeDiagnosisReport } from './write-report.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout for bytes, where there is one: `--json` writes its UTF-8 there, not converting 1 MB strings. */
  stdoutBytes?: (bytes: Uint8Array) => void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdoutBytes: (b) => process.stdout.write(b),
};

/** The folder of the bundled demo company (examples/demo), found from src/cli or from dist/. */
export function demoFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'examples', 'demo');
    if (existsSync(join(candidate, 'policy.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('examples/demo not found beside the pandian installation');
}

/** Runs the CLI; returns the exit status (0 ok, 1 bad input, 2 bad usage). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let lang: Lang = process.env.PANDIAN_LANG === 'en' ? 'en' : 'zh';
  try {
    const { values: opts, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        cycle: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        proposal: { type: 'string' },
        head: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
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
    if (['serve', 'worker', 'import', 'migrate', 'audit'].includes(command)) {
      if (opts.json || opts.out !== undefined || opts.proposal !== undefined || opts.cycle !== undefined) {
        throw new UsageError(`${command} takes no --json, --out, --proposal or --cycle`);
      }
      // Loaded here: the store, the server and their packages cost start-up time diagnose need not pay.
      if (opts.head !== undefined && command !== 'audit') throw new UsageError('--head applies to audit verify only');
      const { runDbCommand } = await import('./db-commands.ts');
      const args = opts.head === undefined ? positionals.slice(1) : [...positionals.slice(1), '--head', opts.head];
      return await runDbCommand(command, args, lang, io, demoFolder);
    }
    if (!['diagnose', 'simulate', 'apply'].includes(command)) throw new UsageError(`unknown command "${command}"`);
    if (dir === undefined) throw new UsageError(`${command} needs a data folder`);
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if (opts.head !== undefined) throw new UsageError('--head applies to audit verify only');
    if (command !== 'diagnose' && opts.out !== undefined) throw new UsageError('--out applies to diagnose only');
    if (command !== 'simulate' && opts.proposal !== undefined) throw new UsageError('--proposal applies to simulate only');

    const data = await loadDataFolder(dir);
    if (command === 'diagnose') {
      const result = diagnose(data, { cycle: opts.cycle, lang });
      if (opts.json) writeJson(result, io.stdout, io.stdoutBytes);
      else io.stdout(renderDiagnosisMarkdown(result, data, lang));
      if (opts.out !== undefined) await writeDiagnosisReport(opts.out, result, data, lang);
      return 0;
    }
    if (command === 'simulate') {
      if (opts.proposal === undefined) throw new UsageError('simulate needs --proposal proposal.json');
      const proposalText = await readFile(opts.proposal, 'utf8').catch(() => {
        throw new DataError({ file: opts.proposal!, line: null, column: null, expected: 'a readable policy JSON file', got: 'no such file' });
      });
      const proposal = parsePolicyText(proposalText, opts.proposal);
      const result = simulate(data, proposal, opts.cycle);
      io.stdout(opts.json ? JSON.stringify(result) + '\n' : renderSimulation(result, lang));
      return 0;
    }
    const result = applyResults(data, opts.cycle);
    io.stdout(opts.json ? JSON.stringify(result) + '\n' : renderApplication(result, data, lang));
    return 0;
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.stderr(`pandian: ${(err as Error).message}\n\n${usage(lang)}`);
      return 2;
    }
    if (err instanceof DataError || err instanceof EngineError) {
      io.stderr(`pandian: ${err.message}\n`);
      return 1;
    }
    if (isMissingFolder(err)) {
      io.stderr(`pandian: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}

function isParseArgsError(err: unknown): boolean {
  return err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

function isMissingFolder(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err as { code: unknown }).code === 'ENOENT';
}
