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
// Packages stay in node_modules, but for two that `pandian diagnose` loads
// on every run: zod is ~100 ES modules and papaparse is CommonJS that Node
// scans for its exports; bundled, they cost a few ms of start-up, not ~150.
const BUNDLED = /^(zod|papaparse)(\/|$)/;
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};
await build({
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [externalPackages],
  sourcemap: true,
  logLevel: 'warning',
});
// The CLI's helper thread (src/cli/helper.ts starts it) as one CommonJS file
// holding just what it runs: as an ES module loading the shared chunks, the
// thread took ~60 ms longer to start scanning values.csv (a CommonJS worker
// also skips initialising the ES module loader), on the critical path of
// `pandian diagnose`.
if (existsSync('src/cli/helper-thread.ts')) {
  for (const f of ['dist/helper-thread.mjs', 'dist/helper-thread.mjs.map']) if (existsSync(f)) rmSync(f);
  await build({
    entryPoints: ['src/cli/helper-thread.ts'],
    outfile: 'dist/helper-thread.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [externalPackages],
    sourcemap: true,
    logLevel: 'warning',
  });
}
