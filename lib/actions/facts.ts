/**
 * What the actions need from a run, read once into plain values: the ticket,
 * severity and plan (through the template's policy), and the well-known
 * fields of the default workflow. A team that edits its template keeps these
 * ids to keep the actions filled; a missing field simply reads as undefined.
 */
import { allSteps, fieldValue, findField, readPlan, readSeverity } from '../workflow/conditions';
import type {
  FieldRef,
  Helpdesk,
  PlanTier,
  Run,
  Severity,
  WorkflowTemplate,
  ZonedDateTime,
} from '../workflow/schema';
import { isValidTimeZone, zonedToInstant } from '../time/zoned';
import { DEFAULT_IDS } from '../workflow/default-ids';

const F = DEFAULT_IDS.fields;

/**
 * The default template's field ids the actions read. A team that edits its
 * template keeps these ids to keep the actions filled.
 */
export const ACTION_FIELDS = {
  impact: F.impact,
  pagerDutyIncident: F.pagerdutyIncident,
  incidentChannel: F.incidentChannel,
  reproSteps: F.reproSteps,
  browser: F.browser,
  os: F.os,
  workspaceId: F.workspaceId,
  endpointUrl: F.url,
  occurredAt: F.occurredAt,
  expected: F.expected,
  actual: F.actual,
  requestId: F.requestId,
  reproResult: F.reproResult,
  sentryUrl: F.sentryUrl,
  bugUrl: F.bugUrl,
  engineeringAcknowledged: F.acknowledged,
  statusPageState: F.lastStatusUpdate,
  releaseTag: F.releaseTag,
  visibleAt: F.visibleAt,
  confirmation: F.confirmation,
  satisfaction: F.satisfaction,
  incidentSummary: F.incidentSummary,
  rootCause: F.rootCause,
  closingNote: F.closingNote,
} as const satisfies Record<string, FieldRef>;

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
function choiceLabel(template: WorkflowTemplate, ref: FieldRef, value: string | undefined) {
  if (value === undefined) return undefined;
  const field = findField(template, ref.stepId, ref.fieldId);
  if (field?.type !== 'single-choice') return value;
  return field.options.find((o) => o.value === value)?.label ?? value;
}

function text(run: Run, ref: FieldRef): string | undefined {
  const v = fieldValue(run, ref);
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function zoned(run: Run, ref: FieldRef): ZonedFact | undefined {
  const v = fieldValue(run, ref);
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
  const satisfactionRaw = fieldValue(run, f.satisfaction);
  const rootCause = text(run, f.rootCause);
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
    impact: text(run, f.impact),
    workspaceId: text(run, f.workspaceId),
    requestId: text(run, f.requestId),
    sentryUrl: text(run, f.sentryUrl),
    occurredAt: zoned(run, f.occurredAt),
    browser: text(run, f.browser),
    os: text(run, f.os),
    endpointUrl: text(run, f.endpointUrl),
    reproSteps: text(run, f.reproSteps),
    expected: text(run, f.expected),
    actual: text(run, f.actual),
    reproResult: choiceLabel(template, f.reproResult, text(run, f.reproResult)),
    bugUrl: text(run, f.bugUrl),
    pagerDutyIncident: text(run, f.pagerDutyIncident),
    incidentChannel: text(run, f.incidentChannel),
    statusPageState: text(run, f.statusPageState),
    releaseTag: text(run, f.releaseTag),
    visibleAt: zoned(run, f.visibleAt),
    confirmation: text(run, f.confirmation),
    satisfaction: typeof satisfactionRaw === 'number' ? satisfactionRaw : undefined,
    incidentSummary: text(run, f.incidentSummary),
    rootCause,
    rootCauseLabel:
      rootCause === undefined
        ? undefined
        : (template.policy.rootCauseTags.find((t) => t.value === rootCause)?.label ?? rootCause),
    closingNote: text(run, f.closingNote),
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
