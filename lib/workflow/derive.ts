/**
 * Derived state: everything a view shows about a run, as a pure function of
 * (template, run, now). Nothing here is stored; the store only indexes
 * `nextDueAt` from it.
 */
import {
  allSteps,
  conditionChangedAt,
  evaluateCondition,
  fieldState,
  isEmptyValue,
  isStepApplicable,
  planPolicy,
  readPlan,
  readSeverity,
  severityPolicy,
} from './conditions';
import type { ClockDef, Run, Step, WorkflowTemplate } from './schema';
import { closeBlockers, openRequiredSteps } from './close-rules';
import { requiredProblem, validateFieldValue } from './validate';
import type { ClockView, FieldView, GateView, RunView, SectionView, StepView } from './view';

const MINUTE = 60_000;

/** The last step of the template; completing it closes the run. */
export function closingStepId(template: WorkflowTemplate): string {
  const lastSection = template.sections[template.sections.length - 1];
  const last = lastSection?.steps[lastSection.steps.length - 1];
  // templateSchema guarantees at least one section with one step.
  return last?.id ?? '';
}

function fieldViews(template: WorkflowTemplate, run: Run, step: Step): FieldView[] {
  return step.fields.map((field) => {
    const visible = field.when ? evaluateCondition(field.when, template, run) : true;
    const state = fieldState(run, { stepId: step.id, fieldId: field.id });
    const value = state?.value;
    let error: string | undefined;
    if (visible) {
      const invalid = value === undefined ? undefined : validateFieldValue(field, value);
      error = invalid ?? requiredProblem(field, value);
    }
    return { field, visible, state, error };
  });
}

function gateViews(template: WorkflowTemplate, run: Run, step: Step): GateView[] {
  return step.gates.map((g) => ({
    id: g.id,
    open: evaluateCondition(g.require, template, run),
    message: g.message,
  }));
}

/**
 * Why the step cannot be marked done right now: not applicable, required
 * visible fields missing or invalid, gates closed. Empty when it can.
 */
export function stepBlockers(template: WorkflowTemplate, run: Run, step: Step): string[] {
  const reasons = blockersFrom(
    isStepApplicable(template, run, step.id),
    fieldViews(template, run, step),
    gateViews(template, run, step),
  );
  return [...reasons, ...closingBlockers(template, run, step)];
}

/** The closing step waits for every other applicable required step (close-rules.ts). */
function closingBlockers(template: WorkflowTemplate, run: Run, step: Step): string[] {
  const closing = closingStepId(template);
  return step.id === closing ? closeBlockers(openRequiredSteps(template, run, closing)) : [];
}

function blockersFrom(applicable: boolean, fields: FieldView[], gates: GateView[]): string[] {
  const reasons: string[] = [];
  if (!applicable) reasons.push('This step does not apply to this ticket.');
  for (const f of fields) {
    if (!f.visible || !f.error) continue;
    // Required-field messages already name the field; validation messages need it.
    reasons.push(
      f.error.startsWith(`"${f.field.label}"`) ? f.error : `${f.field.label}: ${f.error}`,
    );
  }
  for (const g of gates) if (!g.open) reasons.push(g.message);
  return reasons;
}

// ---------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------

/** Milliseconds of [from, until) during which the clock was paused. */
export function pausedMs(run: Run, clockId: string, from: number, until: number): number {
  let total = 0;
  for (const p of run.pauses) {
    if (p.clockId !== clockId) continue;
    const a = Math.max(p.from, from);
    const b = Math.min(p.to ?? until, until);
    if (b > a) total += b - a;
  }
  return total;
}

function isPausedNow(run: Run, clockId: string, now: number): boolean {
  return run.pauses.some((p) => p.clockId === clockId && p.to === undefined && p.from <= now);
}

