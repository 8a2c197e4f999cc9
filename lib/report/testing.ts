/**
 * Runs told as stories ("paid SEV2, answered after 70 minutes, closed as
 * billing on day 3"), played through the real engine on the default workflow
 * or any template that has the same meanings (found by role, action and clock
 * target, like the report itself finds them). The report's unit tests, its
 * browser test's seeded store and its benchmark build their runs with it.
 * Not imported by app code.
 */
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { openRequiredSteps } from '../workflow/close-rules';
import { allSteps } from '../workflow/conditions';
import { closingStepId } from '../workflow/derive';
import { applyMutation, createRun, type Mutation } from '../workflow/engine';
import { clockByTarget, fieldRefByRole, type Role } from '../workflow/roles';
import type {
  Actor,
  FieldRef,
  Helpdesk,
  PlanTier,
  Run,
  RunEvent,
  Severity,
  WorkflowTemplate,
} from '../workflow/schema';

const MIN = 60_000;

export interface RunStory {
  ticketId: string;
  helpdesk?: Helpdesk;
  subject?: string;
  createdAt: number;
  agent?: Actor;
  /** Every other time below is minutes after `createdAt`. */
  triageAt?: number;
  plan?: PlanTier;
  severity?: Severity;
  firstResponseAt?: number;
  /** The agent's first public reply appears in the conversation (stops business-hour clocks). */
  agentReplyAt?: number;
  /** Pauses of the first-response clock, [from, to] minutes. */
  firstResponsePauses?: Array<[number, number]>;
  /** SEV1: on-call paged (the SEV1 paging step done). */
  pagedAt?: number;
  escalatedAt?: number;
  engineeringAckAt?: number;
  bugUrl?: string;
  statusUpdates?: Array<[number, 'investigating' | 'identified' | 'monitoring' | 'resolved']>;
  confirmation?: 'confirmed' | 'not-fixed' | 'no-response';
  satisfaction?: number;
  incidentSummary?: string;
  followUpDoneAt?: number;
  rootCause?: string;
  closedAt?: number;
}

export const STORY_AGENT: Actor = { name: 'Ada Agent', email: 'ada@example.com' };

