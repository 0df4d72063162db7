import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // build output, caches, and codegen output (its drift check compares it byte for byte)
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      'schema/**',
      'observability/**',
      'libs/api-client/src/generated/**',
      'k6/operations.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      // Lets consistent-type-imports keep value imports that decorator metadata needs.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'no-console': 'error',
    },
  },
  {
    // jest loads global setup and teardown through their default export.
    files: ['e2e/src/support/global-*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
