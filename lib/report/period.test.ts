import { describe, expect, it } from 'vitest';
import { resolvePeriod, thisMonth } from './period';
import { median, percentile } from './stats';

describe('report periods', () => {
  it('starts days at the reader’s midnight across a DST change (New York, November 2026)', () => {
    const p = resolvePeriod({
      from: '2026-11-01',
      to: '2026-11-30',
      timeZone: 'America/New_York',
      unit: 'week',
    });
    // Nov 1 00:00 EDT = 04:00 UTC; Dec 1 00:00 EST = 05:00 UTC.
    expect(p.from).toBe(Date.UTC(2026, 10, 1, 4));
    expect(p.to).toBe(Date.UTC(2026, 11, 1, 5));
    expect(p.buckets[1]).toEqual({
      start: Date.UTC(2026, 10, 2, 5),
      end: Date.UTC(2026, 10, 9, 5),
      label: '2026-11-02',
    });
    expect(p.previous).toMatchObject({ fromDay: '2026-10-01', toDay: '2026-10-31' });
  });

  it('compares a range of days with as many days before it, and whole months with months', () => {
    const days = resolvePeriod({
      from: '2026-03-10',
      to: '2026-03-16',
      timeZone: 'UTC',
      unit: 'week',
    });
    expect(days.previous).toMatchObject({ fromDay: '2026-03-03', toDay: '2026-03-09' });
    const quarter = resolvePeriod({
      from: '2026-04-01',
      to: '2026-06-30',
      timeZone: 'UTC',
      unit: 'month',
    });
    expect(quarter.buckets.map((b) => b.label)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(quarter.previous).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-03-31' });
  });

  it('refuses a period that ends before it starts, or a day that does not exist', () => {
    const base = { timeZone: 'UTC', unit: 'week' as const };
    expect(() => resolvePeriod({ ...base, from: '2026-05-02', to: '2026-05-01' })).toThrow(
      /before it starts/,
    );
    expect(() => resolvePeriod({ ...base, from: '2026-02-30', to: '2026-03-01' })).toThrow(
      /not a date/,
    );
  });

  it('defaults to the month containing now, in the reader’s zone', () => {
    // 2026-12-01 03:00 UTC is still November in Los Angeles.
    expect(thisMonth(Date.UTC(2026, 11, 1, 3), 'America/Los_Angeles')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
});

describe('median and p90', () => {
  it('takes the mean of the middle two, and the nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
  });
});
