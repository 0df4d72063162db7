import eslint from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
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
      'load/operations.js',
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
    // Scripts and tool configs run on Node.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // k6 scripts run in k6's runtime, which gives them these globals.
    files: ['load/k6/*.js'],
    languageOptions: { globals: { __ENV: 'readonly', __VU: 'readonly', __ITER: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['dashboard/src/**/*.tsx', 'dashboard/src/**/*.ts', 'explorer/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // jest loads global setup and teardown, and Vite its config, through a default export.
    files: ['e2e/src/support/*global-*.ts', 'dashboard/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
