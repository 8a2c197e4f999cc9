/**
 * Page objects for the helpdesk panel tests: the three helpdesks' fixture
 * apps served at their real URLs (so the manifest's match patterns fire),
 * and the `<casebook-panel>` contract — `data-helpdesk`, `data-ticket-id`
 * and an open shadow root (Playwright's CSS locators pierce it).
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, serveFixture } from './extension';

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
    lazy: string;
    negative: string;
    /** A non-ticket route of the normal fixture app, reached in-app. */
    listPath: string;
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
      lazy: 'zendesk/lazy.html',
      negative: 'zendesk/views.html',
      listPath: '/agent/filters/360094211',
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
      lazy: 'intercom/conversation-lazy.html',
      negative: 'intercom/reports.html',
      listPath: '/a/inbox/k2x9q7ab/inbox/shared/all',
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
      lazy: 'helpscout/conversation-lazy.html',
      negative: 'helpscout/mailbox.html',
      listPath: '/inboxes/4f1a2b3c4d5e6f70/views/all',
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

/** Serve `fixture` for every URL of the helpdesk (the fixture app renders the route). */
export async function serveHelpdesk(
  context: BrowserContext,
  site: HelpdeskSite,
  fixture: string = site.fixtures.ticket,
): Promise<void> {
  await serveFixture(context, site.pattern, fixture);
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
    await radio.check();
    await expect(radio).toBeChecked();
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
