/** Pausing and resuming a run's clocks by hand, each recorded as an event. */
import { WorkflowError } from './errors';
import { touch, type MutationStep } from './mutation';
import type { ClockDef, Run, RunEvent, WorkflowTemplate } from './schema';

function clockOf(template: WorkflowTemplate, clockId: string): ClockDef {
  const clock = template.clocks.find((c) => c.id === clockId);
  if (!clock)
    throw new WorkflowError('not-found', `There is no clock "${clockId}" in this workflow.`);
  return clock;
}

export const pauseClock: MutationStep<'pause-clock'> = (template, run, m, by, now) => {
  const clock = clockOf(template, m.clockId);
  if (run.pauses.some((p) => p.clockId === clock.id && p.to === undefined)) {
    throw new WorkflowError('conflict', `The ${clock.label} clock is already paused.`);
  }
  const reason = m.reason?.trim();
  const pause = { clockId: clock.id, from: now, ...(reason ? { reason } : {}) };
  const next: Run = { ...run, ...touch(run, now), pauses: [...run.pauses, pause] };
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by,
    type: 'clock-paused',
    new: { clockId: clock.id, from: now },
    ...(reason ? { note: reason } : {}),
  };
  return { run: next, events: [event] };
};

export const resumeClock: MutationStep<'resume-clock'> = (template, run, m, by, now) => {
  const clock = clockOf(template, m.clockId);
  const index = run.pauses.findIndex((p) => p.clockId === clock.id && p.to === undefined);
  const open = run.pauses[index];
  if (!open) throw new WorkflowError('conflict', `The ${clock.label} clock is not paused.`);
  const closed = { ...open, to: Math.max(now, open.from) };
  const pauses = run.pauses.map((p, i) => (i === index ? closed : p));
  const next: Run = { ...run, ...touch(run, now), pauses };
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by,
    type: 'clock-resumed',
    old: { clockId: clock.id, from: open.from },
    new: { clockId: clock.id, from: open.from, to: closed.to },
  };
  return { run: next, events: [event] };
};
