// Lints given snippets as if they were files at given paths, with only the dependency-direction
// rules (no type information needed), and prints the rule ids each one breaks as JSON.
// Usage: node lint-directions.mjs '<json [{ filePath, code }]>'
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { dependencyDirections } from '../../tools/lint/dependency-directions.mjs';

const rootDir = new URL('../../', import.meta.url).pathname;
const cases = JSON.parse(process.argv[2]);
const eslint = new ESLint({
  cwd: rootDir,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...dependencyDirections(rootDir)],
});
const out = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: `${rootDir}${filePath}` });
  out.push({ filePath, rules: result.messages.map((m) => m.ruleId ?? m.message) });
}
process.stdout.write(JSON.stringify(out));
