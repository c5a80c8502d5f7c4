// Sums vitest JSON reports into the one line CI reads: "N passed, N failed".
// A test file that fails to load has no failing test in it: it counts as one failure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults ?? []) {
    const failing = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failing === 0) failed += 1;
  }
}
for (const extra of (process.argv[3] ?? '').split(',').filter(Boolean)) {
  // Extra suites outside vitest report "name:passed:failed".
  const [, p, f] = extra.split(':');
  passed += Number(p);
  failed += Number(f);
}
console.log(`${passed} passed, ${failed} failed`);
