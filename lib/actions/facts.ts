/**
 * What the actions need from a run, read once into plain values: the ticket,
 * and the template's fields found by what they mean (lib/workflow/roles.ts),
 * so renaming or moving a field keeps the actions filled. A role no field has
 * simply reads as undefined.
 */
import { allSteps, readPlan, readSeverity } from '../workflow/conditions';
import { fieldByRole, valueByRole, type FieldRole } from '../workflow/roles';
import type { Helpdesk, PlanTier, Run, Severity, WorkflowTemplate } from '../workflow/schema';
import type { ZonedDateTime } from '../workflow/schema';
import { isValidTimeZone, zonedToInstant } from '../time/zoned';

/** The role each fact of the actions is read from. */
export const ACTION_FIELDS = {
  impact: 'impact',
  pagerDutyIncident: 'pagerduty-incident',
  incidentChannel: 'incident-channel',
  reproSteps: 'repro-steps',
  browser: 'browser',
  os: 'os',
  workspaceId: 'workspace-id',
  endpointUrl: 'endpoint-url',
  occurredAt: 'occurred-at',
  expected: 'expected',
  actual: 'actual',
  requestId: 'request-id',
  reproResult: 'repro-result',
  sentryUrl: 'sentry-url',
  bugUrl: 'bug-url',
  engineeringAcknowledged: 'engineering-acknowledged',
  statusPageState: 'status-page-state',
  releaseTag: 'release-tag',
  visibleAt: 'visible-at',
  confirmation: 'confirmation',
  satisfaction: 'satisfaction',
  incidentSummary: 'incident-summary',
  rootCause: 'root-cause',
  closingNote: 'closing-note',
} as const satisfies Record<string, FieldRole>;

export interface ZonedFact {
  value: ZonedDateTime;
  /** The UTC instant; undefined when the zone or time is invalid. */
  epochMs: number | undefined;
}

export interface RunFacts {
  helpdesk: Helpdesk;
  ticketId: string;
  /** What the agent sees ("#11161" in Help Scout); the id when the page showed none. */
  displayId: string;
  ticketUrl: string;
  subject: string | undefined;
  requesterName: string | undefined;
  organization: string | undefined;
  severity: Severity | undefined;
  plan: PlanTier | undefined;
  impact: string | undefined;
  workspaceId: string | undefined;
  requestId: string | undefined;
  sentryUrl: string | undefined;
  occurredAt: ZonedFact | undefined;
  browser: string | undefined;
  os: string | undefined;
  endpointUrl: string | undefined;
  reproSteps: string | undefined;
  expected: string | undefined;
  actual: string | undefined;
  /** The option label, e.g. "Cannot reproduce". */
  reproResult: string | undefined;
  bugUrl: string | undefined;
  pagerDutyIncident: string | undefined;
  incidentChannel: string | undefined;
  statusPageState: string | undefined;
  releaseTag: string | undefined;
  visibleAt: ZonedFact | undefined;
  confirmation: string | undefined;
  satisfaction: number | undefined;
  incidentSummary: string | undefined;
  rootCause: string | undefined;
  /** The root-cause tag's label from the policy ("Auth"), else the tag itself. */
  rootCauseLabel: string | undefined;
  closingNote: string | undefined;
}

/** A choice field's option label ("Cannot reproduce"), else the stored value. */
function choiceLabel(template: WorkflowTemplate, role: FieldRole, value: string | undefined) {
  if (value === undefined) return undefined;
  const field = fieldByRole(template, role)?.field;
  if (field?.type !== 'single-choice') return value;
  return field.options.find((o) => o.value === value)?.label ?? value;
}

function text(template: WorkflowTemplate, run: Run, role: FieldRole): string | undefined {
  const v = valueByRole(template, run, role);
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function zoned(template: WorkflowTemplate, run: Run, role: FieldRole): ZonedFact | undefined {
  const v = valueByRole(template, run, role);
  if (!v || typeof v !== 'object' || Array.isArray(v) || !('local' in v)) return undefined;
  let epochMs: number | undefined;
  if (isValidTimeZone(v.timeZone)) {
    try {
      epochMs = zonedToInstant(v).epochMs;
    } catch {
      epochMs = undefined;
    }
  }
  return { value: v, epochMs };
}

export function readRunFacts(template: WorkflowTemplate, run: Run): RunFacts {
  const f = ACTION_FIELDS;
  const satisfactionRaw = valueByRole(template, run, f.satisfaction);
  const rootCause = text(template, run, f.rootCause);
  return {
    helpdesk: run.helpdesk,
    ticketId: run.ticketId,
    displayId: run.ticket.displayId?.trim() || run.ticketId,
    ticketUrl: run.ticket.url,
    subject: run.ticket.subject?.trim() || undefined,
    requesterName: run.ticket.requesterName?.trim() || undefined,
    organization: run.ticket.organization?.trim() || undefined,
    severity: readSeverity(template, run),
    plan: readPlan(template, run),
    impact: text(template, run, f.impact),
    workspaceId: text(template, run, f.workspaceId),
    requestId: text(template, run, f.requestId),
    sentryUrl: text(template, run, f.sentryUrl),
    occurredAt: zoned(template, run, f.occurredAt),
    browser: text(template, run, f.browser),
    os: text(template, run, f.os),
    endpointUrl: text(template, run, f.endpointUrl),
    reproSteps: text(template, run, f.reproSteps),
    expected: text(template, run, f.expected),
    actual: text(template, run, f.actual),
    reproResult: choiceLabel(template, f.reproResult, text(template, run, f.reproResult)),
    bugUrl: text(template, run, f.bugUrl),
    pagerDutyIncident: text(template, run, f.pagerDutyIncident),
    incidentChannel: text(template, run, f.incidentChannel),
    statusPageState: text(template, run, f.statusPageState),
    releaseTag: text(template, run, f.releaseTag),
    visibleAt: zoned(template, run, f.visibleAt),
    confirmation: text(template, run, f.confirmation),
    satisfaction: typeof satisfactionRaw === 'number' ? satisfactionRaw : undefined,
    incidentSummary: text(template, run, f.incidentSummary),
    rootCause,
    rootCauseLabel:
      rootCause === undefined
        ? undefined
        : (template.policy.rootCauseTags.find((t) => t.value === rootCause)?.label ?? rootCause),
    closingNote: text(template, run, f.closingNote),
  };
}

/** 1-based step number of a step in the template ("step 5"), if it is there. */
export function stepNumberOf(template: WorkflowTemplate, stepId: string): number | undefined {
  const i = allSteps(template).findIndex((s) => s.step.id === stepId);
  return i < 0 ? undefined : i + 1;
}

export const HELPDESK_LABELS: Record<Helpdesk, string> = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  helpscout: 'Help Scout',
};

/** Plan tier as people write it ("Enterprise"). */
export function planLabel(
  template: WorkflowTemplate,
  plan: PlanTier | undefined,
): string | undefined {
  if (!plan) return undefined;
  return template.policy.plans.find((p) => p.id === plan)?.label ?? plan;
}
