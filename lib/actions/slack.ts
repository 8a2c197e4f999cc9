/**
 * Slack text the agent copies: the `#incident-<ticket>` channel name and the
 * SEV3 on-call mention.
 */
import { fillMessage, fillText, messageValues, type FilledMessage } from '../workflow/messages';
import { messageByPurpose } from '../workflow/roles';
import type { Run, WorkflowTemplate } from '../workflow/schema';

export const SLACK_CHANNEL_MAX = 80;

/**
 * A valid Slack channel name: lower case letters, digits, hyphens and
 * underscores only, at most 80 characters. Accents are dropped ("café" →
 * "cafe"), anything else (spaces, periods, "#") becomes a hyphen. Throws when
 * nothing usable is left.
 */
export function slackChannelName(raw: string): string {
  const name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, SLACK_CHANNEL_MAX)
    .replace(/-+$/g, '');
  if (name === '') throw new RangeError(`"${raw}" has nothing usable for a Slack channel name`);
  return name;
}

/** "incident-12345" for the ticket the agent sees as 12345 (or "#11161" in Help Scout). */
export function incidentChannelName(displayId: string): string {
  return slackChannelName(`incident-${displayId}`);
}

const FALLBACK_MENTION =
  '@oncall {{severity}} escalation from support ticket {{ticket.id}}: {{impact}}\nBug: {{bug.url}}\nTicket: {{ticket.url}}';

/** The SEV3 on-call mention, from the workflow's message for that purpose. */
export function slackMentionText(
  template: WorkflowTemplate,
  run: Run,
  extra: Record<string, string | undefined> = {},
): FilledMessage {
  const message = messageByPurpose(template, 'slack-mention');
  if (message) return fillMessage(template, message.id, run, extra);
  return fillText(FALLBACK_MENTION, messageValues(template, run, extra, { reader: 'team' }));
}
