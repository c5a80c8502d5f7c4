// Bundles the CLI and the Node entry into dist/ so `npx pandian` starts fast
// (no TypeScript transform at run time). Runs on `npm install` (prepare).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = Object.fromEntries(
  Object.entries({ main: 'src/cli/main.ts', start: 'src/entry/start.ts' }).filter(([, f]) => existsSync(f)),
);
await build({
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
