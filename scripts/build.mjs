// Bundles the CLI and the Node entry into dist/ so `npx pandian` starts fast
// (no TypeScript transform at run time). Runs on `npm install` (prepare).
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const entries = Object.fromEntries(
  Object.entries({ main: 'src/cli/main.ts', start: 'src/entry/start.ts' }).filter(([, f]) => existsSync(f)),
);
// Modules imported with `await import()` (the store and server behind
// `pandian serve|import|...`, the charts behind --out) go to chunks of their
// own, with their packages: `pandian diagnose` does not load them. Chunks of
// earlier builds are removed first.
const CHUNK = /-[A-Z0-9]{8}\.mjs(\.map)?$/;
if (existsSync('dist')) for (const f of readdirSync('dist')) if (CHUNK.test(f)) rmSync(`dist/${f}`);
await build({
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
