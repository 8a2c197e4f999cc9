import { describe, expect, it } from 'vitest';
import type { ClockView } from '../../lib/workflow/view';
import {
  clockChipText,
  clockTitle,
  effectiveClockState,
  timeTitle,
  formatAgo,
  formatRemaining,
  mostUrgentClock,
  railClockDetail,
} from './clock-format';

const MIN = 60_000;

function clock(over: Partial<ClockView>): ClockView {
  return {
    id: 'first-response',
    label: 'First response',
    kind: 'deadline',
    state: 'running',
    startedAt: 0,
    dueAt: 60 * MIN,
    remainingMs: 60 * MIN,
    stoppedAt: undefined,
    targetMinutes: 60,
    ...over,
  };
}

describe('formatRemaining / formatAgo', () => {
  it('uses mm:ss under an hour, hours and minutes under a day, days beyond', () => {
    expect(formatRemaining(59 * MIN + 59_999)).toBe('59:59');
    expect(formatRemaining(5_000)).toBe('00:05');
    expect(formatRemaining(60 * MIN)).toBe('1h 00m');
    expect(formatRemaining(3 * 60 * MIN + 5 * MIN)).toBe('3h 05m');
    expect(formatRemaining(50 * 60 * MIN)).toBe('2d 2h');
    expect(formatRemaining(-5)).toBe('00:00');
  });
  it('says how long ago', () => {
    expect(formatAgo(30_000)).toBe('just now');
    expect(formatAgo(12 * MIN)).toBe('12m ago');
    expect(formatAgo(125 * MIN)).toBe('2h 5m ago');
    expect(formatAgo(25 * 60 * MIN)).toBe('1d 1h ago');
  });
});

describe('clockChipText', () => {
  it('recomputes running → due-soon → breached from dueAt and now', () => {
    const c = clock({});
    expect(clockChipText(c, 10 * MIN, 15)).toMatchObject({
      state: 'running',
      tone: 'ok',
      detail: '50:00 left',
    });
    expect(clockChipText(c, 50 * MIN, 15)).toMatchObject({
      state: 'due-soon',
      tone: 'warn',
      detail: '10:00 left',
    });
    expect(clockChipText(c, 72 * MIN, 15)).toMatchObject({
      state: 'breached',
      tone: 'danger',
      detail: 'breached 12m ago',
    });
  });
  it('describes paused, met and stopped clocks in words', () => {
    expect(
      clockChipText(clock({ state: 'paused', remainingMs: 20 * MIN }), 999 * MIN, 15).detail,
    ).toBe('paused, 20:00 left');
    expect(
      clockChipText(clock({ state: 'met', stoppedAt: 30 * MIN }), 999 * MIN, 15),
    ).toMatchObject({
      tone: 'ok',
      detail: 'met',
    });
    expect(clockChipText(clock({ state: 'stopped' }), 0, 15).stateLabel).toBe('Stopped');
  });
});

describe('mostUrgentClock', () => {
  it('prefers breached, then the soonest due', () => {
    const a = clock({ id: 'a', dueAt: 100 * MIN });
    const b = clock({ id: 'b', dueAt: 40 * MIN });
    const met = clock({ id: 'm', state: 'met', dueAt: 1 * MIN });
    expect(mostUrgentClock([a, b, met], 0, 15)?.id).toBe('b');
    expect(mostUrgentClock([a, b, met], 45 * MIN, 15)?.id).toBe('b');
    const breachedLater = clock({ id: 'c', dueAt: 44 * MIN });
    expect(mostUrgentClock([a, breachedLater], 45 * MIN, 15)?.id).toBe('c');
    expect(mostUrgentClock([], 0, 15)).toBeUndefined();
  });
});

