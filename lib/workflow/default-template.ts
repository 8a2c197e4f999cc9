/**
 * The default workflow: "Customer Support Ticket Workflow" (21 steps in 6
 * sections), from the team's spec. Guidance is the spec's text; every rule
 * the spec states (severities, SLAs, paging channels, gates, clocks) is data
 * here, so editing the template changes the behaviour without code.
 */
import { DEFAULT_SLA_POLICY } from '../sla/schema';
import { BUG_URL_PATTERNS, DEFAULT_IDS } from './default-ids';
import { templateSchema, type WorkflowTemplate, type WorkflowTemplateInput } from './schema';

export { BUG_URL_PATTERNS, DEFAULT_IDS } from './default-ids';

const S = DEFAULT_IDS.steps;
const F = DEFAULT_IDS.fields;

const SEVERITY_OPTIONS = [
  {
    value: 'SEV1',
    label: 'SEV1',
    description: 'Production down or data loss for one or more customers.',
  },
  { value: 'SEV2', label: 'SEV2', description: 'Major feature broken, no workaround.' },
  { value: 'SEV3', label: 'SEV3', description: 'Minor feature broken or workaround exists.' },
  { value: 'SEV4', label: 'SEV4', description: 'Cosmetic or how-to.' },
];

const ROOT_CAUSES = [
  { value: 'auth', label: 'Auth' },
  { value: 'billing', label: 'Billing' },
  { value: 'integration', label: 'Integration' },
  { value: 'performance', label: 'Performance' },
  { value: 'ui', label: 'UI' },
];

