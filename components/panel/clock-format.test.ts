import { describe, expect, it } from 'vitest';
import type { ClockView } from '../../lib/workflow/view';
import { clockChipText, formatAgo, formatRemaining, mostUrgentClock } from './clock-format';

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
