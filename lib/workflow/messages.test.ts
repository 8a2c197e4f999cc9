import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { WorkflowError } from './errors';
import {
  fillMessage,
  fillText,
  formatMinutes,
  issueKeyFromUrl,
  messageValues,
  sentryIdFromUrl,
} from './messages';
import { scenario, setField } from './testing';

const T = DEFAULT_TEMPLATE;

describe('fillMessage', () => {
  it('first touch per plan: confirms receipt, states the SLA, promises no fix ETA', () => {
    const paid = setField(scenario(), 'verify-account', 'plan', 'paid');
    const r = fillMessage(T, 'first-touch', paid.run, { 'agent.name': 'Ada' });
    expect(r.missing).toEqual([]);
    expect(r.text).toContain('Hi Cleo Customer,');
    expect(r.text).toContain("we've received your request (4821: Checkout fails with 500)");
    expect(r.text).toContain('within 1 hour');
    expect(r.text).toContain("can't give a timeline for a fix yet");
    expect(r.text).toContain('Ada');
    const trial = setField(scenario(), 'verify-account', 'plan', 'trial');
    expect(fillMessage(T, 'first-touch', trial.run, { 'agent.name': 'Ada' }).text).toContain(
      'within 4 hours',
    );
    const ent = setField(scenario(), 'verify-account', 'plan', 'enterprise');
    expect(fillMessage(T, 'first-touch', ent.run, { 'agent.name': 'Ada' }).text).toContain(
      'As an Enterprise customer',
    );
  });

  it('leaves placeholders it cannot fill visible, and reports them', () => {
    const r = fillMessage(T, 'fix-shipped', scenario().run);
    expect(r.text).toContain('release {{fix-shipped.release-tag}}');
    expect(r.missing).toEqual(['fix-shipped.release-tag', 'fix-shipped.visible-at', 'agent.name']);
  });

  it('fix shipped: release tag and when the customer will see it, in their zone, once', () => {
    let s = setField(scenario(), 'fix-shipped', 'release-tag', 'v2026.11.3');
    s = setField(s, 'fix-shipped', 'visible-at', {
      local: '2026-11-26T15:00',
      timeZone: 'America/New_York',
    });
    const r = fillMessage(T, 'fix-shipped', s.run, { 'agent.name': 'Ada' });
    expect(r.missing).toEqual([]);
    expect(r.text).toContain('release v2026.11.3');
    expect(r.text).toContain('you should see it by Thu 26 Nov, 15:00 New York time.');
    expect(r.text).not.toContain('UTC');
  });

  it('closing note: Jira and Sentry ids and the root cause label', () => {
    let s = setField(
      scenario(),
      'file-bug',
      'bug-url',
      'https://acme.atlassian.net/browse/PAY-812',
    );
    s = setField(s, 'search-logs', 'sentry-url', 'https://acme.sentry.io/issues/4521973/');
    s = setField(s, 'close', 'root-cause', 'ui');
    s = setField(s, 'fix-shipped', 'release-tag', 'v9');
    s = setField(s, 'confirm-fix', 'confirmation', 'confirmed');
    const r = fillMessage(T, 'closing-note', s.run);
    expect(r.missing).toEqual([]);
    expect(r.text).toContain('Root cause: UI');
    expect(r.text).toContain('Bug: PAY-812 https://acme.atlassian.net/browse/PAY-812');
    expect(r.text).toContain('Sentry: 4521973');
    expect(r.text).toContain('Customer confirmation: Confirmed fixed');
  });

  it('has a status-page draft for each state', () => {
    const s = setField(scenario(), 'assign-severity', 'impact', 'checkout fails for EU customers');
    for (const state of ['investigating', 'identified', 'monitoring', 'resolved']) {
      const r = fillMessage(T, `status-page-${state}`, s.run);
      expect(r.text.toLowerCase().startsWith(state)).toBe(true);
      expect(r.missing).toEqual([]);
    }
  });

  it('throws not-found for an unknown message', () => {
    expect(() => fillMessage(T, 'nope', scenario().run)).toThrow(WorkflowError);
  });
});

describe('helpers', () => {
  it('fills text in one pass: values containing braces are not re-expanded', () => {
    expect(fillText('{{a}} {{ b }} {{c}}', { a: '{{b}}', b: 'B' })).toEqual({
      text: '{{b}} B {{c}}',
      missing: ['c'],
    });
  });

  it('formats minutes and extracts issue ids', () => {
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(240)).toBe('4 hours');
    expect(formatMinutes(90)).toBe('90 minutes');
    expect(issueKeyFromUrl('https://linear.app/acme/issue/ENG-42/title')).toBe('ENG-42');
    expect(sentryIdFromUrl('https://sentry.io/organizations/acme/issues/77/')).toBe('77');
  });
});

