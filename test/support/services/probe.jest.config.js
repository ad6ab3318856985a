// A tiny test run used by test/e2e/test-services.e2e-spec.ts: it starts every service the way a
// real run does, reports what it started, and is then ended (normally or with Ctrl-C).
const preset = require('../../../jest.preset');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  rootDir: __dirname,
  testMatch: ['<rootDir>/services-probe.probe-spec.ts'],
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 120000,
};
