/**
 * Page objects for the helpdesk panel tests: the three helpdesks' fixture
 * apps served at their real URLs (so the manifest's match patterns fire),
 * and the `<casebook-panel>` contract — `data-helpdesk`, `data-ticket-id`
 * and an open shadow root (Playwright's CSS locators pierce it).
 */
import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  type BrowserContext,
  type Locator,
  type Page,
  type Worker,
} from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_FLAGS, findChromium } from '../../../scripts/find-browser.mjs';
import { expect, FIXTURES_DIR, requireBuild, serveFixture, test } from './extension';

export type HelpdeskId = 'zendesk' | 'intercom' | 'helpscout';

export interface FixtureTicket {
  id: string;
  subject: string;
  /** What the panel header shows as the ticket label. */
  label: string;
  path: string;
}

export interface HelpdeskSite {
  id: HelpdeskId;
  origin: string;
  /** Every URL of the helpdesk's app; the fixture app renders the route itself. */
  pattern: RegExp;
  fixtures: {
    ticket: string;
    /** A fixture that renders the ticket 1–2 s after load (or the normal one, delayed). */
    lazy: { file: string; config?: Record<string, unknown> };
    /** A page of the helpdesk that is not a ticket (views, reports, lists). */
    negative: { file: string; path: string };
  };
  /** The ticket opened first, and another one reachable by an in-app link. */
  first: FixtureTicket;
  second: FixtureTicket;
  /** In-app link from `first` to `second` (pushState navigation). */
  linkTo(page: Page, ticket: FixtureTicket): Locator;
}

export const SITES: Record<HelpdeskId, HelpdeskSite> = {
  zendesk: {
    id: 'zendesk',
    origin: 'https://acme.zendesk.com',
    pattern: /^https:\/\/acme\.zendesk\.com\//,
    fixtures: {
      ticket: 'zendesk/ticket.html',
      lazy: { file: 'zendesk/lazy.html' },
      negative: { file: 'zendesk/ticket.html', path: '/agent/filters/360094211' },
    },
    first: {
      id: '4242',
      subject: 'SSO login loops back to sign-in page after SAML update',
      label: '#4242',
      path: '/agent/tickets/4242',
    },
    second: {
      id: '5150',
      subject: 'Webhook deliveries delayed by 20+ minutes',
      label: '#5150',
      path: '/agent/tickets/5150',
    },
    linkTo: (page, ticket) =>
      page.locator(`[data-test-id="recent-tickets"] a[data-ticket-link="${ticket.id}"]`),
  },
  intercom: {
    id: 'intercom',
    origin: 'https://app.intercom.com',
    pattern: /^https:\/\/app\.intercom\.com\//,
    fixtures: {
      ticket: 'intercom/conversation.html',
      lazy: { file: 'intercom/conversation-lazy.html' },
      negative: { file: 'intercom/reports.html', path: '/a/apps/k2x9q7ab/reports/overview' },
    },
    first: {
      id: '215468735201234',
      subject: 'Export to CSV times out for large workspaces',
      label: '#215468735201234',
      path: '/a/inbox/k2x9q7ab/inbox/shared/all/conversation/215468735201234',
    },
    second: {
      id: '215468735209876',
      subject: 'Cannot invite teammates: "seat limit reached"',
      label: '#215468735209876',
      path: '/a/inbox/k2x9q7ab/inbox/shared/all/conversation/215468735209876',
    },
    linkTo: (page, ticket) => page.locator(`a[data-conversation-list-item="${ticket.id}"]`),
  },
  helpscout: {
    id: 'helpscout',
    origin: 'https://secure.helpscout.net',
    pattern: /^https:\/\/secure\.helpscout\.net\//,
    fixtures: {
      ticket: 'helpscout/conversation.html',
      lazy: { file: 'helpscout/conversation.html', config: { loadDelayMs: 1500 } },
      negative: {
        file: 'helpscout/conversation.html',
        path: '/inboxes/4f1a2b3c4d5e6f70/views/7329011',
      },
    },
    first: {
      id: '2871236524',
      subject: 'Refund for duplicate charge on invoice INV-2026-0912',
      label: '#11161',
      path: '/conversation/2871236524/11161?viewId=7329011',
    },
    second: {
      id: '2871240099',
      subject: 'API key rotation fails with 409',
      label: '#11175',
      path: '/conversation/2871240099/11175?viewId=7329011',
    },
    linkTo: (page, ticket) => page.locator(`a[data-spa][href*="/conversation/${ticket.id}/"]`),
  },
};

