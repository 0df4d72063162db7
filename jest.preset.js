/** Shared jest settings: swc compiles TypeScript with decorator metadata (type-graphql, typegoose need it). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { swcrc: true, configFile: require.resolve('./.swcrc') }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
