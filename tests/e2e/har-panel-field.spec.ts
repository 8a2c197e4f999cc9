/**
 * A file chosen in the panel's own file field (issue 11). The page-world file
 * guard holds it like any file on the page; a HAR is sanitized in the hidden
 * sanitizer frame, and the bridge hands the panel the reviewed file with that
 * job's count, in the extension's world (a replayed event would be untrusted,
 * and the panel obeys only the agent's events). The background checks the
 * HAR again before storing it (it finds nothing more), so the field shows
 * the real count, not "0 redactions".
 *
 * Files are chosen by path: that is what fires trusted events, as an agent's
 * choice does (Playwright's in-memory files fire untrusted ones).
 * Before the fix, nothing chosen in the panel's field was ever attached.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sanitizeHarText } from '../../lib/har/index';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, FIXTURES_DIR, test } from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

const HAR = readFileSync(resolve(FIXTURES_DIR, 'har/oidc-login.har'), 'utf8');
const SECRETS = (
  JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'har/planted.json'), 'utf8'))['oidc-login.har'] as {
    secrets: string[];
  }
).secrets;
const site = SITES.zendesk;

/** The agent opens the ticket, clicks the panel's file field and picks `name` in the dialog. */
async function chooseInPanelField(
  context: BrowserContext,
  name: string,
  bytes: string | Buffer,
): Promise<{ page: Page; panel: PanelObject }> {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  await panel.expandStep('request-artifacts');
  const dialog = page.waitForEvent('filechooser');
  await panel.host.locator('#cb-request-artifacts--files--input').click();
  const path = join(mkdtempSync(join(tmpdir(), 'casebook-panel-file-')), name);
  writeFileSync(path, bytes);
  await (await dialog).setFiles(path);
  return { page, panel };
}

test('a HAR chosen in the panel file field is attached sanitized and shows the real count', async ({
  context,
}) => {
  const { panel } = await chooseInPanelField(context, 'capture.har', HAR);

  const expected = sanitizeHarText(HAR).report.total;
  expect(expected).toBeGreaterThan(0);
  const attached = panel.step('request-artifacts').getByRole('list', {
    name: 'Screenshots, HAR files, logs: attached files',
  });
  await expect(attached.getByRole('listitem')).toHaveCount(1);
  await expect(attached).toContainText('capture.sanitized.har');
  await expect(attached).toContainText(`sanitized (${expected} redactions)`);

  // What the background stored is the sanitized file, not the original.
  const [worker] = context.serviceWorkers();
  const stored = await worker!.evaluate(async () => {
    const request = indexedDB.open('casebook');
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const all = db.transaction('attachments').objectStore('attachments').getAll();
    const rows = await new Promise<Array<{ name: string; blob: Blob }>>((ok) => {
      all.onsuccess = () => ok(all.result as Array<{ name: string; blob: Blob }>);
    });
    return Promise.all(rows.map(async (r) => ({ name: r.name, text: await r.blob.text() })));
  });
  expect(stored.map((s) => s.name)).toEqual(['capture.sanitized.har']);
  for (const secret of SECRETS)
    expect(stored[0]!.text.includes(secret), `stored ${secret.slice(0, 12)}…`).toBe(false);
});

test('a screenshot chosen in the panel file field is attached as chosen', async ({ context }) => {
  // A 1×1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const { panel } = await chooseInPanelField(context, 'checkout-error.png', png);
  const attached = panel.step('request-artifacts').getByRole('list', {
    name: 'Screenshots, HAR files, logs: attached files',
  });
  await expect(attached.getByRole('listitem')).toHaveCount(1);
  await expect(attached).toContainText('checkout-error.png');
  await expect(attached).not.toContainText('sanitized');
});
