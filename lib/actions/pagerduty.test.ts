import { describe, expect, it } from 'vitest';
import { buildTriggerEvent, isValidRoutingKey, pagerDutyDedupKey, pageSummary } from './pagerduty';
import { T0, TEST_TEMPLATE, testRun } from './test-fixtures';
import type { FieldValue } from '../workflow/schema';

const KEY = 'R0123456789abcdefABCDEF012345678';
const SEV1: Record<string, FieldValue> = {
  'verify-account/plan': 'enterprise',
  'assign-severity/severity': 'SEV1',
  'assign-severity/impact': 'All exports return HTTP 500 for Acme',
  'collect-repro/workspace-id': 'acme-prod',
  'collect-repro/request-id': 'req_8f3a2b',
  'file-bug/bug-url': 'https://acme.atlassian.net/browse/ENG-123',
};

describe('routing key and dedup key', () => {
  it('accepts exactly 32 letters and digits', () => {
    expect(KEY).toHaveLength(32);
    expect(isValidRoutingKey(KEY)).toBe(true);
    expect(isValidRoutingKey(KEY.slice(1))).toBe(false);
    expect(isValidRoutingKey(`${KEY}x`)).toBe(false);
    expect(isValidRoutingKey(`${KEY.slice(1)}-`)).toBe(false);
    expect(isValidRoutingKey(undefined)).toBe(false);
  });
  it('derives the dedup key from helpdesk and ticket, at most 255 characters', () => {
    expect(pagerDutyDedupKey('zendesk', '12345')).toBe('casebook-zendesk-12345');
    expect(pagerDutyDedupKey('helpscout', '2061999999')).toBe('casebook-helpscout-2061999999');
    expect(pagerDutyDedupKey('intercom', '9'.repeat(400))).toHaveLength(255);
  });
});

describe('buildTriggerEvent', () => {
  it('builds the documented SEV1 trigger', () => {
    const r = buildTriggerEvent(TEST_TEMPLATE, testRun(SEV1), { routingKey: KEY, requestedAt: T0 });
    expect(r).toEqual({
      ok: true,
      event: {
        routing_key: KEY,
        event_action: 'trigger',
        dedup_key: 'casebook-zendesk-12345',
        payload: {
          summary: 'SEV1: All exports return HTTP 500 for Acme (ticket 12345)',
          source: 'acme-prod',
          severity: 'critical',
          timestamp: '2026-03-08T08:00:00Z',
          class: 'support-escalation',
          custom_details: {
            ticket_url: 'https://acme.zendesk.com/agent/tickets/12345',
            request_id: 'req_8f3a2b',
            plan: 'enterprise',
            workspace_id: 'acme-prod',
            customer_impact: 'All exports return HTTP 500 for Acme',
          },
        },
        client: 'Casebook',
        client_url: 'https://acme.zendesk.com/agent/tickets/12345',
        links: [{ href: 'https://acme.atlassian.net/browse/ENG-123', text: 'Engineering issue' }],
      },
    });
  });

  it('SEV2 pages as error; without workspace the ticket host is the source; no links without a bug', () => {
    const r = buildTriggerEvent(
      TEST_TEMPLATE,
      testRun(
        { 'assign-severity/severity': 'SEV2', 'assign-severity/impact': 'Exports slow' },
        { displayId: '#77' },
      ),
      { routingKey: KEY, requestedAt: T0 },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.event.payload.severity).toBe('error');
    expect(r.event.payload.source).toBe('acme.zendesk.com');
    expect(r.event.payload.summary).toBe('SEV2: Exports slow (ticket #77)');
    expect(r.event.links).toBeUndefined();
  });

  it('takes the PagerDuty severity from the template policy', () => {
    const template = structuredClone(TEST_TEMPLATE);
    const sev2 = template.policy.severities.find((s) => s.id === 'SEV2');
    if (sev2) sev2.pagerDutySeverity = 'critical';
    const r = buildTriggerEvent(
      template,
      testRun({ ...SEV1, 'assign-severity/severity': 'SEV2' }),
      {
        routingKey: KEY,
        requestedAt: T0,
      },
    );
    expect(r.ok && r.event.payload.severity).toBe('critical');
  });

  it('refuses, with the reason, when it cannot page', () => {
    const reason = (values: Record<string, FieldValue>, ...keyArg: [string | undefined] | []) => {
      const key = keyArg.length === 0 ? KEY : keyArg[0];
      const r = buildTriggerEvent(TEST_TEMPLATE, testRun(values, { subject: undefined }), {
        routingKey: key,
        requestedAt: T0,
      });
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason(SEV1, undefined)).toMatch(/routing key/);
    expect(reason(SEV1, 'short')).toMatch(/32-character/);
    expect(reason({ ...SEV1, 'assign-severity/severity': null })).toBe(
      'Set the severity in step 3 before paging.',
    );
    expect(reason({ ...SEV1, 'assign-severity/severity': 'SEV3' })).toBe(
      'SEV3 escalations use a Slack mention of the on-call in this workflow, not PagerDuty.',
    );
    expect(reason({ ...SEV1, 'assign-severity/severity': 'SEV4' })).toMatch(/no page/);
    expect(reason({ ...SEV1, 'assign-severity/impact': '' })).toMatch(/customer impact in step 3/);
  });

  it('keeps the summary within 1024 characters and never cuts the ticket reference', () => {
    const s = pageSummary('SEV1', 'x'.repeat(5000), '#12345');
    expect(s).toHaveLength(1024);
    expect(s.endsWith('… (ticket #12345)')).toBe(true);
    expect(pageSummary('SEV1', 'line one\nline two', '1')).toBe(
      'SEV1: line one line two (ticket 1)',
    );
  });
});