function clockStart(template: WorkflowTemplate, run: Run, clock: ClockDef): number | undefined {
  const start = clock.start;
  switch (start.kind) {
    case 'ticket-created':
      return run.ticket.createdAt ?? run.createdAt;
    case 'step-done': {
      const state = run.steps[start.stepId];
      return state?.status === 'done' && isStepApplicable(template, run, start.stepId)
        ? state.at
        : undefined;
    }
    case 'field-set': {
      const state = fieldState(run, start.field);
      return state && !isEmptyValue(state.value) ? state.since : undefined;
    }
  }
}

/**
 * Target minutes for the clock. The first response falls back to the
 * strictest plan while the plan is unknown, so an unverified ticket is never
 * given more time than the fastest SLA allows.
 */
function clockTargetMinutes(
  template: WorkflowTemplate,
  run: Run,
  clock: ClockDef,
): number | undefined {
  switch (clock.target) {
    case 'first-response-by-plan':
      return (
        planPolicy(template, run)?.firstResponseMinutes ??
        Math.min(...template.policy.plans.map((p) => p.firstResponseMinutes))
      );
    case 'engineering-ack-by-severity':
      return severityPolicy(template, run)?.engineeringAckMinutes;
    case 'status-page-by-severity':
      return severityPolicy(template, run)?.statusPageCadenceMinutes;
  }
}

/** The clock's view, or undefined while it does not apply or has not started. */
export function deriveClock(
  template: WorkflowTemplate,
  run: Run,
  clock: ClockDef,
  now: number,
): ClockView | undefined {
  if (clock.appliesWhen && !evaluateCondition(clock.appliesWhen, template, run)) return undefined;
  const anchor = clockStart(template, run, clock);
  if (anchor === undefined) return undefined;
  const targetMinutes = clockTargetMinutes(template, run, clock);
  if (targetMinutes === undefined) return undefined;

  let startedAt = anchor;
  if (clock.kind === 'cadence') {
    // Each posted update restarts the interval; updates before the start do not count.
    const reset = fieldState(run, clock.resetBy);
    if (reset && !isEmptyValue(reset.value) && reset.at > anchor) startedAt = reset.at;
  }
  const target = targetMinutes * MINUTE;
  const base = {
    id: clock.id,
    label: clock.label,
    kind: clock.kind,
    startedAt,
    targetMinutes,
  };

  const stopHolds = evaluateCondition(clock.stopWhen, template, run);
  if (stopHolds || run.closedAt !== undefined) {
    let stoppedAt: number;
    if (stopHolds) {
      stoppedAt = Math.max(conditionChangedAt(clock.stopWhen, template, run) ?? now, anchor);
      if (run.closedAt !== undefined)
        stoppedAt = Math.min(stoppedAt, Math.max(run.closedAt, anchor));
    } else {
      stoppedAt = Math.max(run.closedAt ?? now, anchor);
    }
    // For a cadence, the interval that was open when it stopped.
    const intervalStart = Math.min(startedAt, stoppedAt);
    const dueAt = intervalStart + target + pausedMs(run, clock.id, intervalStart, stoppedAt);
    return {
      ...base,
      startedAt: intervalStart,
      state: stopHolds && stoppedAt <= dueAt ? 'met' : 'stopped',
      dueAt,
      remainingMs: undefined,
      stoppedAt,
    };
  }

  const dueAt = startedAt + target + pausedMs(run, clock.id, startedAt, now);
  const remainingMs = dueAt - now;
  const lead = template.policy.reminderLeadMinutes * MINUTE;
  const state: ClockView['state'] = isPausedNow(run, clock.id, now)
    ? 'paused'
    : remainingMs <= 0
      ? 'breached'
      : remainingMs <= lead
        ? 'due-soon'
        : 'running';
  return { ...base, state, dueAt, remainingMs, stoppedAt: undefined };
}

export function deriveClocks(template: WorkflowTemplate, run: Run, now: number): ClockView[] {
  const views: ClockView[] = [];
  for (const clock of template.clocks) {
    const view = deriveClock(template, run, clock, now);
    if (view) views.push(view);
  }
  return views;
}

