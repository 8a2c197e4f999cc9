import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const TESTS = [
  'lib/**/*.test.ts',
  'lib/**/*.test.tsx',
  'entrypoints/**/*.test.ts',
  'components/**/*.test.tsx',
  'components/**/*.test.ts',
  'scripts/**/*.test.ts',
  'platform/**/*.test.ts',
  'platform/**/*.test.tsx',
  'server/**/*.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    include: TESTS,
    // A fresh module graph per file cost more than the tests themselves (252 s against
    // 104 s for the whole suite); tests/setup.ts undoes what a file leaves behind.
    isolate: false,
  },
});
