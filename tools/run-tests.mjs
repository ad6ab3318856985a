// Runs every project's Jest tests once and ends with the line CI reads: `N passed, N failed`,
// or `N passed, 0 failed, K skipped: no redis-server on this machine` when the machine has no
// Redis (the only skip the run accepts; the line before it names the suites).
// A suite that could not run (a compile error, a crash in beforeAll) counts as one failure, and so
// does a skipped test that is not in a suite needing Redis.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const NEEDS_REDIS = '[needs redis-server]';
const NO_REDIS_REASON = 'no redis-server on this machine';

const dir = mkdtempSync(join(tmpdir(), 'tryg-jest-'));
const out = join(dir, 'results.json');
const args = ['jest', '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });

let passed = 0;
let failed = 0;
let skipped = 0;
const skippedSuites = new Set();
const unexplained = [];
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed = results.numPassedTests;
  const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
  failed = results.numFailedTests + brokenSuites;
  for (const suite of results.testResults) {
    for (const test of suite.assertionResults) {
      if (test.status !== 'pending' && test.status !== 'skipped' && test.status !== 'todo') continue;
      if (test.ancestorTitles.some((title) => title.endsWith(NEEDS_REDIS))) {
        skipped++;
        skippedSuites.add(relative(process.cwd(), suite.name));
      } else {
        unexplained.push(`${relative(process.cwd(), suite.name)}: ${test.fullName}`);
      }
    }
  }
} else {
  failed = 1;
}
rmSync(dir, { recursive: true, force: true });
if (unexplained.length > 0) {
  process.stdout.write(`\nSkipped without a reason (a skip counts as a failure):\n  ${unexplained.join('\n  ')}\n`);
  failed += unexplained.length;
}
if (run.status !== 0 && failed === 0) failed = 1;
if (skipped > 0) {
  process.stdout.write(`\nSkipped (${NO_REDIS_REASON}; install it, e.g. apt-get install redis-server): ${[...skippedSuites].join(', ')}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped: ${NO_REDIS_REASON}\n`);
} else {
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
}
process.exit(failed > 0 ? 1 : 0);
