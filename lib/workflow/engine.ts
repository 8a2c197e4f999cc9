/**
 * The workflow engine: every change to a run goes through `applyMutation`,
 * which returns the new run and the events that record it, so the store can
 * write both in one transaction. Runs are never mutated in place.
 *
 * A mutation touches only what it names (one field, one step status, one
 * pause), so when the store re-reads the run inside its transaction and
 * re-applies the mutation, concurrent edits to different fields both survive.
 */
import { factsRecordedBy, isEmptyValue } from './recorded-facts';
import { findField, findStep, isStepApplicable } from './conditions';
import { closingStepId, stepBlockers } from './derive';
import { WorkflowError } from './errors';
import { mergeTicketInfo, sameValue } from './ticket-merge';
export { sameValue };
import {
  actorSchema,
  fieldValueSchema,
  runIdFor,
  ticketInfoSchema,
  type Actor,
  type FieldState,
  type FieldValue,
  type Run,
  type RunEvent,
  type TicketInfo,
  type WorkflowTemplate,
} from './schema';
import { validateFieldValue } from './validate';

import { observeConversation, withStatusLogged } from './conversation';
import { pauseClock, resumeClock } from './clock-pauses';
import { touch, type Mutation, type MutationResult } from './mutation';

export { migrateRun } from './versioning';
export type { Mutation, MutationResult } from './mutation';

function checkActor(actor: Actor): Actor {
  const parsed = actorSchema.safeParse(actor);
  if (!parsed.success)
    throw new WorkflowError('invalid-value', 'Every change needs an agent name.');
  return parsed.data;
}

function checkNow(now: number): void {
  if (!Number.isInteger(now) || now < 0) {
    throw new WorkflowError('invalid-value', `"${now}" is not a valid time.`);
  }
}

/** A new run of `template` for `ticket`, and the event that records its creation. */
export function createRun(
  template: WorkflowTemplate,
  ticket: TicketInfo,
  actor: Actor,
  now: number,
): MutationResult {
  const by = checkActor(actor);
  checkNow(now);
  const parsed = ticketInfoSchema.safeParse(ticket);
  if (!parsed.success) {
    throw new WorkflowError('invalid-value', 'The ticket information is incomplete or malformed.', [
      ...parsed.error.issues.map((i) => `${i.path.join('.') || 'ticket'}: ${i.message}`),
    ]);
  }
  const info = parsed.data;
  const run: Run = {
    id: runIdFor(info.helpdesk, info.ticketId),
    helpdesk: info.helpdesk,
    ticketId: info.ticketId,
    templateId: template.id,
    templateVersion: template.version,
    ticket: info,
    createdAt: now,
    updatedAt: now,
    steps: {},
    values: {},
    pauses: [],
    ...(info.status !== undefined ? { statusLog: [{ at: now, status: info.status }] } : {}),
    revision: 1,
  };
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by,
    type: 'run-created',
    new: { templateId: template.id, templateVersion: template.version, ticket: info },
  };
  return { run, events: [event] };
}

function setField(
  template: WorkflowTemplate,
  run: Run,
  m: Extract<Mutation, { type: 'set-field' }>,
  by: Actor,
  now: number,
): MutationResult {
  const step = findStep(template, m.stepId);
  if (!step)
    throw new WorkflowError('not-found', `There is no step "${m.stepId}" in this workflow.`);
  const field = findField(template, m.stepId, m.fieldId);
  if (!field) {
    throw new WorkflowError('not-found', `Step "${step.title}" has no field "${m.fieldId}".`);
  }
  const shape = fieldValueSchema.safeParse(m.value);
  const problem = shape.success ? validateFieldValue(field, shape.data) : 'Unrecognised value.';
  if (problem) {
    throw new WorkflowError('invalid-value', `${field.label}: ${problem}`, [problem]);
  }
  const value = shape.data as FieldValue;
  const previous = run.values[m.stepId]?.[m.fieldId];
  // Setting the same value again is still recorded (e.g. a second status-page
  // update in the same state restarts the cadence), but `since` keeps the
  // moment the field first took that value.
  const unchanged = previous !== undefined && sameValue(previous.value, value);
  const state: FieldState = { value, at: now, by, since: unchanged ? previous.since : now };
  const next: Run = {
    ...run,
    ...touch(run, now),
    values: { ...run.values, [m.stepId]: { ...run.values[m.stepId], [m.fieldId]: state } },
  };
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by,
    type: 'field-set',
    stepId: m.stepId,
    fieldId: m.fieldId,
    old: previous?.value ?? null,
    new: value,
  };
  return { run: next, events: [event] };
}