const input: WorkflowTemplateInput = {
  id: DEFAULT_IDS.templateId,
  version: 1,
  name: 'Customer Support Ticket Workflow',
  description:
    'Steps a software support engineer runs from ticket intake through reproduction, tier-1 troubleshooting, engineering escalation, and closure. Designed for B2B SaaS support teams using a ticketing system (Zendesk, Intercom, Help Scout) backed by Jira or Linear for engineering handoff.',
  sections: [
    {
      id: DEFAULT_IDS.sections.triage,
      title: 'Initial Triage',
      steps: [
        {
          id: S.acknowledge,
          title: 'Acknowledge the ticket within SLA',
          guidance:
            'Send a first-touch reply that confirms receipt and sets expectations. First-response SLA is typically **1 hour for paid plans, 4 hours for trial/free**.\n\n' +
            "Don't promise a fix ETA yet — that comes after reproduction.",
          actions: ['insert-first-touch'],
        },
        {
          id: S.verifyAccount,
          title: "Verify the customer's account and plan",
          guidance:
            "Confirm the requester is on the customer's authorized contact list before sharing account details. " +
            'For HIPAA/SOC 2 customers, **never confirm or deny account existence to unverified senders**.\n\n' +
            'Note the plan tier — it drives SLA and escalation paths.',
          fields: [
            {
              id: 'plan',
              label: 'Plan tier',
              type: 'single-choice',
              required: true,
              options: [
                {
                  value: 'enterprise',
                  label: 'Enterprise',
                  description: '1 h first response; written incident summary in the contract.',
                },
                { value: 'paid', label: 'Paid', description: '1 h first response.' },
                { value: 'trial', label: 'Trial', description: '4 h first response.' },
                { value: 'free', label: 'Free', description: '4 h first response.' },
              ],
            },
            {
              id: 'authorized-contact',
              label: "Requester is on the customer's authorized contact list",
              type: 'checkbox',
              required: true,
              help: 'If not, share no account details; skip this step with the reason instead.',
            },
          ],
        },
        {
          id: S.assignSeverity,
          title: 'Assign severity and priority',
          guidance:
            '- **SEV1** = production down or data loss for one or more customers.\n' +
            '- **SEV2** = major feature broken, no workaround.\n' +
            '- **SEV3** = minor feature broken or workaround exists.\n' +
            '- **SEV4** = cosmetic or how-to.\n\n' +
            'SEV1 immediately pages on-call via PagerDuty; **do not wait on reproduction**.',
          fields: [
            {
              id: 'severity',
              label: 'Severity',
              type: 'single-choice',
              required: true,
              options: SEVERITY_OPTIONS,
            },
            {
              id: 'impact',
              role: 'impact',
              label: 'Customer impact (one sentence)',
              type: 'text',
              maxLength: 300,
              placeholder: 'e.g. Checkout fails for all EU customers of Acme',
              help: 'Goes into the page and the status-page drafts.',
            },
          ],
        },
        {
          id: S.pageSev1,
          title: 'Page the on-call engineer for SEV1',
          guidance:
            "Trigger the PagerDuty incident on the customer-impacting service rotation, open a `#incident-<ticket>` Slack channel, and post the status-page incident as 'Investigating'.\n\n" +
            '**Do not skip the status page** — customers will check before opening their own tickets.',
          when: { kind: 'severity', in: ['SEV1'] },
          fields: [
            {
              id: 'pagerduty-incident',
              role: 'pagerduty-incident',
              label: 'PagerDuty incident (number or link)',
              type: 'text',
              required: true,
              maxLength: 500,
            },
            {
              id: 'incident-channel',
              role: 'incident-channel',
              label: 'Incident Slack channel',
              type: 'text',
              placeholder: '#incident-12345',
              pattern: '^#incident-[a-z0-9][a-z0-9_-]*$',
              patternMessage:
                'Slack channel names look like #incident-12345 (lower case, no spaces).',
            },
            {
              id: 'status-page-posted',
              role: 'status-page-posted',
              label: "Status-page incident posted as 'Investigating'",
              type: 'checkbox',
              required: true,
            },
          ],
          actions: ['page-on-call', 'copy-incident-channel', 'draft-status-page'],
        },
      ],
    },
    {
      id: DEFAULT_IDS.sections.reproduction,
      title: 'Reproduction and Diagnosis',
      steps: [
        {
          id: S.collectRepro,
          title: 'Collect reproduction steps from the customer',
          guidance:
            "Ask for browser + version, OS, account/workspace ID, the exact URL or API endpoint, the timestamp in the customer's timezone, and what the customer expected vs. what happened.\n\n" +
            "'It's broken' tickets without a timestamp eat hours in log search.",
          fields: [
            {
              id: 'repro-steps',
              role: 'repro-steps',
              label: 'Steps to reproduce',
              type: 'paragraph',
              required: true,
              maxLength: 20_000,
            },
            {
              id: 'browser',
              role: 'browser',
              label: 'Browser and version',
              type: 'text',
              maxLength: 200,
              placeholder: 'Chrome 131',
            },
            {
              id: 'os',
              role: 'os',
              label: 'Operating system',
              type: 'text',
              maxLength: 200,
              placeholder: 'macOS 15.1',
            },
            {
              id: 'workspace-id',
              role: 'workspace-id',
              label: 'Account / workspace ID',
              type: 'text',
              maxLength: 200,
            },
            {
              id: 'url',
              role: 'endpoint-url',
              label: 'Exact URL or API endpoint',
              type: 'text',
              maxLength: 2000,
            },
            {
              id: 'occurred-at',
              role: 'occurred-at',
              label: "When it happened (customer's time zone)",
              type: 'datetime',
              required: true,
            },
            {
              id: 'expected',
              role: 'expected',
              label: 'What the customer expected',
              type: 'paragraph',
              maxLength: 10_000,
            },
            {
              id: 'actual',
              role: 'actual',
              label: 'What happened instead',
              type: 'paragraph',
              maxLength: 10_000,
            },
            {
              id: 'request-id',
              role: 'request-id',
              label: 'Request ID (from the response headers)',
              type: 'text',
              maxLength: 200,
              help: 'Links to the Datadog/Sentry trace. A bug cannot be filed without it.',
            },
          ],
        },
        {
          id: S.requestArtifacts,
          title: 'Request screenshots, HAR file, or error logs',
          guidance:
            '- For **UI bugs**, ask for a screenshot or Loom.\n' +
            '- For **network errors**, ask for a HAR export from DevTools.\n' +
            '- For **API issues**, ask for the request ID from the response headers — it links to your Datadog/Sentry trace in one click.\n\n' +
            'Strip auth tokens before attaching (Casebook sanitizes HAR files before storing them).',
          fields: [
            {
              id: 'files',
              label: 'Screenshots, HAR files, logs',
              type: 'file',
              accept: ['image/*', 'video/*', '.har', '.log', '.txt', '.json'],
              maxFiles: 10,
            },
          ],
        },
        {
          id: S.searchLogs,
          title: 'Search Sentry and Datadog for matching errors',
          guidance:
            "Filter by the customer's workspace ID and the timestamp window from the report. Check Sentry for unhandled exceptions, Datadog APM for the trace, and the application log for the request ID.\n\n" +
            'If the error is already grouped in Sentry with prior tickets, link them.',
          fields: [
            { id: 'sentry-url', role: 'sentry-url', label: 'Sentry issue link', type: 'url' },
          ],
          actions: ['open-log-search'],
        },
        {
          id: S.reproduce,
          title: 'Reproduce the issue in staging or impersonation',
          guidance:
            'Try to reproduce in staging first. If state-dependent, use the customer-impersonation tool (audit-logged). ' +
            "Avoid logging into the customer's account directly; impersonation leaves a clean SOC 2 audit trail.\n\n" +
            'Capture the result — reproducible, intermittent, or cannot reproduce.',
          fields: [
            {
              id: 'result',
              role: 'repro-result',
              label: 'Result',
              type: 'single-choice',
              required: true,
              options: [
                { value: 'reproducible', label: 'Reproducible' },
                { value: 'intermittent', label: 'Intermittent' },
                { value: 'cannot-reproduce', label: 'Cannot reproduce' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: DEFAULT_IDS.sections.tier1,
      title: 'Tier 1 Troubleshooting',
      steps: [
        {
          id: S.checkRunbook,
          title: 'Check the known-issues runbook',
          guidance:
            'Search the support runbook in Notion/Confluence for the symptom keyword. Common hits: cache invalidation after a plan change, SSO config drift after IdP rotation, webhook retry exhaustion.\n\n' +
            'If the runbook resolves it, follow the documented script.',
        },
        {
          id: S.workaround,
          title: 'Walk the customer through a workaround',
          guidance:
            'If a workaround exists (clear browser cache, re-issue API key, toggle a feature flag), share the exact steps with screenshots.\n\n' +
            "Don't say 'try clearing your cache' as a guess — only when the runbook documents it as a known fix for this symptom.",
          required: false,
        },
        {
          id: S.verifyConfig,
          title: "Verify the customer's configuration",
          guidance:
            'Check workspace settings, role/RBAC assignments, integration credentials, and webhook destinations.\n\n' +
            "Misconfigured SAML metadata and expired OAuth refresh tokens account for a large share of 'broken login' tickets.",
        },
      ],
    },
    {
      id: DEFAULT_IDS.sections.escalation,
      title: 'Engineering Escalation',
      steps: [
        {
          id: S.fileBug,
          title: 'File a {{tracker}} bug with full repro context',
          guidance:
            'Include: customer workspace ID, request ID, Sentry link, timestamp, repro steps, expected vs. actual, plan tier, and a link back to the {{helpdesk}} {{ticket}}. ' +
            'Tag the owning team via CODEOWNERS conventions.\n\n' +
            '**A bug filed without a request ID gets bounced back.**',
          fields: [
            {
              id: 'bug-url',
              role: 'bug-url',
              label: 'Bug URL ({{tracker}} issue)',
              type: 'url',
              required: true,
              allow: BUG_URL_PATTERNS,
              allowMessage:
                'Use the issue link itself: https://<site>.atlassian.net/browse/KEY-123 (Jira) or https://linear.app/<workspace>/issue/KEY-123 (Linear).',
            },
          ],
          gates: [
            {
              id: 'request-id',
              require: { kind: 'field', field: F.requestId, op: 'set' },
              message:
                'Add the request ID (step 5, "Collect reproduction steps") first: a bug filed without a request ID gets bounced back.',
            },
          ],
          actions: ['file-bug'],
        },
        {
          id: S.escalationPage,
          title: 'Page on-call for SEV1 or SEV2 escalations',
          guidance:
            "Use **PagerDuty for SEV1/SEV2**; **Slack-mention the on-call for SEV3**. Don't DM individual engineers — it bypasses the rotation and breaks the audit trail.\n\n" +
            'Include the {{tracker}} link and a one-sentence customer impact summary in the page.',
          when: { kind: 'severity', in: ['SEV1', 'SEV2', 'SEV3'] },
          actions: ['page-on-call', 'copy-slack-mention'],
        },
        {
          id: S.holdForEngineering,
          title: 'Hold the ticket open until engineering acknowledges',
          guidance:
            "Do not mark the ticket as 'pending engineering' and walk away. Watch the {{tracker}} issue until an engineer comments or moves it to In Progress.\n\n" +
            'If no acknowledgement within the SLA, re-page or escalate to the engineering manager.',
          fields: [
            {
              id: 'acknowledged',
              role: 'engineering-acknowledged',
              label: 'Engineering acknowledged (commented or moved to In Progress)',
              type: 'checkbox',
              required: true,
            },
            {
              id: 'escalated',
              role: 'escalated',
              label: 'No acknowledgement within the SLA — what was done',
              type: 'single-choice',
              options: [
                { value: 're-paged', label: 'Re-paged on-call' },
                { value: 'escalated-to-manager', label: 'Escalated to the engineering manager' },
              ],
            },
          ],
          actions: ['re-page', 'escalate-to-manager'],
        },
      ],
    },
    {
      id: DEFAULT_IDS.sections.communication,
      title: 'Customer Communication and Follow-Up',
      steps: [
        {
          id: S.etaUpdate,
          title: 'Send the customer an updated ETA',
          guidance:
            "Translate engineering's response into customer-facing language. 'We've identified the cause in our payment-webhook retry logic and a fix is in code review' beats 'engineering is investigating'.\n\n" +
            'Avoid committing to an exact deploy time unless the release is already tagged.',
          fields: [
            {
              id: 'eta-sent',
              role: 'eta-sent',
              label: 'ETA update sent to the customer',
              type: 'checkbox',
              required: true,
            },
          ],
          actions: ['insert-eta-update'],
        },
        {
          id: S.statusPageUpdates,
          title: 'Post status-page updates every 30 minutes for SEV1',
          guidance:
            'Investigating → Identified → Monitoring → Resolved.\n\n' +
            "Customers compare your status page cadence to your competitors'; gaps longer than 30 minutes during a SEV1 generate inbound 'is the status page down too?' tickets.",
          when: { kind: 'severity', in: ['SEV1'] },
          fields: [
            {
              id: 'last-update',
              role: 'status-page-state',
              label: 'Latest status-page update posted',
              type: 'single-choice',
              required: true,
              help: 'Set this each time you post an update; it restarts the 30-minute clock.',
              options: [
                { value: 'investigating', label: 'Investigating' },
                { value: 'identified', label: 'Identified' },
                { value: 'monitoring', label: 'Monitoring' },
                { value: 'resolved', label: 'Resolved' },
              ],
            },
          ],
          gates: [
            {
              id: 'resolved-posted',
              require: { kind: 'field', field: F.lastStatusUpdate, op: 'eq', value: 'resolved' },
              message: "Post the 'Resolved' status-page update before finishing this step.",
            },
          ],
          actions: ['draft-status-page'],
        },
        {
          id: S.fixShipped,
          title: 'Notify the customer when the fix ships',
          guidance:
            'Reply when the deploy reaches production (not when the PR merges — gradual rollouts mean merged ≠ shipped to this customer).\n\n' +
            'Reference the release tag and the time the customer can expect to see the fix.',
          fields: [
            {
              id: 'release-tag',
              role: 'release-tag',
              label: 'Release tag',
              type: 'text',
              required: true,
              maxLength: 200,
              placeholder: 'v2026.11.3',
            },
            {
              id: 'visible-at',
              role: 'visible-at',
              label: 'When the customer will see the fix',
              type: 'datetime',
              required: true,
            },
          ],
          actions: ['insert-fix-shipped'],
        },
      ],
    },
    {
      id: DEFAULT_IDS.sections.closure,
      title: 'Resolution and Closure',
      steps: [
        {
          id: S.confirmFix,
          title: 'Confirm the fix with the customer',
          guidance:
            "Ask the customer to retry the original repro path and confirm. Don't close on the engineer's say-so alone; canary deploys and CDN caching mean the fix may not have reached this customer's region yet.",
          fields: [
            {
              id: 'confirmation',
              role: 'confirmation',
              label: 'Customer confirmation',
              type: 'single-choice',
              required: true,
              options: [
                { value: 'confirmed', label: 'Confirmed fixed' },
                { value: 'not-fixed', label: 'Not fixed' },
                { value: 'no-response', label: 'No response' },
              ],
            },
            {
              id: 'satisfaction',
              role: 'satisfaction',
              label: 'Customer satisfaction (1–5)',
              type: 'number',
              min: 1,
              max: 5,
              integer: true,
              help: '3 or lower opens the follow-up step.',
            },
          ],
          actions: ['insert-confirmation-request'],
        },
        {
          id: S.followUp,
          title: 'Schedule a follow-up if the customer is dissatisfied',
          guidance:
            "Loop in the account's CSM and schedule a 15-minute call within one business day.\n\n" +
            'For **enterprise** tier, a written incident summary (impact, root cause, remediation) is part of the contract; draft it before the call.',
          when: {
            kind: 'any',
            of: [
              { kind: 'field', field: F.confirmation, op: 'eq', value: 'not-fixed' },
              { kind: 'field', field: F.satisfaction, op: 'lte', value: 3 },
            ],
          },
          fields: [
            {
              id: 'incident-summary',
              role: 'incident-summary',
              label: 'Written incident summary (impact, root cause, remediation)',
              type: 'paragraph',
              required: true,
              minLength: 40,
              maxLength: 50_000,
              when: { kind: 'plan', in: ['enterprise'] },
            },
          ],
          actions: ['draft-incident-summary'],
        },
        {
          id: S.updateRunbook,
          title: 'Update the support runbook with new findings',
          guidance:
            'If the troubleshooting path was novel, add it to the Notion runbook with the symptom keywords the next agent will search for.\n\n' +
            'Stale runbooks are why the same issue takes 4 hours the second time too.',
          required: false,
        },
        {
          id: S.close,
          title: 'Close the ticket and tag the root cause',
          guidance:
            'Tag the root-cause category (auth, billing, integration, performance, UI) so the monthly support trends report is meaningful.\n\n' +
            'In the closing note, link the bug ({{tracker}}) and the Sentry issue for future ticket-search hits.',
          fields: [
            {
              id: 'root-cause',
              role: 'root-cause',
              label: 'Root cause',
              type: 'single-choice',
              options: ROOT_CAUSES,
            },
            {
              id: 'closing-note',
              role: 'closing-note',
              label: 'Closing note',
              type: 'paragraph',
              maxLength: 20_000,
            },
          ],
          gates: [
            {
              id: 'root-cause',
              require: { kind: 'field', field: F.rootCause, op: 'set' },
              message:
                'Tag the root cause (auth, billing, integration, performance or UI) before closing, so the monthly support trends report is meaningful.',
            },
          ],
          actions: ['insert-closing-note'],
        },
      ],
    },
  ],
  policy: {
    severityField: F.severity,
    planField: F.plan,
    severities: [
      {
        id: 'SEV1',
        label: 'SEV1',
        definition: 'Production down or data loss for one or more customers.',
        pageVia: 'pagerduty',
        pagerDutySeverity: 'critical',
        pageImmediately: true,
        statusPageCadenceMinutes: 30,
        engineeringAckMinutes: 30,
      },
      {
        id: 'SEV2',
        label: 'SEV2',
        definition: 'Major feature broken, no workaround.',
        pageVia: 'pagerduty',
        pagerDutySeverity: 'error',
        engineeringAckMinutes: 120,
      },
      {
        id: 'SEV3',
        label: 'SEV3',
        definition: 'Minor feature broken or workaround exists.',
        pageVia: 'slack-mention',
        engineeringAckMinutes: 480,
      },
      { id: 'SEV4', label: 'SEV4', definition: 'Cosmetic or how-to.', pageVia: 'none' },
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
    rootCauseTags: ROOT_CAUSES,
    reminderLeadMinutes: 15,
    sla: {
      ...DEFAULT_SLA_POLICY,
      // Asking for artifacts or for confirmation waits on the customer's answer.
      askCustomerSteps: [S.requestArtifacts, S.confirmFix],
    },
  },
  clocks: [
    {
      kind: 'deadline',
      id: DEFAULT_IDS.clocks.firstResponse,
      label: 'First response',
      start: { kind: 'ticket-created' },
      target: 'first-response-by-plan',
      // Met when the reply is in the conversation, not when it was drafted or the step ticked.
      stopOn: 'agent-reply',
    },
    {
      kind: 'deadline',
      id: DEFAULT_IDS.clocks.nextResponse,
      label: 'Next response',
      start: { kind: 'customer-reply' },
      target: 'next-response-by-policy',
      stopOn: 'agent-reply',
    },
    {
      kind: 'deadline',
      id: DEFAULT_IDS.clocks.resolution,
      label: 'Resolution',
      start: { kind: 'ticket-created' },
      target: 'resolution-by-policy',
      stopWhen: { kind: 'step', stepId: S.fixShipped, is: ['done'] },
    },
    {
      kind: 'deadline',
      id: DEFAULT_IDS.clocks.followUpCall,
      label: 'Follow-up call',
      start: {
        kind: 'condition',
        condition: {
          kind: 'any',
          of: [
            { kind: 'field', field: F.confirmation, op: 'eq', value: 'not-fixed' },
            { kind: 'field', field: F.satisfaction, op: 'lte', value: 3 },
          ],
        },
      },
      // "Schedule a 15-minute call within one business day" on the SLA schedule.
      target: 'business-days',
      businessDays: 1,
      stopWhen: { kind: 'step', stepId: S.followUp, is: ['done'] },
    },
    {
      kind: 'deadline',
      id: DEFAULT_IDS.clocks.engineeringAck,
      label: 'Engineering acknowledgement',
      appliesWhen: { kind: 'severity', in: ['SEV1', 'SEV2', 'SEV3'] },
      start: { kind: 'step-done', stepId: S.escalationPage },
      target: 'engineering-ack-by-severity',
      stopWhen: { kind: 'field', field: F.acknowledged, op: 'eq', value: true },
    },
    {
      kind: 'cadence',
      id: DEFAULT_IDS.clocks.statusPage,
      label: 'Next status-page update',
      appliesWhen: { kind: 'severity', in: ['SEV1'] },
      start: { kind: 'field-set', field: F.severity },
      target: 'status-page-by-severity',
      resetBy: F.lastStatusUpdate,
      stopWhen: { kind: 'field', field: F.lastStatusUpdate, op: 'eq', value: 'resolved' },
    },
  ],
  messages: [
    {
      id: DEFAULT_IDS.messages.firstTouch,
      purpose: 'first-touch',
      label: 'First-touch reply',
      body:
        'Hi {{customer.name}},\n\n' +
        "Thanks for reaching out — we've received your request ({{ticket.id}}: {{ticket.subject}}) and a support engineer is looking into it.\n\n" +
        "We'll get back to you with what we find as soon as we can. We can't give a timeline for a fix yet: we'll share one once we've reproduced the issue.\n\n" +
        'Best,\n{{agent.name}}',
      byPlan: {
        enterprise:
          'Hi {{customer.name}},\n\n' +
          "Thanks for reaching out — we've received your request ({{ticket.id}}: {{ticket.subject}}) and a support engineer is on it now.\n\n" +
          "As an Enterprise customer you'll hear from us within {{firstResponse}} with what we've found so far. We can't give a timeline for a fix yet: we'll share one once we've reproduced the issue.\n\n" +
          'Best,\n{{agent.name}}',
        paid:
          'Hi {{customer.name}},\n\n' +
          "Thanks for reaching out — we've received your request ({{ticket.id}}: {{ticket.subject}}) and a support engineer is looking into it.\n\n" +
          "You'll hear from us within {{firstResponse}} with what we've found so far. We can't give a timeline for a fix yet: we'll share one once we've reproduced the issue.\n\n" +
          'Best,\n{{agent.name}}',
        trial:
          'Hi {{customer.name}},\n\n' +
          "Thanks for trying us out and for reaching out — we've received your request ({{ticket.id}}: {{ticket.subject}}).\n\n" +
          "A support engineer will get back to you within {{firstResponse}}. We can't give a timeline for a fix yet: we'll share one once we've reproduced the issue.\n\n" +
          'Best,\n{{agent.name}}',
        free:
          'Hi {{customer.name}},\n\n' +
          "Thanks for reaching out — we've received your request ({{ticket.id}}: {{ticket.subject}}).\n\n" +
          "A support engineer will get back to you within {{firstResponse}}. We can't give a timeline for a fix yet: we'll share one once we've reproduced the issue.\n\n" +
          'Best,\n{{agent.name}}',
      },
    },
    {
      id: DEFAULT_IDS.messages.etaUpdate,
      purpose: 'eta-update',
      label: 'ETA update',
      body:
        'Hi {{customer.name}},\n\n' +
        'An update on {{ticket.id}}: {{update}}\n\n' +
        "Our engineering team is tracking this as {{bug.id}}. {{eta}} We'll let you know as soon as the fix reaches production.\n\n" +
        'Best,\n{{agent.name}}',
    },
    {
      id: DEFAULT_IDS.messages.fixShipped,
      purpose: 'fix-shipped',
      label: 'Fix shipped',
      body:
        'Hi {{customer.name}},\n\n' +
        'Good news: the fix for {{ticket.id}} has reached production in release {{fix-shipped.release-tag}}. ' +
        'Because we roll releases out gradually, you should see it by {{fix-shipped.visible-at}}.\n\n' +
        "Once it's live for you, could you retry the steps that failed before and let us know how it goes?\n\n" +
        'Best,\n{{agent.name}}',
    },
    {
      id: DEFAULT_IDS.messages.confirmationRequest,
      purpose: 'confirmation-request',
      label: 'Confirmation request',
      body:
        'Hi {{customer.name}},\n\n' +
        'Could you retry the original steps for {{ticket.id}} and confirm the problem is gone on your side?\n\n' +
        'If you have a moment, how satisfied are you with how we handled this, from 1 (not at all) to 5 (very)?\n\n' +
        'Best,\n{{agent.name}}',
    },
    {
      id: DEFAULT_IDS.messages.closingNote,
      purpose: 'closing-note',
      label: 'Closing note (internal)',
      body:
        'Closing {{ticket.id}}.\n' +
        'Root cause: {{close.root-cause}}\n' +
        // Optional lines: a how-to ticket has no bug, most tickets no Sentry issue.
        'Bug: {{bug.id?}} {{bug.url?}}\n' +
        'Sentry: {{sentry.id?}} {{sentry.url?}}\n' +
        'Fix: release {{fix-shipped.release-tag?}}\n' +
        'Customer confirmation: {{confirm-fix.confirmation?}}',
    },
    {
      id: DEFAULT_IDS.messages.statusInvestigating,
      purpose: 'status-investigating',
      label: 'Status page: Investigating',
      body: 'Investigating — We are investigating reports of {{assign-severity.impact}}. We will post an update within 30 minutes.',
    },
    {
      id: DEFAULT_IDS.messages.statusIdentified,
      purpose: 'status-identified',
      label: 'Status page: Identified',
      body: 'Identified — We have identified the cause of {{assign-severity.impact}} and are working on a fix. Next update within 30 minutes.',
    },
    {
      id: DEFAULT_IDS.messages.statusMonitoring,
      purpose: 'status-monitoring',
      label: 'Status page: Monitoring',
      body: 'Monitoring — A fix has been deployed and we are monitoring the results. Next update within 30 minutes.',
    },
    {
      id: DEFAULT_IDS.messages.statusResolved,
      purpose: 'status-resolved',
      label: 'Status page: Resolved',
      body: 'Resolved — This incident has been resolved. Thank you for your patience.',
    },
    {
      id: DEFAULT_IDS.messages.slackMention,
      purpose: 'slack-mention',
      label: 'Slack mention for SEV3',
      body:
        '@oncall {{severity}} escalation from support ticket {{ticket.id}}: {{assign-severity.impact}}\n' +
        'Bug: {{bug.url}}\nTicket: {{ticket.url}}',
    },
    {
      id: DEFAULT_IDS.messages.incidentSummary,
      purpose: 'incident-summary',
      label: 'Incident summary (enterprise)',
      body:
        'Incident summary — {{customer.organization}} — {{ticket.id}}\n\n' +
        '## Impact\n{{assign-severity.impact}}\nSeverity: {{severity}}. Reported: {{ticket.createdAt}}. Occurred: {{collect-repro.occurred-at}}.\n\n' +
        '## Root cause\n{{close.root-cause}} — {{rootCauseDetail}}\n\n' +
        '## Remediation\nFixed in release {{fix-shipped.release-tag}} ({{bug.id}}), visible from {{fix-shipped.visible-at}}. {{remediation}}\n',
    },
  ],
};

export const DEFAULT_TEMPLATE: WorkflowTemplate = templateSchema.parse(input);
