import { describe, expect, it } from 'vitest';
import { DEFAULT_IDS, DEFAULT_TEMPLATE, BUG_URL_PATTERNS } from './default-template';
import { templateSchema } from './schema';
import { stepWordValues, wordTemplate } from './step-words';

// The titles of the team's spec (/work/shared/workflow-seed.txt), in order.
const SEED = [
  {
    title: 'Initial Triage',
    steps: [
      'Acknowledge the ticket within SLA',
      "Verify the customer's account and plan",
      'Assign severity and priority',
      'Page the on-call engineer for SEV1',
    ],
  },
  {
    title: 'Reproduction and Diagnosis',
    steps: [
      'Collect reproduction steps from the customer',
      'Request screenshots, HAR file, or error logs',
      'Search Sentry and Datadog for matching errors',
      'Reproduce the issue in staging or impersonation',
    ],
  },
  {
    title: 'Tier 1 Troubleshooting',
    steps: [
      'Check the known-issues runbook',
      'Walk the customer through a workaround',
      "Verify the customer's configuration",
    ],
  },
  {
    title: 'Engineering Escalation',
    steps: [
      'File a Jira bug with full repro context',
      'Page on-call for SEV1 or SEV2 escalations',
      'Hold the ticket open until engineering acknowledges',
    ],
  },
  {
    title: 'Customer Communication and Follow-Up',
    steps: [
      'Send the customer an updated ETA',
      'Post status-page updates every 30 minutes for SEV1',
      'Notify the customer when the fix ships',
    ],
  },
  {
    title: 'Resolution and Closure',
    steps: [
      'Confirm the fix with the customer',
      'Schedule a follow-up if the customer is dissatisfied',
      'Update the support runbook with new findings',
      'Close the ticket and tag the root cause',
    ],
  },
];

const STEP_IDS = [
  'acknowledge',
  'verify-account',
  'assign-severity',
  'page-sev1',
  'collect-repro',
  'request-artifacts',
  'search-logs',
  'reproduce',
  'check-runbook',
  'workaround',
  'verify-config',
  'file-bug',
  'escalation-page',
  'hold-for-engineering',
  'eta-update',
  'status-page-updates',
  'fix-shipped',
  'confirm-fix',
  'follow-up',
  'update-runbook',
  'close',
];

const steps = DEFAULT_TEMPLATE.sections.flatMap((s) => s.steps);
const step = (id: string) => {
  const s = steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};
const field = (stepId: string, fieldId: string) => {
  const f = step(stepId).fields.find((x) => x.id === fieldId);
  if (!f) throw new Error(`no field ${stepId}/${fieldId}`);
  return f;
};

