import 'fake-indexeddb/auto';
import { afterAll, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

/**
 * Test files share a worker's module cache and environment (vitest.config.ts:
 * isolate false, which halves the run). Whatever one file leaves behind is
 * undone here before the next: spies and stubs, fake timers, rendered DOM.
 */
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.useRealTimers();
  fakeBrowser.reset();
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
    document.head.replaceChildren();
    document.body.replaceChildren();
  }
});