const ACTIVE: ReadonlySet<ClockView['state']> = new Set(['running', 'due-soon', 'breached']);

/** A future moment a reminder or breach notification should fire for a clock. */
export interface ClockAlarm {
  clockId: string;
  label: string;
  /** `reminder`: reminderLeadMinutes before due. `due`: the moment it breaches. */
  kind: 'reminder' | 'due';
  at: number;
  dueAt: number;
}

/**
 * The instants after `now` at which a notification should fire for the run's
 * running clocks, earliest first. Paused, stopped and closed clocks have none:
 * their due time is not fixed.
 */
export function clockAlarmTimes(template: WorkflowTemplate, run: Run, now: number): ClockAlarm[] {
  const lead = template.policy.reminderLeadMinutes * MINUTE;
  const alarms: ClockAlarm[] = [];
  for (const c of deriveClocks(template, run, now)) {
    if (!ACTIVE.has(c.state) || c.dueAt === undefined) continue;
    const reminderAt = c.dueAt - lead;
    if (lead > 0 && reminderAt > now) {
      alarms.push({
        clockId: c.id,
        label: c.label,
        kind: 'reminder',
        at: reminderAt,
        dueAt: c.dueAt,
      });
    }
    if (c.dueAt > now) {
      alarms.push({ clockId: c.id, label: c.label, kind: 'due', at: c.dueAt, dueAt: c.dueAt });
    }
  }
  return alarms.sort((a, b) => a.at - b.at);
}

// ---------------------------------------------------------------------------
// The run view
// ---------------------------------------------------------------------------

export function deriveRunView(template: WorkflowTemplate, run: Run, now: number): RunView {
  let number = 0;
  const stepViews: StepView[] = allSteps(template).map(({ sectionId, step }) => {
    number += 1;
    const applicable = isStepApplicable(template, run, step.id);
    const fields = fieldViews(template, run, step);
    const gates = gateViews(template, run, step);
    const blockedBy = blockersFrom(applicable, fields, gates);
    // The closing step also waits for the open steps (listed with links in the view).
    const waiting = closingBlockers(template, run, step).length > 0;
    return {
      step,
      sectionId,
      number,
      status: applicable ? (run.steps[step.id]?.status ?? 'pending') : 'not-applicable',
      applicable,
      fields,
      gates,
      canComplete: blockedBy.length === 0 && !waiting,
      blockedBy,
    };
  });

  const sections: SectionView[] = template.sections.map((section) => {
    const steps = stepViews.filter((s) => s.sectionId === section.id);
    return {
      id: section.id,
      title: section.title,
      steps,
      done: steps.filter((s) => s.status === 'done' || s.status === 'skipped').length,
      applicable: steps.filter((s) => s.applicable).length,
    };
  });

  const done = sections.reduce((n, s) => n + s.done, 0);
  const applicable = sections.reduce((n, s) => n + s.applicable, 0);
  const clocks = deriveClocks(template, run, now);
  const active = clocks.filter((c) => ACTIVE.has(c.state) && c.dueAt !== undefined);

  return {
    runId: run.id,
    severity: readSeverity(template, run),
    plan: readPlan(template, run),
    sections,
    progress: {
      done,
      applicable,
      percent: applicable === 0 ? 0 : Math.round((done / applicable) * 100),
    },
    currentStepId: stepViews.find((s) => s.status === 'pending')?.step.id,
    clocks,
    nextDueAt: active.length > 0 ? Math.min(...active.map((c) => c.dueAt as number)) : undefined,
    breached: clocks.some(
      (c) =>
        c.state === 'breached' ||
        (c.state === 'paused' && c.remainingMs !== undefined && c.remainingMs <= 0),
    ),
    closed: run.closedAt !== undefined,
    openBeforeClose: openRequiredSteps(template, run, closingStepId(template)),
  };
}