/**
 * Serve `fixture` for every URL of the helpdesk (the fixture app renders the
 * route). `config` overrides the fixture app's `window.FIXTURE` settings,
 * e.g. `{ loadDelayMs: 1500 }` to render the ticket late.
 */
export async function serveHelpdesk(
  context: BrowserContext,
  site: HelpdeskSite,
  fixture: string = site.fixtures.ticket,
  config?: Record<string, unknown>,
): Promise<void> {
  if (!config) {
    await serveFixture(context, site.pattern, fixture);
    return;
  }
  const html = readFileSync(resolve(FIXTURES_DIR, fixture), 'utf8');
  const configured = html.replace(
    /window\.FIXTURE = (\{[^}]*\});/,
    (_all, base: string) => `window.FIXTURE = Object.assign(${base}, ${JSON.stringify(config)});`,
  );
  if (configured === html) throw new Error(`${fixture} has no window.FIXTURE settings to override`);
  await context.route(site.pattern, async (route) => {
    if (route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 204, body: '' });
      return;
    }
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: configured });
  });
}

export async function openTicket(
  context: BrowserContext,
  site: HelpdeskSite,
  ticket: FixtureTicket = site.first,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.origin + ticket.path);
  return page;
}

/** The panel's shadow host for one ticket (the stable contract). */
export function panelHost(page: Page, helpdesk: HelpdeskId, ticketId: string): Locator {
  return page.locator(`casebook-panel[data-helpdesk="${helpdesk}"][data-ticket-id="${ticketId}"]`);
}

/** Every panel host on the page, whatever its ticket. */
export function anyPanel(page: Page): Locator {
  return page.locator('casebook-panel');
}

/** The panel inside a host; Playwright CSS locators pierce its open shadow root. */
export class PanelObject {
  readonly host: Locator;
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly helpdesk: HelpdeskId,
    readonly ticketId: string,
  ) {
    this.host = panelHost(page, helpdesk, ticketId);
    this.root = this.host.locator('.cb-root');
  }

  static for(page: Page, site: HelpdeskSite, ticket: FixtureTicket): PanelObject {
    return new PanelObject(page, site.id, ticket.id);
  }

  get subject(): Locator {
    return this.host.locator('.cb-subject');
  }

  get ticketLabel(): Locator {
    return this.host.locator('.cb-ticket-id');
  }

  step(stepId: string): Locator {
    return this.host.locator(`li.cb-step[data-step-id="${stepId}"]`);
  }

  /** Open a step's body (steps other than the current one start closed). */
  async expandStep(stepId: string): Promise<void> {
    const toggle = this.step(stepId).locator('.cb-step-toggle');
    await expect(toggle).toBeVisible();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  option(stepId: string, fieldId: string, value: string): Locator {
    return this.host.locator(`#cb-${stepId}--${fieldId}--opt-${value}`);
  }

  async choose(stepId: string, fieldId: string, value: string): Promise<void> {
    await this.expandStep(stepId);
    const radio = this.option(stepId, fieldId, value);
    await radio.click();
    // A clicked radio is checked in the DOM at once; `data-checked` follows the run,
    // so it says the background has stored the change.
    await expect(radio).toHaveAttribute('data-checked', 'true');
  }

  /**
   * Close rules: the closing step lists the steps still open, and the run
   * closes only once each is done or skipped with a reason. Skip them all
   * with one reason, as an agent on a short ticket would.
   */
  async skipOpenSteps(closeStepId: string, reason: string): Promise<void> {
    const close = this.step(closeStepId);
    await this.expandStep(closeStepId);
    const open = close.locator('.cb-open-steps');
    await expect(open).toBeVisible();
    await expect(close.getByRole('button', { name: 'Mark done', exact: true })).toBeDisabled();
    const links = open.locator('button[data-go-to]');
    if ((await links.count()) === 1) {
      const stepId = (await links.first().getAttribute('data-go-to')) ?? '';
      await links.first().click();
      const step = this.step(stepId);
      await step.getByRole('button', { name: 'Skip…' }).click();
      await step.getByRole('textbox', { name: /reason/i }).fill(reason);
      await step.getByRole('button', { name: 'Skip step' }).click();
    } else {
      await open.getByRole('button', { name: /^Skip these \d+/ }).click();
      await close.getByRole('textbox', { name: /reason/i }).fill(reason);
      await close.getByRole('button', { name: /^Skip \d+ steps$/ }).click();
    }
    await expect(open).toHaveCount(0);
  }

  /** Wait until the run is loaded and the header shows the ticket. */
  async ready(subject: string, label: string): Promise<void> {
    await expect(this.host).toHaveCount(1);
    await expect(this.ticketLabel).toHaveText(label);
    await expect(this.subject).toHaveText(subject);
    await expect(this.host.locator('.cb-sections')).toBeVisible();
  }
}

