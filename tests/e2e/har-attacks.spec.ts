/**
 * Every way a file can enter a helpdesk page, tried the way an upload library,
 * an unusual page or an attacker would (tests/fixtures/har/page-attacks.html,
 * served at a Zendesk ticket URL). Each test ends with the page's own
 * handlers holding no planted secret and the agent told, in the panel, what
 * happened to the file. The same paths run in firefox-esr (tests/firefox).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { call, expect, test } from './support/extension';
import {
  ATTACK_FRAME,
  ATTACK_FRAME_PATH,
  ATTACK_HAR,
  ATTACK_PAGE,
  ATTACK_PATH,
  gzipped,
  EVIL_FRAME,
  hijackScript,
  leakedSecrets,
  redosHar,
  zipOf,
  type ReceivedFile,
} from './support/har-attack';
import { syncFromAnotherBrowser } from './support/synced-settings';

const ORIGIN = 'https://acme.zendesk.com';
const HAR = Buffer.from(ATTACK_HAR);

/** The attack page, its same-origin frame, and (for the hijack) a frame the page controls. */
async function serveAttackPages(context: BrowserContext, extra = ''): Promise<void> {
  await context.route(/^https:\/\/acme\.zendesk\.com\//, async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (request.resourceType() !== 'document' && request.resourceType() !== 'iframe') {
      if (!request.isNavigationRequest()) return route.fulfill({ status: 204, body: '' });
    }
    const body =
      path === ATTACK_FRAME_PATH
        ? ATTACK_FRAME
        : path === `${ATTACK_PATH}/evil-frame`
          ? EVIL_FRAME
          : ATTACK_PAGE.replace('</body>', `${extra}</body>`);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

async function openAttackPage(context: BrowserContext, extra = ''): Promise<Page> {
  await serveAttackPages(context, extra);
  const page = await context.newPage();
  await page.goto(ORIGIN + ATTACK_PATH);
  await page.locator('casebook-panel').waitFor({ state: 'attached' });
  await page.frameLocator('#same').locator('#frame-input').waitFor({ state: 'attached' });
  return page;
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { __received: ReceivedFile[] }).__received);

const notice = (page: Page, name: string) =>
  page.locator('casebook-panel .cb-notice-text', { hasText: name }).last();

/** The page's handler got `<name>.sanitized.har` without a secret; the panel says what went. */
async function expectSanitized(page: Page, via: string, original: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const all = await received(page);
        const leaked = leakedSecrets(all);
        if (leaked.length) return `leaked ${leaked.length} secrets via ${all.map((r) => r.via)}`;
        return all.some((r) => r.via === via && r.text !== null) ? 'arrived' : 'waiting';
      },
      { timeout: 20_000 },
    )
    .toBe('arrived');
  const all = await received(page);
  const mine = all.filter((r) => r.via === via);
  expect(mine.map((r) => r.name)).toEqual([expect.stringMatching(/\.sanitized\.har$/)]);
  expect(JSON.parse(mine[0]!.text!).log.entries).toHaveLength(4);
  expect(leakedSecrets(all)).toEqual([]);
  await expect(notice(page, original)).toContainText(/removed \d+ secret values/);
}

/** Nothing reached the page's handlers and the panel says why. */
async function expectBlocked(page: Page, original: string, why: RegExp): Promise<void> {
  await expect(notice(page, original)).toContainText(why, { timeout: 20_000 });
  const all = await received(page);
  expect(leakedSecrets(all)).toEqual([]);
  expect(all.filter((r) => r.name === original)).toEqual([]);
}

async function dispatchTransfer(
  page: Page,
  kind: 'drop' | 'paste',
  target: string,
  file: { name: string; text: string },
): Promise<void> {
  await page.evaluate(
    ({ kind, target, file }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([file.text], file.name, { type: 'application/json' }));
      const init = { bubbles: true, cancelable: true, composed: true };
      document
        .getElementById(target)!
        .dispatchEvent(
          kind === 'drop'
            ? new DragEvent('drop', { ...init, dataTransfer: dt })
            : new ClipboardEvent('paste', { ...init, clipboardData: dt }),
        );
    },
    { kind, target, file },
  );
}

const harFile = (name: string) => ({ name, mimeType: 'application/json', buffer: HAR });

