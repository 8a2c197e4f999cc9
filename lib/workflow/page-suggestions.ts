/**
 * What the page shows, offered for the fields it answers, "from the page",
 * for the agent to confirm in one click (or keep as shown when they mark the
 * step done): the plan tier and the customer's time zone the sidebar shows,
 * the severity the team maps the ticket's priority to, a tracker issue link
 * written in a note or the composer, and the ticket's creation time as the
 * latest "when it happened" can be (the customer wrote in after it happened).
 * Fields are found by role, never by id, so a renamed template keeps them.
 * Nothing is offered for a field that already holds a value (the agent's
 * word stands), nor a value the field would refuse. Pure, and small enough
 * for the content scripts (no zod).
 */
import { formatCustomerTime, knownZone } from '../time/customer-time';
import { instantToZoned } from '../time/zoned';
import { CUSTOMER_TIME_ROLES, fieldByRole, type RoleField } from './roles';
import type { Field, FieldValue, Run, Severity, WorkflowTemplate, ZonedDateTime } from './schema';

export type PriorityCategory = 'low' | 'normal' | 'high' | 'urgent';

/** A tracker issue link seen on the page; `where` says where, for the agent. */
export interface PageIssueLink {
  url: string;
  key: string;
  where: 'composer' | 'note';
}

/** What the page shows beyond the run's ticket facts, and the team's mapping. */
export interface PageFacts {
  /** Issue links of the configured tracker, in page order (the last is the newest). */
  issueLinks?: readonly PageIssueLink[];
  /** The lead's priority → severity mapping (settings `triage.severityByPriority`). */
  severityByPriority?: Partial<Record<PriorityCategory, Severity | null>>;
}

export type FieldSuggestion =
  /** Set the field to `value` (a choice's value, a link, a time in the customer's zone). */
  | { kind: 'value'; value: string | ZonedDateTime; shown: string; because?: string }
  /** A customer-time field: enter its time in this zone. */
  | { kind: 'zone'; zone: string };

export function suggestionKey(stepId: string, fieldId: string): string {
  return `${stepId}/${fieldId}`;
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

function option(field: Field, wanted: string | null | undefined) {
  if (field.type !== 'single-choice' || !wanted) return undefined;
  const w = wanted.trim().toLowerCase();
  return field.options.find((o) => o.value.toLowerCase() === w || o.label.toLowerCase() === w);
}

/** A value the field's own URL rules let through (a template may allow only Jira, say). */
function fieldAccepts(field: Field, link: string): boolean {
  if (field.type !== 'url' && field.type !== 'text') return false;
  const allow = 'allow' in field ? field.allow : undefined;
  if (!allow?.length) return true;
  return allow.some((source) => {
    try {
      return new RegExp(source, 'u').test(link);
    } catch {
      return false;
    }
  });
}

/** Every suggestion the page makes for this run, keyed by `suggestionKey`. */
export function pageSuggestions(
  template: WorkflowTemplate,
  run: Run,
  facts: PageFacts = {},
): Map<string, FieldSuggestion> {
  const out = new Map<string, FieldSuggestion>();
  const key = (rf: RoleField) => suggestionKey(rf.ref.stepId, rf.ref.fieldId);
  const current = (rf: RoleField) => run.values[rf.ref.stepId]?.[rf.ref.fieldId]?.value;
  const offer = (rf: RoleField | undefined, suggestion: FieldSuggestion | undefined) => {
    if (rf && suggestion && isEmpty(current(rf))) {
      out.set(suggestionKey(rf.ref.stepId, rf.ref.fieldId), suggestion);
    }
  };

  const plan = fieldByRole(template, 'plan');
  const planOption = plan && option(plan.field, run.ticket.plan);
  if (planOption) offer(plan, { kind: 'value', value: planOption.value, shown: planOption.label });

  const severity = fieldByRole(template, 'severity');
  const priority = run.ticket.priority as PriorityCategory | undefined;
  const mapped = priority ? facts.severityByPriority?.[priority] : undefined;
  const severityOption = severity && option(severity.field, mapped);
  if (severityOption) {
    offer(severity, {
      kind: 'value',
      value: severityOption.value,
      shown: severityOption.label,
      because: `priority ${run.ticket.priorityLabel ?? priority}`,
    });
  }

  const bug = fieldByRole(template, 'bug-url');
  const link =
    bug && [...(facts.issueLinks ?? [])].reverse().find((l) => fieldAccepts(bug.field, l.url));
  if (link) {
    offer(bug, {
      kind: 'value',
      value: link.url,
      shown: link.key,
      because: link.where === 'composer' ? 'in your draft' : 'in a note',
    });
  }

  // The ticket's creation time bounds when it happened: offered in the
  // customer's zone (the field's own), else UTC, to the minute.
  const occurred = fieldByRole(template, 'occurred-at');
  const created = run.ticket.createdAt;
  if (occurred?.field.type === 'datetime' && created !== undefined && created <= run.updatedAt) {
    const zone = knownZone(run.ticket.customerTimeZone) ?? 'UTC';
    const minute = created - (created % 60_000);
    offer(occurred, {
      kind: 'value',
      value: instantToZoned(minute, zone),
      shown: formatCustomerTime(minute, zone, run.updatedAt),
      because: 'ticket created',
    });
  }

  const zone = run.ticket.customerTimeZone;
  if (zone) {
    for (const role of CUSTOMER_TIME_ROLES) {
      const rf = fieldByRole(template, role);
      if (!rf || rf.field.type !== 'datetime') continue;
      const value = current(rf) ?? undefined;
      const entered =
        value && typeof value === 'object' && 'timeZone' in value ? value.timeZone : undefined;
      // Offered until the field's time is in that zone: empty, or entered in another zone.
      // An empty field with a time from the page has it in that zone already.
      if (entered !== zone && !(value === undefined && out.has(key(rf))))
        out.set(key(rf), { kind: 'zone', zone });
    }
  }
  return out;
}
