/**
 * The options page with the built extension: host-mapped Zendesk domains,
 * all-or-nothing import, template versions reaching new runs only, and axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../../scripts/find-browser.mjs';
import {
  call,
  expect,
  extensionIdOf,
  FIXTURES_DIR,
  requireBuild,
  serveFixture,
  serviceWorkerOf,
  test,
} from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

const MAPPED_HOST = 'support.acme-widgets.com';

/**
 * Playwright cannot answer the browser's permission prompt, and headless
 * Chromium leaves `permissions.request` pending (no auto-grant with
 * --enable-automation, --apps-gallery-install-auto-confirm-for-tests or CDP
 * Browser.grantPermissions, which covers web permissions only). So this
 * test loads a copy of the build whose manifest already holds the mapped
 * host: `permissions.request` then resolves true at once, as after the user
 * clicks Allow, and everything after the prompt runs for real.
 */
async function launchWithHostGranted(): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-mapped-'));
  cpSync(requireBuild(), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`https://${MAPPED_HOST}/*`);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: [...extensionFlags(dir), ...CHROMIUM_FLAGS],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  return { context, dir };
}

test('adding a host-mapped Zendesk domain makes the panel appear on that domain', async () => {
  const { context, dir } = await launchWithHostGranted();
  try {
    const worker = await serviceWorkerOf(context);
    const id = extensionIdOf(worker);
    await serveFixture(
      context,
      new RegExp(`^https://${MAPPED_HOST.replace(/\./g, '\\.')}/`),
      'zendesk/ticket.html',
    );
    const first = SITES.zendesk.first;

    // A ticket already open on the brand domain: no panel yet.
    const before = await context.newPage();
    await before.goto(`https://${MAPPED_HOST}${first.path}`);
    const registered = () =>
      worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            scripting: {
              getRegisteredContentScripts(): Promise<
                Array<{
                  id: string;
                  matches?: string[];
                  world?: string;
                  runAt?: string;
                  allFrames?: boolean;
                }>
              >;
            };
          };
        };
        return chrome.scripting.getRegisteredContentScripts();
      });
    expect(await registered()).toEqual([]);
    await expect(before.locator('casebook-panel')).toHaveCount(0);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html#hosts`);
    await options
      .getByRole('textbox', { name: 'Domain' })
      .fill(`https://${MAPPED_HOST}/agent/tickets/1`);
    await options.getByRole('button', { name: 'Add domain' }).click();
    await expect(options.getByText(`${MAPPED_HOST} added`)).toBeVisible();
    await expect(options.locator(`[data-host="${MAPPED_HOST}"]`)).toContainText('active');
    // The panel, and the HAR guard in both worlds at document_start in every frame: a mapped
    // domain is as protected as zendesk.com.
    const mapped = await registered();
    expect(mapped.map((s) => s.id).sort()).toEqual([
      'zendesk-mapped',
      'zendesk-mapped-har-bridge',
      'zendesk-mapped-har-guard',
    ]);
    for (const script of mapped) expect(script.matches).toEqual([`https://${MAPPED_HOST}/*`]);
    expect(mapped.find((s) => s.id === 'zendesk-mapped-har-guard')).toMatchObject({
      world: 'MAIN',
      runAt: 'document_start',
      allFrames: true,
    });

    // The tab that was already open gets the panel without a reload…
    await new PanelObject(before, 'zendesk', first.id).ready(first.subject, first.label);
    // …and so does a ticket opened now.
    const after = await context.newPage();
    await after.goto(`https://${MAPPED_HOST}/agent/tickets/${SITES.zendesk.second.id}`);
    await new PanelObject(after, 'zendesk', SITES.zendesk.second.id).ready(
      SITES.zendesk.second.subject,
      SITES.zendesk.second.label,
    );

    // Removing it unregisters the script: a new page gets no panel.
    await options.getByRole('button', { name: `Remove ${MAPPED_HOST}` }).click();
    await expect(options.locator(`[data-host="${MAPPED_HOST}"]`)).toHaveCount(0);
    await expect.poll(registered).toEqual([]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the background refuses a domain whose permission was not granted, changing nothing', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await expect(
    call(options, { type: 'hosts.add', hostname: 'support.other-brand.com' }),
  ).rejects.toThrow(/permission-denied: .*https:\/\/support\.other-brand\.com\/\*/);
  const after = await call<{ settings: { zendeskHostMappings: string[] } }>(options, {
    type: 'settings.get',
  });
  expect(after.settings.zendeskHostMappings).toEqual([]);
});