test.describe('file inputs the page reads in any way', () => {
  test('an input made by script and never added to the document', async ({ context }) => {
    const page = await openAttackPage(context);
    const chooser = page.waitForEvent('filechooser');
    await page.click('#open-detached');
    await (await chooser).setFiles(harFile('capture.har'));
    await expectSanitized(page, 'detached', 'capture.har');
  });

  test('an input in a closed shadow root', async ({ context }) => {
    const page = await openAttackPage(context);
    const input = await page.evaluateHandle(
      () => (window as unknown as { __closedInput: HTMLInputElement }).__closedInput,
    );
    await input.asElement()!.setInputFiles(harFile('capture.har'));
    await expectSanitized(page, 'closed-shadow', 'capture.har');
  });

  test('an input in an open shadow root present from the start', async ({ context }) => {
    const page = await openAttackPage(context);
    await page.setInputFiles('x-open #open-input', harFile('capture.har'));
    await expectSanitized(page, 'open-shadow', 'capture.har');
  });

  test('an input in a same-origin iframe', async ({ context }) => {
    const page = await openAttackPage(context);
    await page.frameLocator('#same').locator('#frame-input').setInputFiles(harFile('capture.har'));
    await expectSanitized(page, 'frame-input', 'capture.har');
  });

  test('an input in a srcdoc iframe', async ({ context }) => {
    const page = await openAttackPage(context);
    await page
      .frameLocator('#srcdoc')
      .locator('#frame-input')
      .setInputFiles(harFile('capture.har'));
    await expectSanitized(page, 'srcdoc-input', 'capture.har');
  });

  test('a change listener the page registered before any extension script', async ({ context }) => {
    const page = await openAttackPage(context);
    await page.setInputFiles('#early-attach', harFile('capture.har'));
    await expectSanitized(page, 'early-change', 'capture.har');
  });
});

test.describe('drop and paste', () => {
  test('a drop listener the page registered before any extension script', async ({ context }) => {
    const page = await openAttackPage(context);
    await dispatchTransfer(page, 'drop', 'early-zone', { name: 'capture.har', text: ATTACK_HAR });
    await expectSanitized(page, 'early-drop', 'capture.har');
  });

  test('a paste listener the page registered before any extension script', async ({ context }) => {
    const page = await openAttackPage(context);
    await dispatchTransfer(page, 'paste', 'early-editor', {
      name: 'capture.har',
      text: ATTACK_HAR,
    });
    await expectSanitized(page, 'early-paste', 'capture.har');
  });

  test('a folder dropped and read through webkitGetAsEntry', async ({ context }) => {
    const page = await openAttackPage(context);
    const dir = mkdtempSync(join(tmpdir(), 'casebook-folder-'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'capture.har'), ATTACK_HAR);
    const box = (await page.locator('#folder-zone').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const data = { items: [], files: [join(dir, 'logs')], dragOperationsMask: 1 };
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, data, modifiers: 0 };
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at });
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', ...at });
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', ...at });
    await expectSanitized(page, 'folder-drop', 'capture.har');
  });
});

test.describe('HARs are known by their content', () => {
  test('a HAR renamed to .json', async ({ context }) => {
    const page = await openAttackPage(context);
    await page.setInputFiles('#attach', harFile('capture.json'));
    await expectSanitized(page, 'input', 'capture.json');
  });

  test('a gzipped HAR (.har.gz)', async ({ context }) => {
    const page = await openAttackPage(context);
    await page.setInputFiles('#attach', {
      name: 'capture.har.gz',
      mimeType: 'application/gzip',
      buffer: gzipped(ATTACK_HAR),
    });
    await expectSanitized(page, 'input', 'capture.har.gz');
  });

  test('a zip holding a HAR is blocked; a zip without one passes', async ({ context }) => {
    const page = await openAttackPage(context);
    await page.setInputFiles('#attach', {
      name: 'logs.zip',
      mimeType: 'application/zip',
      buffer: zipOf({ 'readme.txt': 'see attached', 'network/capture.har': ATTACK_HAR }),
    });
    await expectBlocked(page, 'logs.zip', /contains a HAR.*unzip/i);
    await page.setInputFiles('#attach', {
      name: 'screens.zip',
      mimeType: 'application/zip',
      buffer: zipOf({ 'readme.txt': 'no network capture here' }),
    });
    await expect
      .poll(async () => (await received(page)).map((r) => r.name), { timeout: 15_000 })
      .toEqual(['screens.zip']);
  });
});

