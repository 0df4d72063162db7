/** The whole stack is started once (global-setup) and shared by every test file. */
module.exports = {
  ...require('../jest.preset.js'),
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.e2e.ts'],
  // Tests that kill instances behind the balancer run in the scaled mode only (jest.scaled.config.js).
  testPathIgnorePatterns: ['/src/scaling/'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 30_000,
};
