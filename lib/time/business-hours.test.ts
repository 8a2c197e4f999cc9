import { describe, expect, it } from 'vitest';
import { addBusinessDays, countedMs, isOpenAt, reachTarget, type Schedule } from './business-hours';

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const weekdays9to5 = {
  mon: [{ from: '09:00', to: '17:00' }],
  tue: [{ from: '09:00', to: '17:00' }],
  wed: [{ from: '09:00', to: '17:00' }],
  thu: [{ from: '09:00', to: '17:00' }],
  fri: [{ from: '09:00', to: '17:00' }],
};
const newYork: Schedule = {
  id: 'ny',
  name: 'New York',
  timeZone: 'America/New_York',
  week: weekdays9to5,
  holidays: [{ date: '2020-12-25', name: 'Christmas Day', yearly: true }],
};
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('reachTarget on Mon–Fri 09:00–17:00 New York', () => {
  it('skips the weekend: Friday 18:00 + 4 business hours is Monday 13:00', () => {
    // Fri 2026-12-04 18:00 EST = 23:00Z
    expect(iso(reachTarget(newYork, utc('2026-12-04T23:00:00Z'), 4 * HOUR))).toBe(
      '2026-12-07T18:00:00.000Z',
    );
  });

  it('a weekday evening waits for the next morning: Tuesday 19:30 + 4 h is Wednesday 13:00', () => {
    // Tue 2026-12-01 19:30 EST = Wed 00:30Z; opens Wed 09:00 EST = 14:00Z.
    expect(iso(reachTarget(newYork, utc('2026-12-02T00:30:00Z'), 4 * HOUR))).toBe(
      '2026-12-02T18:00:00.000Z',
    );
  });

  it('carries the rest of Friday into Monday: Friday 16:00 + 4 h is Monday 12:00', () => {
    expect(iso(reachTarget(newYork, utc('2026-12-04T21:00:00Z'), 4 * HOUR))).toBe(
      '2026-12-07T17:00:00.000Z',
    );
  });

  it('starts counting at opening for a ticket created on Saturday night', () => {
    expect(iso(reachTarget(newYork, utc('2026-12-06T03:00:00Z'), HOUR))).toBe(
      '2026-12-07T15:00:00.000Z',
    );
  });

  it('skips a yearly holiday: Thu 24 Dec 16:30 + 4 h is Mon 28 Dec 12:30', () => {
    expect(iso(reachTarget(newYork, utc('2026-12-24T21:30:00Z'), 4 * HOUR))).toBe(
      '2026-12-28T17:30:00.000Z',
    );
  });

  it('follows the spring-forward change in the schedule zone (EST Friday → EDT Monday)', () => {
    // Fri 2026-03-06 16:00 EST (21:00Z) + 2 h: 1 h Friday, Monday 09:00–10:00 EDT (14:00Z)
    expect(iso(reachTarget(newYork, utc('2026-03-06T21:00:00Z'), 2 * HOUR))).toBe(
      '2026-03-09T14:00:00.000Z',
    );
  });

  it('follows the fall-back change (EDT Friday → EST Monday)', () => {
    expect(iso(reachTarget(newYork, utc('2026-10-30T20:00:00Z'), 2 * HOUR))).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });

  it('moves the due time by a pause that spans closing time', () => {
    // Mon 09:00 EST start, 4 h target; paused Mon 12:00 → Tue 10:00: 3 h Monday, 1 h Tuesday after resuming.
    const start = utc('2026-12-07T14:00:00Z');
    const pause = { from: utc('2026-12-07T17:00:00Z'), to: utc('2026-12-08T15:00:00Z') };
    expect(iso(reachTarget(newYork, start, 4 * HOUR, [pause]))).toBe('2026-12-08T16:00:00.000Z');
    expect(countedMs(newYork, start, utc('2026-12-08T16:00:00Z'), [pause])).toBe(4 * HOUR);
  });

  it('has no due time while a pause is open', () => {
    const start = utc('2026-12-07T14:00:00Z');
    expect(reachTarget(newYork, start, 4 * HOUR, [{ from: start + HOUR, to: Infinity }])).toBe(
      undefined,
    );
  });

  it('counts calendar time without a schedule', () => {
    expect(iso(reachTarget(undefined, utc('2026-12-04T23:00:00Z'), 4 * HOUR))).toBe(
      '2026-12-05T03:00:00.000Z',
    );
  });
});

describe('countedMs', () => {
  it('counts 0 over a weekend and 8 h per open day', () => {
    expect(countedMs(newYork, utc('2026-12-05T00:00:00Z'), utc('2026-12-07T00:00:00Z'))).toBe(0);
    expect(countedMs(newYork, utc('2026-12-07T05:00:00Z'), utc('2026-12-09T05:00:00Z'))).toBe(
      16 * HOUR,
    );
  });

  it('counts a 23-hour day when a round-the-clock schedule meets spring forward', () => {
    const allDay: Schedule = {
      ...newYork,
      id: 'all',
      week: { sun: [{ from: '00:00', to: '24:00' }] },
      holidays: [],
    };
    expect(countedMs(allDay, utc('2026-03-08T00:00:00Z'), utc('2026-03-10T00:00:00Z'))).toBe(
      23 * HOUR,
    );
  });

  it('handles a Europe/Berlin schedule across its own DST change (29 March 2026)', () => {
    const berlin: Schedule = { ...newYork, id: 'ber', timeZone: 'Europe/Berlin', holidays: [] };
    // Fri 27 Mar 16:00 CET (15:00Z) + 2 h → Mon 30 Mar 10:00 CEST (08:00Z)
    expect(iso(reachTarget(berlin, utc('2026-03-27T15:00:00Z'), 2 * HOUR))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });
});

describe('addBusinessDays', () => {
  it('from open hours: the same time on the next business day', () => {
    // Fri 10:00 EST → Mon 10:00 EST
    expect(iso(addBusinessDays(newYork, utc('2026-12-04T15:00:00Z'), 1))).toBe(
      '2026-12-07T15:00:00.000Z',
    );
  });

  it('after closing: the end of the next business day', () => {
    expect(iso(addBusinessDays(newYork, utc('2026-12-04T23:00:00Z'), 1))).toBe(
      '2026-12-07T22:00:00.000Z',
    );
  });

  it('before opening: the end of the same day', () => {
    expect(iso(addBusinessDays(newYork, utc('2026-12-07T13:00:00Z'), 1))).toBe(
      '2026-12-07T22:00:00.000Z',
    );
  });

  it('skips holidays', () => {
    expect(iso(addBusinessDays(newYork, utc('2026-12-24T15:00:00Z'), 1))).toBe(
      '2026-12-28T15:00:00.000Z',
    );
  });
});

describe('isOpenAt', () => {
  it('is closed on a holiday and open on a working afternoon', () => {
    expect(isOpenAt(newYork, utc('2026-12-25T17:00:00Z'))).toBe(false);
    expect(isOpenAt(newYork, utc('2026-12-23T17:00:00Z'))).toBe(true);
  });
});
