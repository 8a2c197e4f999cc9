/**
 * Filling message templates (`{{placeholder}}` text) from a run. A placeholder
 * with no value is left in the text as `{{name}}` — the agent sees exactly
 * what to fill in by hand — and is listed in `missing`.
 *
 * Placeholders:
 * - `ticket.id` (the number the agent sees), `ticket.subject`, `ticket.url`,
 *   `ticket.createdAt`, `helpdesk`
 * - `customer.name`, `customer.email`, `customer.organization`
 * - `plan` (label), `firstResponse` ("1 hour"), `severity`, `severity.definition`
 * - `<stepId>.<fieldId>` for any field with a value, e.g. `fix-shipped.release-tag`
 * - `<role>` for any field with a role and a value, e.g. `release-tag` (lib/workflow/roles.ts)
 * - `bug.url`, `bug.id`, `sentry.url`, `sentry.id` from the fields with those roles
 * - anything in `extra` (e.g. `agent.name`, `update`, `eta`), which wins over the rest.
 *
 * `{{name?}}` is optional: when it has no value its whole line is left out
 * (an internal note's "Sentry:" line on a ticket with no Sentry issue),
 * instead of asking the agent for something that does not exist.
 *
 * Times (`ticket.createdAt`, datetime fields) are written for the reader
 * (`MessageReader`): a customer reads them once, in their own zone when the
 * run knows it ("Fri 4 Dec, 10:00 Lisbon time"), else in UTC said once; a
 * public status page in UTC; the team (Slack) as entered plus UTC for logs.
 */
import { allSteps, fieldValue, planPolicy, readSeverity, severityPolicy } from './conditions';
import { WorkflowError } from './errors';
import { valueByRole, type MessagePurpose } from './roles';
import type { Field, FieldValue, FileRef, Run, WorkflowTemplate, ZonedDateTime } from './schema';
import { formatCustomerTime, formatCustomerZoned } from '../time/customer-time';
import { formatUtc, formatZoned } from '../time/zoned';
import { customerTimeZone } from './customer-zone';

export interface FilledMessage {
  text: string;
  /** Placeholders with no value, in order of first appearance; still visible in `text`. */
  missing: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\-/]+)\s*\}\}/g;

