/**
 * SLA clocks of a run as cycles: when each started, what paused it, when it
 * is due (in business or calendar time), when it warns, and when and how it
 * stopped. The run view shows the latest cycle; the background records every
 * cycle's transitions as events (lib/sla/transitions.ts).
 */
import { countedMs, reachTarget, type Interval, type Schedule } from '../time/business-hours';
import { addBusinessDays } from '../time/business-hours';
import {
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
import {
  customerReplyCycles,
  firstAgentReply,
  resolveTarget,
  scheduleFor,
  waitingIntervals,
} from '../sla/policy';
import type { SlaMetric } from '../sla/schema';
import type { ClockDef, Run, WorkflowTemplate } from './schema';

const MINUTE = 60_000;

export interface ClockCycle {
  clock: ClockDef;
  /** 1, 2, …: next response has one cycle per customer message after a reply. */
  cycle: number;
  startedAt: number;
  targetMinutes: number;
  schedule: Schedule | undefined;
  /** Manual pauses and waiting on the customer, clipped to the cycle. */
  pauses: Interval[];
  /** Undefined while a pause is open (the due time is not fixed). */
  dueAt: number | undefined;
  warnAt: number | undefined;
  stoppedAt: number | undefined;
  /** `met`: the obligation was fulfilled; `closed`: the run closed first. */
  stopKind: 'met' | 'closed' | undefined;
  repage: boolean;
}

const METRIC: Partial<Record<ClockDef['target'], SlaMetric>> = {
  'first-response-by-plan': 'first-response',
  'engineering-ack-by-severity': 'engineering-ack',
  'next-response-by-policy': 'next-response',
  'resolution-by-policy': 'resolution',
};

interface Target {
  minutes: number;
  schedule: Schedule | undefined;
  pauseWhileWaiting: boolean;
  warnAtPercent: number | undefined;
  repage: boolean;
}

function clockTarget(template: WorkflowTemplate, run: Run, clock: ClockDef): Target | undefined {
  const sla = template.policy.sla;
  const plans = template.policy.plans;
  // The first response falls back to the strictest plan while the plan is
  // unknown, so an unverified ticket never gets more time than any SLA allows.
  const fallback =
    clock.target === 'first-response-by-plan'
      ? (planPolicy(template, run)?.firstResponseMinutes ??
        Math.min(...plans.map((p) => p.firstResponseMinutes)))
      : clock.target === 'engineering-ack-by-severity'
        ? severityPolicy(template, run)?.engineeringAckMinutes
        : clock.target === 'status-page-by-severity'
          ? severityPolicy(template, run)?.statusPageCadenceMinutes
          : undefined;
  if (clock.kind === 'cadence') {
    // The SEV1 status cadence is promised to the public: always calendar time.
    return fallback === undefined
      ? undefined
      : {
          minutes: fallback,
          schedule: undefined,
          pauseWhileWaiting: false,
          warnAtPercent: undefined,
          repage: false,
        };
  }
  if (clock.target === 'business-days') {
    return undefined; // handled by the caller: a due instant, not minutes
  }
  const metric = METRIC[clock.target];
  if (!sla || !metric) {
    return fallback === undefined
      ? undefined
      : {
          minutes: fallback,
          schedule: undefined,
          pauseWhileWaiting: false,
          warnAtPercent: undefined,
          repage: false,
        };
  }
  const rule = resolveTarget(
    sla,
    metric,
    readPlan(template, run),
    readSeverity(template, run),
    fallback,
  );
  return rule && { ...rule };
}

function anchorStarts(
  template: WorkflowTemplate,
  run: Run,
  clock: ClockDef,
): Array<{ start: number; stop?: number }> {
  const start = clock.start;
  switch (start.kind) {
    case 'ticket-created':
      return [{ start: run.ticket.createdAt ?? run.createdAt }];
    case 'step-done': {
      const state = run.steps[start.stepId];
      return state?.status === 'done' && isStepApplicable(template, run, start.stepId)
        ? [{ start: state.at }]
        : [];
    }
    case 'field-set': {
      const state = fieldState(run, start.field);
      return state && !isEmptyValue(state.value) ? [{ start: state.since }] : [];
    }
    case 'condition':
      return evaluateCondition(start.condition, template, run)
        ? [{ start: conditionChangedAt(start.condition, template, run) ?? run.createdAt }]
        : [];
    case 'customer-reply':
      return customerReplyCycles(run);
  }
}

function clip(intervals: Interval[], from: number, to: number): Interval[] {
  return intervals
    .map((i) => ({ from: Math.max(i.from, from), to: Math.min(i.to, to) }))
    .filter((i) => i.to > i.from);
}

/** Every cycle of a clock, oldest first; empty while it does not apply or has not started. */
export function clockCycles(
  template: WorkflowTemplate,
  run: Run,
  clock: ClockDef,
  now: number,
): ClockCycle[] {
  if (clock.appliesWhen && !evaluateCondition(clock.appliesWhen, template, run)) return [];
  const starts = anchorStarts(template, run, clock);
  if (starts.length === 0) return [];
  const sla = template.policy.sla;
  const businessDays = clock.kind === 'deadline' && clock.target === 'business-days';
  const target = businessDays ? undefined : clockTarget(template, run, clock);
  if (!businessDays && !target) return [];
  const waiting = target?.pauseWhileWaiting && sla ? waitingIntervals(sla, run) : [];
  const manual: Interval[] = run.pauses
    .filter((p) => p.clockId === clock.id)
    .map((p) => ({ from: p.from, to: p.to ?? Infinity }));

  const stopHolds = clock.stopWhen ? evaluateCondition(clock.stopWhen, template, run) : false;
  const stopByCondition =
    clock.stopWhen && stopHolds
      ? (conditionChangedAt(clock.stopWhen, template, run) ?? now)
      : undefined;

  return starts.map(({ start: anchor, stop: cycleStop }, index) => {
    let startedAt = anchor;
    if (clock.kind === 'cadence') {
      // Each posted update restarts the interval; updates before the start do not count.
      const reset = fieldState(run, clock.resetBy);
      if (reset && !isEmptyValue(reset.value) && reset.at > anchor) startedAt = reset.at;
    }
    // What stops this cycle: the agent's reply, the stop condition, or closing.
    const metAt = [
      cycleStop,
      clock.kind === 'deadline' &&
      clock.stopOn === 'agent-reply' &&
      clock.start.kind !== 'customer-reply'
        ? firstAgentReply(run, anchor)
        : undefined,
      stopByCondition,
    ]
      .filter((t): t is number => t !== undefined)
      .map((t) => Math.max(t, startedAt));
    let stoppedAt: number | undefined = metAt.length > 0 ? Math.min(...metAt) : undefined;
    let stopKind: ClockCycle['stopKind'] = stoppedAt !== undefined ? 'met' : undefined;
    if (run.closedAt !== undefined && (stoppedAt === undefined || run.closedAt < stoppedAt)) {
      stoppedAt = Math.max(run.closedAt, startedAt);
      // A clock with nothing to wait for but the close (resolution) is met by it.
      const onlyClose =
        clock.kind === 'deadline' &&
        (clock.target === 'resolution-by-policy' || (!clock.stopWhen && !clock.stopOn));
      stopKind = onlyClose ? 'met' : 'closed';
    }
    const end = stoppedAt ?? Infinity;
    const pauses = clip([...manual, ...waiting], startedAt, end);

    if (businessDays && clock.kind === 'deadline') {
      const days = clock.businessDays ?? 1;
      const schedule = sla ? scheduleFor(sla, undefined) : undefined;
      const dueAt = schedule
        ? addBusinessDays(schedule, startedAt, days)
        : startedAt + days * 24 * 60 * MINUTE;
      return {
        clock,
        cycle: index + 1,
        startedAt,
        targetMinutes: days * 24 * 60,
        schedule,
        pauses: [],
        dueAt,
        warnAt: undefined,
        stoppedAt,
        stopKind,
        repage: false,
      };
    }
    const t = target as Target;
    const targetMs = t.minutes * MINUTE;
    const dueAt = reachTarget(t.schedule, startedAt, targetMs, pauses);
    const warnAt =
      t.warnAtPercent === undefined
        ? undefined
        : reachTarget(t.schedule, startedAt, (targetMs * t.warnAtPercent) / 100, pauses);
    return {
      clock,
      cycle: index + 1,
      startedAt,
      targetMinutes: t.minutes,
      schedule: t.schedule,
      pauses,
      dueAt,
      warnAt,
      stoppedAt,
      stopKind,
      repage: t.repage,
    };
  });
}

/** Counted time left until due, as of `now` (business time on a schedule). */
export function countedRemainingMs(cycle: ClockCycle, now: number): number {
  const used = countedMs(cycle.schedule, cycle.startedAt, now, cycle.pauses);
  return cycle.targetMinutes * MINUTE - used;
}
