import { NEEDS_REDIS } from '../support/services';

// The run's last line is what CI reads: it must count right and name the only accepted skip.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summarise } = require('../../tools/test-summary.js') as {
  summarise: (
    results: unknown,
    exitStatus: number | null,
    cwd: string,
  ) => { passed: number; failed: number; skipped: number; lines: string[] };
};

type Status = 'passed' | 'failed' | 'pending' | 'todo';
const test_ = (status: Status, ancestors: string[] = ['a suite']) => ({
  status,
  ancestorTitles: ancestors,
  fullName: `${ancestors.join(' ')} a test`,
});
const suite = (name: string, status: 'passed' | 'failed', tests: ReturnType<typeof test_>[]) => ({
  name: `/repo/test/${name}`,
  status,
  assertionResults: tests,
});
const results = (suites: ReturnType<typeof suite>[]) => {
  const all = suites.flatMap((s) => s.assertionResults);
  return {
    numPassedTests: all.filter((t) => t.status === 'passed').length,
    numFailedTests: all.filter((t) => t.status === 'failed').length,
    testResults: suites,
  };
};

describe('the test run summary (tools/test-summary.js)', () => {
  it('ends with "N passed, N failed" when nothing was skipped', () => {
    const summary = summarise(
      results([
        suite('a.e2e-spec.ts', 'passed', [test_('passed'), test_('passed')]),
        suite('b.e2e-spec.ts', 'failed', [test_('failed')]),
      ]),
      1,
      '/repo',
    );
    expect(summary.lines.at(-1)).toBe('2 passed, 1 failed');
  });

  it('names the Redis suites it skipped and why, in the last two lines', () => {
    const redis = [`scale-out ${NEEDS_REDIS}`];
    const summary = summarise(
      results([
        suite('a.e2e-spec.ts', 'passed', [test_('passed')]),
        suite('scale-out.e2e-spec.ts', 'passed', [test_('pending', redis), test_('pending', redis)]),
      ]),
      0,
      '/repo',
    );
    expect(summary.lines.slice(-2)).toEqual([
      'Skipped (no redis-server on this machine; install it, e.g. apt-get install redis-server): test/scale-out.e2e-spec.ts',
      '1 passed, 0 failed, 2 skipped: no redis-server on this machine',
    ]);
  });

  it('counts a skip without that reason as a failure, and names it', () => {
    const summary = summarise(
      results([suite('a.e2e-spec.ts', 'passed', [test_('passed'), test_('pending')])]),
      0,
      '/repo',
    );
    expect(summary.lines).toContain('  test/a.e2e-spec.ts: a suite a test');
    expect(summary.lines.at(-1)).toBe('1 passed, 1 failed');
  });

  it('counts a suite that could not run, and a run that wrote no results, as failures', () => {
    const broken = summarise(results([suite('a.e2e-spec.ts', 'failed', [])]), 1, '/repo');
    expect(broken.lines.at(-1)).toBe('0 passed, 1 failed');
    expect(summarise(null, 1, '/repo').lines.at(-1)).toBe('0 passed, 1 failed');
    // Jest failed (e.g. a coverage threshold) with every test passing: still not green.
    expect(summarise(results([suite('a.e2e-spec.ts', 'passed', [test_('passed')])]), 1, '/repo').lines.at(-1)).toBe(
      '1 passed, 1 failed',
    );
  });
});
