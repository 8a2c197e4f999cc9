/**
 * Test support: opens a fixture page in its own happy-dom Window at the URL it
 * is served at in e2e, runs its inline scripts (they render the helpdesk's SPA
 * and its lazy/shadow-root behaviour) and waits until its timers are done, so
 * unit tests read the same final DOM the browser shows. Test-only: imports
 * happy-dom, never bundled into the extension.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { fileURLToPath } from 'node:url';
import { FIXTURE_PAGES, type FixtureKey } from './fixture-pages';

// A string, not `new URL(...)`: under happy-dom the global URL is the DOM's, which rejects file: URLs.
export const FIXTURES_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../tests/fixtures',
);

export interface LoadedPage {
  window: Window;
  document: Document;
  /** Follow a `data-spa` link (pushState in the page) and wait for the re-render. */
  clickLink(selector: string): Promise<void>;
  back(): Promise<void>;
  forward(): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function loadPage(key: FixtureKey, url?: string): Promise<LoadedPage> {
  const page = FIXTURE_PAGES[key];
  const html = readFileSync(resolve(FIXTURES_ROOT, page.file), 'utf8');
  const window = new Window({
    url: url ?? page.url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  const settle = async (): Promise<void> => {
    // popstate is dispatched asynchronously; give it a turn before waiting for timers.
    await new Promise((r) => setTimeout(r, 0));
    await window.happyDOM.waitUntilComplete();
  };
  await settle();
  const document = window.document as unknown as Document;
  for (const selector of ('clicks' in page ? page.clicks : undefined) ?? []) {
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) throw new Error(`No element ${selector} to click on ${key}`);
    target.click();
    await settle();
  }
  return {
    window,
    document,
    settle,
    async clickLink(selector: string) {
      const link = document.querySelector<HTMLElement>(selector);
      if (!link) throw new Error(`No element ${selector} on ${key}`);
      link.click();
      await settle();
    },
    async back() {
      window.history.back();
      await settle();
    },
    async forward() {
      window.history.forward();
      await settle();
    },
    async close() {
      await window.happyDOM.close();
    },
  };
}
