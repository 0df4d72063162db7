/** Shared jest settings: swc compiles TypeScript with decorator metadata (type-graphql and typegoose read it). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/**
 * Packages published as ES modules only (bentocache and superjson, and what they
 * import). Node ≥ 20.19 requires them from CommonJS as they are; jest's module
 * loader does so only from Node 24.9, so swc compiles them to CommonJS here.
 */
const esmOnly = `(${[
  'bentocache',
  '@boringnode/bus',
  '@julr/utils',
  '@noble/hashes',
  '@paralleldrive/cuid2',
  '@poppinss',
  'case-anything',
  'p-timeout',
  'superjson',
  'copy-anything',
].join('|')})`;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    [`/node_modules/${esmOnly}/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${esmOnly}/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', require.resolve('./scripts/jest-summary-reporter.js')],
};