test('importing a malformed file shows what is wrong and changes nothing', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html#agent');
  await options.getByLabel('Name', { exact: true }).fill('Before Import');
  await options.locator('#agent').getByRole('button', { name: 'Save' }).click();
  await expect(options.locator('#agent').getByRole('status')).toHaveText('Saved.');
  const before = await call(options, { type: 'settings.get' });
  const templatesBefore = await call(options, { type: 'template.list' });
  await options.getByRole('link', { name: 'Import / export' }).click();

  const input = options.getByTestId('settings-import-input');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind": "casebook-bundle", "format": 1, "settings": {'),
  });
  const section = options.locator('#import-export');
  await expect(section.getByRole('alert')).toContainText(
    'broken.json was not imported; nothing changed',
  );
  await expect(section.getByRole('alert')).toContainText('not valid JSON');

  const valid = JSON.parse(
    readFileSync(resolve(FIXTURES_DIR, 'settings/bundle-valid.json'), 'utf8'),
  );
  valid.settings.agent.email = 'not-an-email';
  valid.settings.sla.firstResponseMinutes.trial = 0;
  await input.setInputFiles({
    name: 'wrong-values.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(valid)),
  });
  await expect(section.getByRole('alert')).toContainText('wrong-values.json was not imported');
  // In words, not JSON paths.
  await expect(section.getByRole('alert')).toContainText(
    'E-mail: enter an address like dana@example.com',
  );
  await expect(section.getByRole('alert')).toContainText(
    'First response for Trial: enter whole minutes from 1 to 10080',
  );

  expect(await call(options, { type: 'settings.get' })).toEqual(before);
  expect(await call(options, { type: 'template.list' })).toEqual(templatesBefore);
  await options.getByRole('link', { name: 'You', exact: true }).click();
  await expect(options.getByLabel('Name', { exact: true })).toHaveValue('Before Import');
});

test('a template edit applies to a new ticket’s run while an earlier run keeps its version', async ({
  context,
  extensionPage,
}) => {
  const site = SITES.zendesk;
  await serveHelpdesk(context, site);
  const earlier = await openTicket(context, site, site.first);
  const earlierPanel = PanelObject.for(earlier, site, site.first);
  await earlierPanel.ready(site.first.subject, site.first.label);
  const original = 'Acknowledge the ticket within SLA';
  await expect(earlierPanel.step('acknowledge').locator('.cb-step-title')).toHaveText(original);

  const options = await extensionPage('options.html#template');
  const editor = options.locator('#template');
  await editor.locator('details[data-step-id="acknowledge"] > summary').click();
  const title = editor
    .locator('details[data-step-id="acknowledge"]')
    .getByLabel('Title', { exact: true });
  await title.fill('');
  await expect(editor.getByTestId('template-problems')).toContainText(
    'Step 1 › title: must not be empty',
  );
  await expect(editor.getByRole('button', { name: 'Save as a new version' })).toBeDisabled();
  const edited = 'Send the first touch within the SLA';
  await title.fill(edited);

  // A condition built in the form, no JSON: step 9 applies to paying plans only.
  const runbook = editor.locator('details[data-step-id="check-runbook"]');
  await runbook.locator('> summary').click();
  const when = runbook.getByRole('group', { name: 'When step 9 applies' });
  await when.getByRole('radio', { name: 'Only when…' }).check();
  await when
    .getByRole('combobox', { name: 'Condition 1: What to check' })
    .selectOption({ label: 'Plan tier' });
  await when.getByRole('combobox', { name: 'Condition 1: Operator' }).selectOption('is one of');
  await when
    .getByRole('group', { name: 'Condition 1: Values' })
    .getByRole('checkbox', { name: 'Paid' })
    .check();
  await expect(when.getByTestId('condition-summary')).toHaveText(
    'Applies when Plan tier is one of Enterprise, Paid',
  );
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(editor.getByRole('status')).toHaveText(
    'Saved as version 2. New tickets use it; runs in progress keep their version.',
  );

  // A ticket opened now starts on version 2…
  const later = await openTicket(context, site, site.second);
  const laterPanel = PanelObject.for(later, site, site.second);
  await laterPanel.ready(site.second.subject, site.second.label);
  await expect(laterPanel.step('acknowledge').locator('.cb-step-title')).toHaveText(edited);
  // The new condition holds the runbook step back until the plan is a paying one.
  await expect(laterPanel.step('check-runbook')).toHaveCount(0);
  await laterPanel.choose('verify-account', 'plan', 'paid');
  await expect(laterPanel.step('check-runbook')).toBeVisible();
  // …and the earlier run stays on version 1, also after a reload.
  await earlier.reload();
  await earlierPanel.ready(site.first.subject, site.first.label);
  await expect(earlierPanel.step('acknowledge').locator('.cb-step-title')).toHaveText(original);
  await expect(earlierPanel.step('check-runbook')).toBeVisible();
  const runs = await Promise.all(
    [site.first.id, site.second.id].map((ticketId) =>
      call<{ run: { templateVersion: number } }>(options, {
        type: 'run.get',
        runId: `zendesk:${ticketId}`,
      }),
    ),
  );
  expect(runs.map((r) => r.run.templateVersion)).toEqual([1, 2]);
});