describe('DEFAULT_TEMPLATE', () => {
  it('is id support-ticket, version 1, and valid against the schema', () => {
    expect(DEFAULT_TEMPLATE.id).toBe('support-ticket');
    expect(DEFAULT_TEMPLATE.version).toBe(1);
    expect(() => templateSchema.parse(DEFAULT_TEMPLATE)).not.toThrow();
  });

  it('has exactly 21 steps in 6 sections with the titles of the spec', () => {
    expect(DEFAULT_TEMPLATE.sections).toHaveLength(6);
    expect(steps).toHaveLength(21);
    // The spec was written for Zendesk with Jira; the step words name what is in use.
    const worded = wordTemplate(DEFAULT_TEMPLATE, stepWordValues('zendesk', 'jira'));
    expect(
      worded.sections.map((s) => ({
        title: s.title,
        steps: s.steps.map((x) => x.title),
      })),
    ).toEqual(SEED);
    expect(DEFAULT_TEMPLATE.sections.map((s) => s.id)).toEqual([
      'triage',
      'reproduction',
      'tier1',
      'escalation',
      'communication',
      'closure',
    ]);
  });

  it('uses the documented step ids in order, and DEFAULT_IDS names them all', () => {
    expect(steps.map((s) => s.id)).toEqual(STEP_IDS);
    expect(Object.values(DEFAULT_IDS.steps)).toEqual(STEP_IDS);
  });

  it('every DEFAULT_IDS field exists in the template', () => {
    for (const ref of Object.values(DEFAULT_IDS.fields)) {
      expect(field(ref.stepId, ref.fieldId)).toBeDefined();
    }
    for (const id of Object.values(DEFAULT_IDS.messages)) {
      expect(DEFAULT_TEMPLATE.messages.find((m) => m.id === id)).toBeDefined();
    }
    for (const id of Object.values(DEFAULT_IDS.clocks)) {
      expect(DEFAULT_TEMPLATE.clocks.find((c) => c.id === id)).toBeDefined();
    }
  });

  it('every step carries guidance from the spec', () => {
    for (const s of steps) expect(s.guidance.length).toBeGreaterThan(80);
    expect(step('acknowledge').guidance).toContain("Don't promise a fix ETA yet");
    expect(step('file-bug').guidance).toContain(
      'A bug filed without a request ID gets bounced back',
    );
    expect(step('close').guidance).toContain('auth, billing, integration, performance, UI');
  });

  it('defines SEV1–SEV4 with their definitions and paging channels', () => {
    const sev = Object.fromEntries(DEFAULT_TEMPLATE.policy.severities.map((s) => [s.id, s]));
    expect(sev.SEV1).toMatchObject({
      definition: 'Production down or data loss for one or more customers.',
      pageVia: 'pagerduty',
      pagerDutySeverity: 'critical',
      pageImmediately: true,
      statusPageCadenceMinutes: 30,
    });
    expect(sev.SEV2).toMatchObject({
      definition: 'Major feature broken, no workaround.',
      pageVia: 'pagerduty',
      pagerDutySeverity: 'error',
      pageImmediately: false,
    });
    expect(sev.SEV3).toMatchObject({
      definition: 'Minor feature broken or workaround exists.',
      pageVia: 'slack-mention',
    });
    expect(sev.SEV4).toMatchObject({ definition: 'Cosmetic or how-to.', pageVia: 'none' });
    expect(sev.SEV4?.engineeringAckMinutes).toBeUndefined();
    expect(sev.SEV2?.statusPageCadenceMinutes).toBeUndefined();
  });

  it('step and field conditions agree with the policy they encode', () => {
    const sevs = DEFAULT_TEMPLATE.policy.severities;
    const whenIn = (id: string) => {
      const w = step(id).when;
      return w && 'in' in w ? [...w.in].sort() : undefined;
    };
    expect(whenIn('page-sev1')).toEqual(sevs.filter((s) => s.pageImmediately).map((s) => s.id));
    expect(whenIn('status-page-updates')).toEqual(
      sevs.filter((s) => s.statusPageCadenceMinutes !== undefined).map((s) => s.id),
    );
    expect(whenIn('escalation-page')).toEqual(
      sevs.filter((s) => s.pageVia !== 'none').map((s) => s.id),
    );
    expect(whenIn('escalation-page')).toEqual(
      sevs.filter((s) => s.engineeringAckMinutes !== undefined).map((s) => s.id),
    );
    const summary = field('follow-up', 'incident-summary').when;
    expect(summary && 'in' in summary ? summary.in : undefined).toEqual(
      DEFAULT_TEMPLATE.policy.plans.filter((p) => p.incidentSummaryRequired).map((p) => p.id),
    );
  });

  it('declares the clocks of the spec and the SLA policy', () => {
    expect(DEFAULT_TEMPLATE.clocks).toEqual([
      expect.objectContaining({
        id: 'first-response',
        kind: 'deadline',
        start: { kind: 'ticket-created' },
        target: 'first-response-by-plan',
        stopOn: 'agent-reply',
      }),
      expect.objectContaining({
        id: 'next-response',
        start: { kind: 'customer-reply' },
        target: 'next-response-by-policy',
        stopOn: 'agent-reply',
      }),
      expect.objectContaining({ id: 'resolution', target: 'resolution-by-policy' }),
      expect.objectContaining({ id: 'follow-up-call', target: 'business-days', businessDays: 1 }),
      expect.objectContaining({
        id: 'engineering-ack',
        kind: 'deadline',
        appliesWhen: { kind: 'severity', in: ['SEV1', 'SEV2', 'SEV3'] },
        start: { kind: 'step-done', stepId: 'escalation-page' },
        target: 'engineering-ack-by-severity',
      }),
      expect.objectContaining({
        id: 'status-page',
        kind: 'cadence',
        appliesWhen: { kind: 'severity', in: ['SEV1'] },
        start: { kind: 'field-set', field: { stepId: 'assign-severity', fieldId: 'severity' } },
        resetBy: { stepId: 'status-page-updates', fieldId: 'last-update' },
      }),
    ]);
  });

  it('sets first-response SLAs: 1 h for paid plans, 4 h for trial/free; enterprise adds the summary', () => {
    const plan = Object.fromEntries(DEFAULT_TEMPLATE.policy.plans.map((p) => [p.id, p]));
    expect(plan.enterprise).toMatchObject({
      firstResponseMinutes: 60,
      incidentSummaryRequired: true,
    });
    expect(plan.paid).toMatchObject({ firstResponseMinutes: 60, incidentSummaryRequired: false });
    expect(plan.trial).toMatchObject({ firstResponseMinutes: 240, incidentSummaryRequired: false });
    expect(plan.free).toMatchObject({ firstResponseMinutes: 240, incidentSummaryRequired: false });
  });

  it('collects the data the spec names, with the right types and lists', () => {
    const options = (stepId: string, fieldId: string) => {
      const f = field(stepId, fieldId);
      return 'options' in f ? f.options.map((o) => o.value) : [];
    };
    expect(options('assign-severity', 'severity')).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    expect(options('verify-account', 'plan')).toEqual(['enterprise', 'paid', 'trial', 'free']);
    expect(options('reproduce', 'result')).toEqual([
      'reproducible',
      'intermittent',
      'cannot-reproduce',
    ]);
    expect(options('close', 'root-cause')).toEqual([
      'auth',
      'billing',
      'integration',
      'performance',
      'ui',
    ]);
    expect(options('confirm-fix', 'confirmation')).toEqual([
      'confirmed',
      'not-fixed',
      'no-response',
    ]);
    expect(options('status-page-updates', 'last-update')).toEqual([
      'investigating',
      'identified',
      'monitoring',
      'resolved',
    ]);
    expect(field('collect-repro', 'repro-steps').type).toBe('paragraph');
    expect(field('collect-repro', 'occurred-at').type).toBe('datetime');
    expect(field('request-artifacts', 'files').type).toBe('file');
    expect(field('file-bug', 'bug-url').type).toBe('url');
    expect(field('confirm-fix', 'satisfaction')).toMatchObject({
      type: 'number',
      min: 1,
      max: 5,
      integer: true,
    });
    expect(field('follow-up', 'incident-summary')).toMatchObject({
      type: 'paragraph',
      when: { kind: 'plan', in: ['enterprise'] },
    });
  });

  it('puts the actions on the steps that use them', () => {
    const actions = Object.fromEntries(steps.map((s) => [s.id, s.actions]));
    expect(actions).toMatchObject({
      acknowledge: ['insert-first-touch'],
      'page-sev1': ['page-on-call', 'copy-incident-channel', 'draft-status-page'],
      'search-logs': ['open-log-search'],
      'file-bug': ['file-bug'],
      'escalation-page': ['page-on-call', 'copy-slack-mention'],
      'hold-for-engineering': ['re-page', 'escalate-to-manager'],
      'eta-update': ['insert-eta-update'],
      'status-page-updates': ['draft-status-page'],
      'fix-shipped': ['insert-fix-shipped'],
      'confirm-fix': ['insert-confirmation-request'],
      'follow-up': ['draft-incident-summary'],
      close: ['insert-closing-note'],
    });
  });

  it('has a first-touch message per plan tier that states the SLA and promises no fix ETA', () => {
    const m = DEFAULT_TEMPLATE.messages.find((x) => x.id === 'first-touch');
    for (const plan of ['enterprise', 'paid', 'trial', 'free'] as const) {
      const body = m?.byPlan?.[plan] ?? '';
      expect(body).toContain('received your request');
      expect(body).toContain('{{firstResponse}}');
      expect(body).toContain("can't give a timeline for a fix yet");
    }
  });

  it('allows only Jira and Linear issue URLs for the bug', () => {
    const ok = (u: string) => BUG_URL_PATTERNS.some((p) => new RegExp(p).test(u));
    expect(ok('https://acme.atlassian.net/browse/SUP-123')).toBe(true);
    expect(ok('https://linear.app/acme/issue/ENG-42/checkout-fails')).toBe(true);
    expect(ok('https://linear.app/acme/issue/ENG-42')).toBe(true);
    expect(ok('https://acme.atlassian.net/jira/software/projects/SUP/boards/1')).toBe(false);
    expect(ok('https://evil.example/acme.atlassian.net/browse/SUP-1')).toBe(false);
    expect(ok('https://linear.app/acme/project/x')).toBe(false);
    expect(ok('http://acme.atlassian.net/browse/SUP-1')).toBe(false);
  });
});
