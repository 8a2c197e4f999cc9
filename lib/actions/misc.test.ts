import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { composeMessage, COMPOSER_MESSAGES, isComposerAction } from './composer-text';
import { ACTION_FIELDS, readRunFacts } from './facts';
import { buildLogSearchUrl, logSearchInputFromFacts, logSearchWindow } from './log-search';
import { incidentChannelName, slackChannelName, slackMentionText } from './slack';
import { TEST_TEMPLATE, testRun } from './test-fixtures';
import { fieldByRole, messageByPurpose } from '../workflow/roles';
import { stepActionSchema } from '../workflow/schema';

describe('facts', () => {
  it('every role the actions read is on a field of the default template', () => {
    for (const [name, role] of Object.entries(ACTION_FIELDS)) {
      expect(fieldByRole(TEST_TEMPLATE, role), name).toBeDefined();
    }
  });

  it('reads values, labels and the customer time', () => {
    const facts = readRunFacts(
      TEST_TEMPLATE,
      testRun({
        'reproduce/result': 'cannot-reproduce',
        'close/root-cause': 'auth',
        'collect-repro/occurred-at': { local: '2026-11-01T01:30', timeZone: 'America/New_York' },
        'confirm-fix/satisfaction': 2,
        'collect-repro/workspace-id': '  acme  ',
      }),
    );
    expect(facts.reproResult).toBe('Cannot reproduce');
    expect(facts.rootCauseLabel).toBe('Auth');
    expect(facts.occurredAt?.epochMs).toBe(Date.parse('2026-11-01T05:30:00Z'));
    expect(facts.satisfaction).toBe(2);
    expect(facts.workspaceId).toBe('acme');
    expect(facts.requestId).toBeUndefined();
  });
});

describe('Slack', () => {
  it('normalises channel names to Slack rules', () => {
    expect(incidentChannelName('12345')).toBe('incident-12345');
    expect(incidentChannelName('#11161')).toBe('incident-11161');
    expect(slackChannelName('Incident: Café Outage v2.3 (EU)')).toBe(
      'incident-cafe-outage-v2-3-eu',
    );
    expect(slackChannelName('a__b--c')).toBe('a__b-c');
    expect(slackChannelName(`incident-${'9'.repeat(100)}`)).toHaveLength(80);
    expect(slackChannelName(`incident-${'x'.repeat(69)} yz`)).toBe(`incident-${'x'.repeat(69)}-y`);
    expect(slackChannelName(`incident-${'x'.repeat(70)} yz`)).toBe(`incident-${'x'.repeat(70)}`);
    expect(() => slackChannelName('###')).toThrow(/nothing usable/);
  });

  it('any input gives a valid name or a clear error (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        let name: string;
        try {
          name = slackChannelName(s);
        } catch (e) {
          expect((e as Error).message).toMatch(/nothing usable/);
          return;
        }
        expect(name).toMatch(/^[a-z0-9_][a-z0-9_-]{0,79}$/);
        expect(name.endsWith('-')).toBe(false);
      }),
    );
  });

  it('fills the SEV3 on-call mention from the template', () => {
    const m = slackMentionText(
      TEST_TEMPLATE,
      testRun({
        'assign-severity/severity': 'SEV3',
        'assign-severity/impact': 'CSV export drops the header row',
        'file-bug/bug-url': 'https://acme.atlassian.net/browse/ENG-9',
      }),
    );
    expect(m.missing).toEqual([]);
    expect(m.text).toBe(
      '@oncall SEV3 escalation from support ticket 12345: CSV export drops the header row\n' +
        'Bug: https://acme.atlassian.net/browse/ENG-9\nTicket: https://acme.zendesk.com/agent/tickets/12345',
    );
    const bare = slackMentionText(
      { ...TEST_TEMPLATE, messages: [] },
      testRun({ 'assign-severity/severity': 'SEV3' }),
    );
    // The built-in wording names the impact by its role, whatever the field's id.
    expect(bare.missing).toEqual(['impact', 'bug.url']);
  });
});