/** Where a story acts in `template`, found by meaning; a missing meaning is a clear error. */
function storyTargets(template: WorkflowTemplate) {
  const steps = allSteps(template).map((s) => s.step);
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the template has no ${what}, which stories need`);
    return value;
  };
  const field = (role: Role): FieldRef =>
    need(fieldRefByRole(template, role), `field of role ${role}`);
  const stepWithAction = (action: string) =>
    need(steps.find((s) => s.actions.includes(action as never))?.id, `step with action ${action}`);
  const ack = clockByTarget(template, 'engineering-ack-by-severity');
  return {
    fields: {
      plan: template.policy.planField,
      severity: template.policy.severityField,
      pagerdutyIncident: field('pagerduty-incident'),
      statusPagePosted: field('status-page-posted'),
      bugUrl: field('bug-url'),
      acknowledged: field('engineering-acknowledged'),
      statusPageState: field('status-page-state'),
      confirmation: field('confirmation'),
      satisfaction: field('satisfaction'),
      incidentSummary: field('incident-summary'),
      rootCause: field('root-cause'),
    },
    steps: {
      acknowledge: stepWithAction('insert-first-touch'),
      pageSev1: field('pagerduty-incident').stepId,
      // The escalation page is the step whose completion starts the engineering acknowledgement clock.
      escalationPage: need(
        ack?.start.kind === 'step-done' ? ack.start.stepId : undefined,
        'engineering acknowledgement clock started by a step',
      ),
      followUp: stepWithAction('draft-incident-summary'),
      close: closingStepId(template),
    },
    firstResponseClock: need(
      clockByTarget(template, 'first-response-by-plan'),
      'first-response clock',
    ).id,
  };
}

/** The run and every event of a story, played through the engine in time order. */
export function playStory(
  story: RunStory,
  template: WorkflowTemplate = DEFAULT_TEMPLATE,
): { run: Run; events: RunEvent[] } {
  const { fields: F, steps: S, firstResponseClock } = storyTargets(template);
  const actor = story.agent ?? STORY_AGENT;
  const helpdesk = story.helpdesk ?? 'zendesk';
  const at = (minutes: number) => story.createdAt + Math.round(minutes * MIN);
  const created = createRun(
    template,
    {
      helpdesk,
      ticketId: story.ticketId,
      url: `https://acme.zendesk.com/agent/tickets/${story.ticketId}`,
      subject: story.subject ?? `Ticket ${story.ticketId}`,
      requesterName: `Requester ${story.ticketId}`,
      organization: 'Customer Co',
      createdAt: story.createdAt,
    },
    actor,
    story.createdAt,
  );
  const plan: Array<[number, Mutation]> = [];
  const set = (minutes: number, ref: { stepId: string; fieldId: string }, value: unknown) =>
    plan.push([minutes, { type: 'set-field', ...ref, value } as Mutation]);
  const done = (minutes: number, stepId: string) =>
    plan.push([minutes, { type: 'set-step-status', stepId, status: 'done' }]);
  const triage = story.triageAt ?? 1;
  if (story.plan) set(triage, F.plan, story.plan);
  if (story.severity) set(triage, F.severity, story.severity);
  for (const [from, to] of story.firstResponsePauses ?? []) {
    plan.push([from, { type: 'pause-clock', clockId: firstResponseClock }]);
    plan.push([to, { type: 'resume-clock', clockId: firstResponseClock }]);
  }
  if (story.firstResponseAt !== undefined) done(story.firstResponseAt, S.acknowledge);
  if (story.agentReplyAt !== undefined) {
    const replyAt = at(story.agentReplyAt);
    plan.push([
      story.agentReplyAt,
      { type: 'observe-conversation', messages: [{ id: 'reply-1', role: 'agent', at: replyAt }] },
    ]);
  }
  if (story.pagedAt !== undefined) {
    set(story.pagedAt, F.pagerdutyIncident, 'PD-1');
    set(story.pagedAt, F.statusPagePosted, true);
    done(story.pagedAt, S.pageSev1);
  }
  if (story.bugUrl) set(story.escalatedAt ?? triage, F.bugUrl, story.bugUrl);
  if (story.escalatedAt !== undefined) done(story.escalatedAt, S.escalationPage);
  if (story.engineeringAckAt !== undefined) set(story.engineeringAckAt, F.acknowledged, true);
  for (const [minutes, state] of story.statusUpdates ?? []) set(minutes, F.statusPageState, state);
  const closing = story.closedAt;
  if (story.confirmation) set((closing ?? 0) - 2, F.confirmation, story.confirmation);
  if (story.satisfaction !== undefined) set((closing ?? 0) - 2, F.satisfaction, story.satisfaction);
  if (story.incidentSummary) set((closing ?? 0) - 1.5, F.incidentSummary, story.incidentSummary);
  if (story.followUpDoneAt !== undefined) done(story.followUpDoneAt, S.followUp);
  if (story.rootCause) set((closing ?? 0) - 1, F.rootCause, story.rootCause);
  if (closing !== undefined) done(closing, S.close);

  let run = created.run;
  const events = [...created.events];
  // Stable sort: same-minute changes keep the order written above.
  for (const [minutes, mutation] of plan
    .map((p, i) => [p, i] as const)
    .sort((a, b) => a[0][0] - b[0][0] || a[1] - b[1])
    .map(([p]) => p)) {
    const closes =
      mutation.type === 'set-step-status' &&
      mutation.status === 'done' &&
      mutation.stepId === S.close;
    // A run closes only when its work is done: the story's agent skips what is left, with a reason.
    if (closes) {
      for (const open of openRequiredSteps(template, run, closingStepId(template))) {
        const skipped = applyMutation(
          template,
          run,
          {
            type: 'set-step-status',
            stepId: open.stepId,
            status: 'skipped',
            skipReason: 'Not needed for this ticket',
          },
          actor,
          at(minutes),
        );
        run = skipped.run;
        events.push(...skipped.events);
      }
    }
    const result = applyMutation(template, run, mutation, actor, at(minutes));
    run = result.run;
    events.push(...result.events);
  }
  return { run, events };
}
