/**
 * HAR interception on each helpdesk, against the built extension: a small
 * composer page (tests/fixtures/har/page-composer.html) served at the
 * helpdesk's ticket URL records every file its own handlers receive. For a
 * file input (light DOM and a late shadow root), a drop and a paste, the page
 * must get `capture.sanitized.har` without the planted secrets and never
 * the original; a HAR that cannot be sanitized must not reach it at all.
 * Also checks the hidden sanitizer page + worker on its own.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  FIXTURES_DIR,
  launchWithExtension,
  serveFixture,
  test as base,
} from './support/extension';
import { SITES, type HelpdeskId } from './support/helpdesk';

const HAR = readFileSync(resolve(FIXTURES_DIR, 'har/oidc-login.har'), 'utf8');
const SECRETS = (
  JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'har/planted.json'), 'utf8'))['oidc-login.har'] as {
    secrets: string[];
  }
).secrets;

/**
 * One browser with the extension per worker for the per-helpdesk tests: each
 * opens its own page (its own fixture route, sanitizer frame and notices) and
 * no test changes settings, so a browser launch per test bought only minutes.
 */
const test = base.extend<object, { harContext: BrowserContext }>({
  harContext: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const context = await launchWithExtension();
      await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

interface Received {
  via: string;
  name: string;
  size: number;
  text: string | null;
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { __received: Received[] }).__received);

async function openComposer(context: BrowserContext, id: HelpdeskId): Promise<Page> {
  const site = SITES[id];
  const page = await context.newPage();
  await serveFixture(page, site.pattern, 'har/page-composer.html');
  await page.goto(site.origin + site.first.path);
  await page.locator('x-composer #shadow-attach').waitFor({ state: 'attached' });
  return page;
}

async function expectSanitizedOnly(page: Page, via: string): Promise<void> {
  await expect
    .poll(async () => (await received(page)).filter((r) => r.text !== null).length, {
      // Session from the background, frame, worker: slow on a loaded 2-core CI machine.
      timeout: 30_000,
    })
    .toBe(1);
  const [file] = await received(page);
  expect(file!.via).toBe(via);
  expect(file!.name).toBe('capture.sanitized.har');
  const text = file!.text!;
  expect(JSON.parse(text).log.entries).toHaveLength(4);
  expect(text).toContain('[REDACTED:');
  for (const secret of SECRETS)
    expect(text.includes(secret), `leaked ${secret.slice(0, 12)}…`).toBe(false);
  // It went through the hidden extension frame (and its worker), not the page thread.
  await expect(page.locator('iframe[data-casebook="har-sanitizer"]')).toHaveCount(1);
}

async function dispatchTransfer(
  page: Page,
  kind: 'drop' | 'paste',
  text: string,
  name: string,
): Promise<void> {
  await page.evaluate(
    ({ kind, text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.getElementById(kind === 'drop' ? 'dropzone' : 'editor')!;
      const event =
        kind === 'drop'
          ? new DragEvent('drop', {
              bubbles: true,
              cancelable: true,
              composed: true,
              dataTransfer: dt,
            })
          : new ClipboardEvent('paste', {
              bubbles: true,
              cancelable: true,
              composed: true,
              clipboardData: dt,
            });
      target.dispatchEvent(event);
    },
    { kind, text, name },
  );
}

for (const id of ['zendesk', 'intercom', 'helpscout'] as const) {
  test.describe(`${id}: .har attachments are sanitized before the page sees them`, () => {
    test('file input', async ({ harContext: context }) => {
      const page = await openComposer(context, id);
      await page.setInputFiles('#attach', {
        name: 'capture.har',
        mimeType: 'application/json',
        buffer: Buffer.from(HAR),
      });
      await expectSanitizedOnly(page, 'input');
    });

    test('the sanitizer starts while the agent picks a file, not after', async ({
      harContext: context,
    }) => {
      const page = await openComposer(context, id);
      const frame = page.locator('iframe[data-casebook="har-sanitizer"]');
      await expect(frame).toHaveCount(0);
      // Opening the file dialog: the input takes focus (a drag with files does the same).
      await page.focus('#attach');
      await expect(frame).toHaveCount(1, { timeout: 15_000 });
      // The choice then uses that frame: one frame, the file sanitized.
      await page.setInputFiles('#attach', {
        name: 'capture.har',
        mimeType: 'application/json',
        buffer: Buffer.from(HAR),
      });
      await expectSanitizedOnly(page, 'input');
    });

    test('file input inside a shadow root added after load', async ({ harContext: context }) => {
      const page = await openComposer(context, id);
      await page.setInputFiles('x-composer #shadow-attach', {
        name: 'capture.har',
        mimeType: 'application/json',
        buffer: Buffer.from(HAR),
      });
      await expectSanitizedOnly(page, 'shadow-input');
    });

    test('drag and drop', async ({ harContext: context }) => {
      const page = await openComposer(context, id);
      await dispatchTransfer(page, 'drop', HAR, 'capture.har');
      await expectSanitizedOnly(page, 'drop');
    });

    test('paste', async ({ harContext: context }) => {
      const page = await openComposer(context, id);
      await dispatchTransfer(page, 'paste', HAR, 'capture.har');
      await expectSanitizedOnly(page, 'paste');
    });

    test('a HAR that cannot be sanitized never reaches the page; other files do', async ({
      harContext: context,
    }) => {
      const page = await openComposer(context, id);
      // Each broken HAR's job has ended once the panel says it was not attached; only
      // then does a plain file follow, so nothing of the HARs can arrive after it.
      const notAttached = (name: string) =>
        expect(
          page.locator('casebook-panel .cb-notice-text', { hasText: `${name} was not attached` }),
        ).toBeVisible({ timeout: 30_000 });
      await page.setInputFiles('#attach', {
        name: 'broken.har',
        mimeType: 'application/json',
        buffer: Buffer.from(HAR.slice(0, 5000)),
      });
      await notAttached('broken.har');
      await dispatchTransfer(page, 'drop', HAR.slice(0, 5000), 'broken-dropped.har');
      await notAttached('broken-dropped.har');
      await page.setInputFiles('#attach', {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('plain notes'),
      });
      await expect
        .poll(async () => (await received(page)).map((r) => r.name), { timeout: 15_000 })
        .toEqual(['notes.txt']);
      expect(await page.inputValue('#attach')).toContain('notes.txt');
    });
  });
}

test('under a strict page CSP (default-src self, nonce scripts) a dropped .har still reaches the page sanitized', async ({
  context,
}) => {
  const nonce = 'casebook-e2e';
  const html = readFileSync(resolve(FIXTURES_DIR, 'har/page-composer.html'), 'utf8').replace(
    /<script>/g,
    `<script nonce="${nonce}">`,
  );
  await context.route(SITES.zendesk.pattern, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: {
            'Content-Security-Policy': `default-src 'self'; script-src 'nonce-${nonce}'; object-src 'none'`,
          },
          body: html,
        })
      : route.fulfill({ status: 204, body: '' }),
  );
  const page = await context.newPage();
  await page.goto(SITES.zendesk.origin + SITES.zendesk.first.path);
  await page.locator('x-composer #shadow-attach').waitFor({ state: 'attached' });
  await dispatchTransfer(page, 'drop', HAR, 'capture.har');
  await expectSanitizedOnly(page, 'drop');
});

