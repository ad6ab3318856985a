// One lint config for the whole repository (STYLE.md "Lint"). TypeScript is linted with type
// information from each project's tsconfig; plain JS/MJS tooling files get the basic rules.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { dependencyDirections } from './tools/lint/dependency-directions.mjs';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.nx/**', 'coverage/**', 'test-results/**'] },

  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: { eqeqeq: ['error', 'always'] },
  },

  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        project: ['./api/tsconfig.json', './test/tsconfig.json', './web/tsconfig.json'],
        tsconfigRootDir: rootDir,
        // NestJS reads constructor types through decorator metadata: a class used only as a
        // parameter type must stay a value import, which consistent-type-imports then respects.
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },

  ...dependencyDirections(rootDir),

  {
    // Tests may use `any`-typed response bodies and non-null assertions on fixtures.
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },

  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },

  {
    files: ['web/src/**/*.tsx'],
    plugins: { react },
    settings: { react: { version: '19.3' } },
    rules: {
      // Every word a person reads goes through i18n (Danish and English): no literal text in JSX.
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: [] }],
      'react/jsx-key': 'error',
      'react/no-danger': 'error',
    },
  },
);
