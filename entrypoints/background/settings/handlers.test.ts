import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import type { ServerPortMessage } from '../../../lib/messaging/sync';
import { SETTINGS_VERSION } from '../../../lib/settings/schema';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import type { WorkflowTemplate } from '../../../lib/workflow/schema';
import { createSettingsHandlers, type SettingsDeps } from './handlers';
import { MAPPED_SCRIPT_ID } from './hosts';
import { CasebookDB } from '../db/db';
import { SECRETS_KEY, secretStore, type SecretStore } from './secrets';
import { readSettings } from './store';

const bundleText = readFileSync(
  resolve(import.meta.dirname, '../../../tests/fixtures/settings/bundle-valid.json'),
  'utf8',
);
const KEY = 'Abcdefghijklmnopqrstuvwxyz12WXYZ';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
}

let granted: Set<string>;
let registered: Registered[];
let published: ServerPortMessage[];
let saved: WorkflowTemplate[];
let active: WorkflowTemplate;
let db: CasebookDB;
let secrets: SecretStore;
const readPagerDutyRoutingKey = async () => (await secrets.read()).pagerDutyRoutingKey;

function setup(overrides: Partial<SettingsDeps> = {}) {
  const deps: SettingsDeps = {
    now: () => Date.UTC(2026, 10, 26, 12),
    publish: (m) => published.push(m),
    // Like the repo: a changed template becomes the next version, and the
    // saved workflow becomes the one new runs use.
    saveTemplate: async (t) => {
      saved.push(t);
      const { version: _v, ...content } = t;
      const { version: _a, ...current } = active;
      // A workflow seen for the first time is stored as it comes.
      const isNew = t.id !== active.id;
      const changed = isNew || JSON.stringify(content) !== JSON.stringify(current);
      const template = isNew ? t : changed ? { ...t, version: active.version + 1 } : active;
      active = template;
      return { template, changed };
    },
    latestTemplates: async () => [DEFAULT_TEMPLATE],
    activeTemplate: async () => active,
    exportRunsCsv: async () => 'run id\r\n',
    secrets,
    ...overrides,
  };
  return createSettingsHandlers(deps);
}

async function storageSnapshot() {
  return {
    sync: await fakeBrowser.storage.sync.get(null),
    local: await fakeBrowser.storage.local.get(null),
  };
}

beforeEach(() => {
  granted = new Set();
  registered = [];
  published = [];
  saved = [];
  active = DEFAULT_TEMPLATE;
  db = new CasebookDB(`settings-test-${Math.random()}`);
  secrets = secretStore(db);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Casebook',
    version: '0.1.0',
    content_scripts: [
      { matches: ['https://app.intercom.com/*'], js: ['content-scripts/intercom.js'] },
      {
        matches: ['https://*.zendesk.com/*'],
        js: ['content-scripts/zendesk.js'],
        css: ['content-scripts/zendesk.css'],
      },
    ],
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    (p.origins ?? []).every((o) => granted.has(o)),
  );
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (p) => {
    for (const o of p.origins ?? []) granted.delete(o);
    return true;
  });
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
    async (filter) => registered.filter((r) => !filter?.ids || filter.ids.includes(r.id)) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    registered = registered.filter((r) => !filter?.ids?.includes(r.id));
  });
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    registered.push(...(scripts as Registered[]));
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
});

