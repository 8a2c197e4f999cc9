/**
 * One run's facts for the support trends report: the small summary row the
 * background keeps per run (rewritten on every change of the run), so the
 * report reads summaries, never events. Pure: the team server can build the
 * same rows from its own copy of runs and events.
 *
 * Which field means what is decided in ONE place, `reportFields`: clocks are
 * found by what they measure (their target), paging steps by their action,
 * severity and plan by the policy, every other field by its role.
 */
import {
  allSteps,
  conditionChangedAt,
  evaluateCondition,
  fieldState,
  fieldValue,
  isEmptyValue,
  isStepApplicable,
  planPolicy,
  readPlan,
  readSeverity,
} from '../workflow/conditions';
import { clockByTarget, fieldRefByRole } from '../workflow/roles';
import { closingStepId, deriveClock, pausedMs } from '../workflow/derive';
import type {
  ClockDef,
  FieldRef,
  Helpdesk,
  PlanTier,
  Run,
  RunEvent,
  Severity,
  WorkflowTemplate,
} from '../workflow/schema';

/** A deadline clock as the report needs it; evaluated against "now" at report time. */
export interface ClockFacts {
  startedAt: number;
  /** Start + target + paused time (so far, for a running clock). */
  dueAt: number;
  /** When it stopped (answered, acknowledged, or the run closed). */
  stoppedAt?: number;
  /** Start → stop minus paused time. */
  elapsedMs?: number;
  /** Paused right now (its due time is not fixed). */
  paused: boolean;
}

export interface CadenceFacts {
  /** Intervals between status-page updates that closed within the cadence. */
  kept: number;
  missed: number;
  updates: number;
  /** For a cadence still running: when the open interval falls due. */
  openDueAt?: number;
}

export interface RunFacts {
  runId: string;
  helpdesk: Helpdesk;
  ticketId: string;
  displayId?: string;
  subject?: string;
  requester?: string;
  organization?: string;
  url: string;
  /** Who closed the run, else who last changed it (the "by agent" split in team mode). */
  agent?: string;
  /** When the ticket was created (the first-response anchor), else the run. */
  createdAt: number;
  closedAt?: number;
  updatedAt: number;
  severity?: Severity;
  plan?: PlanTier;
  rootCause?: string;
  /** closedAt − createdAt. */
  resolveMs?: number;
  firstResponse?: ClockFacts;
  engineeringAck?: ClockFacts;
  /** When on-call was first paged (a step that pages, done). */
  pagedAt?: number;
  /** When engineering acknowledged. */
  ackAt?: number;
  statusPage?: CadenceFacts;
  /** The escalation reached engineering (the acknowledgement clock started). */
  escalated: boolean;
  bugUrl?: string;
  bugTracker?: 'jira' | 'linear' | 'other';
  satisfaction?: number;
  confirmation?: string;
  dissatisfied: boolean;
  followUpDone: boolean;
  incidentSummaryRequired: boolean;
  incidentSummaryWritten: boolean;
}

/** Where the report reads each meaning from in this template. The one place to switch to roles. */
export interface ReportFields {
  severity: FieldRef;
  plan: FieldRef;
  rootCause?: FieldRef;
  bugUrl?: FieldRef;
  satisfaction?: FieldRef;
  confirmation?: FieldRef;
  incidentSummary?: FieldRef;
  followUpStepId?: string;
  /** Steps whose action pages on-call. */
  pagingStepIds: string[];
  firstResponse?: ClockDef;
  engineeringAck?: ClockDef;
  statusPage?: ClockDef;
}

export function reportFields(template: WorkflowTemplate): ReportFields {
  const steps = allSteps(template).map((s) => s.step);
  const role = (r: Parameters<typeof fieldRefByRole>[1]) => fieldRefByRole(template, r);
  return {
    severity: template.policy.severityField,
    plan: template.policy.planField,
    rootCause: role('root-cause'),
    bugUrl: role('bug-url'),
    satisfaction: role('satisfaction'),
    confirmation: role('confirmation'),
    incidentSummary: role('incident-summary'),
    // The follow-up is the step that drafts the incident summary for the dissatisfied customer.
    followUpStepId: steps.find((s) => s.actions.includes('draft-incident-summary'))?.id,
    pagingStepIds: steps.filter((s) => s.actions.includes('page-on-call')).map((s) => s.id),
    firstResponse: clockByTarget(template, 'first-response-by-plan'),
    engineeringAck: clockByTarget(template, 'engineering-ack-by-severity'),
    statusPage: clockByTarget(template, 'status-page-by-severity'),
  };
}

