/**
 * A small template with the default workflow's well-known step and field ids,
 * and a run builder, for the action builders' tests. Imported by tests only.
 */
import {
  runSchema,
  templateSchema,
  type FieldValue,
  type Run,
  type WorkflowTemplate,
  type WorkflowTemplateInput,
} from '../workflow/schema';

const choice = (...values: string[]) => values.map((value) => ({ value, label: value }));

export const TEST_TEMPLATE_INPUT: WorkflowTemplateInput = {
  id: 'support-ticket',
  version: 1,
  name: 'Test workflow',
  sections: [
    {
      id: 'triage',
      title: 'Triage',
      steps: [
        { id: 'acknowledge', title: 'Acknowledge', guidance: '', actions: ['insert-first-touch'] },
        {
          id: 'verify-account',
          title: 'Verify account',
          guidance: '',
          fields: [
            {
              id: 'plan',
              label: 'Plan',
              type: 'single-choice',
              options: choice('enterprise', 'paid', 'trial', 'free'),
            },
          ],
        },
        {
          id: 'assign-severity',
          title: 'Assign severity',
          guidance: '',
          fields: [
            {
              id: 'severity',
              label: 'Severity',
              type: 'single-choice',
              options: choice('SEV1', 'SEV2', 'SEV3', 'SEV4'),
            },
            { id: 'impact', label: 'Impact', type: 'text' },
          ],
        },
        {
          id: 'page-sev1',
          title: 'Page on-call',
          guidance: '',
          actions: ['page-on-call', 'copy-incident-channel', 'draft-status-page'],
          fields: [
            { id: 'pagerduty-incident', label: 'PagerDuty incident', type: 'text' },
            { id: 'incident-channel', label: 'Incident channel', type: 'text' },
          ],
        },
      ],
    },
    {
      id: 'reproduction',
      title: 'Reproduction',
      steps: [
        {
          id: 'collect-repro',
          title: 'Collect repro',
          guidance: '',
          fields: [
            { id: 'repro-steps', label: 'Repro steps', type: 'paragraph' },
            { id: 'browser', label: 'Browser', type: 'text' },
            { id: 'os', label: 'OS', type: 'text' },
            { id: 'workspace-id', label: 'Workspace', type: 'text' },
            { id: 'url', label: 'URL', type: 'text' },
            { id: 'occurred-at', label: 'When', type: 'datetime' },
            { id: 'expected', label: 'Expected', type: 'paragraph' },
            { id: 'actual', label: 'Actual', type: 'paragraph' },
            { id: 'request-id', label: 'Request ID', type: 'text' },
          ],
        },
        {
          id: 'search-logs',
          title: 'Search logs',
          guidance: '',
          actions: ['open-log-search'],
          fields: [{ id: 'sentry-url', label: 'Sentry', type: 'url' }],
        },
        {
          id: 'reproduce',
          title: 'Reproduce',
          guidance: '',
          fields: [
            {
              id: 'result',
              label: 'Result',
              type: 'single-choice',
              options: choice('reproducible', 'intermittent', 'cannot-reproduce'),
            },
          ],
        },
      ],
    },
    {
      id: 'escalation',
      title: 'Escalation',
      steps: [
        {
          id: 'file-bug',
          title: 'File bug',
          guidance: '',
          actions: ['file-bug'],
          fields: [{ id: 'bug-url', label: 'Bug URL', type: 'url' }],
        },
        {
          id: 'status-page-updates',
          title: 'Status page',
          guidance: '',
          fields: [
            {
              id: 'last-update',
              label: 'Last update',
              type: 'single-choice',
              options: choice('investigating', 'identified', 'monitoring', 'resolved'),
            },
          ],
        },
        {
          id: 'fix-shipped',
          title: 'Fix shipped',
          guidance: '',
          fields: [
            { id: 'release-tag', label: 'Release', type: 'text' },
            { id: 'visible-at', label: 'Visible at', type: 'datetime' },
          ],
        },
      ],
    },
    {
      id: 'closure',
      title: 'Closure',
      steps: [
        {
          id: 'confirm-fix',
          title: 'Confirm',
          guidance: '',
          fields: [
            {
              id: 'confirmation',
              label: 'Confirmation',
              type: 'single-choice',
              options: choice('confirmed', 'not-fixed', 'no-response'),
            },
            {
              id: 'satisfaction',
              label: 'Satisfaction',
              type: 'number',
              min: 1,
              max: 5,
              integer: true,
            },
          ],
        },
        {
          id: 'follow-up',
          title: 'Follow up',
          guidance: '',
          fields: [{ id: 'incident-summary', label: 'Incident summary', type: 'paragraph' }],
        },
        {
          id: 'close',
          title: 'Close',
          guidance: '',
          fields: [
            {
              id: 'root-cause',
              label: 'Root cause',
              type: 'single-choice',
              options: [
                { value: 'auth', label: 'Auth' },
                { value: 'billing', label: 'Billing' },
              ],
            },
            { id: 'closing-note', label: 'Closing note', type: 'paragraph' },
          ],
        },
      ],
    },
  ],
  policy: {
    severities: [
      {
        id: 'SEV1',
        label: 'SEV1',
        definition: 'Production down',
        pageVia: 'pagerduty',
        pagerDutySeverity: 'critical',
        pageImmediately: true,
        statusPageCadenceMinutes: 30,
        engineeringAckMinutes: 15,
      },
      {
        id: 'SEV2',
        label: 'SEV2',
        definition: 'Major feature broken',
        pageVia: 'pagerduty',
        pagerDutySeverity: 'error',
        engineeringAckMinutes: 30,
      },
      { id: 'SEV3', label: 'SEV3', definition: 'Minor', pageVia: 'slack-mention' },
      { id: 'SEV4', label: 'SEV4', definition: 'Cosmetic', pageVia: 'none' },
    ],
    plans: [
      {
        id: 'enterprise',
        label: 'Enterprise',
        firstResponseMinutes: 60,
        incidentSummaryRequired: true,
      },
      { id: 'paid', label: 'Paid', firstResponseMinutes: 60 },
      { id: 'trial', label: 'Trial', firstResponseMinutes: 240 },
      { id: 'free', label: 'Free', firstResponseMinutes: 240 },
    ],
    severityField: { stepId: 'assign-severity', fieldId: 'severity' },
    planField: { stepId: 'verify-account', fieldId: 'plan' },
    rootCauseTags: [
      { value: 'auth', label: 'Auth' },
      { value: 'billing', label: 'Billing' },
    ],
  },
};