function setStepStatus(
  template: WorkflowTemplate,
  run: Run,
  m: Extract<Mutation, { type: 'set-step-status' }>,
  by: Actor,
  now: number,
): MutationResult {
  const step = findStep(template, m.stepId);
  if (!step)
    throw new WorkflowError('not-found', `There is no step "${m.stepId}" in this workflow.`);
  const closing = closingStepId(template) === step.id;
  const previous = run.steps[step.id];
  const oldStatus = previous?.status ?? 'pending';
  const reason = m.skipReason?.trim();

  if (m.status === 'done') {
    const reasons = stepBlockers(template, run, step);
    if (reasons.length > 0) {
      throw new WorkflowError('blocked', `"${step.title}" cannot be marked done yet.`, reasons);
    }
  } else if (m.status === 'skipped') {
    if (!reason) {
      throw new WorkflowError(
        'invalid-value',
        `Say why "${step.title}" is skipped; the reason goes into the ticket's record.`,
      );
    }
    if (closing) {
      throw new WorkflowError('blocked', `"${step.title}" closes the run and cannot be skipped.`, [
        'Complete the closing step instead of skipping it.',
      ]);
    }
    if (!isStepApplicable(template, run, step.id)) {
      throw new WorkflowError('blocked', `"${step.title}" does not apply to this ticket.`, [
        'This step does not apply to this ticket.',
      ]);
    }
  }

  if (oldStatus === m.status && (m.status !== 'skipped' || previous?.skipReason === reason)) {
    // Nothing changes: no new revision, no event (e.g. a double click).
    return { run, events: [] };
  }

  const stepState = {
    status: m.status,
    at: now,
    by,
    ...(m.status === 'skipped' ? { skipReason: reason } : {}),
  };
  const next: Run = { ...run, ...touch(run, now), steps: { ...run.steps, [step.id]: stepState } };
  const events: RunEvent[] = [
    {
      runId: run.id,
      at: now,
      by,
      type: 'step-status',
      stepId: step.id,
      old: oldStatus,
      new: m.status,
      ...(reason && m.status === 'skipped' ? { note: reason } : {}),
    },
  ];
  if (closing && m.status === 'done' && run.closedAt === undefined) {
    next.closedAt = now;
    events.push({ runId: run.id, at: now, by, type: 'run-closed', stepId: step.id, new: now });
  } else if (closing && m.status !== 'done' && run.closedAt !== undefined) {
    delete next.closedAt;
    events.push({
      runId: run.id,
      at: now,
      by,
      type: 'run-reopened',
      stepId: step.id,
      old: run.closedAt,
    });
  }
  return { run: next, events };
}

function updateTicket(
  run: Run,
  m: Extract<Mutation, { type: 'update-ticket' }>,
  by: Actor,
  now: number,
): MutationResult {
  const parsed = ticketInfoSchema.safeParse(m.ticket);
  if (!parsed.success) {
    throw new WorkflowError('invalid-value', 'The ticket information is malformed.', [
      ...parsed.error.issues.map((i) => `${i.path.join('.') || 'ticket'}: ${i.message}`),
    ]);
  }
  const info = parsed.data;
  if (info.helpdesk !== run.helpdesk || info.ticketId !== run.ticketId) {
    throw new WorkflowError(
      'conflict',
      `This run belongs to ${run.helpdesk} ticket ${run.ticketId}, not ${info.helpdesk} ticket ${info.ticketId}.`,
    );
  }
  // A page that could not read a field says nothing about it: keep what we knew.
  const { merged, old: oldChanged, new: newChanged } = mergeTicketInfo(run.ticket, info);
  if (Object.keys(newChanged).length === 0) return { run, events: [] };
  const next: Run = withStatusLogged(
    { ...run, ...touch(run, now), ticket: merged },
    'status' in newChanged ? merged.status : undefined,
    now,
  );
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by,
    type: 'ticket-updated',
    old: oldChanged,
    new: newChanged,
  };
  return { run: next, events: [event] };
}

