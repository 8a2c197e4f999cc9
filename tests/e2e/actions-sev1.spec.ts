/**
 * A SEV1 ticket end to end on each helpdesk's fixture, through the built
 * extension: page on-call against a local Events API stub (the endpoint
 * override in settings), the status-page reminder, the bug URL, the
 * fix-shipped note inserted into the composer, the customer's confirmation,
 * and closure blocked until the root cause is tagged.
 */
import { expect, test } from './support/extension';
import {
  openTicket,
  PanelObject,
  panelAxeViolations,
  serveHelpdesk,
  SITES,
} from './support/helpdesk';
import { COMPOSERS, configure, fillText, ROUTING_KEY, startStub } from './support/sev1';

for (const site of Object.values(SITES)) {
  test(`${site.id}: a SEV1 run end to end — page, reminders, bug, fix shipped, confirmation, closure`, async ({
    context,
    extensionPage,
  }) => {
    const ticketId = site.first.id;
    const shown = site.first.label;
    const stub = await startStub();
    try {
      // The stub is the one local destination the test lets through.
      await context.route(/^http:\/\/127\.0\.0\.1:/, (route) => route.continue());
      await configure(await extensionPage('options.html'), stub.endpoint);
      await serveHelpdesk(context, site);
      const page = await openTicket(context, site);
      const panel = PanelObject.for(page, site, site.first);
      await panel.ready(site.first.subject, site.first.label);

      // Triage: SEV1 with its one-sentence impact.
      await panel.choose('verify-account', 'plan', 'enterprise');
      await panel.choose('assign-severity', 'severity', 'SEV1');
      await fillText(panel, 'assign-severity', 'impact', 'Exports fail for every Acme user');

      // Page on-call: one trigger reaches PagerDuty; the panel shows it accepted.
      await panel.expandStep('page-sev1');
      const pageSev1 = panel.step('page-sev1');
      const pageButton = pageSev1.getByRole('button', { name: 'Page on-call (PagerDuty)' });
      await expect(pageButton).toBeEnabled();
      await pageButton.click();
      await expect(pageSev1.locator('[data-page-status="accepted"]')).toContainText(
        `dedup key casebook-${site.id}-${ticketId}`,
      );
      expect(stub.events).toHaveLength(1);
      expect(stub.events[0]).toMatchObject({
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: `casebook-${site.id}-${ticketId}`,
        payload: {
          summary: expect.stringMatching(
            new RegExp(
              `^SEV1: Exports fail for every Acme user \\(ticket #?${shown.replace('#', '')}\\)$`,
            ),
          ),
          severity: 'critical',
          // The adapter's canonical ticket URL.
          custom_details: { ticket_url: expect.stringContaining(ticketId), plan: 'enterprise' },
        },
        client: 'Casebook',
      });
      // No double page: the button is gone once PagerDuty accepted, and the run
      // recorded the incident in the step's own field (nothing to type).
      await expect(pageButton).toHaveCount(0);
      await expect(panel.host.locator('#cb-page-sev1--pagerduty-incident--input')).toHaveValue(
        `PagerDuty casebook-${site.id}-${ticketId}`,
      );
      await expect(
        pageSev1.getByRole('button', { name: `Copy #incident-${shown.replace('#', '')}` }),
      ).toBeVisible();

      // Reminders: the SEV1 status-page cadence runs; posting Investigating is recorded.
      await expect(panel.host.locator('.cb-chips')).toContainText(/status-page/i);
      await pageSev1.getByRole('button', { name: 'I posted it', exact: true }).click();
      await expect(pageSev1.getByText('Recorded the Investigating update.')).toBeVisible();
      await expect(panel.host.locator('#cb-page-sev1--status-page-posted--input')).toBeChecked();
      // The action controls (page state, status-page form) pass the panel's accessibility bar.
      expect(await panelAxeViolations(page)).toEqual([]);

      // Reproduction: the request ID unlocks filing the bug; the bug URL is accepted.
      await fillText(panel, 'collect-repro', 'request-id', 'req_8f3a2b');
      await panel.expandStep('file-bug');
      await expect(
        panel.step('file-bug').getByRole('button', { name: 'Copy bug report' }),
      ).toBeEnabled();
      await fillText(panel, 'file-bug', 'bug-url', 'https://acme.atlassian.net/browse/ENG-42');
      await expect(panel.host.locator('#cb-file-bug--bug-url--input')).toHaveValue(
        'https://acme.atlassian.net/browse/ENG-42',
      );

      // Fix shipped: the note goes into the helpdesk's own reply editor.
      await COMPOSERS[site.id].open?.(page);
      await fillText(panel, 'fix-shipped', 'release-tag', 'v2026.03.1');
      const fixShipped = panel.step('fix-shipped');
      // The step's own message: its draft is shown with the step, no button to ask for it.
      await expect(fixShipped.getByRole('button', { name: 'Insert fix-shipped note' })).toHaveCount(
        0,
      );
      // The preview follows the run: it shows the release tag once the field is saved.
      await expect(fixShipped.getByRole('textbox', { name: /Fix shipped/ })).toHaveValue(
        /release v2026\.03\.1\./,
      );
      // What the run does not know is asked for in the preview; Insert waits for it.
      const insert = fixShipped.getByRole('button', { name: 'Insert into reply' });
      for (const gap of await fixShipped.locator('[data-placeholder]').all()) {
        await expect(insert).toBeDisabled();
        await gap.fill('today 16:00');
      }
      await insert.click();
      await expect(fixShipped.getByText('Inserted into the reply.')).toBeVisible();
      const editor = page.locator(COMPOSERS[site.id].editor).first();
      await expect(editor).toContainText('release v2026.03.1');

      // Confirmation from the customer.
      await panel.choose('confirm-fix', 'confirmation', 'confirmed');

      // Closure: blocked until the root cause is tagged, then closed.
      await panel.expandStep('close');
      const close = panel.step('close');
      await expect(close.locator('#cb-close--blocked')).toContainText('Tag the root cause');
      await panel.choose('close', 'root-cause', 'integration');
      // Still blocked: the steps this flow did not do are listed, each a link to go there.
      const openLinks = close.locator('.cb-open-steps button[data-go-to]');
      await expect(close.getByRole('button', { name: 'Mark done', exact: true })).toBeDisabled();
      while ((await openLinks.count()) > 0) {
        const stepId = (await openLinks.first().getAttribute('data-go-to')) ?? '';
        await openLinks.first().click();
        const open = panel.step(stepId);
        await expect(open.locator('.cb-step-toggle')).toHaveAttribute('aria-expanded', 'true');
        await open.getByRole('button', { name: 'Skip…' }).click();
        await open.getByRole('textbox', { name: /reason/i }).fill('Not part of this test flow');
        await open.getByRole('button', { name: 'Skip step' }).click();
        await expect(open).toHaveAttribute('data-status', 'skipped');
      }
      await expect(close.locator('.cb-blocked')).toHaveCount(0);
      await close.getByRole('button', { name: 'Mark done', exact: true }).click();
      await expect(close).toHaveAttribute('data-status', 'done');
      expect(stub.events).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => stub.server.close(() => resolve()));
    }
  });
}

