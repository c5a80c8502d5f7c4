import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

const DEMO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'demo');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dirs: string[] = [];

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('pandian diagnose --out', () => {
  it.each(['zh', 'en'])('writes report.md, report.json and the charts, linked by relative paths (%s)', async (lang) => {
    const out = await mkdtemp(join(tmpdir(), 'pandian-report-'));
    dirs.push(out);
    const { code, stderr } = await run(['diagnose', DEMO, '--out', join(out, 'nested'), '--lang', lang]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const dir = join(out, 'nested');
    const files = (await readdir(dir)).sort();
    const pngs = files.filter((f) => f.endsWith('.png'));
    expect(files).toEqual(['report.json', 'report.md', ...pngs].sort());
    expect(pngs.length).toBeGreaterThanOrEqual(5);

    const md = await readFile(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('](report.json)');
    const links = [...md.matchAll(/!\[([^\]]+)\]\(([^)]+)\)/g)].map((m) => ({ title: m[1]!, file: m[2]! }));
    expect(links.map((l) => l.file).sort()).toEqual(pngs);
    for (const l of links) {
      expect(l.file).not.toMatch(/[\\/]/);
      expect(l.title).toMatch(lang === 'zh' ? /[\u4e00-\u9fff]/ : /^[A-Z]/);
      const png = await readFile(join(dir, l.file));
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }
    const json = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(Object.keys(json)).toContain('findings');
    expect(md).toContain(json.cycle);
  });

  it('still refuses --out on other commands', async () => {
    const { code, stderr } = await run(['apply', DEMO, '--out', join(tmpdir(), 'never')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
  });
});
