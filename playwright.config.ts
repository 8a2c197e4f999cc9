import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Each test launches its own persistent context with the extension; two at
  // once fit the 2-core CI machine.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A click on a control that never becomes enabled fails in seconds with its
  // reason, instead of holding the worker until the test's own timeout.
  use: { actionTimeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
});
