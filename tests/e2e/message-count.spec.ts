/**
 * What one change costs in messages: the same ticket open in two tabs and the
 * popup open beside them, the agent changes one field in tab A. Counted in
 * the background: every request it receives (an extra `runtime.onMessage`
 * listener) and every push it sends (the ports' `postMessage`). The change
 * costs one request from the editing view and one push per *other* view,
 * nothing else: the reply brings the editing view the run, its view and its
 * extras; each push carries what its view shows (the run with its drafts,
 * paging and team state; the open-runs list with its counts), so no view
 * asks again. Before, the same edit cost 8 to 10 requests (each tab re-asked
 * for drafts, paging and team state; the popup re-read the list), then 1
 * request and 3 pushes (the editing tab got its own push too).
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { countTraffic, resetTraffic, traffic } from './support/traffic';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

/**
 * Wait until the views stop asking: the popup draws its rows before React
 * mounts, then React reads settings, team state and the list again, so rows
 * on screen do not mean loading is over. Quiet for a second is the signal.
 */
async function quiet(serviceWorker: Worker): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = (await traffic(serviceWorker)).requests.length;
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [1_000], timeout: 30_000 },
    )
    .toBe(true);
}

test('one field edit in two tabs and the popup: one request, one push per view, nothing else', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const site = SITES.zendesk;
  await countTraffic(serviceWorker);
  await serveHelpdesk(context, site);
  const a = await openTicket(context, site);
  const b = await openTicket(context, site);
  const panelA = PanelObject.for(a, site, site.first);
  const panelB = PanelObject.for(b, site, site.first);
  await panelA.ready(site.first.subject, site.first.label);
  await panelB.ready(site.first.subject, site.first.label);
  await panelA.expandStep('assign-severity');
  await panelB.expandStep('assign-severity');
  const popup = await extensionPage('popup.html');
  const popupRun = popup.locator('.cb-run', { hasText: site.first.subject });
  await expect(popupRun).toBeVisible();
  await expect(popupRun).not.toContainText('SEV2');
  // Loading is over when every view has what it shows.
  await expect(panelA.step('acknowledge').locator('.cb-step-actions')).toBeVisible();
  await expect(panelB.step('acknowledge').locator('.cb-step-actions')).toBeVisible();
  await quiet(serviceWorker);
  await resetTraffic(serviceWorker);

  await panelA.choose('assign-severity', 'severity', 'SEV2');
  await expect(panelB.option('assign-severity', 'severity', 'SEV2')).toBeChecked();
  await expect(popupRun).toContainText('SEV2');

  const seen = await traffic(serviceWorker);
  expect(seen.requests.map((r) => r.type)).toEqual(['run.mutate']);
  expect(seen.requests[0]!.from).toBe(a.url());
  expect(seen.pushes.map((p) => `${p.type} → ${p.to}`).sort()).toEqual(
    [`open-runs-changed → ${popup.url()}`, `run-changed → ${b.url()}`].sort(),
  );
  // The editing tab shows the change from its reply (drafts included), with no push of its own.
  await expect(panelA.option('assign-severity', 'severity', 'SEV2')).toBeChecked();
});