test.describe('the sanitizer frame cannot be hijacked or driven', () => {
  test('a page script that points the sanitizer frame at its own page', async ({ context }) => {
    const hijack = hijackScript(`${ATTACK_PATH}/evil-frame`);
    const page = await openAttackPage(context, hijack);
    await page.setInputFiles('#attach', harFile('capture.har'));
    await expectBlocked(page, 'capture.har', /not attached/);
    expect((await received(page)).filter((r) => r.via === 'stolen')).toEqual([]);
  });

  test('an unrelated site cannot load or drive the sanitizer page', async ({
    context,
    extensionId,
  }) => {
    await context.route('https://unrelated.example/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>unrelated</title>',
      }),
    );
    const page = await context.newPage();
    await page.goto('https://unrelated.example/');
    const url = `chrome-extension://${extensionId}/har-sanitizer.html`;
    const reachable = await page.evaluate(
      (u) =>
        fetch(u).then(
          () => true,
          () => false,
        ),
      url,
    );
    expect(reachable, 'the page can fetch the sanitizer (and so detect Casebook)').toBe(false);
    await page.evaluate((u) => {
      const frame = document.createElement('iframe');
      frame.src = u;
      document.body.append(frame);
    }, url);
    await expect
      .poll(() => page.frames().map((f) => f.url()), { timeout: 10_000 })
      .toContain('chrome-error://chromewebdata/');
  });
});

test.describe('team regexes', () => {
  test('a pattern that backtracks catastrophically is refused at save; the sanitizer has a time budget', async ({
    extensionPage,
  }) => {
    const options = await extensionPage('options.html');
    await expect(
      call(options, {
        type: 'settings.update',
        patch: { redaction: { patterns: [{ name: 'trace', pattern: '(a|aa)+$' }] } },
      }),
    ).rejects.toThrow(/backtrack/i);

    // A rule that got past the check (older settings, another browser) still cannot hang a job.
    const sanitizer = await extensionPage('har-sanitizer.html');
    const answer = await sanitizer.evaluate(async (har) => {
      const token = crypto.randomUUID();
      const api = (
        globalThis as unknown as {
          chrome: { storage: { session: { set(items: object): Promise<void> } } };
        }
      ).chrome;
      await api.storage.session.set({ [`har-session:${token}`]: Date.now() + 60_000 });
      const channel = new MessageChannel();
      return new Promise<{ type: string; code?: string; message?: string }>((resolve) => {
        channel.port1.onmessage = (e) => {
          if (e.data.type === 'casebook-har-ready')
            channel.port1.postMessage({
              type: 'sanitize',
              id: 1,
              file: new File([har], 'capture.har'),
              redaction: {
                headerNames: [],
                keyNames: [],
                paramNames: [],
                allow: [],
                patterns: [{ name: 'trace', pattern: '(a|aa)+$' }],
              },
            });
          if (e.data.type === 'done' || e.data.type === 'error') resolve(e.data);
        };
        window.postMessage({ type: 'casebook-har-hello', token }, location.origin, [channel.port2]);
      });
    }, redosHar());
    expect(answer.type).toBe('error');
    expect(answer.code).toBe('timeout');
    expect(answer.message).toMatch(/pattern/);
  });
});

test.describe('the agent cancels', () => {
  test('Cancel in the panel stops a HAR being sanitized in a sub-frame; nothing is attached', async ({
    context,
    extensionPage,
  }) => {
    // A team pattern that never finishes on this HAR keeps the job running until
    // Cancel. Save refuses it; it arrives the way only sync can bring it.
    const options = await extensionPage('options.html');
    const { settings } = await call<{
      settings: { version: number; redaction: { patterns: object[] } };
    }>(options, { type: 'settings.get' });
    settings.redaction.patterns = [{ name: 'trace', pattern: '(a|aa)+$' }];
    await syncFromAnotherBrowser(options, settings);
    await expect
      .poll(async () =>
        JSON.stringify(await call(options, { type: 'settings.get' })).includes('(a|aa)+$'),
      )
      .toBe(true);

    const page = await openAttackPage(context);
    await page
      .frameLocator('#same')
      .locator('#frame-input')
      .setInputFiles({
        name: 'slow.har',
        mimeType: 'application/json',
        buffer: Buffer.from(redosHar()),
      });
    const running = page.locator('casebook-panel .cb-notice', { hasText: 'Sanitizing slow.har' });
    await running.getByRole('button', { name: 'Cancel' }).click();
    await expectBlocked(
      page,
      'slow.har',
      /slow\.har was not attached: sanitizing was cancelled\. Nothing was uploaded\./,
    );
    expect(await received(page)).toEqual([]);
    // Nothing left to cancel in the notices (a step's message draft has a Cancel of its own).
    await expect(
      page.locator('casebook-panel .cb-notice').getByRole('button', { name: 'Cancel' }),
    ).toHaveCount(0);
  });
});
