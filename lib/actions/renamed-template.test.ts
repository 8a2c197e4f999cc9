/**
 * The actions find their inputs by role: a template whose every step and
 * field id was renamed (and whose sections were reordered) drafts the same
 * replies, bug report, Jira prefill, page and status-page updates as the
 * default, from the same answers.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { createRun, applyMutation } from '../workflow/engine';
import type { FieldValue, Run, WorkflowTemplate } from '../workflow/schema';
import { renameEveryId, ticket, AGENT, T0, MIN } from '../workflow/testing';
import { buildTriggerEvent, pageRefusal } from './pagerduty';
import { draftActions, type ActionSettings } from './drafts';

const SETTINGS: ActionSettings = {
  tracker: { kind: 'jira', site: 'acme.atlassian.net', projectId: '10000', issueTypeId: '10001' },
  sentrySearchUrl: 'https://acme.sentry.io/issues/?query={requestId}',
  datadogSearchUrl: '',
  statusPageAdminUrl: '',
  slackWorkspaceUrl: '',
  runbookUrl: '',
  escalationManager: 'Erin',
};

const ANSWERS: Array<[string, string, FieldValue]> = [
  ['verify-account', 'plan', 'enterprise'],
  ['assign-severity', 'severity', 'SEV1'],
  ['assign-severity', 'impact', 'Exports fail for every Acme user'],
  ['collect-repro', 'request-id', 'req_8f3a2b'],
  ['collect-repro', 'workspace-id', 'acme-prod'],
  ['collect-repro', 'repro-steps', '1. Open exports\n2. Click CSV'],
  ['collect-repro', 'occurred-at', { local: '2026-11-26T08:30', timeZone: 'Europe/Berlin' }],
  ['search-logs', 'sentry-url', 'https://acme.sentry.io/issues/4521/'],
  ['file-bug', 'bug-url', 'https://acme.atlassian.net/browse/ENG-42'],
  ['status-page-updates', 'last-update', 'identified'],
  ['fix-shipped', 'release-tag', 'v2026.03.1'],
  ['fix-shipped', 'visible-at', { local: '2026-11-27T10:00', timeZone: 'Europe/Berlin' }],
  ['confirm-fix', 'confirmation', 'not-fixed'],
  ['close', 'root-cause', 'integration'],
];

function runOf(
  template: WorkflowTemplate,
  step: (id: string) => string,
  field: (stepId: string, fieldId: string) => string,
): Run {
  let { run } = createRun(template, ticket(), AGENT, T0);
  ANSWERS.forEach(([s, f, value], i) => {
    const m = { type: 'set-field', stepId: step(s), fieldId: field(s, f), value } as const;
    run = applyMutation(template, run, m, AGENT, T0 + (i + 1) * MIN).run;
  });
  return run;
}

describe('actions on a template with every id renamed', () => {
  const renamed = renameEveryId(DEFAULT_TEMPLATE);
  const original = runOf(
    DEFAULT_TEMPLATE,
    (s) => s,
    (_s, f) => f,
  );
  const moved = runOf(renamed.template, renamed.step, renamed.field);

  it('drafts the same replies, status updates, bug report and Jira prefill', () => {
    const a = draftActions(DEFAULT_TEMPLATE, original, SETTINGS, 'Ana Agent');
    const b = draftActions(renamed.template, moved, SETTINGS, 'Ana Agent');
    expect(a.bug.ok && a.bug.link?.ok).toBe(true);
    expect(JSON.stringify(a)).toContain('req_8f3a2b');
    // The same actions finish the same steps, named by each template's own ids.
    const { finishing: fa, ...restA } = a;
    const { finishing: fb, ...restB } = b;
    expect(restB).toEqual(restA);
    expect(Object.keys(fa).length).toBeGreaterThan(0);
    expect(fb).toEqual(
      Object.fromEntries(Object.entries(fa).map(([k, v]) => [renamed.step(k), v])),
    );
  });

  it('pages with the same event', () => {
    expect(pageRefusal(renamed.template, moved)).toBeUndefined();
    const event = (t: WorkflowTemplate, r: Run) =>
      buildTriggerEvent(t, r, {
        routingKey: 'R0123456789abcdefABCDEF012345678',
        requestedAt: T0 + 30 * MIN,
      });
    const sent = event(DEFAULT_TEMPLATE, original);
    expect(sent.ok).toBe(true);
    expect(event(renamed.template, moved)).toEqual(sent);
  });

  it("write the customer's times in the zone the page showed for them", () => {
    const shown = {
      ...original,
      ticket: { ...original.ticket, customerTimeZone: 'Europe/Lisbon' },
    };
    const text = draftActions(DEFAULT_TEMPLATE, shown, SETTINGS, 'Ana Agent').messages[
      'insert-fix-shipped'
    ];
    // 10:00 in Berlin is 09:00 in Lisbon.
    expect(text.ok && text.text).toContain('Fri 27 Nov, 09:00 Lisbon time');
  });
});