/** Fill the triage fields the core flow checks: severity SEV1 (reveals page-sev1) and the plan tier. */
export async function fillTriage(panel: PanelObject): Promise<void> {
  await panel.choose('assign-severity', 'severity', 'SEV1');
  await expect(panel.step('page-sev1')).toBeVisible();
  await panel.choose('verify-account', 'plan', 'enterprise');
}

/** The triage state the core flow expects to survive navigation and reloads. */
export async function expectTriage(panel: PanelObject): Promise<void> {
  await expect(panel.step('page-sev1')).toBeVisible();
  await panel.expandStep('assign-severity');
  await expect(panel.option('assign-severity', 'severity', 'SEV1')).toBeChecked();
  await panel.expandStep('verify-account');
  await expect(panel.option('verify-account', 'plan', 'enterprise')).toBeChecked();
}

/** Navigate in-app the way the SPA routers do: pushState, then the app re-renders. */
export async function pushRoute(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** The slice of the `chrome` API the tests call inside the service worker. */
export interface ChromeTabs {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Ask the tab's content script what it shows (`panel.ping`, the message the
 * install-time injector uses). Resolves once the script has decided on the
 * page's first route: the signal that an absent panel is a decision, not a
 * script that has not run yet.
 */
export async function contentScriptStatus(
  serviceWorker: Worker,
  page: Page,
): Promise<{ helpdesk: string; ticketId: string | null }> {
  const url = page.url();
  let status: { helpdesk: string; ticketId: string | null } | null = null;
  await expect
    .poll(
      async () => {
        status = await serviceWorker.evaluate(async (pageUrl) => {
          const { chrome } = globalThis as unknown as { chrome: ChromeTabs };
          const tabs = await chrome.tabs.query({});
          const tab = tabs.find((t) => t.url === pageUrl);
          if (tab?.id === undefined) return null;
          try {
            // No reply (undefined) means no listener answered yet: ask again.
            const reply = (await chrome.tabs.sendMessage(tab.id, { type: 'panel.ping' })) as
              { helpdesk: string; ticketId: string | null } | undefined;
            return reply ?? null;
          } catch {
            return null;
          }
        }, url);
        return status;
      },
      { message: `the content script in ${url} answers panel.ping` },
    )
    .not.toBeNull();
  return status!;
}

/** Send a tab message (as the background does for the shortcut and the popup) to the page's content script. */
export async function sendToTab(
  serviceWorker: Worker,
  page: Page,
  message: unknown,
): Promise<unknown> {
  return serviceWorker.evaluate(
    async ({ pageUrl, message }) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeTabs };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
      if (tab?.id === undefined) throw new Error(`no tab at ${pageUrl}`);
      return chrome.tabs.sendMessage(tab.id, message);
    },
    { pageUrl: page.url(), message },
  );
}

/** Axe on the panel only: serious and critical violations, described for the failure message. */
export async function panelAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('casebook-panel').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