export const TEST_TEMPLATE: WorkflowTemplate = templateSchema.parse(TEST_TEMPLATE_INPUT);

export const T0 = Date.parse('2026-03-08T08:00:00Z');

/** A run of TEST_TEMPLATE with the given values: `{'collect-repro/request-id': 'req_1'}`. */
export function testRun(
  values: Record<string, FieldValue> = {},
  ticket: Partial<Run['ticket']> = {},
): Run {
  const by = { name: 'Ada Agent' };
  const run: Run = {
    id: 'zendesk:12345',
    helpdesk: 'zendesk',
    ticketId: '12345',
    templateId: 'support-ticket',
    templateVersion: 1,
    ticket: {
      helpdesk: 'zendesk',
      ticketId: '12345',
      url: 'https://acme.zendesk.com/agent/tickets/12345',
      subject: 'Exports fail',
      ...ticket,
    },
    createdAt: T0,
    updatedAt: T0,
    steps: {},
    values: {},
    pauses: [],
    revision: 1,
  };
  for (const [key, value] of Object.entries(values)) {
    const [stepId, fieldId] = key.split('/') as [string, string];
    run.values[stepId] = { ...run.values[stepId], [fieldId]: { value, at: T0, by, since: T0 } };
  }
  return runSchema.parse(run);
}