function text(run: Run, ref: FieldRef | undefined): string | undefined {
  if (!ref) return undefined;
  const value = fieldValue(run, ref);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function deadlineFacts(
  template: WorkflowTemplate,
  run: Run,
  clock: ClockDef | undefined,
  now: number,
): ClockFacts | undefined {
  if (!clock) return undefined;
  const view = deriveClock(template, run, clock, now);
  if (!view || view.dueAt === undefined) return undefined;
  const facts: ClockFacts = {
    startedAt: view.startedAt,
    dueAt: view.dueAt,
    paused: view.state === 'paused',
  };
  if (view.stoppedAt !== undefined) {
    facts.stoppedAt = view.stoppedAt;
    facts.elapsedMs =
      view.stoppedAt - view.startedAt - pausedMs(run, clock.id, view.startedAt, view.stoppedAt);
  }
  return facts;
}

/**
 * Status-page cadence: every interval from the start (severity set) through
 * each posted update to the stop (resolved posted, or the run closed) is
 * kept when it is no longer than the cadence plus the time the clock was
 * paused in it. A running cadence's open interval is judged at report time.
 */
function cadenceFacts(
  template: WorkflowTemplate,
  run: Run,
  clock: ClockDef | undefined,
  events: readonly RunEvent[],
  now: number,
): CadenceFacts | undefined {
  if (!clock || clock.kind !== 'cadence') return undefined;
  const view = deriveClock(template, run, clock, now);
  if (!view) return undefined;
  const target = view.targetMinutes * 60_000;
  const anchor =
    clock.start.kind === 'field-set' ? fieldState(run, clock.start.field)?.since : undefined;
  const start = anchor ?? view.startedAt;
  const stop = view.stoppedAt;
  const updates = events
    .filter(
      (e) =>
        e.type === 'field-set' &&
        e.stepId === clock.resetBy.stepId &&
        e.fieldId === clock.resetBy.fieldId &&
        e.new !== null &&
        e.new !== '' &&
        e.at > start &&
        (stop === undefined || e.at <= stop),
    )
    .map((e) => e.at)
    .sort((a, b) => a - b);
  const marks = [start, ...updates];
  // The update that stops the cadence ("resolved") ends the last interval itself.
  if (stop !== undefined && stop > marks[marks.length - 1]!) marks.push(stop);
  let kept = 0;
  let missed = 0;
  for (let i = 1; i < marks.length; i++) {
    const a = marks[i - 1]!;
    const b = marks[i]!;
    if (b - a - pausedMs(run, clock.id, a, b) <= target) kept += 1;
    else missed += 1;
  }
  const facts: CadenceFacts = { kept, missed, updates: updates.length };
  if (stop === undefined && view.dueAt !== undefined && view.state !== 'paused') {
    facts.openDueAt = view.dueAt;
  }
  return facts;
}

function bugTracker(url: string): RunFacts['bugTracker'] {
  if (/^https:\/\/[^/]+\.atlassian\.net\//i.test(url)) return 'jira';
  if (/^https:\/\/linear\.app\//i.test(url)) return 'linear';
  return 'other';
}

function lastActor(run: Run): string | undefined {
  let at = -1;
  let who: string | undefined;
  const consider = (s: { at: number; by: { name: string } }) => {
    if (s.at > at) {
      at = s.at;
      who = s.by.name;
    }
  };
  Object.values(run.steps).forEach(consider);
  Object.values(run.values).forEach((fields) => Object.values(fields).forEach(consider));
  return who;
}

/**
 * What is known of a run without its template (the ticket, when it was
 * created and closed): also the row of a run whose template version is missing.
 */
export function ticketFacts(run: Run): RunFacts {
  const t = run.ticket;
  const createdAt = t.createdAt ?? run.createdAt;
  const facts: RunFacts = {
    runId: run.id,
    helpdesk: run.helpdesk,
    ticketId: run.ticketId,
    url: t.url,
    createdAt,
    updatedAt: run.updatedAt,
    escalated: false,
    dissatisfied: false,
    followUpDone: false,
    incidentSummaryRequired: false,
    incidentSummaryWritten: false,
  };
  if (t.displayId) facts.displayId = t.displayId;
  if (t.subject) facts.subject = t.subject;
  const requester = [t.requesterName, t.requesterEmail && `<${t.requesterEmail}>`]
    .filter(Boolean)
    .join(' ');
  if (requester) facts.requester = requester;
  if (t.organization) facts.organization = t.organization;
  if (run.closedAt !== undefined) {
    facts.closedAt = run.closedAt;
    facts.resolveMs = Math.max(0, run.closedAt - createdAt);
  }
  return facts;
}

/**
 * The run's facts at `now`. `events` are the run's own events; only the
 * status-page cadence reads them (`needsEvents` says when).
 */
export function runFacts(
  template: WorkflowTemplate,
  run: Run,
  events: readonly RunEvent[],
  now: number,
): RunFacts {
  const fields = reportFields(template);
  const facts = ticketFacts(run);
  const closer =
    run.closedAt !== undefined ? run.steps[closingStepId(template)]?.by.name : undefined;
  const agent = closer ?? lastActor(run);
  if (agent) facts.agent = agent;
  const severity = readSeverity(template, run);
  if (severity) facts.severity = severity;
  const plan = readPlan(template, run);
  if (plan) facts.plan = plan;
  const rootCause = text(run, fields.rootCause);
  if (rootCause) facts.rootCause = rootCause;

  const firstResponse = deadlineFacts(template, run, fields.firstResponse, now);
  if (firstResponse) facts.firstResponse = firstResponse;
  const ack = deadlineFacts(template, run, fields.engineeringAck, now);
  if (ack) {
    facts.engineeringAck = ack;
    facts.escalated = true;
  }
  const ackClock = fields.engineeringAck;
  if (ackClock?.stopWhen && evaluateCondition(ackClock.stopWhen, template, run)) {
    const ackAt = conditionChangedAt(ackClock.stopWhen, template, run);
    if (ackAt !== undefined) facts.ackAt = ackAt;
  }
  const paged = fields.pagingStepIds
    .map((id) => run.steps[id])
    .filter(
      (s, i) => s?.status === 'done' && isStepApplicable(template, run, fields.pagingStepIds[i]!),
    )
    .map((s) => s!.at);
  if (paged.length > 0) facts.pagedAt = Math.min(...paged);
  const cadence = cadenceFacts(template, run, fields.statusPage, events, now);
  if (cadence) facts.statusPage = cadence;

  const bugUrl = text(run, fields.bugUrl);
  if (bugUrl) {
    facts.bugUrl = bugUrl;
    facts.bugTracker = bugTracker(bugUrl);
  }
  const satisfaction = fields.satisfaction ? fieldValue(run, fields.satisfaction) : undefined;
  if (typeof satisfaction === 'number') facts.satisfaction = satisfaction;
  const confirmation = text(run, fields.confirmation);
  if (confirmation) facts.confirmation = confirmation;
  // The follow-up step applies exactly when the customer is dissatisfied.
  if (fields.followUpStepId) {
    facts.dissatisfied = isStepApplicable(template, run, fields.followUpStepId);
    facts.followUpDone = facts.dissatisfied && run.steps[fields.followUpStepId]?.status === 'done';
  }
  const summaryRequired = planPolicy(template, run)?.incidentSummaryRequired === true;
  facts.incidentSummaryRequired = facts.dissatisfied && summaryRequired;
  const summary = fields.incidentSummary ? fieldValue(run, fields.incidentSummary) : undefined;
  facts.incidentSummaryWritten =
    facts.incidentSummaryRequired && !isEmptyValue(summary) && typeof summary === 'string';
  return facts;
}

/** Whether `runFacts` reads this run's events (a status-page cadence applies to it). */
export function needsEvents(template: WorkflowTemplate, run: Run): boolean {
  const clock = reportFields(template).statusPage;
  return (
    clock !== undefined &&
    (clock.appliesWhen === undefined || evaluateCondition(clock.appliesWhen, template, run))
  );
}
