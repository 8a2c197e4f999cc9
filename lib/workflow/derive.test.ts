import { describe, expect, it } from 'vitest';
import { clockAlarmTimes, deriveRunView } from './derive';
import type { WorkflowTemplate } from './schema';
import type { ClockView } from './view';
import {
  CALENDAR_TEMPLATE,
  MIN,
  T0,
  done,
  scenario,
  setField,
  skipOpenSteps,
  step,
  type Scenario,
} from './testing';

// Templates saved before SLA policies (calendar time); SLA policies: clocks.test.ts.
const T: WorkflowTemplate = CALENDAR_TEMPLATE;
const H = 60 * MIN;

function clock(s: Scenario, id: string, now: number): ClockView | undefined {
  return deriveRunView(T, s.run, now).clocks.find((c) => c.id === id);
}

const withPlan = (plan: string, s = scenario()) =>
  setField(s, 'verify-account', 'plan', plan, T0 + MIN);
const withSeverity = (sev: string, at: number, s = scenario()) =>
  setField(s, 'assign-severity', 'severity', sev, at);

describe('first-response clock', () => {
  it('is due 4 h after creation for trial and free, 1 h for paid and enterprise', () => {
    expect(clock(withPlan('trial'), 'first-response', T0 + 2 * MIN)?.dueAt).toBe(T0 + 4 * H);
    expect(clock(withPlan('free'), 'first-response', T0 + 2 * MIN)?.dueAt).toBe(T0 + 4 * H);
    expect(clock(withPlan('paid'), 'first-response', T0 + 2 * MIN)?.dueAt).toBe(T0 + H);
    expect(clock(withPlan('enterprise'), 'first-response', T0 + 2 * MIN)?.dueAt).toBe(T0 + H);
  });

  it('counts from the ticket creation, not from when the run was opened', () => {
    const s = scenario({ createdAt: T0 - 30 * MIN });
    expect(clock(withPlan('paid', s), 'first-response', T0)?.dueAt).toBe(T0 + 30 * MIN);
  });

  it('assumes the strictest SLA until the plan is known; the page-read plan counts', () => {
    expect(clock(scenario(), 'first-response', T0)).toMatchObject({
      dueAt: T0 + H,
      targetMinutes: 60,
    });
    expect(clock(scenario({ plan: 'Trial' }), 'first-response', T0)?.dueAt).toBe(T0 + 4 * H);
  });

  it('is running, then due soon inside the reminder lead, then breached', () => {
    const s = withPlan('paid');
    expect(clock(s, 'first-response', T0 + 10 * MIN)).toMatchObject({
      state: 'running',
      remainingMs: 50 * MIN,
    });
    expect(clock(s, 'first-response', T0 + 45 * MIN)?.state).toBe('due-soon');
    expect(clock(s, 'first-response', T0 + H)?.state).toBe('breached');
    const late = deriveRunView(T, s.run, T0 + 90 * MIN);
    expect(late.clocks[0]).toMatchObject({ state: 'breached', remainingMs: -30 * MIN });
    expect(late.breached).toBe(true);
  });

  it('stops when the acknowledge step is done: met on time', () => {
    const s = done(withPlan('trial'), 'acknowledge', T0 + 2 * H);
    expect(clock(s, 'first-response', T0 + 10 * H)).toMatchObject({
      state: 'met',
      stoppedAt: T0 + 2 * H,
      dueAt: T0 + 4 * H,
      remainingMs: undefined,
    });
    expect(deriveRunView(T, s.run, T0 + 10 * H).breached).toBe(false);
  });

  it('stops late: stays breached in the record, with its due and stop times', () => {
    const s = done(withPlan('paid'), 'acknowledge', T0 + 2 * H);
    expect(clock(s, 'first-response', T0 + 3 * H)).toMatchObject({
      state: 'breached',
      dueAt: T0 + H,
      stoppedAt: T0 + 2 * H,
    });
    // Stopped: no longer counts toward the run's next due time.
    expect(deriveRunView(T, s.run, T0 + 3 * H).nextDueAt).toBeUndefined();
  });

  it('does not count paused time', () => {
    let s = withPlan('paid');
    s = step(s, { type: 'pause-clock', clockId: 'first-response' }, T0 + 10 * MIN);
    // While paused the remaining time is frozen.
    expect(clock(s, 'first-response', T0 + 30 * MIN)).toMatchObject({
      state: 'paused',
      remainingMs: 50 * MIN,
    });
    expect(clock(s, 'first-response', T0 + 5 * H)).toMatchObject({
      state: 'paused',
      remainingMs: 50 * MIN,
    });
    s = step(s, { type: 'resume-clock', clockId: 'first-response' }, T0 + 40 * MIN);
    // 30 paused minutes move the due time by 30 minutes.
    expect(clock(s, 'first-response', T0 + 50 * MIN)).toMatchObject({
      state: 'running',
      dueAt: T0 + 90 * MIN,
      remainingMs: 40 * MIN,
    });
    expect(clock(s, 'first-response', T0 + 95 * MIN)?.state).toBe('breached');
  });

  it('a paused clock has no fixed due time, so it is not the run’s next due', () => {
    const s = step(
      withPlan('paid'),
      { type: 'pause-clock', clockId: 'first-response' },
      T0 + 5 * MIN,
    );
    expect(deriveRunView(T, s.run, T0 + 6 * MIN).nextDueAt).toBeUndefined();
  });
});

