import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings } from './index';
import { migrateSettings, type SettingsMigration } from './migrations';
import {
  defaultSettings,
  localSecretsSchema,
  maskSecret,
  mergeSettings,
  SETTINGS_VERSION,
  settingsSchema,
} from './schema';

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/settings', name), 'utf8'),
  );

describe('settings schema', () => {
  it('fills every default from a bare version', () => {
    const s = defaultSettings();
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.sla.firstResponseMinutes).toEqual({ enterprise: 60, paid: 60, trial: 240, free: 240 });
    expect(s.sla.statusPageCadenceMinutes).toBe(30);
    expect(s.sla.reminderLeadMinutes).toBe(15);
    expect(s.integrations.tracker).toEqual({ kind: 'none' });
    expect(s.integrations.pagerDuty.endpoint).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(s.helpdesks.intercom).toEqual({ enabled: true, interceptHar: true });
    expect(s.zendeskHostMappings).toEqual([]);
  });

  it('normalises host names and rejects wildcards, schemes and paths', () => {
    const ok = settingsSchema.parse({
      version: SETTINGS_VERSION,
      zendeskHostMappings: ['Support.Acme.COM '],
    });
    expect(ok.zendeskHostMappings).toEqual(['support.acme.com']);
    for (const bad of [
      '*.acme.com',
      'https://support.acme.com',
      'support.acme.com/path',
      'localhost',
      'a..b.com',
    ]) {
      expect(
        settingsSchema.safeParse({ version: SETTINGS_VERSION, zendeskHostMappings: [bad] }).success,
        bad,
      ).toBe(false);
    }
    expect(
      settingsSchema.safeParse({
        version: SETTINGS_VERSION,
        zendeskHostMappings: ['a.acme.com', 'a.acme.com'],
      }).success,
    ).toBe(false);
  });

  it('rejects unknown keys so a typo in an import is reported, not ignored', () => {
    const r = settingsSchema.safeParse({ version: SETTINGS_VERSION, retentionDay: 30 });
    expect(r.success).toBe(false);
  });

  it('checks search URL templates for unknown placeholders and https', () => {
    const parse = (url: string) =>
      settingsSchema.safeParse({
        version: SETTINGS_VERSION,
        integrations: { sentrySearchUrl: url },
      });
    expect(
      parse('https://x.sentry.io/?q={workspaceId}&s={start}&e={end}&r={requestId}').success,
    ).toBe(true);
    expect(parse('https://x.sentry.io/?q={workspace}').success).toBe(false);
    expect(parse('http://x.sentry.io/?q={workspaceId}').success).toBe(false);
    expect(parse('').success).toBe(true);
  });

  it('validates the tracker by kind', () => {
    const parse = (tracker: unknown) =>
      settingsSchema.safeParse({ version: SETTINGS_VERSION, integrations: { tracker } });
    expect(parse({ kind: 'linear', teamKey: 'ENG' }).success).toBe(true);
    expect(parse({ kind: 'linear', teamKey: 'ENG-1' }).success).toBe(false);
    expect(
      parse({ kind: 'jira', site: 'acme.atlassian.net', projectId: '10000', issueTypeId: '10001' })
        .success,
    ).toBe(true);
    expect(
      parse({ kind: 'jira', site: 'acme.atlassian.net', projectId: 'ACME', issueTypeId: '10001' })
        .success,
    ).toBe(false);
    expect(parse({ kind: 'github' }).success).toBe(false);
  });

  it('allows an http PagerDuty endpoint only on localhost (test stubs)', () => {
    const parse = (endpoint: string) =>
      settingsSchema.safeParse({
        version: SETTINGS_VERSION,
        integrations: { pagerDuty: { endpoint } },
      });
    expect(parse('http://127.0.0.1:8080/v2/enqueue').success).toBe(true);
    expect(parse('http://events.pagerduty.com/v2/enqueue').success).toBe(false);
    expect(parse('https://pd.internal.example/v2/enqueue').success).toBe(true);
  });

  it('rejects invalid redaction patterns', () => {
    const r = settingsSchema.safeParse({
      version: SETTINGS_VERSION,
      redaction: { patterns: [{ name: 'broken', pattern: '([a-z' }] },
    });
    expect(r.success).toBe(false);
  });

  it('merges a patch: objects key by key, arrays and tracker kinds replaced', () => {
    const parsed = parseSettings(fixture('v1.json'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const base = parsed.settings;
    const merged = settingsSchema.parse(
      mergeSettings(base, {
        helpdesks: { intercom: { enabled: true } },
        zendeskHostMappings: ['help.acme.com'],
        integrations: { tracker: { kind: 'linear', teamKey: 'SUP' } },
      }),
    );
    expect(merged.helpdesks.intercom).toEqual({ enabled: true, interceptHar: true });
    expect(merged.helpdesks.helpscout.interceptHar).toBe(false);
    expect(merged.zendeskHostMappings).toEqual(['help.acme.com']);
    expect(merged.integrations.tracker).toEqual({ kind: 'linear', teamKey: 'SUP' });
    expect(merged.agent.name).toBe('Priya Raman');
  });
});

describe('local secrets', () => {
  it('accepts a 32-character routing key and rejects others', () => {
    expect(localSecretsSchema.safeParse({ pagerDutyRoutingKey: 'a'.repeat(32) }).success).toBe(
      true,
    );
    expect(localSecretsSchema.safeParse({ pagerDutyRoutingKey: 'a'.repeat(31) }).success).toBe(
      false,
    );
    expect(
      localSecretsSchema.safeParse({ pagerDutyRoutingKey: `${'a'.repeat(31)}!` }).success,
    ).toBe(false);
  });

  it('masks all but the last 4 characters', () => {
    const key = 'R0ut1ngKeyR0ut1ngKeyR0ut1ngKWXYZ';
    const status = maskSecret(key);
    expect(status).toEqual({ set: true, masked: '••••••••WXYZ' });
    expect(JSON.stringify(status)).not.toContain(key.slice(0, 28));
    expect(maskSecret(undefined)).toEqual({ set: false });
  });
});

describe('settings versions and migrations', () => {
  it('parses the v1 fixture unchanged', () => {
    const r = parseSettings(fixture('v1.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fromVersion).toBe(1);
    expect(r.settings.integrations.tracker).toMatchObject({ kind: 'jira', projectId: '10042' });
    expect(r.settings.retentionDays).toBe(180);
  });

  it('upgrades the v1 fixture to v2: the Jira tracker keeps its numbers and may name key and type', () => {
    const v1 = fixture('v1.json') as { integrations: { tracker: Record<string, unknown> } };
    const r = parseSettings(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.version).toBe(SETTINGS_VERSION);
    expect(r.settings.integrations.tracker).toEqual(v1.integrations.tracker);
    const named = parseSettings({
      ...v1,
      version: 2,
      integrations: {
        ...v1.integrations,
        tracker: { ...v1.integrations.tracker, projectKey: 'eng ', issueTypeName: ' Bug' },
      },
    });
    expect(named.ok && named.settings.integrations.tracker).toMatchObject({
      projectKey: 'ENG',
      issueTypeName: 'Bug',
      projectId: '10042',
    });
  });

  it('upgrades the v2 fixture to v3: no severity is suggested from priority until a lead maps it', () => {
    const v2 = fixture('v2.json') as Record<string, unknown>;
    const r = parseSettings(v2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fromVersion).toBe(2);
    expect(r.settings.version).toBe(SETTINGS_VERSION);
    expect(r.settings.triage).toEqual({ severityByPriority: {} });
    expect(r.settings.integrations.tracker).toMatchObject({
      projectKey: 'ENG',
      projectId: '10042',
    });
    const mapped = parseSettings({
      ...v2,
      version: 3,
      triage: { severityByPriority: { urgent: 'SEV1', high: 'SEV2' } },
    });
    expect(mapped.ok && mapped.settings.triage.severityByPriority).toEqual({
      urgent: 'SEV1',
      high: 'SEV2',
    });
    for (const bad of [{ urgent: 'SEV5' }, { critical: 'SEV1' }]) {
      const r3 = parseSettings({ ...v2, version: 3, triage: { severityByPriority: bad } });
      expect(r3.ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it("upgrades a v3 document to v4: the agent's time zone is unset (the browser's)", () => {
    const v2 = fixture('v2.json') as Record<string, unknown>;
    const r = parseSettings({ ...v2, version: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fromVersion).toBe(3);
    expect(r.settings.version).toBe(4);
    expect(r.settings.agent.timeZone).toBeUndefined();
  });

  it('rejects a missing, invalid or too-new version with a clear problem', () => {
    expect(migrateSettings({})).toEqual({
      ok: false,
      problems: [{ path: '$.version', message: expect.stringContaining('version') }],
    });
    expect(migrateSettings({ version: '1' }).ok).toBe(false);
    expect(migrateSettings({ version: 0 }).ok).toBe(false);
    const tooNew = migrateSettings({ version: SETTINGS_VERSION + 1 });
    expect(tooNew.ok).toBe(false);
    if (!tooNew.ok) expect(tooNew.problems[0]?.message).toMatch(/newer than this Casebook/);
    expect(migrateSettings([]).ok).toBe(false);
    expect(migrateSettings(null).ok).toBe(false);
  });

  // The runner is exercised with a chain of its own: each step must run in
  // order, purely, and a gap must be reported.
  const chain: SettingsMigration[] = [
    {
      from: 1,
      to: 2,
      description: 'rename agentName to agent.name',
      migrate: ({ agentName, ...rest }) => ({ ...rest, agent: { name: agentName } }),
    },
    {
      from: 2,
      to: 3,
      description: 'hours to minutes',
      migrate: (doc) => ({
        ...doc,
        slaMinutes: (doc.slaHours as number) * 60,
        slaHours: undefined,
      }),
    },
  ];

  it('applies migrations in order without mutating the input', () => {
    const input = { version: 1, agentName: 'Sam', slaHours: 4 };
    const frozen = structuredClone(input);
    const r = migrateSettings(input, chain, 3);
    expect(input).toEqual(frozen);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document).toMatchObject({ version: 3, agent: { name: 'Sam' }, slaMinutes: 240 });
    expect(r.applied).toHaveLength(2);
    expect(r.fromVersion).toBe(1);
  });

  it('reports a gap in the chain', () => {
    const r = migrateSettings({ version: 1 }, chain.slice(1), 3);
    expect(r).toEqual({
      ok: false,
      problems: [{ path: '$.version', message: 'no migration from settings version 1' }],
    });
  });
});

describe("the agent's own time zone", () => {
  const withZone = (timeZone: unknown) =>
    settingsSchema.safeParse({ version: SETTINGS_VERSION, agent: { timeZone } });

  it('is unset by default: the browser zone', () => {
    expect(settingsSchema.parse({ version: SETTINGS_VERSION }).agent.timeZone).toBeUndefined();
  });

  it('takes an IANA zone this runtime knows, trimmed', () => {
    const r = withZone(' America/New_York ');
    expect(r.success && r.data.agent.timeZone).toBe('America/New_York');
    expect(withZone('UTC').success).toBe(true);
  });

  it('an empty value unsets it, also over a zone set before (a patch cannot send undefined)', () => {
    const r = withZone('');
    expect(r.success).toBe(true);
    expect(r.success && r.data.agent.timeZone).toBeUndefined();
    const set = settingsSchema.parse({
      version: SETTINGS_VERSION,
      agent: { timeZone: 'Asia/Tokyo' },
    });
    const cleared = settingsSchema.parse(mergeSettings(set, { agent: { timeZone: '' } }));
    expect(cleared.agent.timeZone).toBeUndefined();
    expect('timeZone' in cleared.agent && cleared.agent.timeZone !== undefined).toBe(false);
  });

  it('refuses what is not a zone, with a message in words', () => {
    for (const bad of ['Mars/Olympus', 'EST5EDT!', 'New York', 42]) {
      const r = withZone(bad);
      expect(r.success, String(bad)).toBe(false);
    }
    const r = withZone('Europe/Lisbn');
    expect(!r.success && r.error.issues[0]?.message).toBe(
      'expected an IANA time zone such as Europe/Lisbon',
    );
  });
});
