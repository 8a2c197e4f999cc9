import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../time/business-hours';
import { IcsError, parseIcsHolidays } from './ics';

const fixture = readFileSync(
  resolve(import.meta.dirname, '../../tests/fixtures/ics/holidays-us.ics'),
  'utf8',
);

describe('parseIcsHolidays', () => {
  it('reads all-day, multi-day, yearly and folded events from a calendar export', () => {
    const { holidays, skipped } = parseIcsHolidays(fixture);
    expect(holidays).toEqual([
      { date: '2026-11-26', name: 'Thanksgiving, and the day after' },
      { date: '2026-11-27', name: 'Thanksgiving, and the day after' },
      { date: '2026-12-25', name: 'Christmas Day', yearly: true },
      { date: '2027-01-01', name: "New Year's Day", yearly: true },
    ]);
    expect(skipped).toEqual([
      {
        summary: 'Columbus Day',
        reason:
          'its yearly rule uses BYDAY=2MO, which Casebook does not expand; add those dates one by one',
      },
      {
        summary: 'Team party',
        reason: 'it is a timed event; only all-day events are read as holidays',
      },
    ]);
  });

  it('feeds a schedule: a yearly holiday closes the office in later years too', () => {
    const { holidays } = parseIcsHolidays(fixture);
    const schedule = {
      id: 'us',
      name: 'US',
      timeZone: 'America/New_York',
      week: {
        thu: [{ from: '09:00', to: '17:00' }],
        fri: [{ from: '09:00', to: '17:00' }],
        mon: [{ from: '09:00', to: '17:00' }],
      },
      holidays,
    };
    // Thu 24 Dec 2037 10:00 EST + 1 business day: Fri 25 Dec is Christmas → Mon 28 Dec 10:00.
    expect(
      new Date(addBusinessDays(schedule, Date.parse('2037-12-24T15:00:00Z'), 1) ?? 0).toISOString(),
    ).toBe('2037-12-28T15:00:00.000Z');
  });

  it('rejects a file that is not iCalendar with a clear error', () => {
    expect(() => parseIcsHolidays('date,name\n2026-12-25,Christmas')).toThrow(IcsError);
    expect(() => parseIcsHolidays('date,name')).toThrow(/not an iCalendar file/);
  });

  it('skips events it cannot read as dates instead of guessing', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:Broken',
      'DTSTART;VALUE=DATE:20261332',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:Weekly',
      'DTSTART;VALUE=DATE:20261201',
      'RRULE:FREQ=WEEKLY',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const { holidays, skipped } = parseIcsHolidays(text);
    expect(holidays).toEqual([]);
    expect(skipped.map((s) => s.summary)).toEqual(['Broken', 'Weekly']);
    expect(skipped[1]?.reason).toBe('repeats WEEKLY, not yearly');
  });
});
