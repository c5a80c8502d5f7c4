// The CLI with its helper thread (helper.ts), which only the bundle starts:
// `node bin/pandian.mjs` (npm test builds dist/ first) on a company whose
// values.csv is big enough for the thread, against the same commands run
// in-process from the sources, without it. Output, errors and exit statuses
// must be the same to the byte.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany } from '../../bench/generate-company.ts';
import { MIN_VALUES_BYTES } from './helper.ts';
import { main } from './main.ts';

let scratch: string;
let company: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'pandian-helper-'));
  company = await folder('company', (files) => files);
  expect((await stat(join(company, 'values.csv'))).size).toBeGreaterThan(MIN_VALUES_BYTES);
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A 3,200-employee company (values.csv ~4.4 MB), with `edit` applied to its files. */
async function folder(name: string, edit: (files: Record<string, string>) => Record<string, string>): Promise<string> {
  const dir = join(scratch, name);
  await promisify(execFile)('mkdir', ['-p', dir]);
  for (const [file, text] of Object.entries(edit(generateCompany(3200)))) await writeFile(join(dir, file), text);
  return dir;
}

async function bin(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return promisify(execFile)('node', ['bin/pandian.mjs', ...args], { maxBuffer: 1 << 28 }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout, err: stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

async function inProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe('the CLI with its helper thread', () => {
  it.each([
    ['diagnose --json', ['diagnose', '--json']],
    ['diagnose --json of an earlier cycle', ['diagnose', '--json', '--cycle', '2025']],
    ['diagnose as Markdown', ['diagnose', '--lang', 'en']],
    ['apply --json', ['apply', '--json']],
  ])('writes what the main thread alone writes: %s', async (_, args) => {
    const [command, ...options] = args as [string, ...string[]];
    const expected = await inProcess([command, company, ...options]);
    expect(expected.code).toBe(0);
    expect(await bin([command, company, ...options])).toEqual(expected);
  });

  it('names the same line and column for a bad value far into values.csv', async () => {
    const dir = await folder('bad-value', (files) => {
      const lines = files['values.csv']!.split('\n');
      const at = Math.floor(lines.length * 0.9);
      lines[at] = lines[at]!.replace(/,system,([\d.]+),/, ',system,1 234,');
      return { ...files, 'values.csv': lines.join('\n') };
    });
    const expected = await inProcess(['diagnose', dir, '--json']);
    expect([expected.code, expected.out]).toEqual([1, '']);
    expect(expected.err).toMatch(/^pandian: values\.csv line \d+, column "target": expected a plain decimal number/);
    expect(await bin(['diagnose', dir, '--json'])).toEqual(expected);
  });

  it.each([
    ['an unknown cycle', ['--cycle', '1999'], (files: Record<string, string>) => files],
    ['a bad employees.csv while values.csv is scanned', [], (files: Record<string, string>) => ({ ...files, 'employees.csv': files['employees.csv']!.replace(',employee,', ',boss,') })],
    ['no policy.json', [], ({ 'policy.json': _, ...files }: Record<string, string>) => files],
  ])('fails as the main thread alone fails: %s', async (name, options, edit) => {
    const dir = await folder(name.replace(/\W+/g, '-'), edit);
    const expected = await inProcess(['diagnose', dir, '--json', ...options]);
    expect([expected.code, expected.out]).toEqual([1, '']);
    expect(await bin(['diagnose', dir, '--json', ...options])).toEqual(expected);
  });

  it('reads a values.csv with quoted cells, which the fast scan leaves to papaparse', async () => {
    const dir = await folder('quoted', (files) => ({ ...files, 'values.csv': files['values.csv']!.replace(/HT-2026-(\d+)/, '"HT-2026-$1, part ""a"""') }));
    expect(await readFile(join(dir, 'values.csv'), 'utf8')).toContain('""a""');
    const expected = await inProcess(['diagnose', dir, '--json']);
    expect(expected.code).toBe(0);
    expect(await bin(['diagnose', dir, '--json'])).toEqual(expected);
  });
});