describe('log search', () => {
  const SENTRY =
    'https://sentry.io/organizations/acme/issues/?query=workspace_id:{workspaceId}&start={start}&end={end}';
  const DATADOG =
    'https://app.datadoghq.com/logs?query=%40workspace_id%3A{workspaceId}%20%40request_id%3A{requestId}&from_ts={startMs}&to_ts={endMs}';
  const at = Date.parse('2026-03-08T07:30:00Z');

  it('builds a ±15-minute window around the instant, UTC ISO', () => {
    const r = buildLogSearchUrl(SENTRY, { workspaceId: 'acme-prod', occurredAtMs: at });
    expect(r).toEqual({
      ok: true,
      url: 'https://sentry.io/organizations/acme/issues/?query=workspace_id:acme-prod&start=2026-03-08T07%3A15%3A00Z&end=2026-03-08T07%3A45%3A00Z',
    });
    const url = new URL(r.ok ? r.url : '');
    expect(url.searchParams.get('start')).toBe('2026-03-08T07:15:00Z');
    expect(url.searchParams.get('end')).toBe('2026-03-08T07:45:00Z');
    expect(logSearchWindow(at, 5)).toEqual({ start: at - 300_000, end: at + 300_000 });
  });

  it('fills epoch milliseconds and the request id for Datadog', () => {
    const r = buildLogSearchUrl(DATADOG, {
      workspaceId: 'acme',
      requestId: 'req 1&2',
      occurredAtMs: at,
    });
    if (!r.ok) throw new Error(r.reason);
    const url = new URL(r.url);
    expect(url.searchParams.get('query')).toBe('@workspace_id:acme @request_id:req 1&2');
    expect(url.searchParams.get('from_ts')).toBe(String(at - 900_000));
    expect(url.searchParams.get('to_ts')).toBe(String(at + 900_000));
  });

  it('encodes awkward workspace ids so they cannot break the URL', () => {
    const r = buildLogSearchUrl(SENTRY, { workspaceId: 'a&b=c#d +é', occurredAtMs: at });
    if (!r.ok) throw new Error(r.reason);
    const url = new URL(r.url);
    expect(url.searchParams.get('query')).toBe('workspace_id:a&b=c#d +é');
    expect(url.hash).toBe('');
  });

  it('uses the DST-correct instant from the run', () => {
    const facts = readRunFacts(
      TEST_TEMPLATE,
      testRun({
        'collect-repro/workspace-id': 'acme',
        'collect-repro/occurred-at': { local: '2026-03-08T02:30', timeZone: 'America/New_York' },
      }),
    );
    const r = buildLogSearchUrl(SENTRY, logSearchInputFromFacts(facts));
    expect(r.ok && new URL(r.url).searchParams.get('start')).toBe('2026-03-08T07:15:00Z');
  });

  it('says what is missing instead of building a useless link', () => {
    expect(buildLogSearchUrl(SENTRY, { occurredAtMs: at })).toEqual({
      ok: false,
      reason: 'Add the workspace ID in the reproduction step first.',
    });
    expect(buildLogSearchUrl(SENTRY, { workspaceId: 'a' })).toMatchObject({
      ok: false,
      reason: /when the customer saw the problem/,
    });
    expect(buildLogSearchUrl('', { workspaceId: 'a' })).toMatchObject({
      ok: false,
      reason: /No search URL/,
    });
    expect(buildLogSearchUrl('https://x.test/?q={bogus}', {})).toMatchObject({
      ok: false,
      reason: /unknown placeholder \{bogus\}/,
    });
    expect(buildLogSearchUrl('http://x.test/?q={workspaceId}', { workspaceId: 'a' })).toMatchObject(
      { ok: false, reason: /https/ },
    );
  });
});