describe('business-time wording in the agent’s zone', () => {
  const schedule = {
    id: 'ny',
    name: 'New York',
    timeZone: 'America/New_York',
    week: {
      mon: [{ from: '09:00', to: '17:00' }],
      tue: [{ from: '09:00', to: '17:00' }],
      wed: [{ from: '09:00', to: '17:00' }],
      thu: [{ from: '09:00', to: '17:00' }],
      fri: [{ from: '09:00', to: '17:00' }],
    },
    holidays: [],
  };
  const base: ClockView = {
    id: 'first-response',
    label: 'First response',
    kind: 'deadline',
    state: 'running',
    startedAt: Date.parse('2026-12-04T23:00:00Z'),
    // Monday 10:00 EST
    dueAt: Date.parse('2026-12-07T15:00:00Z'),
    remainingMs: undefined,
    stoppedAt: undefined,
    targetMinutes: 60,
    time: 'business',
    schedule,
    warnAt: Date.parse('2026-12-07T14:45:00Z'),
  };

  it('counts business time over the weekend and shows the due time where the agent is', () => {
    const saturday = Date.parse('2026-12-05T17:00:00Z');
    expect(clockChipText(base, saturday, 15, 'America/New_York').detail).toBe(
      'due in 1 business hour (Mon 10:00)',
    );
    // An agent in Berlin sees the same instant on their own clock.
    expect(clockChipText(base, saturday, 15, 'Europe/Berlin').detail).toBe(
      'due in 1 business hour (Mon 16:00)',
    );
  });

  it('follows the agent’s DST change separately from the schedule’s', () => {
    // Fri 27 Mar 2026 16:00 EDT; due Monday 30 Mar 10:00 EDT = 14:00Z. Berlin moved to CEST on the 29th.
    const clock = {
      ...base,
      dueAt: Date.parse('2026-03-30T14:00:00Z'),
      warnAt: undefined,
    };
    expect(
      clockChipText(clock, Date.parse('2026-03-27T20:00:00Z'), 15, 'Europe/Berlin').detail,
    ).toBe('due in 2 business hours (Mon 16:00)');
  });

  it('warns at 75 % of the target, not by the lead time', () => {
    expect(effectiveClockState(base, Date.parse('2026-12-07T14:44:00Z'), 15)).toBe('running');
    expect(effectiveClockState(base, Date.parse('2026-12-07T14:45:00Z'), 15)).toBe('due-soon');
    expect(effectiveClockState(base, Date.parse('2026-12-07T15:00:00Z'), 15)).toBe('breached');
  });

  it('a clock stopped after its due time reads breached, with how late', () => {
    const stopped = {
      ...base,
      state: 'breached' as const,
      stoppedAt: Date.parse('2026-12-07T17:00:00Z'),
    };
    expect(
      clockChipText(stopped, Date.parse('2026-12-08T12:00:00Z'), 15, 'America/New_York'),
    ).toMatchObject({
      state: 'breached',
      detail: 'breached, 2h 0m late (due Mon 10:00)',
    });
  });
});

describe('hover text: agent zone, then UTC', () => {
  const now = Date.parse('2026-12-04T17:00:00Z');
  const due = Date.parse('2026-12-04T18:10:00Z');

  it('names the wall time in each agent zone and UTC once', () => {
    expect(timeTitle(due, now, 'America/New_York')).toBe(
      'Fri 13:10 your time · 2026-12-04 18:10 UTC',
    );
    expect(timeTitle(due, now, 'Asia/Tokyo')).toBe('Sat 03:10 your time · 2026-12-04 18:10 UTC');
    expect(timeTitle(due, now, 'Europe/Lisbon')).toBe('Fri 18:10 your time · 2026-12-04 18:10 UTC');
  });

  it('across the US fall-back night the wall time follows the zone (EDT, then EST)', () => {
    // 2026-11-01 05:30 UTC = 01:30 EDT; 06:30 UTC = 01:30 EST: both read 01:30, UTC tells them apart.
    const at = Date.parse('2026-11-01T05:30:00Z');
    expect(timeTitle(at, at, 'America/New_York')).toBe(
      'Sun 01:30 your time · 2026-11-01 05:30 UTC',
    );
    expect(timeTitle(at + 3_600_000, at, 'America/New_York')).toBe(
      'Sun 01:30 your time · 2026-11-01 06:30 UTC',
    );
  });

  it('a clock without a due time has no time in its title', () => {
    const c: ClockView = {
      id: 'x',
      label: 'Status page',
      kind: 'cadence',
      state: 'stopped',
      startedAt: now,
      dueAt: undefined,
      remainingMs: undefined,
      stoppedAt: now,
      targetMinutes: 30,
    };
    expect(clockTitle(c, clockChipText(c, now, 15, 'UTC'), now, 'UTC')).toBe(
      'Status page: Stopped',
    );
  });
});

describe('railClockDetail', () => {
  it('keeps the time short for the 72 px rail: no repeated state word, no wall time', () => {
    expect(railClockDetail('breached, 16m late (due Tue 24 Nov 15:03)')).toBe('16m late');
    expect(railClockDetail('breached 3h 5m ago')).toBe('3h 5m ago');
    expect(railClockDetail('paused, 2h 10m left')).toBe('2h 10m left');
    expect(railClockDetail('2h 10m left (14:03)')).toBe('2h 10m left');
    expect(railClockDetail('due in 14 business hours 10 min (Tue 14:03)')).toBe(
      'in 14 business hours 10 min',
    );
  });
});
