import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages the pure domain core must never import: it has no I/O. */
const IO_MODULES = [
  'mqtt',
  'aedes',
  '@duckdb/*',
  '@influxdata/*',
  'bullmq',
  'ioredis',
  'fastify',
  '@fastify/*',
  'pino',
  'node:*',
  'fs',
  'net',
  'http',
  'https',
  'child_process',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: IO_MODULES, message: 'core/ is the pure domain: no I/O imports.' }] },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      'scripts/**',
      'simulators/src/cli.ts',
      'bench/src/cli.ts',
      'bench/src/profile-summary.ts',
      '**/*.test.ts',
      'test/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
