/**
 * Attacks on the extension's trust boundary, against the built extension in
 * Chromium (issue 10, the trust half; file paths are in har-attacks*.spec.ts):
 *
 * - code running with a content script's powers (the extension's isolated
 *   world in a helpdesk tab, injected through chrome.scripting as a
 *   compromised content script would run) can read neither the PagerDuty
 *   key nor anything else secret, and every privileged request it sends is
 *   refused;
 * - a page script clicking the panel's buttons records nothing;
 * - an allow-list that names built-in credential rules leaves every planted
 *   secret of a HAR redacted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { call, expect, FIXTURES_DIR, serveFixture, test } from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

const site = SITES.zendesk;
const ROUTING_KEY = 'Pd0123456789abcdefABCDEF98765432';
const OWN_RUN = `zendesk:${site.first.id}`;

/**
 * Run one of the probes below in the extension's isolated world of `page`'s
 * tab, where content scripts run: what a compromised content script could do.
 * The probes are written inside the worker's function because
 * chrome.scripting serializes them from there (the worker's CSP forbids eval).
 */
async function inContentScriptWorld(
  serviceWorker: Worker,
  page: Page,
  probe: 'read-storage' | 'send',
  requests: unknown[] = [],
): Promise<unknown> {
  return serviceWorker.evaluate(
    async ({ pageUrl, probe, requests }) => {
      type Ext = {
        storage: Record<'local' | 'sync', { get(k: null): Promise<unknown> }>;
        runtime: { sendMessage(m: unknown): Promise<unknown> };
      };
      const readStorage = async () => {
        const c = (globalThis as unknown as { chrome: Ext }).chrome;
        return JSON.stringify([await c.storage.local.get(null), await c.storage.sync.get(null)]);
      };
      const send = async (all: unknown[]) => {
        const c = (globalThis as unknown as { chrome: Ext }).chrome;
        const out: unknown[] = [];
        for (const r of all) out.push(await c.runtime.sendMessage(r));
        return out;
      };
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(f: object): Promise<{ id?: number; url?: string }[]> };
          scripting: { executeScript(i: object): Promise<Array<{ result?: unknown }>> };
        };
      };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
      if (tab?.id === undefined) throw new Error(`no tab at ${pageUrl}`);
      const [first] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        world: 'ISOLATED',
        func: probe === 'read-storage' ? readStorage : send,
        args: probe === 'read-storage' ? [] : [requests],
      });
      return first?.result;
    },
    { pageUrl: page.url(), probe, requests },
  );
}

test('a content script can neither read the secret nor send privileged requests', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await call(options, { type: 'secrets.setPagerDutyKey', key: ROUTING_KEY });
  await call(options, {
    type: 'run.open',
    ticket: { helpdesk: 'zendesk', ticketId: '1', url: 'https://acme.zendesk.com/agent/tickets/1' },
    actor: { name: 'Lead' },
  });

  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  await PanelObject.for(page, site, site.first).ready(site.first.subject, site.first.label);

  const stored = await inContentScriptWorld(serviceWorker, page, 'read-storage');
  expect(typeof stored).toBe('string');
  expect(stored).not.toContain(ROUTING_KEY);

  const privileged = [
    { type: 'secrets.status' },
    { type: 'secrets.setPagerDutyKey', key: 'Attacker0123456789abcdefABCDEF99' },
    { type: 'settings.update', patch: { helpdesks: { zendesk: { interceptHar: false } } } },
    { type: 'settings.import', text: '{}' },
    { type: 'settings.export' },
    { type: 'settings.reset', confirm: 'RESET' },
    { type: 'data.exportRuns', format: 'json' },
    { type: 'data.exportRunsCsv' },
    { type: 'data.wipe', confirm: 'WIPE' },
    { type: 'hosts.add', hostname: 'evil.example.com' },
    { type: 'hosts.remove', hostname: 'support.acme.com' },
    { type: 'template.reset' },
    { type: 'template.list' },
    { type: 'runs.listOpen' },
    { type: 'tabs.focusRun', runId: 'zendesk:1' },
    // Another ticket's run, named in the message.
    { type: 'run.get', runId: 'zendesk:1' },
    { type: 'run.export', runId: 'zendesk:1', format: 'audit-json' },
  ];
  const replies = await inContentScriptWorld(serviceWorker, page, 'send', privileged);
  const outcome = (replies as Array<{ ok: boolean; error?: { code: string } }>).map(
    (r, i) => `${(privileged[i] as { type: string }).type}: ${r.ok ? 'ACCEPTED' : r.error?.code}`,
  );
  expect(outcome).toEqual(privileged.map((r) => `${r.type}: permission-denied`));

  // Its own ticket's run is still its to read.
  const [own] = (await inContentScriptWorld(serviceWorker, page, 'send', [
    { type: 'run.get', runId: OWN_RUN },
  ])) as Array<{ ok: boolean }>;
  expect(own?.ok).toBe(true);

  // Nothing changed: the key, the runs and the settings are as the lead left them.
  expect(await call(options, { type: 'secrets.status' })).toMatchObject({
    pagerDuty: { set: true },
  });
  const settings = await call<{ settings: { helpdesks: { zendesk: { interceptHar: boolean } } } }>(
    options,
    { type: 'settings.get' },
  );
  expect(settings.settings.helpdesks.zendesk.interceptHar).toBe(true);
  expect(
    await call<{ items: unknown[] }>(options, { type: 'template.list' }).then((r) => r.items),
  ).toHaveLength(1);
  await call(options, { type: 'run.get', runId: 'zendesk:1' });
});

