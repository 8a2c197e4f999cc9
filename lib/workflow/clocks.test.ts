import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { clockAlarmTimes, deriveRunView } from './derive';
import type { WorkflowTemplate } from './schema';
import { done, message, scenario, setField, step, type Scenario } from './testing';

const MIN = 60_000;
const H = 60 * MIN;
const utc = (iso: string) => Date.parse(iso);

/** The default policy with the team in New York. */
const NY: WorkflowTemplate = {
  ...DEFAULT_TEMPLATE,
  policy: {
    ...DEFAULT_TEMPLATE.policy,
    sla: {
      ...DEFAULT_TEMPLATE.policy.sla!,
      schedules: [{ ...DEFAULT_TEMPLATE.policy.sla!.schedules[0]!, timeZone: 'America/New_York' }],
    },
  },
};

function open(createdAt: number, plan = 'paid', template = NY): Scenario {
  const s = scenario({ createdAt }, template);
  return setField({ ...s, now: createdAt }, 'verify-account', 'plan', plan, createdAt + MIN);
}

const clockOf = (s: Scenario, id: string, now: number, t = NY) =>
  deriveRunView(t, s.run, now).clocks.find((c) => c.id === id);

describe('first response in business hours (Mon–Fri 09:00–17:00 New York)', () => {
  // Friday 2026-12-04 18:00 EST = 23:00Z, after closing.
  const friday = utc('2026-12-04T23:00:00Z');

  it('a ticket opened Friday evening is not breached on Saturday and breaches Monday 10:00', () => {
    const s = open(friday);
    const saturday = clockOf(s, 'first-response', utc('2026-12-05T17:00:00Z'));
    expect(saturday).toMatchObject({ state: 'running', time: 'business' });
    expect(saturday?.dueAt).toBe(utc('2026-12-07T15:00:00Z'));
    // 75 % of 60 business minutes: Monday 09:45.
    expect(saturday?.warnAt).toBe(utc('2026-12-07T14:45:00Z'));
    expect(clockOf(s, 'first-response', utc('2026-12-07T14:50:00Z'))?.state).toBe('due-soon');
    expect(clockOf(s, 'first-response', utc('2026-12-07T14:59:59Z'))?.state).toBe('due-soon');
    expect(clockOf(s, 'first-response', utc('2026-12-07T15:00:00Z'))?.state).toBe('breached');
  });

  it('alarms at the warning and at the breach, not during the weekend', () => {
    const s = open(friday);
    expect(
      clockAlarmTimes(NY, s.run, utc('2026-12-05T12:00:00Z'))
        .filter((a) => a.clockId === 'first-response')
        .map((a) => [a.kind, new Date(a.at).toISOString()]),
    ).toEqual([
      ['reminder', '2026-12-07T14:45:00.000Z'],
      ['due', '2026-12-07T15:00:00.000Z'],
    ]);
  });

  it('is met by the public reply appearing, not by the step being ticked or an internal note', () => {
    let s = open(friday);
    s = done(s, 'acknowledge', friday + 5 * MIN);
    expect(clockOf(s, 'first-response', friday + 10 * MIN)?.state).toBe('running');
    s = message(s, 'n1', 'note', friday + 20 * MIN);
    expect(clockOf(s, 'first-response', friday + 30 * MIN)?.state).toBe('running');
    s = message(s, 'a1', 'agent', utc('2026-12-07T14:30:00Z'));
    expect(clockOf(s, 'first-response', utc('2026-12-07T16:00:00Z'))).toMatchObject({
      state: 'met',
      stoppedAt: utc('2026-12-07T14:30:00Z'),
    });
  });

  it('SEV1 is answered around the clock (calendar time)', () => {
    const s = setField(open(friday), 'assign-severity', 'severity', 'SEV1', friday + 2 * MIN);
    expect(clockOf(s, 'first-response', friday + 3 * MIN)).toMatchObject({
      time: 'calendar',
      dueAt: friday + H,
    });
  });
});