function recordAction(
  template: WorkflowTemplate,
  run: Run,
  m: Extract<Mutation, { type: 'record-action' }>,
  by: Actor,
  now: number,
): MutationResult {
  if (m.stepId !== undefined && !findStep(template, m.stepId)) {
    throw new WorkflowError('not-found', `There is no step "${m.stepId}" in this workflow.`);
  }
  if (typeof m.action !== 'string' || m.action.trim() === '' || m.action.length > 64) {
    throw new WorkflowError('invalid-value', 'An action needs a name of at most 64 characters.');
  }
  const next: Run = { ...run, ...touch(run, now) };
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by,
    type: 'action',
    action: m.action,
    ...(m.stepId !== undefined ? { stepId: m.stepId } : {}),
    ...(m.note !== undefined ? { note: m.note } : {}),
    ...(m.data !== undefined ? { new: m.data } : {}),
  };
  const recorded = withRecordedFacts(template, next, m, by, now, [event]);
  if (!m.done) return recorded;
  if (m.stepId === undefined) {
    throw new WorkflowError('invalid-value', 'Only an action on a step can mark it done.');
  }
  // The action and the step's completion are one change: the history shows
  // what was done, the fields it filled, then the step done, all by `by`.
  const finished = setStepStatus(
    template,
    recorded.run,
    { type: 'set-step-status', stepId: m.stepId, status: 'done' },
    by,
    now,
  );
  return {
    run: { ...finished.run, revision: recorded.run.revision },
    events: [...recorded.events, ...finished.events],
  };
}

/** The action also fills the fields it answers (recorded-facts.ts), in the same revision. */
function withRecordedFacts(
  template: WorkflowTemplate,
  run: Run,
  m: Extract<Mutation, { type: 'record-action' }>,
  by: Actor,
  now: number,
  events: RunEvent[],
): MutationResult {
  let next = run;
  for (const fact of factsRecordedBy(template, m.action, m.data)) {
    if (!findField(template, fact.stepId, fact.fieldId)) continue;
    if (fact.onlyIfEmpty && !isEmptyValue(next, fact)) continue;
    try {
      const r = setField(template, next, { type: 'set-field', ...fact }, by, now);
      next = r.run;
      events.push(...r.events);
    } catch (error) {
      // A fact the field refuses (its pattern, a closed step) stays the agent's to enter.
      if (!(error instanceof WorkflowError)) throw error;
    }
  }
  return { run: { ...next, revision: run.revision }, events };
}

/**
 * Apply one mutation. Returns the new run (revision + 1) and the events to
 * append; returns the run unchanged with no events when the mutation changes
 * nothing (same status again, same ticket info). Throws WorkflowError:
 * `not-found` (unknown step/field/clock), `invalid-value` (bad value, skip
 * without a reason), `blocked` (step cannot be done; `reasons` says why),
 * `conflict` (wrong template version, clock already paused).
 */
export function applyMutation(
  template: WorkflowTemplate,
  run: Run,
  m: Mutation,
  actor: Actor,
  now: number,
): MutationResult {
  const by = checkActor(actor);
  checkNow(now);
  if (run.templateId !== template.id || run.templateVersion !== template.version) {
    throw new WorkflowError(
      'conflict',
      `This run follows ${run.templateId} version ${run.templateVersion}, not ${template.id} version ${template.version}; migrate it first.`,
    );
  }
  switch (m.type) {
    case 'set-field':
      return setField(template, run, m, by, now);
    case 'set-step-status':
      return setStepStatus(template, run, m, by, now);
    case 'pause-clock':
      return pauseClock(template, run, m, by, now);
    case 'resume-clock':
      return resumeClock(template, run, m, by, now);
    case 'update-ticket':
      return updateTicket(run, m, by, now);
    case 'record-action':
      return recordAction(template, run, m, by, now);
    case 'observe-conversation':
      return observeConversation(run, m.messages, by, now);
    default:
      throw new WorkflowError(
        'invalid-value',
        `Unknown change "${(m as { type?: unknown }).type}".`,
      );
  }
}
