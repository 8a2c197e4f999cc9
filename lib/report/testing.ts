/**
 * Runs of the default workflow told as stories ("paid SEV2, answered after
 * 70 minutes, closed as billing on day 3"), played through the real engine.
 * The report's unit tests, its browser test's seeded store and its
 * benchmark build their runs with it. Not imported by app code.
 */
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { DEFAULT_IDS } from '../workflow/default-ids';
import { openRequiredSteps } from '../workflow/close-rules';
import { closingStepId } from '../workflow/derive';
import { applyMutation, createRun, type Mutation } from '../workflow/engine';
import type { Actor, Helpdesk, PlanTier, Run, RunEvent, Severity } from '../workflow/schema';

const MIN = 60_000;
const S = DEFAULT_IDS.steps;
const F = DEFAULT_IDS.fields;

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

/** The run and every event of a story, played through the engine in time order. */
export function playStory(story: RunStory): { run: Run; events: RunEvent[] } {
  const template = DEFAULT_TEMPLATE;
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
    plan.push([from, { type: 'pause-clock', clockId: DEFAULT_IDS.clocks.firstResponse }]);
    plan.push([to, { type: 'resume-clock', clockId: DEFAULT_IDS.clocks.firstResponse }]);
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
  for (const [minutes, state] of story.statusUpdates ?? []) set(minutes, F.lastStatusUpdate, state);
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
