/**
 * The panel's core flow once in Firefox: firefox-esr driven by puppeteer-core
 * over WebDriver BiDi, with the built Firefox extension (.output/firefox-mv3)
 * installed as a temporary add-on. Run with `npx tsx tests/firefox/run.ts`
 * after `npm run build:firefox` (built here when missing).
 *
 * The network is closed and there is no Playwright routing: BiDi network
 * interception (`page.setRequestInterception`) answers the Zendesk ticket URL
 * with the fixture app, so the manifest's real match pattern fires.
 *
 * Also in Firefox: a .har dropped on or chosen in a helpdesk composer reaches
 * the page's own handler sanitized (through the hidden extension frame and
 * its worker), never the original, also under a strict script CSP. (Firefox
 * hides DataTransfer items a content script adds from the page, so a drop
 * replayed naively arrives empty: platform/har/page-data-transfer.ts.)
 *
 * Prints one line per step and "N passed, N failed"; exits 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { sanitizeHarText } from '../../lib/har/index';
import { findFirefox } from '../../scripts/find-browser.mjs';
import { attackDocument, attackSteps } from './har-attacks';
import { MAPPED_ORIGIN, permissionSteps } from './permissions';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = resolve(ROOT, '.output/firefox-mv3');
const FIXTURE = readFileSync(resolve(ROOT, 'tests/fixtures/zendesk/ticket.html'), 'utf8');
/** A composer page that records what its own upload handlers receive (window.__received). */
const COMPOSER = readFileSync(resolve(ROOT, 'tests/fixtures/har/page-composer.html'), 'utf8');
const COMPOSER_PATH = '/agent/tickets/9001';
/** The same composer under a strict CSP: only the page's own nonce'd script may run. */
const STRICT_COMPOSER_PATH = '/agent/tickets/9002';
const NONCE = 'casebook-firefox-test';
const STRICT_COMPOSER = COMPOSER.replace(/<script>/g, `<script nonce="${NONCE}">`);
const HAR_PATH = resolve(ROOT, 'tests/fixtures/har/oidc-login.har');
const HAR = readFileSync(HAR_PATH, 'utf8');
const HAR_SECRETS = (
  JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/har/planted.json'), 'utf8'))[
    'oidc-login.har'
  ] as { secrets: string[] }
).secrets;
const ORIGIN = 'https://acme.zendesk.com';
const TICKET = {
  id: '4242',
  subject: 'SSO login loops back to sign-in page after SAML update',
  url: `${ORIGIN}/agent/tickets/4242`,
};
const OTHER = { id: '5150', subject: 'Webhook deliveries delayed by 20+ minutes' };
const hostOf = (ticketId: string) =>
  `casebook-panel[data-helpdesk="zendesk"][data-ticket-id="${ticketId}"]`;
const HOST = hostOf(TICKET.id);
const TIMEOUT_MS = 20_000;

function ensureBuild(): void {
  if (existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) return;
  console.log('# no build at .output/firefox-mv3: running wxt build -b firefox');
  const result = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('wxt build -b firefox failed');
}