describe('settings.get / settings.update', () => {
  it('returns defaults and an unset secret on a fresh install', async () => {
    const r = await setup()['settings.get']({ type: 'settings.get' });
    expect(r.settings.sla.firstResponseMinutes.paid).toBe(60);
    expect(r.secrets).toEqual({ pagerDuty: { set: false } });
    expect(r.activeHosts).toEqual([]);
  });

  it('merges a patch, stores it in sync storage and broadcasts', async () => {
    const h = setup();
    const r = await h['settings.update']({
      type: 'settings.update',
      patch: { agent: { name: 'Sam Ortiz' }, helpdesks: { helpscout: { interceptHar: false } } },
    });
    expect(r.settings.agent.name).toBe('Sam Ortiz');
    expect(r.settings.helpdesks.helpscout).toEqual({ enabled: true, interceptHar: false });
    expect((await readSettings()).agent.name).toBe('Sam Ortiz');
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([
      'settings',
      'settings.0',
    ]);
    expect(published).toEqual([{ type: 'settings-changed' }]);
  });

  it('rejects an invalid patch with JSON paths and changes nothing', async () => {
    const h = setup();
    await h['settings.update']({ type: 'settings.update', patch: { retentionDays: 30 } });
    const before = await storageSnapshot();
    const error = await h['settings.update']({
      type: 'settings.update',
      patch: { agent: { email: 'nope' }, sla: { statusPageCadenceMinutes: 0 } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolFailure);
    expect((error as ProtocolFailure).message).toContain('$.agent.email');
    expect((error as ProtocolFailure).message).toContain('$.sla.statusPageCadenceMinutes');
    expect(await storageSnapshot()).toEqual(before);
  });

  it('chunks large settings and removes chunks a longer write left', async () => {
    const h = setup();
    const headerNames = Array.from({ length: 400 }, (_, i) => `X-Custom-Secret-Header-${i}`);
    await h['settings.update']({ type: 'settings.update', patch: { redaction: { headerNames } } });
    const big = Object.keys(await fakeBrowser.storage.sync.get(null));
    expect(big.length).toBeGreaterThan(2);
    expect((await readSettings()).redaction.headerNames).toEqual(headerNames);
    await h['settings.update']({
      type: 'settings.update',
      patch: { redaction: { headerNames: [] } },
    });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([
      'settings',
      'settings.0',
    ]);
  });

  it('names the quota when settings no longer fit', async () => {
    const h = setup();
    const names = (n: number, p: string) =>
      Array.from({ length: n }, (_, i) => `${p}-${'x'.repeat(180)}-${i}`);
    const error = await h['settings.update']({
      type: 'settings.update',
      patch: { redaction: { headerNames: names(300, 'h'), keyNames: names(300, 'k') } },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/synced storage/);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});

describe('SLA settings reach the workflow as a new template version', () => {
  it('saving the SLA section stores the active template with those minutes', async () => {
    const h = setup();
    const r = await h['settings.update']({
      type: 'settings.update',
      patch: { sla: { firstResponseMinutes: { trial: 480 }, statusPageCadenceMinutes: 20 } },
    });
    expect(r.templateSaved).toEqual({ id: 'support-ticket', version: 2 });
    expect(active.version).toBe(2);
    expect(active.policy.plans.find((p) => p.id === 'trial')?.firstResponseMinutes).toBe(480);
    expect(active.policy.severities.find((s) => s.id === 'SEV1')?.statusPageCadenceMinutes).toBe(
      20,
    );
    // Other sections leave the template alone; the same SLA again changes nothing.
    await h['settings.update']({ type: 'settings.update', patch: { agent: { name: 'X' } } });
    const again = await h['settings.update']({
      type: 'settings.update',
      patch: { sla: { firstResponseMinutes: { trial: 480 } } },
    });
    expect(again.templateSaved).toBeUndefined();
    expect(active.version).toBe(2);
  });
});

describe('settings.import', () => {
  const badFiles: Array<[string, string]> = [
    ['not JSON', '{"kind": "casebook-bundle",'],
    ['JSON but not an object', '[]'],
    ['a HAR file instead', JSON.stringify({ log: { version: '1.2', entries: [] } })],
    ['too new a format', JSON.stringify({ ...JSON.parse(bundleText), format: 9 })],
    [
      'too new a settings version',
      JSON.stringify({
        ...JSON.parse(bundleText),
        settings: { ...JSON.parse(bundleText).settings, version: 9 },
      }),
    ],
    [
      'wrong settings shape',
      JSON.stringify({
        ...JSON.parse(bundleText),
        settings: { version: 1, sla: { firstResponseMinutes: 'soon' } },
      }),
    ],
    [
      'invalid template',
      JSON.stringify({
        ...JSON.parse(bundleText),
        templates: [{ ...JSON.parse(bundleText).templates[0], sections: [] }],
      }),
    ],
  ];

  it.each(badFiles)('%s: returns problems and changes nothing', async (_name, text) => {
    const h = setup();
    await h['settings.update']({
      type: 'settings.update',
      patch: { agent: { name: 'Before Import' } },
    });
    await h['secrets.setPagerDutyKey']({ type: 'secrets.setPagerDutyKey', key: KEY });
    published = [];
    const before = await storageSnapshot();
    const r = await h['settings.import']({ type: 'settings.import', text });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) expect(p.path).toMatch(/^\$/);
    }
    expect(await storageSnapshot()).toEqual(before);
    expect(saved).toEqual([]);
    expect(published).toEqual([]);
    expect(registered).toEqual([]);
  });

  it('a bundle that weakens protection changes nothing until the lead confirms the list', async () => {
    const h = setup();
    // The first read stores the settings this browser works with (defaults here).
    await readSettings();
    const before = await storageSnapshot();
    const r = await h['settings.import']({ type: 'settings.import', text: bundleText });
    expect(r.ok).toBe(false);
    const weakens = (r as { weakens?: string[] }).weakens ?? [];
    expect(weakens.join('\n')).toMatch(/would also run on support\.acme-widgets\.com/);
    expect(await storageSnapshot()).toEqual(before);
    expect(saved).toEqual([]);
    expect(published).toEqual([]);
  });

  it('names HAR sanitizing turned off, allow-list additions and a new PagerDuty endpoint', async () => {
    const h = setup();
    const bundle = JSON.parse(bundleText) as { settings: Record<string, unknown> };
    bundle.settings.helpdesks = { intercom: { interceptHar: false } };
    bundle.settings.redaction = { allow: ['x-trace', 'Authorization'] };
    bundle.settings.integrations = {
      pagerDuty: { endpoint: 'https://collector.evil.test/enqueue' },
    };
    const r = await h['settings.import']({
      type: 'settings.import',
      text: JSON.stringify(bundle),
    });
    const weakens = (r as { weakens?: string[] }).weakens ?? [];
    expect(weakens).toEqual(
      expect.arrayContaining([
        'HAR sanitizing is turned off on intercom',
        'The redaction allow-list adds x-trace, Authorization (Authorization stay redacted: built-in credential rules cannot be allowed)',
        'PagerDuty endpoint (receives pages and the routing key) changes to https://collector.evil.test/enqueue',
      ]),
    );
  });

  it('a valid bundle replaces settings, saves templates and lists hosts still needing a permission', async () => {
    const h = setup();
    const r = await h['settings.import']({
      type: 'settings.import',
      text: bundleText,
      confirmWeakening: true,
    });
    expect(r).toMatchObject({
      ok: true,
      importedSettings: true,
      // The bundle's template (now the active workflow), then that workflow with
      // the bundle's SLA minutes.
      templatesSaved: [
        { id: 'mini-support', version: 1 },
        { id: 'mini-support', version: 2 },
      ],
      hostsNeedingPermission: ['support.acme-widgets.com'],
    });
    expect((await readSettings()).agent.name).toBe('Priya Raman');
    expect(saved.map((t) => t.id)).toEqual(['mini-support', 'mini-support']);
    expect(active.policy.plans.find((p) => p.id === 'enterprise')?.firstResponseMinutes).toBe(30);
    expect(published).toEqual([{ type: 'settings-changed' }]);
  });
});

describe('settings.export', () => {
  it('exports settings and templates, never the secret', async () => {
    const h = setup();
    await h['secrets.setPagerDutyKey']({ type: 'secrets.setPagerDutyKey', key: KEY });
    const r = await h['settings.export']({ type: 'settings.export' });
    expect(r.filename).toBe('casebook-settings-2026-11-26.json');
    expect(r.text).not.toContain(KEY);
    const back = JSON.parse(r.text);
    expect(back.templates[0].id).toBe('support-ticket');
    expect(back.settings.version).toBe(SETTINGS_VERSION);
  });
});

describe('secrets', () => {
  it('stores the routing key locally only and reports it masked', async () => {
    const h = setup();
    const status = await h['secrets.setPagerDutyKey']({
      type: 'secrets.setPagerDutyKey',
      key: KEY,
    });
    expect(status).toEqual({ pagerDuty: { set: true, masked: '••••••••WXYZ' } });
    // Content scripts can read storage.sync and storage.local: the key is in neither.
    expect(JSON.stringify(await storageSnapshot())).not.toContain(KEY);
    expect((await db.settings.get(SECRETS_KEY))?.value).toEqual({ pagerDutyRoutingKey: KEY });
    expect(await readPagerDutyRoutingKey()).toBe(KEY);
    const got = await h['settings.get']({ type: 'settings.get' });
    expect(JSON.stringify(got)).not.toContain(KEY);
    await h['secrets.setPagerDutyKey']({ type: 'secrets.setPagerDutyKey', key: null });
    expect(await h['secrets.status']({ type: 'secrets.status' })).toEqual({
      pagerDuty: { set: false },
    });
  });
});

describe('secrets kept in storage.local by earlier builds', () => {
  it('move into the database on first use and leave storage.local', async () => {
    await fakeBrowser.storage.local.set({
      secrets: { pagerDutyRoutingKey: KEY },
      'panel:zendesk': { collapsed: true },
    });
    const h = setup();
    expect(await h['secrets.status']({ type: 'secrets.status' })).toEqual({
      pagerDuty: { set: true, masked: '••••••••WXYZ' },
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      'panel:zendesk': { collapsed: true },
    });
    expect((await db.settings.get(SECRETS_KEY))?.value).toEqual({ pagerDutyRoutingKey: KEY });
    // A second worker start finds nothing left to move and keeps the key.
    expect(await secretStore(db).read()).toEqual({ pagerDutyRoutingKey: KEY });
  });

  it('never overwrite a key set in the database since', async () => {
    const newer = 'Zyxwvutsrqponmlkjihgfedcba987654';
    await db.settings.put({ key: SECRETS_KEY, value: { pagerDutyRoutingKey: newer } });
    await fakeBrowser.storage.local.set({ secrets: { pagerDutyRoutingKey: KEY } });
    expect(await secretStore(db).read()).toEqual({ pagerDutyRoutingKey: newer });
    expect(await fakeBrowser.storage.local.get('secrets')).toEqual({});
  });
});

describe('host-mapped Zendesk domains', () => {
  it('refuses a host whose permission was not granted, changing nothing', async () => {
    const h = setup();
    const error = await h['hosts.add']({ type: 'hosts.add', hostname: 'support.acme.com' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProtocolFailure);
    expect((error as ProtocolFailure).code).toBe('permission-denied');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(registered).toEqual([]);
  });

  it('registers the built Zendesk script for granted hosts and unregisters on remove', async () => {
    const h = setup();
    granted.add('https://support.acme.com/*');
    granted.add('https://help.beta.io/*');
    await h['hosts.add']({ type: 'hosts.add', hostname: 'support.acme.com' });
    const r = await h['hosts.add']({ type: 'hosts.add', hostname: 'help.beta.io' });
    expect(r).toEqual({
      hosts: ['support.acme.com', 'help.beta.io'],
      active: ['support.acme.com', 'help.beta.io'],
    });
    expect(registered).toEqual([
      expect.objectContaining({
        id: MAPPED_SCRIPT_ID,
        matches: ['https://support.acme.com/*', 'https://help.beta.io/*'],
        js: ['content-scripts/zendesk.js'],
        css: ['content-scripts/zendesk.css'],
      }),
    ]);
    const removed = await h['hosts.remove']({ type: 'hosts.remove', hostname: 'support.acme.com' });
    expect(removed).toEqual({ hosts: ['help.beta.io'], active: ['help.beta.io'] });
    expect(registered[0]?.matches).toEqual(['https://help.beta.io/*']);
    expect(granted.has('https://support.acme.com/*')).toBe(false);
    await h['hosts.remove']({ type: 'hosts.remove', hostname: 'help.beta.io' });
    expect(registered).toEqual([]);
  });

  it('settings.update cannot bypass the permission step for hosts', async () => {
    const { settingsRequestSchemas } = await import('../../../lib/messaging/settings');
    const update = settingsRequestSchemas.find((s) => s.shape.type.value === 'settings.update')!;
    expect(
      update.safeParse({ type: 'settings.update', patch: { zendeskHostMappings: ['x.com'] } })
        .success,
    ).toBe(false);
  });
});

describe('settings.reset and the agent suggestion', () => {
  it('reset returns to defaults and drops secrets and host scripts', async () => {
    const h = setup();
    granted.add('https://support.acme.com/*');
    await h['hosts.add']({ type: 'hosts.add', hostname: 'support.acme.com' });
    await h['secrets.setPagerDutyKey']({ type: 'secrets.setPagerDutyKey', key: KEY });
    await h['settings.reset']({ type: 'settings.reset', confirm: 'RESET' });
    expect(await readSettings()).toEqual(
      (await h['settings.get']({ type: 'settings.get' })).settings,
    );
    expect((await readSettings()).zendeskHostMappings).toEqual([]);
    expect(await readPagerDutyRoutingKey()).toBeUndefined();
    expect(registered).toEqual([]);
    expect(granted.size).toBe(0);
  });

  it('remembers the agent a helpdesk page showed', async () => {
    const h = setup();
    await h['settings.suggestAgent']({
      type: 'settings.suggestAgent',
      name: 'Priya Raman',
      email: 'priya@acme.com',
      helpdesk: 'zendesk',
    });
    const r = await h['settings.get']({ type: 'settings.get' });
    expect(r.agentSuggestion).toMatchObject({
      name: 'Priya Raman',
      email: 'priya@acme.com',
      helpdesk: 'zendesk',
    });
  });
});
