import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * Runs `expression` in a fresh `node` process whose `TZ` is `tz`, with `modulePath` (a .ts file
 * without runtime dependencies outside its folder) loaded as `mod`, and returns its JSON result.
 * The TypeScript is compiled on the fly with SWC, the compiler the test runner already uses.
 */
export function runInTimeZone<T>(
  tz: string,
  modulePath: string,
  expression: string,
): { result: T; processOffsetMinutes: number } {
  const script = `
    const fs = require('node:fs');
    const swc = require(require.resolve('@swc/core', { paths: [process.env.REPO_ROOT] }));
    require.extensions['.ts'] = (module, filename) => {
      const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
        filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    const mod = require(process.env.MODULE_PATH);
    const result = (${expression});
    process.stdout.write(JSON.stringify({ result, processOffsetMinutes: new Date(2026, 0, 15).getTimezoneOffset() }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH ?? '', TZ: tz, REPO_ROOT, MODULE_PATH: modulePath },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { result: T; processOffsetMinutes: number };
}
