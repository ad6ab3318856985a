// The closing lines of a test run, from Jest's JSON results: `N passed, N failed`, or
// `N passed, 0 failed, K skipped: no redis-server on this machine` when the only skips are suites
// that need Redis (the one skip the run accepts; the line before it names the suites).
// A suite that could not run (a compile error, a crash in beforeAll) counts as one failure, and so
// does a skipped test that is not in a suite needing Redis. Used by tools/run-tests.mjs.
const { relative } = require('node:path');

const NEEDS_REDIS = '[needs redis-server]';
const NO_REDIS_REASON = 'no redis-server on this machine';

/**
 * `results`: Jest's `--json` output, or null when Jest wrote none; `exitStatus`: Jest's exit code.
 * Returns the counts and the lines to print, the last one being the line CI reads.
 */
function summarise(results, exitStatus, cwd) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const skippedSuites = new Set();
  const unexplained = [];
  if (results) {
    passed = results.numPassedTests;
    const brokenSuites = results.testResults.filter(
      (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
    ).length;
    failed = results.numFailedTests + brokenSuites;
    for (const suite of results.testResults) {
      for (const test of suite.assertionResults) {
        if (test.status !== 'pending' && test.status !== 'skipped' && test.status !== 'todo') continue;
        if (test.ancestorTitles.some((title) => title.endsWith(NEEDS_REDIS))) {
          skipped++;
          skippedSuites.add(relative(cwd, suite.name));
        } else {
          unexplained.push(`${relative(cwd, suite.name)}: ${test.fullName}`);
        }
      }
    }
  } else {
    failed = 1;
  }
  const lines = [];
  if (unexplained.length > 0) {
    lines.push('', 'Skipped without a reason (a skip counts as a failure):', ...unexplained.map((u) => `  ${u}`));
    failed += unexplained.length;
  }
  if (exitStatus !== 0 && failed === 0) failed = 1;
  if (skipped > 0) {
    lines.push(
      '',
      `Skipped (${NO_REDIS_REASON}; install it, e.g. apt-get install redis-server): ${[...skippedSuites].join(', ')}`,
      `${passed} passed, ${failed} failed, ${skipped} skipped: ${NO_REDIS_REASON}`,
    );
  } else {
    lines.push('', `${passed} passed, ${failed} failed`);
  }
  return { passed, failed, skipped, lines };
}

module.exports = { summarise, NEEDS_REDIS, NO_REDIS_REASON };
