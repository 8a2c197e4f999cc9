import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { WorkflowError } from './errors';
import { fillMessage, fillText, formatMinutes, issueKeyFromUrl, sentryIdFromUrl } from './messages';
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

  it('fix shipped: release tag and when the customer will see it, with the UTC time', () => {
    let s = setField(scenario(), 'fix-shipped', 'release-tag', 'v2026.11.3');
    s = setField(s, 'fix-shipped', 'visible-at', {
      local: '2026-11-26T15:00',
      timeZone: 'America/New_York',
    });
    const r = fillMessage(T, 'fix-shipped', s.run, { 'agent.name': 'Ada' });
    expect(r.missing).toEqual([]);
    expect(r.text).toContain('release v2026.11.3');
    expect(r.text).toContain('2026-11-26 15:00 America/New_York (20:00 UTC)');
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
