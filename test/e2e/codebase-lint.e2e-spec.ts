import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/test-app';

interface LintResult {
  filePath: string;
  errorCount: number;
  messages: { line: number; ruleId: string | null; message: string }[];
}

/**
 * The STYLE.md lint rules (floating promises, exhaustive switches, eqeqeq, type-only imports, no
 * literal text in JSX) are part of the test run, so a break fails `npm test`, not only an editor.
 * ESLint runs in a child process: its flat config is ESM, which Jest's module loader cannot import.
 */
describe('codebase lint', () => {
  it('passes eslint with no errors', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.', '--format', 'json'], { cwd: REPO_ROOT });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(stdout));
    });
    const results = JSON.parse(output) as LintResult[];
    const errors = results
      .filter((r) => r.errorCount > 0)
      .flatMap((r) => r.messages.map((m) => `${r.filePath.replace(REPO_ROOT, '')}:${m.line} ${m.ruleId} ${m.message}`));
    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
    // Type-aware lint of the whole repository takes minutes on two shared cores.
  }, 360_000);
});
