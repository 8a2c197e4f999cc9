/**
 * What the page shows, the panel offers "from the page", used in one click
 * (issue 12, item 5): on Zendesk's ticket page (priority High, the
 * requester's local time "Thu, 10:14 CET"), the severity the lead maps High
 * to, a Jira link the agent types into the reply, and the customer's zone.
 */
import type { Page } from '@playwright/test';
import { call, expect, test } from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

const site = SITES.zendesk;
const JIRA_ISSUE = 'https://acme.atlassian.net/browse/ENG-123';

async function settings(options: Page, patch: unknown): Promise<void> {
  await call(options, { type: 'settings.update', patch });
}

async function ready(page: Page): Promise<PanelObject> {
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  return panel;
}

test('severity from the ticket priority, once the lead maps it', async ({
  context,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await serveHelpdesk(context, site);
  const panel = await ready(await openTicket(context, site));
  await panel.expandStep('assign-severity');
  const step = panel.step('assign-severity');
  // Before: no mapping, no offer (priority alone says nothing until the lead says so).
  await expect(step.locator('.cb-step-body')).toBeVisible();
  await expect(step.locator('[data-suggest-field]')).toHaveCount(0);

  await settings(options, { triage: { severityByPriority: { high: 'SEV2' } } });
  const offer = step.locator('[data-suggest-field="severity"]');
  await expect(offer).toHaveText(/Severity from the page: SEV2 \(priority High\)/);
  await offer.getByRole('button', { name: 'Use SEV2 for Severity' }).click();
  await expect(panel.option('assign-severity', 'severity', 'SEV2')).toBeChecked();
  await expect(offer).toHaveCount(0);
});

test('a Jira link typed into the reply fills the bug field in one click', async ({
  context,
  extensionPage,
}) => {
  await settings(await extensionPage('options.html'), {
    integrations: {
      tracker: {
        kind: 'jira',
        site: 'acme.atlassian.net',
        projectId: '10000',
        issueTypeId: '10001',
      },
    },
  });
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = await ready(page);
  await panel.expandStep('file-bug');
  const step = panel.step('file-bug');
  await expect(step.locator('.cb-step-body')).toBeVisible();
  await expect(step.locator('[data-suggest-field]')).toHaveCount(0);

  const composer = page.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]').first();
  await composer.click();
  await page.keyboard.type(`Engineering is on it: ${JIRA_ISSUE} `);
  const offer = step.locator('[data-suggest-field="bug-url"]');
  await expect(offer).toContainText('from the page: ENG-123 (in your draft)');
  await offer.getByRole('button', { name: /^Use ENG-123 for Bug URL/ }).click();
  await expect(step.locator('#cb-file-bug--bug-url--input')).toHaveValue(JIRA_ISSUE);
  await expect(offer).toHaveCount(0);
});

test("the customer's time zone the sidebar shows, used in one click", async ({ context }) => {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = await ready(page);
  // "When it happened" is offered the ticket's creation time, in the customer's zone.
  await panel.expandStep('collect-repro');
  await expect(
    panel.step('collect-repro').locator('[data-suggest-field="occurred-at"]'),
  ).toContainText('(ticket created)');
  // A customer-time field still empty takes the customer's zone for the time to come.
  await panel.expandStep('fix-shipped');
  const step = panel.step('fix-shipped');
  const zone = step.locator('#cb-fix-shipped--visible-at--zone');
  await expect(zone).toBeVisible();
  // Before: the zone select starts at the agent's own zone.
  await expect(zone).not.toHaveValue('CET');
  const offer = step.locator('[data-suggest-field="visible-at--zone"]');
  await expect(offer).toContainText("Customer's time zone from the page: CET");
  await offer.getByRole('button', { name: "Use CET for Customer's time zone" }).click();
  await expect(zone).toHaveValue('CET');
  await expect(offer).toHaveCount(0);
  // The time the customer gives is then recorded in their zone.
  const input = step.locator('#cb-fix-shipped--visible-at--input');
  // Typed as an agent does (the browser's en-US date-time field), not set by script.
  await input.focus();
  await input.pressSequentially('12032026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0930AM');
  await expect(step.locator('#cb-fix-shipped--visible-at--utc')).toContainText(
    '2026-12-03 08:30 UTC',
  );
});
