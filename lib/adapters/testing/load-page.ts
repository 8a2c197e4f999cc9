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
import { queryAllDeep } from '../dom';
import { FIXTURE_PAGES, type FixtureKey } from './fixture-pages';

// A string, not `new URL(...)`: under happy-dom the global URL is the DOM's, which rejects file: URLs.
export const FIXTURES_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../tests/fixtures',
);

export interface LoadedPage {
  window: Window;
  document: Document;
  /**
   * Click the first element matching `selector` (open shadow roots included),
   * e.g. a `data-spa` link (pushState in the page); then wait for the page's
   * timers unless `wait` is false (to look at the page mid-navigation).
   */
  click(selector: string, wait?: boolean): Promise<void>;
  back(wait?: boolean): Promise<void>;
  forward(wait?: boolean): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface LoadOptions {
  /** Serve the page at another URL than its catalog one (another ticket id, a mapped host). */
  url?: string;
  /** false: return right after the inline scripts ran, before their timers (lazy content). */
  wait?: boolean;
}

export async function loadPage(key: FixtureKey, options: LoadOptions = {}): Promise<LoadedPage> {
  const page = FIXTURE_PAGES[key];
  const html = readFileSync(resolve(FIXTURES_ROOT, page.file), 'utf8');
  const window = new Window({
    url: options.url ?? page.url,
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
  const document = window.document as unknown as Document;
  const click = async (selector: string, wait = true): Promise<void> => {
    const [target] = queryAllDeep<HTMLElement>(document, selector);
    if (!target) throw new Error(`No element ${selector} to click on ${key}`);
    target.click();
    if (wait) await settle();
  };
  if (options.wait === false) {
    if (page.clicks) throw new Error(`${key} needs its clicks; load it with wait`);
  } else {
    await settle();
  }
  for (const selector of page.clicks ?? []) {
    await click(selector);
  }
  return {
    window,
    document,
    settle,
    click,
    async back(wait = true) {
      window.history.back();
      if (wait) await settle();
    },
    async forward(wait = true) {
      window.history.forward();
      if (wait) await settle();
    },
    async close() {
      await window.happyDOM.close();
    },
  };
}
