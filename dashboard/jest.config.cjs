/**
 * Component tests in jsdom. swc compiles TSX; the ESM-only packages the components
 * import (react-router and friends) are compiled too, instead of being left out.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: '<rootDir>/src/test/jsdom-environment.cjs',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc], '^.+\\.mjs$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(react-router|@mantine|@tabler|urql|@urql|wonka)/)'],
  moduleNameMapper: {
    '^@rewardgraph/api-client$': '<rootDir>/../libs/api-client/src/index.ts',
    '\\.css$': '<rootDir>/src/test/style-stub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  reporters: ['default', require.resolve('../scripts/jest-summary-reporter.js')],
};