describe('optional placeholders', () => {
  it('drop their line when they have no value, and fill it when they do', () => {
    const body =
      'Closing #1.\nSentry: {{sentry.id?}} {{sentry.url?}}\nBug: {{bug.id?}}\nEnd {{who}}';
    expect(fillText(body, { 'bug.id': 'ENG-1', who: 'Ana' })).toEqual({
      text: 'Closing #1.\nBug: ENG-1\nEnd Ana',
      missing: [],
    });
    // An ordinary placeholder still asks; an optional one on another line never does.
    expect(fillText(body, {})).toEqual({ text: 'Closing #1.\nEnd {{who}}', missing: ['who'] });
  });
});

describe('times for the reader', () => {
  /** A SEV1 with everything the incident summary needs; `occurred` and `visible` vary. */
  function incident(occurredZone: string | undefined, visible = '2026-12-04T10:00') {
    let s = scenario({ createdAt: Date.UTC(2026, 11, 3, 14, 5), organization: 'Acme' });
    s = setField(s, 'assign-severity', 'impact', 'checkout fails');
    if (occurredZone) {
      s = setField(s, 'collect-repro', 'occurred-at', {
        local: '2026-12-03T13:50',
        timeZone: occurredZone,
      });
    }
    s = setField(s, 'fix-shipped', 'release-tag', 'v9');
    s = setField(s, 'fix-shipped', 'visible-at', {
      local: visible,
      timeZone: occurredZone ?? 'UTC',
    });
    return s;
  }

  it('a Lisbon customer reads every time in Lisbon time, once, never "UTC (UTC)"', () => {
    const s = incident('Europe/Lisbon');
    const fix = fillMessage(T, 'fix-shipped', s.run, { 'agent.name': 'Ada' }).text;
    expect(fix).toContain('you should see it by Fri 4 Dec, 10:00 Lisbon time.');
    const summary = fillMessage(T, 'incident-summary', s.run, {
      rootCauseDetail: 'a bad deploy',
      remediation: 'Rolled back.',
    }).text;
    expect(summary).toContain(
      'Reported: Thu 3 Dec, 14:05 Lisbon time. Occurred: Thu 3 Dec, 13:50 Lisbon time.',
    );
    expect(summary).toContain('visible from Fri 4 Dec, 10:00 Lisbon time.');
    expect(`${fix}\n${summary}`).not.toMatch(/UTC/);
  });

  it('a New York customer reads the UTC creation time in New York time', () => {
    const s = incident('America/New_York');
    const summary = fillMessage(T, 'incident-summary', s.run).text;
    expect(summary).toContain('Reported: Thu 3 Dec, 09:05 New York time.');
  });

  it('the zone the page shows wins over the fields', () => {
    const s = incident('America/New_York');
    const fix = fillMessage(T, 'fix-shipped', s.run, {}, { customerTimeZone: 'Asia/Tokyo' }).text;
    // 10:00 New York (EST) = 15:00 UTC = 00:00 the next day in Tokyo.
    expect(fix).toContain('you should see it by Sat 5 Dec, 00:00 Tokyo time.');
  });

  it('with no known customer zone, times are in UTC, said once', () => {
    const s = incident(undefined);
    const summary = fillMessage(T, 'incident-summary', s.run).text;
    expect(summary).toContain('Reported: Thu 3 Dec, 14:05 UTC.');
    expect(summary).toContain('visible from Fri 4 Dec, 10:00 UTC.');
    expect(summary).not.toMatch(/UTC \(|\(.*UTC\)/);
  });

  it('status pages are read worldwide: UTC, once, whatever the customer zone', () => {
    const s = incident('Europe/Lisbon');
    const values = messageValues(T, s.run, {}, { reader: 'public' });
    expect(values['ticket.createdAt']).toBe('Thu 3 Dec, 14:05 UTC');
  });

  it('the team (Slack, internal notes) gets the time as entered and UTC for logs', () => {
    const s = incident('Europe/Berlin');
    const values = messageValues(T, s.run, {}, { reader: 'team' });
    expect(values['collect-repro.occurred-at']).toBe('2026-12-03 13:50 Europe/Berlin (12:50 UTC)');
    expect(values['ticket.createdAt']).toBe('2026-12-03 14:05 UTC');
  });
});
