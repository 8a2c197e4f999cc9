/** The panel on Intercom conversations (the inbox renders inside an open shadow root). */
import { call, expect, test } from './support/extension';
import { openTicket, PanelObject, panelSuite, serveHelpdesk, SITES } from './support/helpdesk';

const site = SITES.intercom;

panelSuite(site);

test('intercom: reads the conversation from inside the inbox shadow root', async ({ context }) => {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  // The title is not in the light DOM at all: the subject came through the shadow root.
  expect(
    await page.evaluate(() => document.querySelector('[data-inbox-conversation-header-title]')),
  ).toBeNull();
  await expect(panel.host.locator('.cb-health')).toHaveCount(0);
});

test('intercom with Linear chosen: step text names Intercom and Linear, never Zendesk or Jira', async ({
  context,
  extensionPage,
}) => {
  await call(await extensionPage('options.html'), {
    type: 'settings.update',
    patch: { integrations: { tracker: { kind: 'linear', teamKey: 'ENG' } } },
  });
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  await panel.expandStep('file-bug');
  await expect(panel.step('file-bug').locator('.cb-step-title')).toHaveText(
    'File a Linear bug with full repro context',
  );
  await expect(panel.step('file-bug')).toContainText('a link back to the Intercom conversation');
  await expect(panel.step('file-bug')).toContainText('Bug URL (Linear issue)');
  await panel.expandStep('hold-for-engineering');
  await expect(panel.step('hold-for-engineering')).toContainText('Watch the Linear issue');
  const text = await panel.root.innerText();
  expect(text).toContain('Intercom');
  expect(text).not.toMatch(/Zendesk|Jira|\{\{/);
});