async function servePages(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${ORIGIN}/`) || url.startsWith(`${MAPPED_ORIGIN}/`)) {
      if (!request.isNavigationRequest()) {
        void request.respond({ status: 204, body: '' });
        return;
      }
      const path = new URL(url).pathname;
      if (path === STRICT_COMPOSER_PATH) {
        void request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: {
            'Content-Security-Policy': `default-src 'self'; script-src 'nonce-${NONCE}'; object-src 'none'`,
          },
          body: STRICT_COMPOSER,
        });
        return;
      }
      const body = attackDocument(path) ?? (path === COMPOSER_PATH ? COMPOSER : FIXTURE);
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      return;
    }
    // Extension resources load without the network; everything else is refused.
    if (url.startsWith('moz-extension://') || url.startsWith('data:')) {
      void request.continue();
      return;
    }
    void request.abort('internetdisconnected');
  });
}

/** Text of an element inside the panel's open shadow root, read from the page. */
async function waitForPanelText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    (host, sel, expected) =>
      document.querySelector(host)?.shadowRoot?.querySelector(sel)?.textContent?.trim() ===
      expected,
    { timeout: TIMEOUT_MS },
    HOST,
    selector,
    text,
  );
}

async function waitForPanelElement(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (host, sel) => !!document.querySelector(host)?.shadowRoot?.querySelector(sel),
    { timeout: TIMEOUT_MS },
    HOST,
    selector,
  );
}

async function isChecked(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    (host, inputId) =>
      (document.querySelector(host)?.shadowRoot?.getElementById(inputId) as HTMLInputElement | null)
        ?.checked === true,
    HOST,
    id,
  );
}

/** Open a step's body (only the current step starts open) through its toggle button. */
async function expandStep(page: Page, stepId: string): Promise<void> {
  const toggle = `${HOST} >>> li[data-step-id="${stepId}"] .cb-step-toggle`;
  await page.waitForSelector(toggle, { timeout: TIMEOUT_MS });
  const expanded = await page.$eval(toggle, (el) => el.getAttribute('aria-expanded'));
  if (expanded !== 'true') await page.click(toggle);
  await page.waitForFunction(
    (host, step) =>
      document
        .querySelector(host)
        ?.shadowRoot?.querySelector(`li[data-step-id="${step}"] .cb-step-toggle`)
        ?.getAttribute('aria-expanded') === 'true',
    { timeout: TIMEOUT_MS },
    HOST,
    stepId,
  );
}

type Received = { via: string; name: string; text: string | null };

/**
 * Choose or drop a HAR with planted secrets on the composer page at `path`;
 * the page's own handler must get `<name>.sanitized.har` only, sanitized
 * through the hidden extension frame.
 */
async function attachHar(
  page: Page,
  path: string,
  kind: 'drop' | 'input',
  origin = ORIGIN,
): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(
    () => !!document.querySelector('x-composer')?.shadowRoot?.querySelector('#shadow-attach'),
    { timeout: TIMEOUT_MS },
  );
  if (kind === 'input') {
    // As the agent picks a file: WebDriver BiDi input.setFiles on the page's own input.
    const input = await page.$('#attach');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(HAR_PATH);
  } else {
    // Firefox ignores files in a synthetic paste's clipboardData, so drop stands for both.
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'capture.har', { type: 'application/json' }));
      document.getElementById('dropzone')!.dispatchEvent(
        new DragEvent('drop', {
          bubbles: true,
          cancelable: true,
          composed: true,
          dataTransfer: dt,
        }),
      );
    }, HAR);
  }
  await page.waitForFunction(
    () => (window as unknown as { __received: Received[] }).__received.some((r) => r.text !== null),
    { timeout: TIMEOUT_MS },
  );
  const received = await page.evaluate(
    () => (window as unknown as { __received: Received[] }).__received,
  );
  if (received.length !== 1) throw new Error(`the page received ${received.length} files`);
  const [file] = received as [Received];
  if (file.via !== kind) throw new Error(`the page received it by ${file.via}, not ${kind}`);
  const expected = kind === 'input' ? 'oidc-login.sanitized.har' : 'capture.sanitized.har';
  if (file.name !== expected) throw new Error(`the page received ${file.name}`);
  const text = file.text ?? '';
  if (JSON.parse(text).log.entries.length !== 4) throw new Error('entries were lost');
  if (!text.includes('[REDACTED:')) throw new Error('nothing was redacted');
  const leaked = HAR_SECRETS.filter((secret) => text.includes(secret));
  if (leaked.length) throw new Error(`${leaked.length} planted secrets reached the page`);
  const frames = await page.$$eval('iframe[data-casebook="har-sanitizer"]', (f) => f.length);
  if (frames !== 1) throw new Error('the file did not go through the extension frame');
}

const SEV1 = 'cb-assign-severity--severity--opt-SEV1';

interface Step {
  name: string;
  run(page: Page): Promise<void>;
}

const steps: Step[] = [
  {
    name: 'a Zendesk ticket gets the panel with its ticket id and subject',
    async run(page) {
      await page.goto(TICKET.url);
      await page.waitForSelector(HOST, { timeout: TIMEOUT_MS });
      await waitForPanelText(page, '.cb-ticket-id', `#${TICKET.id}`);
      await waitForPanelText(page, '.cb-subject', TICKET.subject);
      await waitForPanelElement(page, '.cb-sections');
      const hosts = await page.$$eval('casebook-panel', (els) => els.length);
      if (hosts !== 1) throw new Error(`expected one casebook-panel, found ${hosts}`);
    },
  },
  {
    name: 'setting severity SEV1 is stored and reveals the SEV1 paging step',
    async run(page) {
      await expandStep(page, 'assign-severity');
      await page.click(`${HOST} >>> #${SEV1}`);
      await page.waitForFunction(
        (host, id) =>
          (document.querySelector(host)?.shadowRoot?.getElementById(id) as HTMLInputElement | null)
            ?.checked === true,
        { timeout: TIMEOUT_MS },
        HOST,
        SEV1,
      );
      await waitForPanelElement(page, 'li[data-step-id="page-sev1"]');
    },
  },
  {
    name: 'in-app navigation (pushState) switches the panel to the other ticket, back returns',
    async run(page) {
      await page.click(`[data-test-id="recent-tickets"] a[data-ticket-link="${OTHER.id}"]`);
      await page.waitForFunction(
        (host, subject) =>
          document.querySelectorAll('casebook-panel').length === 1 &&
          document.querySelector(host)?.shadowRoot?.querySelector('.cb-subject')?.textContent ===
            subject,
        { timeout: TIMEOUT_MS },
        hostOf(OTHER.id),
        OTHER.subject,
      );
      await page.evaluate(() => history.back());
      await waitForPanelText(page, '.cb-subject', TICKET.subject);
      await waitForPanelElement(page, 'li[data-step-id="page-sev1"]');
    },
  },
  {
    name: 'after a reload the panel shows the same state',
    async run(page) {
      await page.reload();
      await waitForPanelText(page, '.cb-subject', TICKET.subject);
      await waitForPanelElement(page, 'li[data-step-id="page-sev1"]');
      await expandStep(page, 'assign-severity');
      if (!(await isChecked(page, SEV1)))
        throw new Error('SEV1 is no longer selected after reload');
    },
  },
  {
    name: "a .har chosen in the panel's own file field is attached sanitized, with the real count",
    async run(page) {
      await expandStep(page, 'request-artifacts');
      const input = await page.waitForSelector(`${HOST} >>> #cb-request-artifacts--files--input`, {
        timeout: TIMEOUT_MS,
      });
      await (input as ElementHandle<HTMLInputElement>).uploadFile(HAR_PATH);
      const expected = `sanitized (${sanitizeHarText(HAR).report.total} redactions)`;
      try {
        await page.waitForFunction(
          (host, count) => {
            const list = document
              .querySelector(host)
              ?.shadowRoot?.querySelector('li[data-step-id="request-artifacts"] .cb-files');
            const text = list?.textContent ?? '';
            return text.includes('oidc-login.sanitized.har') && text.includes(count);
          },
          { timeout: TIMEOUT_MS },
          HOST,
          expected,
        );
      } catch (error) {
        const shown = await page.evaluate(
          (host) =>
            document
              .querySelector(host)
              ?.shadowRoot?.querySelector('li[data-step-id="request-artifacts"]')?.textContent,
          HOST,
        );
        throw new Error(`expected "${expected}"; the step shows: ${shown}`, { cause: error });
      }
    },
  },
  {
    name: "a screenshot chosen in the panel's own file field is attached as chosen",
    async run(page) {
      const input = await page.waitForSelector(`${HOST} >>> #cb-request-artifacts--files--input`, {
        timeout: TIMEOUT_MS,
      });
      const path = join(mkdtempSync(join(tmpdir(), 'casebook-firefox-')), 'checkout-error.png');
      // A 1×1 PNG.
      writeFileSync(
        path,
        Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          'base64',
        ),
      );
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
      await page.waitForFunction(
        (host) =>
          document
            .querySelector(host)
            ?.shadowRoot?.querySelector('li[data-step-id="request-artifacts"] .cb-files')
            ?.textContent?.includes('checkout-error.png'),
        { timeout: TIMEOUT_MS },
        HOST,
      );
    },
  },
  {
    name: 'a .har dropped on the composer reaches the page sanitized, never the original',
    run: (page) => attachHar(page, COMPOSER_PATH, 'drop'),
  },
  {
    name: 'a .har chosen in the file input reaches the page sanitized, never the original',
    run: (page) => attachHar(page, COMPOSER_PATH, 'input'),
  },
  {
    name: 'a .har dropped on a page with a strict CSP (default-src self, nonce scripts) reaches it sanitized too',
    run: (page) => attachHar(page, STRICT_COMPOSER_PATH, 'drop'),
  },
  ...attackSteps.map((step) => ({ name: step.name, run: (page: Page) => step.run(page, ORIGIN) })),
  {
    name: 'a .har attached again, so the page has a sanitizer frame (the options page opens from it)',
    run: (page) => attachHar(page, COMPOSER_PATH, 'drop'),
  },
  ...permissionSteps,
  {
    name: 'a .har dropped on the mapped domain reaches the page sanitized (guard registered at run time)',
    run: (page) => attachHar(page, COMPOSER_PATH, 'drop', MAPPED_ORIGIN),
  },
];