/** "1 hour", "4 hours", "90 minutes". */
export function formatMinutes(minutes: number): string {
  if (minutes % 60 === 0) {
    const h = minutes / 60;
    return `${h} hour${h === 1 ? '' : 's'}`;
  }
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Who reads the message, which decides how its times are written. */
export type MessageReader = 'customer' | 'public' | 'team';

/** Internal notes and Slack are read by the team; status pages by everyone. */
const READER_BY_PURPOSE: Partial<Record<MessagePurpose, MessageReader>> = {
  'slack-mention': 'team',
  'closing-note': 'team',
  'status-investigating': 'public',
  'status-identified': 'public',
  'status-monitoring': 'public',
  'status-resolved': 'public',
};

export interface MessageOptions {
  /** Default: by the message's purpose in fillMessage, else 'customer'. */
  reader?: MessageReader;
  /** The customer's zone when the page shows it; else read from the run's customer-time fields. */
  customerTimeZone?: string;
  /** For "this year or not"; default the run's last change. */
  now?: number;
}

/** "2026-03-08 02:30 America/New_York (07:30 UTC)": as entered, and the instant for logs. */
function formatDateTime(z: ZonedDateTime): string {
  try {
    return formatZoned(z);
  } catch {
    return `${z.local.replace('T', ' ')} ${z.timeZone}`;
  }
}

interface TimeWriters {
  instant(epochMs: number): string;
  zoned(z: ZonedDateTime): string;
}

function timeWriters(template: WorkflowTemplate, run: Run, options: MessageOptions): TimeWriters {
  const reader = options.reader ?? 'customer';
  if (reader === 'team') return { instant: formatUtc, zoned: formatDateTime };
  const zone =
    reader === 'customer' ? customerTimeZone(template, run, options.customerTimeZone) : undefined;
  const now = options.now ?? run.updatedAt;
  return {
    instant: (epochMs) => formatCustomerTime(epochMs, zone, now),
    zoned: (z) => formatCustomerZoned(z, zone, now),
  };
}

/** A field's value as an agent would write it: option labels, yes/no, file names. */
export function formatFieldValue(
  field: Field,
  value: FieldValue | undefined,
  formatTime: (z: ZonedDateTime) => string = formatDateTime,
): string {
  if (value === undefined || value === null) return '';
  switch (field.type) {
    case 'single-choice':
      return typeof value === 'string'
        ? (field.options.find((o) => o.value === value)?.label ?? value)
        : '';
    case 'multi-choice':
      return Array.isArray(value)
        ? (value as string[])
            .map((v) => field.options.find((o) => o.value === v)?.label ?? v)
            .join(', ')
        : '';
    case 'checkbox':
      return value === true ? 'yes' : 'no';
    case 'datetime':
      return typeof value === 'object' && !Array.isArray(value) ? formatTime(value) : '';
    case 'file':
      return Array.isArray(value)
        ? (value as FileRef[]).map((f) => (typeof f === 'object' ? f.name : String(f))).join(', ')
        : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** "SUP-123" from a Jira or Linear issue URL. */
export function issueKeyFromUrl(url: string): string | undefined {
  return /\/(?:browse|issue)\/([A-Z][A-Z0-9_]*-\d+)/.exec(url)?.[1];
}

/** The Sentry issue id from a link like https://acme.sentry.io/issues/4521/. */
export function sentryIdFromUrl(url: string): string | undefined {
  return /\/issues\/(\d+)/.exec(url)?.[1];
}

function stringOf(v: FieldValue | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Every placeholder value the run can supply (empty ones are left out). */
export function messageValues(
  template: WorkflowTemplate,
  run: Run,
  extra: Record<string, string | undefined> = {},
  options: MessageOptions = {},
): Record<string, string> {
  const values: Record<string, string | undefined> = {};
  const times = timeWriters(template, run, options);
  const t = run.ticket;
  values['ticket.id'] = t.displayId || t.ticketId;
  values['ticket.subject'] = t.subject;
  values['ticket.url'] = t.url;
  values['ticket.createdAt'] = t.createdAt !== undefined ? times.instant(t.createdAt) : undefined;
  values.helpdesk = t.helpdesk;
  values['customer.name'] = t.requesterName;
  values['customer.email'] = t.requesterEmail;
  values['customer.organization'] = t.organization;

  const plan = planPolicy(template, run);
  values.plan = plan?.label;
  values.firstResponse = plan ? formatMinutes(plan.firstResponseMinutes) : undefined;
  values.severity = readSeverity(template, run);
  values['severity.definition'] = severityPolicy(template, run)?.definition;

  for (const { step } of allSteps(template)) {
    for (const field of step.fields) {
      const value = fieldValue(run, { stepId: step.id, fieldId: field.id });
      const text = formatFieldValue(field, value, times.zoned);
      if (text.trim() === '') continue;
      values[`${step.id}.${field.id}`] = text;
      // By role too (`{{release-tag}}`): such a message survives any renaming of its fields.
      if (field.role) values[field.role] = text;
    }
  }

  // Links from the fields with those roles.
  const bugUrl = stringOf(valueByRole(template, run, 'bug-url'));
  values['bug.url'] = bugUrl;
  values['bug.id'] = bugUrl ? issueKeyFromUrl(bugUrl) : undefined;
  const sentryUrl = stringOf(valueByRole(template, run, 'sentry-url'));
  values['sentry.url'] = sentryUrl;
  values['sentry.id'] = sentryUrl ? sentryIdFromUrl(sentryUrl) : undefined;

  for (const [k, v] of Object.entries(extra)) values[k] = v;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && v.trim() !== '') out[k] = v;
  }
  return out;
}

const OPTIONAL_PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\-/]+)\?\s*\}\}/g;

/**
 * Replace placeholders in `body`; unknown or empty ones stay as `{{name}}` and
 * are reported. A line with an optional `{{name?}}` that has no value is dropped.
 */
export function fillText(body: string, values: Record<string, string>): FilledMessage {
  const kept = body
    .split('\n')
    .filter((line) =>
      [...line.matchAll(OPTIONAL_PLACEHOLDER)].every((m) => values[m[1] ?? ''] !== undefined),
    )
    .join('\n')
    .replace(OPTIONAL_PLACEHOLDER, (_whole, name: string) => values[name] ?? '');
  const missing: string[] = [];
  const text = kept.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    if (v !== undefined) return v;
    if (!missing.includes(name)) missing.push(name);
    return `{{${name}}}`;
  });
  return { text, missing };
}

/**
 * The message `messageId` of `template`, in the plan tier's variant when it
 * has one, filled from `run`. Throws WorkflowError('not-found') for an
 * unknown message id.
 */
export function fillMessage(
  template: WorkflowTemplate,
  messageId: string,
  run: Run,
  extra: Record<string, string | undefined> = {},
  options: MessageOptions = {},
): FilledMessage {
  const message = template.messages.find((m) => m.id === messageId);
  if (!message) {
    throw new WorkflowError('not-found', `The workflow has no message template "${messageId}".`);
  }
  const plan = planPolicy(template, run)?.id;
  const body = (plan && message.byPlan?.[plan]) || message.body;
  const reader = options.reader ?? (message.purpose && READER_BY_PURPOSE[message.purpose]);
  return fillText(body, messageValues(template, run, extra, { ...options, reader }));
}
