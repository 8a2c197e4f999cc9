/**
 * The popup with the built extension. A real toolbar popup cannot be opened
 * by Playwright, so the tests open `popup.html` in a tab: bound to a ticket
 * tab with `?tab=<id>` (the popup's own "Pop out" window), or unbound to see
 * the open-runs list as from any page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { call, expect, test } from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  const id = await serviceWorker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
    };
    return (await chrome.tabs.query({})).find((t) => t.url === url)?.id;
  }, page.url());
  if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
  return id;
}

async function badgeText(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

const actor = { name: 'Popup Tester', email: 'popup@example.com' };
const MIN = 60_000;

test('popup triage on a ticket page changes the run the panel shows', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const site = SITES.zendesk;
  await serveHelpdesk(context, site);
  const ticketPage = await openTicket(context, site);
  const panel = PanelObject.for(ticketPage, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  await expect(panel.step('page-sev1')).toHaveCount(0);

  const popup = await extensionPage(`popup.html?tab=${await tabIdOf(serviceWorker, ticketPage)}`);
  const heading = popup.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(site.first.subject);
  await expect(popup.locator('.cb-ticket__desk')).toHaveText('Zendesk');
  // The fixture ticket was created days ago: its first response is overdue.
  const clock = popup.locator('[data-clock-id="first-response"]');
  await expect(clock).toHaveClass(/cb-clock--breached/);
  await expect(clock).toContainText(/breached .* ago/);

  // Severity by mouse: the popup says what SEV1 adds, the panel shows it.
  // Radios are controlled by the run: checked once the background stored the change.
  await popup.getByRole('radio', { name: 'SEV1' }).click();
  await expect(popup.getByRole('radio', { name: 'SEV1' })).toBeChecked();
  await expect(popup.locator('.cb-notice--info')).toHaveText(
    'SEV1: page on-call now — steps 4, 13, 16 added',
  );
  await expect(panel.step('page-sev1')).toBeVisible();
  await panel.expandStep('assign-severity');
  await expect(panel.option('assign-severity', 'severity', 'SEV1')).toBeChecked();

  // Plan tier, then acknowledge by keyboard (outside the search box).
  await popup.getByRole('radio', { name: 'Enterprise' }).click();
  await expect(popup.locator('.cb-notice--info')).toHaveText('Plan tier: Enterprise.');
  await panel.expandStep('verify-account');
  await expect(panel.option('verify-account', 'plan', 'enterprise')).toBeChecked();
  await popup.getByRole('radio', { name: 'Enterprise' }).focus();
  await popup.keyboard.press('a');
  await expect(popup.locator('.cb-notice--info')).toHaveText(
    'Acknowledged: the first-response clock stops when your reply appears on the ticket.',
  );
  await expect(panel.step('acknowledge')).toHaveAttribute('data-status', 'done');
  // Ticking the step sends nothing: the clock waits for a public reply on the
  // page, and a first response already overdue stays breached.
  await expect(clock).toHaveClass(/cb-clock--breached/);

  // A change made in the panel reaches the popup live.
  await panel.choose('assign-severity', 'severity', 'SEV2');
  await expect(popup.getByRole('radio', { name: 'SEV2' })).toBeChecked();

  // "Open the panel" reaches the tab's content script.
  await popup.keyboard.press('p');
  await expect(popup.locator('.cb-notice--error')).toHaveCount(0);
});

test('the open-runs list orders by urgency, counts match the badge, search and Enter open a run', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const site = SITES.zendesk;
  await serveHelpdesk(context, site);
  const setup = await extensionPage('popup.html');
  // Calendar time (a template without SLA policies), so the order does not
  // depend on the hour of the day this test runs at.
  const { template } = await call<{ template: { policy: { sla?: unknown } } }>(setup, {
    type: 'template.getActive',
  });
  delete template.policy.sla;
  await call(setup, { type: 'template.save', template });
  const now = Date.now();
  const runs = [
    // id, plan, created minutes ago → first response due (paid/enterprise 60, trial 240)
    { id: '9003', plan: 'trial', ago: 30, subject: 'Trial: due in 3.5 h' },
    { id: '9001', plan: 'paid', ago: 120, subject: 'Paid: breached an hour ago' },
    { id: '9004', plan: 'enterprise', ago: 10, subject: 'Enterprise: due in 50 min' },
    { id: '9002', plan: 'paid', ago: 50, subject: 'Paid: due in 10 min' },
  ];
  for (const r of runs) {
    const opened = await call<{ run: { id: string } }>(setup, {
      type: 'run.open',
      ticket: {
        helpdesk: 'zendesk',
        ticketId: r.id,
        url: `${site.origin}/agent/tickets/${r.id}`,
        subject: r.subject,
        createdAt: now - r.ago * MIN,
      },
      actor,
    });
    await call(setup, {
      type: 'run.mutate',
      runId: opened.run.id,
      mutation: { type: 'set-field', stepId: 'verify-account', fieldId: 'plan', value: r.plan },
      actor,
    });
  }
  await setup.close();

  const popup = await extensionPage('popup.html');
  const rows = popup.getByRole('option');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toHaveAttribute('data-run-id', 'zendesk:9001');
  await expect(rows.nth(1)).toHaveAttribute('data-run-id', 'zendesk:9002');
  await expect(rows.nth(2)).toHaveAttribute('data-run-id', 'zendesk:9004');
  await expect(rows.nth(3)).toHaveAttribute('data-run-id', 'zendesk:9003');
  await expect(rows.nth(0)).toContainText('breached');
  await expect(popup.getByTestId('open-counts')).toContainText(
    '2 urgent (1 breached, 1 due ≤ 15 min) · 4 open',
  );
  await expect.poll(() => badgeText(serviceWorker)).toBe('2');

  // Keyboard: the search box has focus; type, arrow, Enter.
  await expect(popup.getByRole('combobox')).toBeFocused();
  await popup.keyboard.type('3.5 h');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-run-id', 'zendesk:9003');
  await popup.getByRole('combobox').fill('9004');
  await expect(rows).toHaveCount(1);
  await popup.getByRole('combobox').fill('');
  await expect(rows).toHaveCount(4);
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  // Enter focuses the ticket's tab (here: opens it) and the popup closes itself.
  const closed = popup.waitForEvent('close');
  await popup.keyboard.press('Enter').catch(() => undefined);
  await closed;
  await expect
    .poll(() => context.pages().map((p) => p.url()))
    .toContain(`${site.origin}/agent/tickets/9004`);
});

test('axe finds no serious or critical violation in the popup', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const site = SITES.zendesk;
  await serveHelpdesk(context, site);
  const ticketPage = await openTicket(context, site);
  await PanelObject.for(ticketPage, site, site.first).ready(site.first.subject, site.first.label);
  const popup = await extensionPage(`popup.html?tab=${await tabIdOf(serviceWorker, ticketPage)}`);
  await expect(popup.getByRole('heading', { level: 1 })).toContainText(site.first.subject);
  await expect(popup.getByRole('option')).toHaveCount(1);
  const results = await new AxeBuilder({ page: popup }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  expect(bad).toEqual([]);
});
