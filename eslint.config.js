// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'assets/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules engine is pure and deterministic: no clocks, no Math.random, no I/O, nothing of the layers above it.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The engine has no clock: dates come from the round.' },
        { name: 'performance', message: 'The engine has no clock.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'process', message: 'The engine has no Node.' },
        { name: 'fetch', message: 'The engine has no network.' },
        { name: 'setTimeout', message: 'The engine has no timers: deadlines belong to the host.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in the game state.' },
        { object: 'Date', property: 'now', message: 'The engine has no clock.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*'], message: 'The engine draws nothing.' },
            { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: 'The engine has no Node.' },
            { group: ['**/ui/**', '**/host/**', '**/cli/**', '**/ai/**', '**/server/**', '**/scenario/**'], message: 'The engine imports nothing of the layers above it.' },
            { group: ['playwright-core', 'vite', 'yaml'], message: 'The engine is pure rules over plain data (zod, a pure library, checks its input).' },
          ],
        },
      ],
    },
  },
);