test('the sanitizer page sanitizes a File in its worker and answers over the port', async ({
  extensionPage,
}) => {
  const page = await extensionPage('har-sanitizer.html');
  const answer = await page.evaluate(async (har) => {
    // The background's part: a one-time session secret only extension pages can read.
    const token = crypto.randomUUID();
    await (
      globalThis as unknown as {
        chrome: { storage: { session: { set(items: object): Promise<void> } } };
      }
    ).chrome.storage.session.set({ [`har-session:${token}`]: Date.now() + 60_000 });
    const channel = new MessageChannel();
    const messages: Array<{
      type: string;
      blob?: Blob;
      report?: { total: number };
      code?: string;
    }> = [];
    const done = new Promise<void>((resolve) => {
      channel.port1.onmessage = (e) => {
        messages.push(e.data);
        if (e.data.type === 'done' || e.data.type === 'error') resolve();
        if (e.data.type === 'casebook-har-ready') {
          channel.port1.postMessage({
            type: 'sanitize',
            id: 1,
            file: new File([har], 'capture.har'),
          });
        }
      };
    });
    window.postMessage({ type: 'casebook-har-hello', token }, location.origin, [channel.port2]);
    await done;
    const last = messages.at(-1)!;
    return {
      type: last.type,
      total: last.report?.total ?? 0,
      text: last.blob ? await last.blob.text() : '',
    };
  }, HAR);
  expect(answer.type).toBe('done');
  expect(answer.total).toBeGreaterThan(0);
  for (const secret of SECRETS) expect(answer.text.includes(secret)).toBe(false);
  expect(JSON.parse(answer.text).log.entries).toHaveLength(4);
});
