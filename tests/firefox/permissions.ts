/**
 * Optional host permissions in firefox-esr: a mapped Zendesk brand domain and
 * the PagerDuty endpoint, granted through the options page as a lead would.
 *
 * WebDriver BiDi will not navigate a tab to `moz-extension://…/options.html`
 * ("not allowed in this context"), so the extension opens it itself: the
 * hidden sanitizer frame (Casebook's own page, framed in the helpdesk tab
 * once a HAR is attached) is same-origin with the options page, and
 * `window.open` from there gives a top-level options tab with the full
 * extension API. Clicks there are real input (BiDi input actions), so
 * `permissions.request` runs inside a user gesture; with the pref
 * `extensions.webextOptionalPermissionPrompts` off (set in run.ts) Firefox
 * grants what is asked instead of showing its prompt, as if the lead clicked
 * Allow. What is tested is what follows: the MV3 manifest's optional host
 * permissions are accepted, the background stores the grant, registers the
 * Zendesk script for the mapped domain, and the panel appears there.
 */
import type { Browser, Page } from 'puppeteer-core';

const TIMEOUT_MS = 20_000;
export const MAPPED_ORIGIN = 'https://support.example.com';
const MAPPED_PATTERN = `${MAPPED_ORIGIN}/*`;
const PAGERDUTY_PATTERN = 'https://events.pagerduty.com/*';
/** A key of the routing-key shape (32 characters); never sent anywhere: the network is closed. */
const ROUTING_KEY = 'R0ut1ngKeyFirefoxTest0123456789a';

/** The options tab the extension opened (BiDi reports its URL late: ask the page). */
async function optionsTab(browser: Browser): Promise<Page> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (/^moz-extension:\/\/[^/]+\/options\.html/.test(href)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the options page did not open');
}

/** Asks the options page (an extension page) whether Firefox holds a permission now. */
function holds(options: Page, pattern: string): Promise<boolean> {
  return options.evaluate(
    (origin) =>
      (
        globalThis as unknown as {
          browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
        }
      ).browser.permissions.contains({ origins: [origin] }),
    pattern,
  );
}

/** Open the options page from Casebook's own sanitizer frame in `page` (see the top). */
async function openOptionsFromSanitizerFrame(page: Page, section: string): Promise<Page> {
  await page.waitForSelector('iframe[data-casebook="har-sanitizer"]', { timeout: TIMEOUT_MS });
  let opened = false;
  const deadline = Date.now() + TIMEOUT_MS;
  while (!opened && Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      opened = await frame
        .evaluate((hash) => {
          if (!location.href.endsWith('/har-sanitizer.html')) return false;
          return window.open(`${location.origin}/options.html#${hash}`) !== null;
        }, section)
        .catch(() => false);
      if (opened) break;
    }
    if (!opened) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!opened) throw new Error('no Casebook sanitizer frame to open the options page from');
  return optionsTab(page.browser());
}

export interface PermissionStep {
  name: string;
  /** `page` shows a helpdesk page whose sanitizer frame is open (a HAR was attached). */
  run(page: Page): Promise<void>;
}

let options: Page | undefined;

export const permissionSteps: PermissionStep[] = [
  {
    name: 'a mapped Zendesk domain: the permission is asked on Add, granted, and the panel appears there',
    async run(page) {
      options = await openOptionsFromSanitizerFrame(page, 'hosts');
      await options.waitForSelector('#cb-host-input', { timeout: TIMEOUT_MS });
      if (await holds(options, MAPPED_PATTERN))
        throw new Error(`${MAPPED_PATTERN} was granted before anyone asked`);
      await options.type('#cb-host-input', 'support.example.com');
      await options.click('#hosts form button[type="submit"]');
      await options
        .waitForFunction(
          () =>
            [...document.querySelectorAll('.cb-hosts li')].some((li) =>
              li.textContent?.includes('support.example.com'),
            ),
          { timeout: TIMEOUT_MS },
        )
        .catch(async () => {
          const shown = await options!.$eval('#hosts', (el) => el.textContent);
          throw new Error(`the domain was not added; the section shows: ${shown}`);
        });
      if (!(await holds(options, MAPPED_PATTERN)))
        throw new Error(`${MAPPED_PATTERN} is not granted after Add`);
      const problems = await options.$$eval('#hosts .cb-problems', (els) =>
        els.map((el) => el.textContent),
      );
      if (problems.length) throw new Error(`the options page reports: ${problems.join(' ')}`);

      await page.goto(`${MAPPED_ORIGIN}/agent/tickets/4242`);
      const host = 'casebook-panel[data-helpdesk="zendesk"][data-ticket-id="4242"]';
      await page
        .waitForFunction(
          (sel) =>
            !!document.querySelector(sel)?.shadowRoot?.querySelector('.cb-subject')?.textContent,
          { timeout: TIMEOUT_MS },
          host,
        )
        .catch(async () => {
          const seen = await page.evaluate(() => ({
            url: location.href,
            title: document.title,
            panels: [...document.querySelectorAll('casebook-panel')].map((p) => p.outerHTML),
          }));
          const registered = await options!.evaluate(async () => {
            const b = (
              globalThis as unknown as {
                browser: { scripting: { getRegisteredContentScripts(): Promise<unknown> } };
              }
            ).browser;
            return {
              scripts: await b.scripting.getRegisteredContentScripts(),
              hosts: document.querySelector('#hosts')?.textContent,
            };
          });
          throw new Error(
            `no panel on the mapped domain: ${JSON.stringify(seen)} ${JSON.stringify(registered)}`,
          );
        });
    },
  },
  {
    name: 'PagerDuty: saving the routing key asks for the endpoint origin, which is granted',
    async run() {
      if (!options) throw new Error('the options page is not open');
      await options.evaluate(() => {
        location.hash = '#incidents';
      });
      if (await holds(options, PAGERDUTY_PATTERN))
        throw new Error(`${PAGERDUTY_PATTERN} was granted before anyone asked`);
      const keyInput = '#incidents input[type="password"]';
      await options.waitForSelector(keyInput, { visible: true, timeout: TIMEOUT_MS });
      await options.type(keyInput, ROUTING_KEY);
      const [save] = await options.$$('xpath/.//section[@id="incidents"]//button[.="Save key"]');
      if (!save) throw new Error('no Save key button');
      await save.click();
      await options.waitForFunction(
        () =>
          document
            .querySelector('[data-testid="pagerduty-key-status"]')
            ?.textContent?.startsWith('Saved'),
        { timeout: TIMEOUT_MS },
      );
      if (!(await holds(options, PAGERDUTY_PATTERN)))
        throw new Error(`${PAGERDUTY_PATTERN} is not granted after saving the key`);
    },
  },
];