describe('SEV1 status-page cadence', () => {
  it('is due 30 min after SEV1 is set, reset by each update, stopped by Resolved', () => {
    let s = withSeverity('SEV1', T0 + 5 * MIN);
    expect(clock(s, 'status-page', T0 + 6 * MIN)).toMatchObject({
      kind: 'cadence',
      state: 'running',
      startedAt: T0 + 5 * MIN,
      dueAt: T0 + 35 * MIN,
      targetMinutes: 30,
    });
    expect(clock(s, 'status-page', T0 + 36 * MIN)?.state).toBe('breached');
    s = setField(s, 'status-page-updates', 'last-update', 'investigating', T0 + 20 * MIN);
    expect(clock(s, 'status-page', T0 + 21 * MIN)?.dueAt).toBe(T0 + 50 * MIN);
    s = setField(s, 'status-page-updates', 'last-update', 'identified', T0 + 45 * MIN);
    expect(clock(s, 'status-page', T0 + 46 * MIN)?.dueAt).toBe(T0 + 75 * MIN);
    // Re-posting the same state also restarts the interval.
    s = setField(s, 'status-page-updates', 'last-update', 'identified', T0 + 70 * MIN);
    expect(clock(s, 'status-page', T0 + 71 * MIN)?.dueAt).toBe(T0 + 100 * MIN);
    s = setField(s, 'status-page-updates', 'last-update', 'resolved', T0 + 90 * MIN);
    expect(clock(s, 'status-page', T0 + 5 * H)).toMatchObject({
      state: 'met',
      stoppedAt: T0 + 90 * MIN,
    });
  });

  it('does not exist below SEV1', () => {
    for (const sev of ['SEV2', 'SEV3', 'SEV4']) {
      expect(clock(withSeverity(sev, T0), 'status-page', T0 + MIN)).toBeUndefined();
    }
    expect(clock(scenario(), 'status-page', T0)).toBeUndefined();
  });
});

describe('engineering acknowledgement clock', () => {
  const escalated = (sev: string) => done(withSeverity(sev, T0 + MIN), 'escalation-page', T0 + H);

  it('starts when the escalation page is sent, with the target by severity', () => {
    expect(clock(withSeverity('SEV2', T0), 'engineering-ack', T0 + MIN)).toBeUndefined();
    expect(clock(escalated('SEV1'), 'engineering-ack', T0 + H)?.dueAt).toBe(T0 + H + 30 * MIN);
    expect(clock(escalated('SEV2'), 'engineering-ack', T0 + H)?.dueAt).toBe(T0 + 3 * H);
    expect(clock(escalated('SEV3'), 'engineering-ack', T0 + H)?.dueAt).toBe(T0 + 9 * H);
  });

  it('stops when engineering acknowledges', () => {
    const s = setField(escalated('SEV2'), 'hold-for-engineering', 'acknowledged', true, T0 + 2 * H);
    expect(clock(s, 'engineering-ack', T0 + 4 * H)).toMatchObject({
      state: 'met',
      stoppedAt: T0 + 2 * H,
    });
  });

  it('does not apply to SEV4, which is never paged', () => {
    const s = withSeverity('SEV4', T0);
    expect(clock(s, 'engineering-ack', T0 + MIN)).toBeUndefined();
  });
});

