/**
 * What stops working when a template lacks a role or a message purpose, in
 * one sentence each: the template editor lists them so a lead who renames or
 * rebuilds steps sees what the actions can no longer find.
 */
import { fieldByRole, messageByPurpose, type MessagePurpose, type Role } from './roles';
import type { WorkflowTemplate } from './schema';

export const ROLE_LABELS: Record<Role, string> = {
  severity: 'Severity',
  plan: 'Plan tier',
  impact: 'Customer impact',
  'workspace-id': 'Workspace ID',
  'request-id': 'Request ID',
  'occurred-at': 'Occurred at (customer time zone)',
  'endpoint-url': 'URL or API endpoint',
  'repro-steps': 'Repro steps',
  browser: 'Browser',
  os: 'Operating system',
  expected: 'Expected',
  actual: 'Actual',
  'repro-result': 'Reproduction result',
  'sentry-url': 'Sentry link',
  'bug-url': 'Bug URL',
  'pagerduty-incident': 'PagerDuty incident',
  'incident-channel': 'Incident channel',
  'status-page-state': 'Status-page state',
  'status-page-posted': 'Status-page incident posted',
  'engineering-acknowledged': 'Engineering acknowledged',
  escalated: 'Escalated',
  'eta-sent': 'ETA sent',
  'release-tag': 'Release tag',
  'visible-at': 'Fix visible at',
  confirmation: 'Customer confirmation',
  satisfaction: 'Satisfaction',
  'incident-summary': 'Incident summary',
  'root-cause': 'Root cause',
  'closing-note': 'Closing note',
};

/** The roles the actions, the report or the panel read, and what breaks without each. */
const FIELD_EFFECTS: Partial<Record<Role, string>> = {
  severity: 'paging and severity-based steps and clocks will not work.',
  plan: 'plan-tier SLAs, first-touch wording and enterprise steps will not work.',
  impact: 'pages, bug titles and status-page drafts fall back to the ticket subject.',
  'request-id': 'the bug report and the Jira or Linear prefill are refused.',
  'workspace-id': 'the bug report and the page lose the workspace.',
  'occurred-at': 'log searches around the customer’s time and the bug report lose the time.',
  'repro-steps': 'the bug report has no repro steps.',
  'sentry-url': 'messages and the bug report cannot link the Sentry issue.',
  'bug-url': 'replies, the page and the report cannot link the bug.',
  'status-page-state':
    'posted status-page updates are not recorded and drafts always start at Investigating.',
  'status-page-posted': 'a posted status-page update does not tick the incident as posted.',
  'pagerduty-incident': 'a page PagerDuty accepted is not filled in as the incident.',
  'eta-sent': 'an inserted ETA update is not ticked as sent.',
  escalated: 're-paging and escalating to the manager are not recorded on the run.',
  'release-tag': 'the bug report and the report lose the release.',
  satisfaction: 'the report cannot count dissatisfied customers.',
  confirmation: 'the report cannot count confirmed fixes.',
  'root-cause': 'the trends report cannot group tickets by root cause.',
  'incident-summary': 'the report cannot tell whether the incident summary was written.',
};

export const PURPOSE_LABELS: Record<MessagePurpose, string> = {
  'first-touch': 'First touch',
  'eta-update': 'ETA update',
  'fix-shipped': 'Fix shipped',
  'confirmation-request': 'Confirmation request',
  'closing-note': 'Closing note',
  'incident-summary': 'Incident summary',
  'slack-mention': 'Slack mention',
  'status-investigating': 'Status page: Investigating',
  'status-identified': 'Status page: Identified',
  'status-monitoring': 'Status page: Monitoring',
  'status-resolved': 'Status page: Resolved',
};

const PURPOSE_EFFECTS: Record<MessagePurpose, string> = {
  'first-touch': 'the "Insert first-touch reply" action is refused.',
  'eta-update': 'the "Insert ETA update" action is refused.',
  'fix-shipped': 'the "Insert fix-shipped note" action is refused.',
  'confirmation-request': 'the "Insert confirmation request" action is refused.',
  'closing-note': 'the "Insert closing note" action is refused.',
  'incident-summary': 'the "Draft incident summary" action is refused.',
  'slack-mention': 'the Slack mention uses Casebook’s built-in wording.',
  'status-investigating': 'that status-page draft uses Statuspage’s default wording.',
  'status-identified': 'that status-page draft uses Statuspage’s default wording.',
  'status-monitoring': 'that status-page draft uses Statuspage’s default wording.',
  'status-resolved': 'that status-page draft uses Statuspage’s default wording.',
};

export interface MissingRole {
  kind: 'field' | 'message';
  id: Role | MessagePurpose;
  sentence: string;
}

/** Each role or purpose something reads that no field or message of `template` has. */
export function missingRoles(template: WorkflowTemplate): MissingRole[] {
  const out: MissingRole[] = [];
  for (const [role, effect] of Object.entries(FIELD_EFFECTS) as Array<[Role, string]>) {
    if (!fieldByRole(template, role)) {
      out.push({
        kind: 'field',
        id: role,
        sentence: `No field has the role ${ROLE_LABELS[role]}: ${effect}`,
      });
    }
  }
  for (const [purpose, effect] of Object.entries(PURPOSE_EFFECTS) as Array<
    [MessagePurpose, string]
  >) {
    if (!messageByPurpose(template, purpose)) {
      out.push({
        kind: 'message',
        id: purpose,
        sentence: `No message is for ${PURPOSE_LABELS[purpose]}: ${effect}`,
      });
    }
  }
  return out;
}