/** The tests every helpdesk's panel must pass. */
export function panelSuite(site: HelpdeskSite): void {
  test(`${site.id}: open a ticket, triage, navigate away and back, reload: state intact`, async ({
    context,
  }) => {
    await serveHelpdesk(context, site);
    const page = await openTicket(context, site);
    const first = PanelObject.for(page, site, site.first);
    await first.ready(site.first.subject, site.first.label);
    await expect(anyPanel(page)).toHaveCount(1);
    await fillTriage(first);

    // In-app link (pushState): the panel switches to the other ticket's own run.
    await site.linkTo(page, site.second).first().click();
    const second = PanelObject.for(page, site, site.second);
    await second.ready(site.second.subject, site.second.label);
    await expect(anyPanel(page)).toHaveCount(1);
    await expect(second.step('page-sev1')).toHaveCount(0);

    await page.evaluate(() => history.back());
    await first.ready(site.first.subject, site.first.label);
    await expect(anyPanel(page)).toHaveCount(1);
    await expectTriage(first);

    await page.reload();
    await first.ready(site.first.subject, site.first.label);
    await expectTriage(first);
  });

  test(`${site.id}: a ticket rendered late gets its panel, then its metadata`, async ({
    context,
  }) => {
    await serveHelpdesk(context, site, site.fixtures.lazy.file, site.fixtures.lazy.config);
    const page = await openTicket(context, site);
    const panel = PanelObject.for(page, site, site.first);
    // The URL names the ticket at once; the subject follows when the DOM renders.
    await expect(panel.host).toHaveCount(1);
    await panel.ready(site.first.subject, site.first.label);
    await expect(panel.host.locator('.cb-health')).toHaveCount(0);
  });

  test(`${site.id}: pages that are not tickets get no panel`, async ({
    context,
    serviceWorker,
  }) => {
    await serveHelpdesk(context, site, site.fixtures.negative.file);
    const page = await context.newPage();
    await page.goto(site.origin + site.fixtures.negative.path);
    expect(await contentScriptStatus(serviceWorker, page)).toEqual({
      helpdesk: site.id,
      ticketId: null,
    });
    await expect(anyPanel(page)).toHaveCount(0);

    // In-app navigation to a ticket and back to the list: the panel comes and goes.
    await pushRoute(page, site.first.path);
    await expect(panelHost(page, site.id, site.first.id)).toHaveCount(1);
    await pushRoute(page, site.fixtures.negative.path);
    await expect(anyPanel(page)).toHaveCount(0);
  });

  test(`${site.id}: axe finds no serious or critical violation in the panel`, async ({
    context,
  }) => {
    await serveHelpdesk(context, site);
    const page = await openTicket(context, site);
    const panel = PanelObject.for(page, site, site.first);
    await panel.ready(site.first.subject, site.first.label);
    await panel.expandStep('assign-severity');
    expect(await panelAxeViolations(page)).toEqual([]);

    await panel.host.locator('button[aria-label="Collapse Casebook panel"]').click();
    await expect(panel.root).toHaveAttribute('data-collapsed', 'true');
    expect(await panelAxeViolations(page)).toEqual([]);
  });
}

/**
 * A Chromium without Casebook, which can install it later through CDP
 * (`Extensions.loadUnpacked`): how a tab comes to be open before the
 * extension is installed, and — installing again — before it is updated.
 * Playwright's default `--disable-extensions` would block a later install.
 */
export async function launchWithoutExtension(): Promise<BrowserContext> {
  requireBuild();
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_FLAGS, '--enable-unsafe-extension-debugging'],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  return context;
}

/** Install (or, when installed, update) the built extension; resolves with its new service worker. */
export async function installExtension(context: BrowserContext): Promise<Worker> {
  // The Extensions domain lives on the browser target, not on pages.
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context to install the extension into');
  const cdp = await browser.newBrowserCDPSession();
  const [worker] = await Promise.all([
    context.waitForEvent('serviceworker'),
    cdp.send('Extensions.loadUnpacked', { path: requireBuild() }),
  ]);
  await cdp.detach();
  return worker;
}