describe('next response', () => {
  const monday = utc('2026-12-07T14:00:00Z'); // 09:00 EST

  it('starts when the customer writes after a reply, stops at the next reply, and cycles', () => {
    let s = open(monday);
    s = message(s, 'c1', 'customer', monday);
    expect(clockOf(s, 'next-response', monday + MIN)).toBeUndefined();
    s = message(s, 'a1', 'agent', monday + 30 * MIN);
    s = message(s, 'c2', 'customer', monday + H);
    // Enterprise/paid: 4 business hours from 10:00 → 14:00 EST.
    expect(clockOf(s, 'next-response', monday + H + MIN)).toMatchObject({
      state: 'running',
      cycle: 1,
      dueAt: monday + 5 * H,
    });
    s = message(s, 'a2', 'agent', monday + 2 * H);
    expect(clockOf(s, 'next-response', monday + 3 * H)).toMatchObject({ state: 'met', cycle: 1 });
    // 16:00 EST: 1 h today, 3 h Tuesday → Tue 12:00 EST.
    s = message(s, 'c3', 'customer', monday + 7 * H);
    expect(clockOf(s, 'next-response', monday + 7 * H)).toMatchObject({
      state: 'running',
      cycle: 2,
      dueAt: utc('2026-12-08T17:00:00Z'),
    });
  });

  it('ignores a message reported twice (same id)', () => {
    let s = open(monday);
    s = message(s, 'a1', 'agent', monday + 10 * MIN);
    const revision = s.run.revision;
    s = message(s, 'a1', 'agent', monday + 50 * MIN);
    expect(s.run.revision).toBe(revision);
    expect(s.run.messages?.map((m) => m.at)).toEqual([monday + 10 * MIN]);
  });
});

describe('waiting on the customer', () => {
  const monday = utc('2026-12-07T14:00:00Z');

  it('pauses resolution while the helpdesk status is pending, across closing time', () => {
    let s = open(monday);
    s = setField(s, 'assign-severity', 'severity', 'SEV3', monday + 2 * MIN);
    // SEV3: 5 business days = 40 business hours → due Fri 11 Dec 17:00 EST.
    expect(clockOf(s, 'resolution', monday + 3 * MIN)?.dueAt).toBe(utc('2026-12-11T22:00:00Z'));
    const pendingAt = utc('2026-12-07T21:00:00Z'); // Mon 16:00 EST
    s = step(
      s,
      { type: 'update-ticket', ticket: { ...s.run.ticket, status: 'Pending' } },
      pendingAt,
    );
    expect(clockOf(s, 'resolution', utc('2026-12-08T15:00:00Z'))?.state).toBe('paused');
    const openAt = utc('2026-12-08T15:00:00Z'); // Tue 10:00 EST: paused 16:00–10:00 = 2 business hours
    s = step(s, { type: 'update-ticket', ticket: { ...s.run.ticket, status: 'Open' } }, openAt);
    expect(clockOf(s, 'resolution', openAt + MIN)).toMatchObject({
      state: 'running',
      dueAt: utc('2026-12-14T16:00:00Z'),
    });
  });

  it('pauses from asking for artifacts until the customer answers', () => {
    let s = open(monday);
    s = setField(s, 'assign-severity', 'severity', 'SEV3', monday + 2 * MIN);
    s = message(s, 'a1', 'agent', monday + 5 * MIN);
    s = step(
      s,
      { type: 'set-step-status', stepId: 'request-artifacts', status: 'done' },
      monday + H,
    );
    expect(clockOf(s, 'resolution', monday + 2 * H)?.state).toBe('paused');
    s = message(s, 'c1', 'customer', monday + 3 * H);
    expect(clockOf(s, 'resolution', monday + 3 * H + MIN)).toMatchObject({
      state: 'running',
      dueAt: utc('2026-12-14T16:00:00Z'),
    });
  });
});

describe('closed runs keep their record', () => {
  it('a first response that breached stays breached with its times after closing', () => {
    const sat = utc('2026-12-05T15:00:00Z');
    let s = open(sat, 'paid', DEFAULT_TEMPLATE);
    const due = utc('2026-12-07T10:00:00Z'); // UTC team schedule
    s = message(s, 'a1', 'agent', due + 2 * H);
    const closed = { ...s.run, closedAt: due + 3 * H };
    const view = deriveRunView(DEFAULT_TEMPLATE, closed, due + 4 * H);
    expect(view.clocks.find((c) => c.id === 'first-response')).toMatchObject({
      state: 'breached',
      dueAt: due,
      stoppedAt: due + 2 * H,
    });
    expect(view.clocks.find((c) => c.id === 'resolution')?.state).toBe('met');
    expect(view.nextDueAt).toBeUndefined();
  });
});

describe('business-day scheduling', () => {
  it('the follow-up call is due within one business day of the customer saying it is not fixed', () => {
    let s = open(utc('2026-12-03T14:00:00Z'));
    const friday6pm = utc('2026-12-04T23:00:00Z');
    s = setField(s, 'confirm-fix', 'confirmation', 'not-fixed', friday6pm);
    expect(clockOf(s, 'follow-up-call', friday6pm + MIN)).toMatchObject({
      label: 'Follow-up call',
      state: 'running',
      // Outside hours → the end of the next business day: Monday 17:00 EST.
      dueAt: utc('2026-12-07T22:00:00Z'),
    });
  });
});
