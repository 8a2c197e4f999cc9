/** The panel on Intercom conversations (the inbox renders inside an open shadow root). */
import { expect, test } from './support/extension';
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
