/**
 * A file chosen in the panel's own file field (issue 11). The page-world file
 * guard holds it like any file on the page; a HAR is sanitized in the hidden
 * sanitizer frame, and the bridge hands the panel the reviewed file with that
 * job's count, in the extension's world (a replayed event would be untrusted,
 * and the panel obeys only the agent's events). The frame vouches for the file
 * it made by its SHA-256, so the background stores that very file without
 * sanitizing it again (sanitized once), and the field shows the real count.
 * Before, the background sanitized it a second time.
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
import { createHash } from 'node:crypto';
import { expect, FIXTURES_DIR, test } from './support/extension';
import { countTraffic, traffic } from './support/traffic';
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

test('a HAR chosen in the panel file field is sanitized once, attached, and shows the real count', async ({
  context,
  serviceWorker,
}) => {
  await countTraffic(serviceWorker);
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
  const stored = await serviceWorker.evaluate(async () => {
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

  // Sanitized once: the frame vouched for exactly the file that was stored
  // (lib/har/vouch.ts; the background skips its own pass for that digest only).
  const seen = (await traffic(serviceWorker)).requests;
  const vouches = seen.filter((r) => r.type === 'har.vouch');
  expect(vouches.map((v) => v.from.split('?')[0])).toEqual([
    expect.stringMatching(/\/har-sanitizer\.html$/),
  ]);
  expect(vouches[0]!.message.sha256).toBe(
    createHash('sha256').update(stored[0]!.text, 'utf8').digest('hex'),
  );
  expect(seen.filter((r) => r.type === 'attachment.put')).toHaveLength(1);
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
