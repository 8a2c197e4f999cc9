import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserApis = [
  { name: 'wxt', message: 'lib/ is pure TypeScript: no WXT.' },
  { name: '#imports', message: 'lib/ is pure TypeScript: no WXT.' },
  { name: 'dexie', message: 'The database lives in entrypoints/background only.' },
  { name: 'webextension-polyfill', message: 'lib/ uses no browser API.' },
  { name: '@wxt-dev/webextension-polyfill', message: 'lib/ uses no browser API.' },
  { name: 'react', message: 'lib/ holds no views; React belongs in components/.' },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserApis,
          patterns: [
            { group: ['wxt/*', '@wxt-dev/*'], message: 'lib/ is pure TypeScript: no WXT.' },
            {
              group: ['**/entrypoints/**', '**/components/**'],
              message: 'lib/ does not import app code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'lib/ uses no browser API; pass data in.' },
        { name: 'chrome', message: 'lib/ uses no browser API; pass data in.' },
        { name: 'indexedDB', message: 'The database lives in entrypoints/background only.' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt', message: 'components/ are views: props in, callbacks out.' },
            { name: '#imports', message: 'components/ are views: props in, callbacks out.' },
            { name: 'dexie', message: 'components/ never touch the database.' },
            { name: 'webextension-polyfill', message: 'components/ make no browser calls.' },
            {
              name: '@wxt-dev/webextension-polyfill',
              message: 'components/ make no browser calls.',
            },
          ],
          patterns: [
            { group: ['**/entrypoints/**'], message: 'components/ do not import entrypoints.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'components/ make no browser calls.' },
        { name: 'chrome', message: 'components/ make no browser calls.' },
      ],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only the background writes the database.' }],
          patterns: [
            {
              group: ['**/lib/db/**', '**/background/db/**'],
              message: 'Only the background writes the database.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'tests/**/*.{ts,mjs,js}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
  },
);
