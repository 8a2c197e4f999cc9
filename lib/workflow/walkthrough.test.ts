import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { deriveRunView } from './derive';
import { MIN, T0, done, message, scenario, setField, step, type Scenario } from './testing';

const T = DEFAULT_TEMPLATE;

/** Walk the whole workflow for one ticket; every applicable step ends done or skipped. */
describe('the default workflow end to end', () => {
  it('a SEV1 enterprise ticket with a dissatisfied customer can be completed and closed', () => {
    let t = T0;
    let s: Scenario = scenario();
    const at = () => (t += MIN);
    const set = (stepId: string, fieldId: string, value: Parameters<typeof setField>[3]) => {
      s = setField(s, stepId, fieldId, value, at());
    };
    const finish = (stepId: string) => {
      s = done(s, stepId, at());
    };

    finish('acknowledge');
    // The first response is met when the reply shows in the conversation.
    s = message(s, 'reply-1', 'agent', at());
    set('verify-account', 'plan', 'enterprise');
    set('verify-account', 'authorized-contact', true);
    finish('verify-account');
    set('assign-severity', 'severity', 'SEV1');
    set('assign-severity', 'impact', 'Checkout is down for all EU workspaces');
    finish('assign-severity');
    set('page-sev1', 'pagerduty-incident', 'https://acme.pagerduty.com/incidents/Q1ABC');
    set('page-sev1', 'incident-channel', '#incident-4821');
    set('page-sev1', 'status-page-posted', true);
    set('status-page-updates', 'last-update', 'investigating');
    finish('page-sev1');
    set('collect-repro', 'repro-steps', 'Open checkout, click Pay');
    set('collect-repro', 'occurred-at', { local: '2026-11-26T09:40', timeZone: 'Europe/Berlin' });
    set('collect-repro', 'request-id', 'req_8f2a');
    finish('collect-repro');
    s = step(
      s,
      {
        type: 'set-step-status',
        stepId: 'request-artifacts',
        status: 'skipped',
        skipReason: 'Request ID is enough',
      },
      at(),
    );
    set('search-logs', 'sentry-url', 'https://acme.sentry.io/issues/4521/');
    finish('search-logs');
    set('reproduce', 'result', 'reproducible');
    finish('reproduce');
    finish('check-runbook');
    s = step(
      s,
      {
        type: 'set-step-status',
        stepId: 'workaround',
        status: 'skipped',
        skipReason: 'No workaround for an outage',
      },
      at(),
    );
    finish('verify-config');
    set('file-bug', 'bug-url', 'https://acme.atlassian.net/browse/PAY-812');
    finish('file-bug');
    finish('escalation-page');
    expect(deriveRunView(T, s.run, t).clocks.map((c) => c.id)).toEqual([
      'first-response',
      'resolution',
      'engineering-ack',
      'status-page',
    ]);
    set('hold-for-engineering', 'acknowledged', true);
    finish('hold-for-engineering');
    set('eta-update', 'eta-sent', true);
    finish('eta-update');
    set('status-page-updates', 'last-update', 'identified');
    set('status-page-updates', 'last-update', 'monitoring');
    set('status-page-updates', 'last-update', 'resolved');
    finish('status-page-updates');
    set('fix-shipped', 'release-tag', 'v2026.11.3');
    set('fix-shipped', 'visible-at', { local: '2026-11-26T12:00', timeZone: 'Europe/Berlin' });
    finish('fix-shipped');
    set('confirm-fix', 'confirmation', 'confirmed');
    set('confirm-fix', 'satisfaction', 2);
    finish('confirm-fix');
    set(
      'follow-up',
      'incident-summary',
      'Impact: EU checkout down 45 min. Root cause: webhook retry loop. Remediation: v2026.11.3.',
    );
    finish('follow-up');
    finish('update-runbook');
    set('close', 'root-cause', 'integration');
    finish('close');

    const v = deriveRunView(T, s.run, t + 10 * MIN);
    expect(v.closed).toBe(true);
    expect(v.progress).toEqual({ done: 21, applicable: 21, percent: 100 });
    expect(v.currentStepId).toBeUndefined();
    expect(v.nextDueAt).toBeUndefined();
    expect(v.clocks.map((c) => [c.id, c.state])).toEqual([
      ['first-response', 'met'],
      ['resolution', 'met'],
      ['follow-up-call', 'met'],
      ['engineering-ack', 'met'],
      ['status-page', 'met'],
    ]);
    expect(s.events.filter((e) => e.type === 'run-closed')).toHaveLength(1);
  });

  it('a SEV4 free-plan how-to question needs no paging, status page or follow-up', () => {
    let s = scenario({ plan: 'free' });
    s = done(s, 'acknowledge', T0 + 2 * 60 * MIN);
    s = message(s, 'reply-1', 'agent', T0 + 2 * 60 * MIN);
    s = setField(s, 'assign-severity', 'severity', 'SEV4');
    const v = deriveRunView(T, s.run, T0 + 3 * 60 * MIN);
    const na = v.sections
      .flatMap((x) => x.steps)
      .filter((x) => !x.applicable)
      .map((x) => x.step.id);
    expect(na).toEqual(['page-sev1', 'escalation-page', 'status-page-updates', 'follow-up']);
    // 2 h is inside the 4 h free-plan SLA.
    expect(v.clocks).toEqual([
      expect.objectContaining({ id: 'first-response', state: 'met' }),
      expect.objectContaining({ id: 'resolution', state: 'running' }),
    ]);
  });
});
