/**
 * Playwright fixtures: a persistent Chromium context with the built
 * extension loaded, its id, and helpers to serve fixture pages at the
 * helpdesks' real URLs so the real match patterns fire.
 */
import {
  test as base,
  chromium,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../../../scripts/find-browser.mjs';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = resolve(ROOT, 'tests/fixtures');

export function requireBuild(): string {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  return EXTENSION_DIR;
}

/** `timezoneId`: the agent's zone, as a spec sets it with `test.use({ timezoneId })`. */
export async function launchWithExtension(
  options: { timezoneId?: string } = {},
): Promise<BrowserContext> {
  const dir = requireBuild();
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: [...extensionFlags(dir), ...CHROMIUM_FLAGS],
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? (await context.waitForEvent('serviceworker'));
}

export function extensionIdOf(worker: Worker): string {
  const id = new URL(worker.url()).host;
  if (!id) throw new Error(`Cannot read the extension id from ${worker.url()}`);
  return id;
}

/** Serve a fixture file (path relative to tests/fixtures) for every URL matching `pattern`. */
export async function serveFixture(
  context: BrowserContext | Page,
  pattern: string | RegExp,
  fixture: string | ((url: URL) => string),
): Promise<void> {
  await context.route(pattern, async (route) => {
    const request = route.request();
    if (request.resourceType() !== 'document') {
      await route.fulfill({ status: 204, body: '' });
      return;
    }
    const file = typeof fixture === 'string' ? fixture : fixture(new URL(request.url()));
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(resolve(FIXTURES_DIR, file), 'utf8'),
    });
  });
}

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures>({
  context: async ({ timezoneId }, use) => {
    const context = await launchWithExtension({ timezoneId });
    // Nothing in these tests may reach the network: anything unrouted fails fast.
    await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(extensionIdOf(serviceWorker));
  },
  extensionPage: async ({ context, extensionId }, use) => {
    await use(async (path: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    });
  },
});

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Send a protocol request from an extension page, as the popup or options page would. */
export async function call<T = Record<string, unknown>>(page: Page, request: unknown): Promise<T> {
  const reply = (await page.evaluate(
    (r) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(r),
    request,
  )) as Reply;
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

export { expect } from '@playwright/test';