test('an SLA change reaches new tickets’ clocks; a run in progress keeps its target', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  const actor = { name: 'SLA Tester' };
  const open = async (ticketId: string) => {
    const r = await call<{ run: { id: string } }>(options, {
      type: 'run.open',
      ticket: {
        helpdesk: 'zendesk',
        ticketId,
        url: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
      },
      actor,
    });
    const m = await call<{ view: { clocks: Array<{ id: string; targetMinutes: number }> } }>(
      options,
      {
        type: 'run.mutate',
        runId: r.run.id,
        mutation: { type: 'set-field', stepId: 'verify-account', fieldId: 'plan', value: 'trial' },
        actor,
      },
    );
    return m.view.clocks.find((c) => c.id === 'first-response')?.targetMinutes;
  };
  expect(await open('8101')).toBe(240);

  await options.getByRole('link', { name: 'Targets', exact: true }).click();
  const sla = options.locator('#sla');
  await sla.getByLabel('Trial (minutes)').fill('480');
  await sla.getByRole('button', { name: 'Save' }).click();
  await expect(sla.getByRole('status')).toHaveText(
    'Saved. New tickets use workflow version 2; runs in progress keep their SLA.',
  );

  expect(await open('8102')).toBe(480);
  const earlier = await call<{
    run: { templateVersion: number };
    view: { clocks: Array<{ id: string; targetMinutes: number }> };
  }>(options, { type: 'run.get', runId: 'zendesk:8101' });
  expect(earlier.run.templateVersion).toBe(1);
  expect(earlier.view.clocks.find((c) => c.id === 'first-response')?.targetMinutes).toBe(240);
});

test('the PagerDuty key is shown masked after saving and never synced', async ({
  extensionPage,
  serviceWorker,
}) => {
  const options = await extensionPage('options.html#incidents');
  // A loopback endpoint needs no host permission: headless Chromium never
  // answers the permission prompt that the default endpoint raises, and the
  // save reports its outcome only once the prompt is answered.
  await call(options, {
    type: 'settings.update',
    patch: { integrations: { pagerDuty: { endpoint: 'http://127.0.0.1:9/v2/enqueue' } } },
  });
  await options.reload();
  const key = 'R0utingKeyForTests0123456789WXYZ';
  await options.getByLabel('Routing key').fill(key);
  await options.getByRole('button', { name: 'Save key' }).click();
  await expect(options.getByTestId('pagerduty-key-status')).toHaveText('Saved: ••••••••WXYZ');
  await expect(options.getByLabel('Replace the routing key')).toHaveValue('');
  expect(await options.content()).not.toContain(key.slice(0, 12));
  const synced = await serviceWorker.evaluate(async () =>
    JSON.stringify(
      await (
        globalThis as unknown as {
          chrome: { storage: { sync: { get(k: null): Promise<unknown> } } };
        }
      ).chrome.storage.sync.get(null),
    ),
  );
  expect(synced).not.toContain(key);
});

test('axe finds no serious or critical violation on the options page', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html#template');
  await expect(options.locator('#template')).toBeVisible();
  await options.locator('#template details[data-step-id="assign-severity"] > summary').click();
  // Condition forms: a group of clauses (follow-up), a field condition and a gate (close).
  await options.locator('#template details[data-step-id="follow-up"] > summary').click();
  await options.locator('#template details[data-step-id="close"] > summary').click();
  await expect(
    options.locator('#template details[data-step-id="follow-up"]').getByTestId('condition-clause'),
  ).toHaveCount(3);
  expect(await seriousViolations(options)).toEqual([]);
});
