/**
 * Derived state: everything a view shows about a run, as a pure function of
 * (template, run, now). Nothing here is stored; the store only indexes
 * `nextDueAt` from it.
 */
import {
  allSteps,
  evaluateCondition,
  fieldState,
  isStepApplicable,
  readPlan,
  readSeverity,
} from './conditions';
import { clockCycles, countedRemainingMs, type ClockCycle } from './clocks';
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

/** Milliseconds of [from, until) during which the clock was paused by hand. */
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

/** The state of one cycle as of `now`. */
export function cycleState(
  template: WorkflowTemplate,
  c: ClockCycle,
  now: number,
): ClockView['state'] {
  if (c.stoppedAt !== undefined) {
    // A clock that stopped after its due time stays breached in the record.
    if (c.dueAt !== undefined && c.stoppedAt > c.dueAt) return 'breached';
    return c.stopKind === 'met' ? 'met' : 'stopped';
  }
  if (c.pauses.some((p) => p.from <= now && now < p.to)) return 'paused';
  if (c.dueAt === undefined) return 'paused';
  if (c.dueAt <= now) return 'breached';
  const warnAt = c.warnAt ?? c.dueAt - template.policy.reminderLeadMinutes * MINUTE;
  return now >= warnAt ? 'due-soon' : 'running';
}

export function viewOfCycle(template: WorkflowTemplate, c: ClockCycle, now: number): ClockView {
  const state = cycleState(template, c, now);
  return {
    id: c.clock.id,
    label: c.clock.label,
    kind: c.clock.kind,
    state,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    remainingMs:
      c.stoppedAt !== undefined
        ? undefined
        : state === 'paused' || c.dueAt === undefined
          ? countedRemainingMs(c, now)
          : c.dueAt - now,
    stoppedAt: c.stoppedAt,
    targetMinutes: c.targetMinutes,
    time: c.schedule ? 'business' : 'calendar',
    ...(c.schedule ? { schedule: c.schedule } : {}),
    ...(c.warnAt !== undefined ? { warnAt: c.warnAt } : {}),
    cycle: c.cycle,
  };
}

/** The clock's view (its latest cycle), or undefined while it does not apply or has not started. */
export function deriveClock(
  template: WorkflowTemplate,
  run: Run,
  clock: ClockDef,
  now: number,
): ClockView | undefined {
  const cycles = clockCycles(template, run, clock, now);
  const last = cycles[cycles.length - 1];
  return last ? viewOfCycle(template, last, now) : undefined;
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

/** Still counting toward a due time (a stopped clock stays breached but is not active). */
export function isActiveClock(c: ClockView): c is ClockView & { dueAt: number } {
  return ACTIVE.has(c.state) && c.stoppedAt === undefined && c.dueAt !== undefined;
}

/** A future moment a reminder or breach notification should fire for a clock. */
export interface ClockAlarm {
  clockId: string;
  label: string;
  /** `reminder`: the warning (75 % of the target, or reminderLeadMinutes before due). `due`: the breach. */
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
    if (!isActiveClock(c)) continue;
    const reminderAt = c.warnAt ?? (lead > 0 ? c.dueAt - lead : undefined);
    if (reminderAt !== undefined && reminderAt > now) {
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
  const active = clocks.filter(isActiveClock);

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
