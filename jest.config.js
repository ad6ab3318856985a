// One Jest run over every project; tools/run-tests.mjs prints the closing `N passed, N failed` line.
const preset = require('./jest.preset');

// The suites that may need PostgreSQL, Redis or Chromium get them from the run's own supervisor.
const services = {
  globalSetup: '<rootDir>/support/services/global-setup.ts',
  globalTeardown: '<rootDir>/support/services/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  // Per-project testTimeout is ignored by Jest; the browser suites set longer ones themselves.
  testTimeout: 30000,
  projects: [
    { ...preset, displayName: 'shared', rootDir: '<rootDir>/shared', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...preset, displayName: 'api', rootDir: '<rootDir>/api', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...preset,
      displayName: 'web',
      rootDir: '<rootDir>/web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
      setupFiles: ['<rootDir>/jest.setup.ts'],
      moduleNameMapper: {
        '^@tryg/shared$': require('node:path').join(__dirname, 'shared/src/browser.ts'),
        '\\.(css)$': require('node:path').join(__dirname, 'tools/style-stub.js'),
      },
    },
    {
      ...preset,
      displayName: 'e2e',
      rootDir: '<rootDir>/test',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts', '<rootDir>/security/**/*.e2e-spec.ts', '<rootDir>/reliability/**/*.e2e-spec.ts'],
      testTimeout: 30000,
      ...services,
    },
    {
      ...preset,
      displayName: 'browser',
      rootDir: '<rootDir>/test',
      testMatch: ['<rootDir>/browser/**/*.browser-spec.ts'],
      testTimeout: 60000,
      ...services,
    },
  ],
};