test('a page script clicking the panel records nothing; the agent clicking does', async ({
  context,
  extensionPage,
}) => {
  await serveHelpdesk(context, site);
  const page = await openTicket(context, site);
  const panel = PanelObject.for(page, site, site.first);
  await panel.ready(site.first.subject, site.first.label);
  await panel.expandStep('assign-severity');
  const sev1 = panel.option('assign-severity', 'severity', 'SEV1');
  await expect(sev1).not.toBeChecked();

  // The page's own script: the host is public, its shadow root open.
  const dispatched = await page.evaluate(() => {
    const shadow = document.querySelector('casebook-panel')!.shadowRoot!;
    const radio = shadow.querySelector<HTMLInputElement>(
      '#cb-assign-severity--severity--opt-SEV1',
    )!;
    radio.click();
    radio.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    radio.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const buttons = shadow.querySelectorAll<HTMLButtonElement>('button');
    for (const button of buttons) button.click();
    return buttons.length;
  });
  expect(dispatched).toBeGreaterThan(0);

  const options = await extensionPage('options.html');
  const events = async () =>
    (
      await call<{ events: Array<{ type: string }> }>(options, {
        type: 'run.events',
        runId: OWN_RUN,
      })
    ).events.map((e) => e.type);
  // Nothing an agent does: no field set, no step done or skipped, no action, no close.
  // (The run's creation, page metadata and SLA clock transitions are not clicks.)
  const agentMade = ['field-set', 'step-status', 'action', 'run-closed', 'run-reopened'];
  expect((await events()).filter((t) => agentMade.includes(t))).toEqual([]);
  expect(await events()).toContain('run-created');

  // The agent's own (trusted) click still works.
  await panel.choose('assign-severity', 'severity', 'SEV1');
  await expect
    .poll(async () => (await events()).filter((t) => agentMade.includes(t)))
    .toEqual(['field-set']);
});

const HAR = readFileSync(resolve(FIXTURES_DIR, 'har/oidc-login.har'), 'utf8');
const SECRETS = (
  JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'har/planted.json'), 'utf8'))['oidc-login.har'] as {
    secrets: string[];
  }
).secrets;

test('an allow-list naming built-in credential rules leaves every secret redacted', async ({
  context,
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
  await call(options, {
    type: 'settings.update',
    patch: {
      redaction: {
        allow: [
          'Authorization',
          'Set-Cookie',
          'Cookie',
          'state',
          'nonce',
          'code',
          'code_verifier',
          'client_secret',
          'access_token',
          'id_token',
          'refresh_token',
        ],
      },
    },
  });
  await serveFixture(context, site.pattern, 'har/page-composer.html');
  const page = await context.newPage();
  await page.goto(site.origin + site.first.path);
  await page.locator('#attach').waitFor({ state: 'attached' });
  await page.setInputFiles('#attach', {
    name: 'capture.har',
    mimeType: 'application/json',
    buffer: Buffer.from(HAR),
  });
  const received = () =>
    page.evaluate(
      () =>
        (window as unknown as { __received: Array<{ name: string; text: string | null }> })
          .__received,
    );
  await expect.poll(async () => (await received()).filter((r) => r.text !== null).length).toBe(1);
  const [file] = await received();
  expect(file!.name).toBe('capture.sanitized.har');
  const leaked = SECRETS.filter((s) => file!.text!.includes(s));
  expect(leaked, `${leaked.length} of ${SECRETS.length} secrets reached the page`).toEqual([]);
});