test('zendesk: a page PagerDuty cannot take yet is shown pending and retried by the alarm, once', async ({
  context,
  extensionPage,
  serviceWorker,
}) => {
  const site = SITES.zendesk;
  const stub = await startStub();
  stub.script.push(503);
  try {
    await context.route(/^http:\/\/127\.0\.0\.1:/, (route) => route.continue());
    await configure(await extensionPage('options.html'), stub.endpoint);
    await serveHelpdesk(context, site);
    const page = await openTicket(context, site);
    const panel = PanelObject.for(page, site, site.first);
    await panel.ready(site.first.subject, site.first.label);
    await panel.choose('assign-severity', 'severity', 'SEV1');
    await fillText(panel, 'assign-severity', 'impact', 'Exports fail for every Acme user');
    await panel.expandStep('page-sev1');
    const step = panel.step('page-sev1');
    await step.getByRole('button', { name: 'Page on-call (PagerDuty)' }).click();
    await expect(step.locator('[data-page-status="retry-scheduled"]')).toContainText(
      'Page pending — PagerDuty error 503: Service unavailable',
    );
    await expect(step.getByRole('button', { name: 'Page on-call (PagerDuty)' })).toBeDisabled();
    // The retry is due 30 s after the failed send: move the background's clock past it and
    // fire the retry alarm now, rather than wait for it in real time.
    await serviceWorker.evaluate(
      async ({ runId, ahead }) => {
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() + ahead;
        const { chrome } = globalThis as unknown as {
          chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } };
        };
        await chrome.alarms.create(`casebook-page-retry:${runId}`, { when: realNow() + 10 });
      },
      { runId: `zendesk:${site.first.id}`, ahead: 31_000 },
    );
    await expect(step.locator('[data-page-status="accepted"]')).toBeVisible();
    expect(stub.events).toHaveLength(2);
    expect(stub.events[1]).toEqual(stub.events[0]);
  } finally {
    await new Promise<void>((resolve) => stub.server.close(() => resolve()));
  }
});