async function main(): Promise<number> {
  ensureBuild();
  const executablePath = findFirefox();
  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // The fixture is served over https by interception: no certificate to check.
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        // Grant optional permissions as if the lead clicked Allow (tests/firefox/permissions.ts).
        'extensions.webextOptionalPermissionPrompts': false,
        // The options page is opened by window.open from the extension's own frame.
        'dom.disable_open_during_load': false,
      },
    });
    console.log(`# ${await browser.version()} over WebDriver BiDi`);
    const id = await browser.installExtension(EXTENSION_DIR);
    console.log(`# installed ${id} from ${EXTENSION_DIR}`);
    const page = await browser.newPage();
    if (process.env.CASEBOOK_FIREFOX_CONSOLE)
      page.on('console', (m) => console.log(`# console.${m.type()}: ${m.text()}`));
    await servePages(page);
    let broken: string | undefined;
    // CASEBOOK_FIREFOX_ONLY=<regex>: run only the matching steps (while fixing one).
    const only = process.env.CASEBOOK_FIREFOX_ONLY;
    for (const [i, step] of steps.entries()) {
      const label = `${i + 1} - ${step.name}`;
      if (only && !new RegExp(only, 'i').test(step.name)) continue;
      if (broken && !step.name.startsWith('attack:')) {
        failed++;
        console.log(`not ok ${label} # not run: "${broken}" failed`);
        continue;
      }
      const started = performance.now();
      try {
        await step.run(page);
        passed++;
        console.log(`ok ${label} (${Math.round(performance.now() - started)} ms)`);
      } catch (error) {
        failed++;
        broken = step.name;
        console.log(
          `not ok ${label}\n  ${String(error instanceof Error ? error.message : error).replace(/\n/g, '\n  ')}`,
        );
      }
    }
  } catch (error) {
    failed++;
    console.log(
      `not ok firefox could not run the flow: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await browser?.close();
  }
  console.log(`firefox: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
