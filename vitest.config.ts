import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'entrypoints/**/*.test.ts',
      'components/**/*.test.tsx',
      'components/**/*.test.ts',
      'scripts/**/*.test.ts',
      'platform/**/*.test.ts',
      'platform/**/*.test.tsx',
      'server/**/*.test.ts',
    ],
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
