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

// The helpdesk content scripts: what every ticket page gets injected, held to
// a size budget (scripts/check-content-size.mjs). The background validates
// every request and reply with zod, drafts the step actions and derives run
// views; the sanitizer runs in its own frame. So this graph imports those
// modules for their types only, never at run time.
const contentScriptGraph = [
  'entrypoints/*.content/**/*.{ts,tsx}',
  'platform/content/**/*.{ts,tsx}',
  'platform/composer/**/*.{ts,tsx}',
  'platform/har/**/*.{ts,tsx}',
  'platform/messaging/core.ts',
  'platform/messaging/content-client.ts',
  'components/panel/**/*.{ts,tsx}',
  'components/ui/**/*.{ts,tsx}',
  'lib/adapters/**/*.ts',
  'lib/time/**/*.ts',
  'lib/workflow/vocabulary.ts',
  'lib/workflow/roles.ts',
  'lib/workflow/step-words.ts',
  'lib/workflow/page-suggestions.ts',
  'lib/workflow/ticket-merge.ts',
  'lib/workflow/follow-on.ts',
  'lib/workflow/clock-next-action.ts',
  'lib/messaging/wire.ts',
  'lib/actions/placeholders.ts',
  'lib/actions/tracker-url.ts',
];
const contentScriptMessage =
  'Content scripts stay small (≤ 100 KB gzip): type-only imports from here; see eslint.config.js.';

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
      '.casebook-server/**',
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
    files: contentScriptGraph,
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: `No zod in content scripts: the background router validates. ${contentScriptMessage}`,
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: [
                '**/lib/workflow/*',
                '!**/lib/workflow/vocabulary',
                '!**/lib/workflow/roles',
                // Fills {{helpdesk}} / {{tracker}} in the step text the panel shows: a regex, no zod.
                '!**/lib/workflow/step-words',
                // What the page shows, offered by role for one-click use: lookups, no zod.
                '!**/lib/workflow/page-suggestions',
                // The one rule for merging a page's ticket fields over the run's: no zod.
                '!**/lib/workflow/ticket-merge',
                // Which step the panel opens next: a loop over the view, no zod.
                '!**/lib/workflow/follow-on',
                // What meets a clock, from its stop condition: lookups, no zod.
                '!**/lib/workflow/clock-next-action',
                '**/lib/settings/*',
                '**/lib/messaging/*',
                '!**/lib/messaging/wire',
                '!**/lib/messaging/base64',
                '**/lib/actions/*',
                // A regex and a few labels: the preview fills its gaps in the panel.
                '!**/lib/actions/placeholders',
                // Is this link a filed bug of the team's tracker: a few regexes.
                '!**/lib/actions/tracker-url',
                // How the drafts name an action that finishes its step: one template string.
                '!**/lib/actions/finishing-key',
                '**/lib/har/*',
                // "Is this a HAR" by its first bytes: small, and the file guard's to decide.
                '!**/lib/har/sniff',
                '**/messaging/client',
              ],
              message: `Schemas, the engine, action drafting and the HAR sanitizer run in the background or the sanitizer frame. ${contentScriptMessage}`,
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The report page opens on its charts: zod and the protocol schemas would
    // be built before its first request (platform/messaging/report-client.ts).
    files: ['entrypoints/report/**/*.{ts,tsx}', 'components/report/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: 'No zod on the report page: the background router validates.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['**/messaging/client', '**/lib/messaging/*', '!**/lib/messaging/wire'],
              message:
                'The report page talks through platform/messaging/report-client (no schemas at run time).',
              allowTypeImports: true,
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
