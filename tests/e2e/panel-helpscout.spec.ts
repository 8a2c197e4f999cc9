/** The panel on Help Scout conversations (current and legacy UI). */
import { expect, test } from './support/extension';
import { openTicket, PanelObject, panelSuite, serveHelpdesk, SITES } from './support/helpdesk';

const site = SITES.helpscout;

panelSuite(site);

test('helpscout: moves clear of the send button of the editor Reply creates', async ({
  context,
}) => {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  // Help Scout's Send sits at the bottom right of the editor; put it where
  // the panel's default place is, then let Reply create the editor.
  await page.addStyleTag({
    content: '[data-cy="SendButton"] { position: fixed; right: 48px; bottom: 40px; }',
  });
  const send = page.locator('[data-cy="SendButton"]');
  const overlap = async () => {
    const a = await send.boundingBox();
    const b = await panel.root.boundingBox();
    if (!a || !b) return 'not laid out';
    const covers =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    return covers ? 'covers the send button' : 'clear';
  };
  await page.locator('[data-testid="reply-button"]').click();
  await expect(send).toBeVisible();
  await expect.poll(overlap).toBe('clear');
  await expect(panel.root).toBeInViewport();
});

test('helpscout: the legacy UI gets the panel with the conversation number', async ({
  context,
}) => {
  await serveHelpdesk(context, site, 'helpscout/legacy.html');
  const page = await context.newPage();
  await page.goto(`${site.origin}/conversation/2871236524/11161?folderId=4532188`);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
});