describe('composer messages', () => {
  it('maps every composer action to a message the default template has', () => {
    for (const [action, purpose] of Object.entries(COMPOSER_MESSAGES)) {
      expect(stepActionSchema.safeParse(action).success, action).toBe(true);
      expect(messageByPurpose(TEST_TEMPLATE, purpose), purpose).toBeDefined();
    }
    expect(isComposerAction('insert-first-touch')).toBe(true);
    expect(isComposerAction('page-on-call')).toBe(false);
    expect(isComposerAction('toString')).toBe(false);
  });

  it('first touch follows the plan tier, states the SLA and promises no ETA', () => {
    const texts = (['enterprise', 'paid', 'trial', 'free'] as const).map((plan) => {
      const r = composeMessage(
        TEST_TEMPLATE,
        testRun({ 'verify-account/plan': plan }, { requesterName: 'Grace' }),
        'insert-first-touch',
        { agentName: 'Ada' },
      );
      if (!r.ok) throw new Error(r.reason);
      expect(r.missing).toEqual([]);
      expect(r.text).toMatch(/^Hi Grace,/);
      expect(r.text).toMatch(/Ada$/);
      expect(r.text).toMatch(/can't give a timeline for a fix/);
      return r.text;
    });
    expect(texts[0]).toContain('within 1 hour');
    expect(texts[2]).toContain('within 4 hours');
    expect(new Set(texts).size).toBe(4);
  });

  it('fix shipped names the release and when the customer will see it', () => {
    const r = composeMessage(
      TEST_TEMPLATE,
      testRun(
        {
          'fix-shipped/release-tag': 'v2026.03.1',
          'fix-shipped/visible-at': { local: '2026-03-09T09:00', timeZone: 'Europe/Berlin' },
        },
        { requesterName: 'Grace' },
      ),
      'insert-fix-shipped',
      { agentName: 'Ada' },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('release v2026.03.1');
    expect(r.text).toContain('you should see it by Mon 9 Mar, 09:00 Berlin time.');
    expect(r.text).not.toContain('UTC');
    expect(r.missing).toEqual([]);
  });

  it('the zone the page shows for the customer wins: 09:00 Berlin is 08:00 in Lisbon', () => {
    const r = composeMessage(
      TEST_TEMPLATE,
      testRun({
        'fix-shipped/release-tag': 'v2026.03.1',
        'fix-shipped/visible-at': { local: '2026-03-09T09:00', timeZone: 'Europe/Berlin' },
      }),
      'insert-fix-shipped',
      { agentName: 'Ada', customerTimeZone: 'Europe/Lisbon' },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('you should see it by Mon 9 Mar, 08:00 Lisbon time.');
  });

  it('closing note carries the Jira and Sentry ids and the root cause', () => {
    const r = composeMessage(
      TEST_TEMPLATE,
      testRun({
        'close/root-cause': 'billing',
        'file-bug/bug-url': 'https://acme.atlassian.net/browse/ENG-77',
        'search-logs/sentry-url': 'https://acme.sentry.io/issues/4521/',
        'fix-shipped/release-tag': 'v3',
        'confirm-fix/confirmation': 'confirmed',
      }),
      'insert-closing-note',
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain('Root cause: Billing');
    expect(r.text).toContain('Bug: ENG-77 https://acme.atlassian.net/browse/ENG-77');
    expect(r.text).toContain('Sentry: 4521 https://acme.sentry.io/issues/4521/');
    expect(r.missing).toEqual([]);
  });

  it('leaves what the agent must write visible and listed (ETA update, incident summary)', () => {
    const eta = composeMessage(
      TEST_TEMPLATE,
      testRun({}, { requesterName: 'G' }),
      'insert-eta-update',
      {
        agentName: 'Ada',
        extra: { update: 'we found the cause in the webhook retry logic.' },
      },
    );
    if (!eta.ok) throw new Error(eta.reason);
    expect(eta.text).toContain('we found the cause in the webhook retry logic.');
    expect(eta.missing).toEqual(['bug.id', 'eta']);
    expect(eta.text).toContain('{{eta}}');
    const summary = composeMessage(
      TEST_TEMPLATE,
      testRun({
        'verify-account/plan': 'enterprise',
        'assign-severity/impact': 'Exports down',
        'close/root-cause': 'performance',
      }),
      'draft-incident-summary',
    );
    if (!summary.ok) throw new Error(summary.reason);
    expect(summary.text).toContain('## Impact\nExports down');
    expect(summary.text).toContain('## Root cause\nPerformance');
    expect(summary.missing).toContain('rootCauseDetail');
  });

  it('refuses when the template lacks the message', () => {
    expect(
      composeMessage({ ...TEST_TEMPLATE, messages: [] }, testRun(), 'insert-confirmation-request'),
    ).toEqual({
      ok: false,
      reason:
        'This workflow has no message template for "confirmation-request"; give one that purpose in the template editor.',
    });
  });
});
