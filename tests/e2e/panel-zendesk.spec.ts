/**
 * The panel on Zendesk tickets, plus what only Zendesk does: one workspace
 * per open tab kept in the DOM, sidebar app iframes, and the lifecycle cases
 * shared by all helpdesks (two tabs, tabs open before an update, drift).
 */
import { expect, test } from './support/extension';
import {
  anyPanel,
  contentScriptStatus,
  installExtension,
  launchWithoutExtension,
  openTicket,
  panelHost,
  PanelObject,
  panelSuite,
  sendToTab,
  serveHelpdesk,
  SITES,
} from './support/helpdesk';

const site = SITES.zendesk;
const third = { id: '6001', subject: 'Invoice PDF shows wrong VAT number', label: '#6001' };

panelSuite(site);

test('zendesk: with several ticket tabs open, reads only the active workspace', async ({
  context,
}) => {
  await serveHelpdesk(context, site, 'zendesk/multi-tab.html');
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  // The hidden workspaces of 5150 and 6001 are in the DOM with the same element ids.
  await expect(page.locator('[data-test-id="omni-header-subject"]')).toHaveCount(3);

  await page.locator('[data-test-id="header-tab"][data-entity-id="6001"] a').click();
  const other = new PanelObject(page, site.id, third.id);
  await other.ready(third.subject, third.label);
  await expect(anyPanel(page)).toHaveCount(1);
});

test('zendesk: ids in app iframes, links and sidebars never become the ticket', async ({
  context,
}) => {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  // A sidebar app framed at a ticket URL of the same helpdesk: the content
  // script's patterns match it, but detection runs in the top frame only.
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.name = 'decoy-app';
    frame.src = '/agent/tickets/9999';
    document.querySelector('[data-test-id="apps-tray"]')!.append(frame);
  });
  const frame = await expect
    .poll(() => page.frame({ name: 'decoy-app' })?.url() ?? null)
    .toBe(`${site.origin}/agent/tickets/9999`)
    .then(() => page.frame({ name: 'decoy-app' })!);
  await frame.waitForLoadState('load');
  await expect(frame.locator('casebook-panel')).toHaveCount(0);
  await expect(anyPanel(page)).toHaveCount(1);
  await expect(panelHost(page, site.id, '9999')).toHaveCount(0);
  await expect(panel.subject).toHaveText(site.first.subject);
});

test('zendesk: the same ticket in two tabs shows the same live state', async ({ context }) => {
  await serveHelpdesk(context, site);
  const a = await openTicket(context, site);
  const b = await openTicket(context, site);
  const panelA = PanelObject.for(a, site, site.first);
  const panelB = PanelObject.for(b, site, site.first);
  await panelA.ready(site.first.subject, site.first.label);
  await panelB.ready(site.first.subject, site.first.label);
  await panelB.expandStep('assign-severity');
  await expect(panelB.option('assign-severity', 'severity', 'SEV2')).not.toBeChecked();

  await panelA.choose('assign-severity', 'severity', 'SEV2');
  await expect(panelB.option('assign-severity', 'severity', 'SEV2')).toBeChecked();

  await panelB.choose('assign-severity', 'severity', 'SEV1');
  await expect(panelA.option('assign-severity', 'severity', 'SEV1')).toBeChecked();
  await expect(panelA.step('page-sev1')).toBeVisible();
});

test('zendesk: tabs open before the extension was installed or updated get a working panel', async () => {
  const context = await launchWithoutExtension();
  try {
    await serveHelpdesk(context, site);
    const page = await openTicket(context, site);
    await expect(page.locator('[data-test-id="omni-header-subject"]')).toHaveValue(
      site.first.subject,
    );
    await expect(anyPanel(page)).toHaveCount(0);

    // Install: Chrome runs manifest content scripts only in pages loaded
    // afterwards; the background injects into this one.
    let worker = await installExtension(context);
    expect(await contentScriptStatus(worker, page)).toEqual({
      helpdesk: 'zendesk',
      ticketId: '4242',
    });
    const panel = PanelObject.for(page, site, site.first);
    await panel.ready(site.first.subject, site.first.label);
    await panel.choose('assign-severity', 'severity', 'SEV3');

    // Update: the old copy is cut off from the extension; a new one takes over.
    worker = await installExtension(context);
    expect(await contentScriptStatus(worker, page)).toEqual({
      helpdesk: 'zendesk',
      ticketId: '4242',
    });
    await expect(anyPanel(page)).toHaveCount(1);
    await panel.ready(site.first.subject, site.first.label);
    await panel.expandStep('assign-severity');
    await expect(panel.option('assign-severity', 'severity', 'SEV3')).toBeChecked();
    // It talks to the new background: a change goes through and persists.
    await panel.choose('assign-severity', 'severity', 'SEV4');
    await page.reload();
    await panel.ready(site.first.subject, site.first.label);
    await panel.expandStep('assign-severity');
    await expect(panel.option('assign-severity', 'severity', 'SEV4')).toBeChecked();
  } finally {
    await context.close();
  }
});

test('zendesk: a drifted page still gets the panel and says what it could not read', async ({
  context,
}) => {
  await serveHelpdesk(context, site, 'zendesk/drifted.html');
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await expect(panel.ticketLabel).toHaveText(site.first.label);
  await expect(panel.host.locator('.cb-health')).toContainText('Could not read:');
  await expect(panel.host.locator('.cb-sections')).toBeVisible();
});

test('zendesk: the shortcut toggles the panel, the popup shows it, collapse persists per helpdesk', async ({
  context,
  serviceWorker,
}) => {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  await expect(panel.root).toHaveAttribute('data-collapsed', 'false');

  // What the background sends to the active tab on the `toggle-panel` command.
  expect(await sendToTab(serviceWorker, page, { type: 'panel.toggle' })).toEqual({
    helpdesk: 'zendesk',
    ticketId: site.first.id,
  });
  await expect(panel.root).toHaveAttribute('data-collapsed', 'true');
  // Docked, it collapses to the rail, which still names the ticket.
  await expect(panel.host.locator('.cb-rail')).toContainText(site.first.label);

  // Collapse is remembered for Zendesk: a reload and another ticket stay collapsed.
  await page.reload();
  await expect(panel.root).toHaveAttribute('data-collapsed', 'true');
  const other = await openTicket(context, site, site.second);
  await expect(new PanelObject(other, site.id, site.second.id).root).toHaveAttribute(
    'data-collapsed',
    'true',
  );

  // The popup's "show panel" expands it; toggling again collapses.
  await sendToTab(serviceWorker, page, { type: 'panel.show' });
  await expect(panel.root).toHaveAttribute('data-collapsed', 'false');
  await sendToTab(serviceWorker, page, { type: 'panel.toggle' });
  await expect(panel.root).toHaveAttribute('data-collapsed', 'true');
});

test("zendesk: keys typed in the panel never reach the helpdesk's shortcuts", async ({
  context,
}) => {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  await page.evaluate(() => {
    const w = window as unknown as { pageKeys: string[] };
    w.pageKeys = [];
    for (const type of ['keydown', 'keyup', 'keypress']) {
      document.addEventListener(type, (e) => w.pageKeys.push((e as KeyboardEvent).key));
    }
  });
  await panel.expandStep('assign-severity');
  const impact = panel.host.locator('#cb-assign-severity--impact--input');
  await impact.click();
  await page.keyboard.type('jk?');
  await expect(impact).toHaveValue('jk?');
  expect(await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual(
    [],
  );
  // And the page's own inputs still get theirs.
  await page.locator('[data-test-id="omni-header-subject"]').press('End');
  expect(
    await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys),
  ).toContain('End');
});
