/**
 * The scaled mode: two gateways and two instances of each subgraph behind nginx
 * (scripts/scaled/), started once and shared. It runs the files about what several
 * instances could get wrong — the reward lifecycle, the races and idempotent retries, the
 * load scenarios' storm — and the failover in a storm, which kills instances.
 */
module.exports = {
  ...require('./jest.config.js'),
  testMatch: [
    '<rootDir>/src/events/lifecycle.e2e.ts',
    '<rootDir>/src/events/races.e2e.ts',
    '<rootDir>/src/platform/load-scenarios.e2e.ts',
    '<rootDir>/src/scaling/*.e2e.ts',
  ],
  testPathIgnorePatterns: [],
  globalSetup: '<rootDir>/src/support/scaled-global-setup.ts',
  globalTeardown: '<rootDir>/src/support/scaled-global-teardown.ts',
};
