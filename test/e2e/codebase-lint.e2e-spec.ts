import { ESLint } from 'eslint';
import { REPO_ROOT } from '../support/test-app';

/**
 * The STYLE.md lint rules (floating promises, exhaustive switches, eqeqeq, type-only imports, no
 * literal text in JSX) are part of the test run, so a break fails `npm test`, not only an editor.
 */
describe('codebase lint', () => {
  it('passes eslint with no errors', async () => {
    const eslint = new ESLint({ cwd: REPO_ROOT });
    const results = await eslint.lintFiles(['.']);
    const errors = results.filter((r) => r.errorCount > 0);
    const report = errors.length ? await (await eslint.loadFormatter('stylish')).format(errors) : '';
    expect(report).toBe('');
    expect(results.length).toBeGreaterThan(100);
  }, 180_000);
});
