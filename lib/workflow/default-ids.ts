/**
 * The default workflow's well-known ids (steps, fields, clocks, messages) as
 * plain constants: the panel's actions read the run through them, and the
 * template itself (default-template.ts, validated with zod) stays out of the
 * helpdesk content scripts, which get their run's template from the background.
 */
import type { FieldRef } from './schema';

const ref = (stepId: string, fieldId: string): FieldRef => ({ stepId, fieldId });

export const DEFAULT_IDS = {
  templateId: 'support-ticket',
  sections: {
    triage: 'triage',
    reproduction: 'reproduction',
    tier1: 'tier1',
    escalation: 'escalation',
    communication: 'communication',
    closure: 'closure',
  },
  steps: {
    acknowledge: 'acknowledge',
    verifyAccount: 'verify-account',
    assignSeverity: 'assign-severity',
    pageSev1: 'page-sev1',
    collectRepro: 'collect-repro',
    requestArtifacts: 'request-artifacts',
    searchLogs: 'search-logs',
    reproduce: 'reproduce',
    checkRunbook: 'check-runbook',
    workaround: 'workaround',
    verifyConfig: 'verify-config',
    fileBug: 'file-bug',
    escalationPage: 'escalation-page',
    holdForEngineering: 'hold-for-engineering',
    etaUpdate: 'eta-update',
    statusPageUpdates: 'status-page-updates',
    fixShipped: 'fix-shipped',
    confirmFix: 'confirm-fix',
    followUp: 'follow-up',
    updateRunbook: 'update-runbook',
    close: 'close',
  },
  fields: {
    plan: ref('verify-account', 'plan'),
    authorizedContact: ref('verify-account', 'authorized-contact'),
    severity: ref('assign-severity', 'severity'),
    impact: ref('assign-severity', 'impact'),
    pagerdutyIncident: ref('page-sev1', 'pagerduty-incident'),
    incidentChannel: ref('page-sev1', 'incident-channel'),
    statusPagePosted: ref('page-sev1', 'status-page-posted'),
    reproSteps: ref('collect-repro', 'repro-steps'),
    browser: ref('collect-repro', 'browser'),
    os: ref('collect-repro', 'os'),
    workspaceId: ref('collect-repro', 'workspace-id'),
    url: ref('collect-repro', 'url'),
    occurredAt: ref('collect-repro', 'occurred-at'),
    expected: ref('collect-repro', 'expected'),
    actual: ref('collect-repro', 'actual'),
    requestId: ref('collect-repro', 'request-id'),
    files: ref('request-artifacts', 'files'),
    sentryUrl: ref('search-logs', 'sentry-url'),
    reproResult: ref('reproduce', 'result'),
    bugUrl: ref('file-bug', 'bug-url'),
    acknowledged: ref('hold-for-engineering', 'acknowledged'),
    escalated: ref('hold-for-engineering', 'escalated'),
    etaSent: ref('eta-update', 'eta-sent'),
    lastStatusUpdate: ref('status-page-updates', 'last-update'),
    releaseTag: ref('fix-shipped', 'release-tag'),
    visibleAt: ref('fix-shipped', 'visible-at'),
    confirmation: ref('confirm-fix', 'confirmation'),
    satisfaction: ref('confirm-fix', 'satisfaction'),
    incidentSummary: ref('follow-up', 'incident-summary'),
    rootCause: ref('close', 'root-cause'),
    closingNote: ref('close', 'closing-note'),
  },
  clocks: {
    firstResponse: 'first-response',
    engineeringAck: 'engineering-ack',
    statusPage: 'status-page',
    nextResponse: 'next-response',
    resolution: 'resolution',
    followUpCall: 'follow-up-call',
  },
  messages: {
    firstTouch: 'first-touch',
    etaUpdate: 'eta-update',
    fixShipped: 'fix-shipped',
    confirmationRequest: 'confirmation-request',
    closingNote: 'closing-note',
    statusInvestigating: 'status-page-investigating',
    statusIdentified: 'status-page-identified',
    statusMonitoring: 'status-page-monitoring',
    statusResolved: 'status-page-resolved',
    slackMention: 'slack-mention',
    incidentSummary: 'incident-summary',
  },
} as const;

/** The status-page draft for each state, by message id. */
export const STATUS_PAGE_MESSAGE_IDS = {
  investigating: DEFAULT_IDS.messages.statusInvestigating,
  identified: DEFAULT_IDS.messages.statusIdentified,
  monitoring: DEFAULT_IDS.messages.statusMonitoring,
  resolved: DEFAULT_IDS.messages.statusResolved,
} as const;

/** Jira Cloud (`https://<site>.atlassian.net/browse/KEY-123`) or Linear issue URLs only. */
export const BUG_URL_PATTERNS = [
  '^https://[a-z0-9][a-z0-9-]*\\.atlassian\\.net/browse/[A-Z][A-Z0-9_]*-[0-9]+/?(?:[?#].*)?$',
  '^https://linear\\.app/[a-z0-9][a-z0-9_-]*/issue/[A-Z][A-Z0-9_]*-[0-9]+(?:/[^?#]*)?(?:[?#].*)?$',
];
