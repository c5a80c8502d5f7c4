// The CLI's entry. Only what is needed to start the helper thread is
// loaded up front; the rest (cli.ts, the engine, the readers, zod) is
// compiled while the helper starts on values.csv.
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Helper } from './helper.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * stdout for bytes, where there is one: `--json` writes its UTF-8 there, not
   * converting 1 MB strings. Returns true when the bytes are written out
   * already, so their buffer may be filled again.
   */
  stdoutBytes?: (bytes: Uint8Array) => boolean | void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  // Files and pipes are written synchronously on POSIX, leaving nothing queued.
  stdoutBytes: (b) => {
    process.stdout.write(b);
    return process.stdout.writableLength === 0;
  },
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

/** The options of every command, for parseArgs. */
export const CLI_OPTIONS = {
  cycle: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  proposal: { type: 'string' },
  head: { type: 'string' },
  'older-than': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Runs the CLI; returns the exit status (0 ok, 1 bad input, 2 bad usage). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const folder = io === processIo ? analysisFolder(argv) : null;
  // Process-wide settings: only in a process of its own, never for a caller's io (tests).
  if (folder !== null) setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${ANALYSIS_INLINING_BUDGET}`);
  // The helper writes to the process's stdout: not for other io.
  const helper = folder !== null ? Helper.start(folder) : null;
  try {
    const { runCli } = await import('./cli.ts');
    return await runCli(argv, io, helper);
  } finally {
    helper?.close();
  }
}

/**
 * V8's inlining budget for `diagnose|simulate|apply` (its default: 920 bytes
 * of bytecode inlined into one optimised function). Such a run is short and
 * takes each function over the data about once, so V8's optimising compiler
 * (TurboFan) took a quarter of its CPU, much of it compiling callees into
 * the hot loops. With a quarter of the budget, 10,000 people take ~9% less
 * time and ~14% less CPU (interleaved runs, docs/DECISIONS.md), and 100,000
 * no more. Set before any of the engine is compiled; `serve`, where code
 * runs for days, keeps V8's default.
 */
const ANALYSIS_INLINING_BUDGET = 230;

/** The data folder of `diagnose|simulate|apply DIR` (cli.ts checks the arguments in full), or null for any other command. */
function analysisFolder(argv: string[]): string | null {
  let positionals: string[];
  try {
    positionals = parseArgs({ args: argv, allowPositionals: true, strict: false, options: CLI_OPTIONS }).positionals;
  } catch {
    return null;
  }
  const [command, dir] = positionals;
  return dir !== undefined && command !== undefined && ['diagnose', 'simulate', 'apply'].includes(command) ? dir : null;
}