describe('run view', () => {
  it('derives not-applicable steps, progress and the current step', () => {
    let s = scenario();
    let v = deriveRunView(T, s.run, T0);
    const status = (id: string) =>
      v.sections.flatMap((x) => x.steps).find((x) => x.step.id === id)?.status;
    expect(status('page-sev1')).toBe('not-applicable');
    expect(status('escalation-page')).toBe('not-applicable');
    expect(status('follow-up')).toBe('not-applicable');
    expect(v.progress).toEqual({ done: 0, applicable: 17, percent: 0 });
    expect(v.currentStepId).toBe('acknowledge');
    s = done(s, 'acknowledge', T0 + 5 * MIN);
    s = withSeverity('SEV1', T0 + 6 * MIN, s);
    v = deriveRunView(T, s.run, T0 + 7 * MIN);
    expect(status('page-sev1')).toBe('pending');
    expect(v.severity).toBe('SEV1');
    expect(v.progress).toEqual({ done: 1, applicable: 20, percent: 5 });
    expect(v.currentStepId).toBe('verify-account');
    expect(v.sections.map((x) => x.steps.length)).toEqual([4, 4, 3, 3, 3, 4]);
    expect(v.sections.flatMap((x) => x.steps).map((x) => x.number)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
  });

  it('explains gates and required fields', () => {
    const v = deriveRunView(T, scenario().run, T0);
    const fileBug = v.sections[3]?.steps[0];
    expect(fileBug?.step.id).toBe('file-bug');
    expect(fileBug?.canComplete).toBe(false);
    expect(fileBug?.gates).toEqual([
      { id: 'request-id', open: false, message: expect.stringContaining('bounced back') },
    ]);
    expect(fileBug?.fields[0]?.error).toBe('"Bug URL ({{tracker}} issue)" is required.');
    const runbook = v.sections[2]?.steps[0];
    expect(runbook).toMatchObject({ canComplete: true, blockedBy: [] });
  });

  it('hides the enterprise-only summary field for other plans', () => {
    const paid = setField(scenario(), 'verify-account', 'plan', 'paid');
    const ent = setField(scenario(), 'verify-account', 'plan', 'enterprise');
    const summary = (s: Scenario) =>
      deriveRunView(T, s.run, T0)
        .sections[5]?.steps.find((x) => x.step.id === 'follow-up')
        ?.fields.find((f) => f.field.id === 'incident-summary');
    expect(summary(paid)).toMatchObject({ visible: false, error: undefined });
    expect(summary(ent)).toMatchObject({
      visible: true,
      error: expect.stringContaining('required'),
    });
  });

  it('nextDueAt is the earliest running clock; a closed run has none', () => {
    let s = withPlan('trial');
    s = withSeverity('SEV1', T0 + 2 * MIN, s);
    // First response (4 h) vs status page (30 min after SEV1).
    expect(deriveRunView(T, s.run, T0 + 3 * MIN).nextDueAt).toBe(T0 + 32 * MIN);
    s = setField(
      skipOpenSteps(s, 'Not needed', T0 + 9 * MIN),
      'close',
      'root-cause',
      'performance',
      T0 + 10 * MIN,
    );
    s = done(s, 'close', T0 + 11 * MIN);
    const v = deriveRunView(T, s.run, T0 + 5 * H);
    expect(v.closed).toBe(true);
    expect(v.nextDueAt).toBeUndefined();
    expect(v.breached).toBe(false);
    expect(v.clocks.map((c) => c.state)).toEqual(['stopped', 'stopped']);
    expect(v.clocks.map((c) => c.stoppedAt)).toEqual([T0 + 11 * MIN, T0 + 11 * MIN]);
  });
});

describe('clockAlarmTimes', () => {
  it('returns the future reminder and due instants, earliest first', () => {
    let s = withPlan('paid');
    s = withSeverity('SEV1', T0 + 10 * MIN, s);
    expect(clockAlarmTimes(T, s.run, T0 + 11 * MIN)).toEqual([
      {
        clockId: 'status-page',
        label: 'Next status-page update',
        kind: 'reminder',
        at: T0 + 25 * MIN,
        dueAt: T0 + 40 * MIN,
      },
      {
        clockId: 'status-page',
        label: 'Next status-page update',
        kind: 'due',
        at: T0 + 40 * MIN,
        dueAt: T0 + 40 * MIN,
      },
      {
        clockId: 'first-response',
        label: 'First response',
        kind: 'reminder',
        at: T0 + 45 * MIN,
        dueAt: T0 + H,
      },
      {
        clockId: 'first-response',
        label: 'First response',
        kind: 'due',
        at: T0 + H,
        dueAt: T0 + H,
      },
    ]);
    // Past instants are left out.
    expect(clockAlarmTimes(T, s.run, T0 + 50 * MIN).map((a) => [a.clockId, a.kind])).toEqual([
      ['first-response', 'due'],
    ]);
  });

  it('has nothing for paused, met or closed clocks', () => {
    const s = done(withPlan('paid'), 'acknowledge', T0 + 5 * MIN);
    expect(clockAlarmTimes(T, s.run, T0 + 6 * MIN)).toEqual([]);
    const p = step(
      withPlan('paid'),
      { type: 'pause-clock', clockId: 'first-response' },
      T0 + 5 * MIN,
    );
    expect(clockAlarmTimes(T, p.run, T0 + 6 * MIN)).toEqual([]);
  });
});
