import { describe, expect, it } from 'vitest';
import { formatCustomerTime, formatCustomerZoned, knownZone, zoneLabel } from './customer-time';

/** 2026-12-04 10:00 UTC, a Friday. */
const DEC_4_10_UTC = Date.UTC(2026, 11, 4, 10, 0);
const NOW = Date.UTC(2026, 11, 3, 9, 0);

describe('formatCustomerTime', () => {
  it('Lisbon in winter is UTC+0: the Lisbon time, said once', () => {
    expect(formatCustomerTime(DEC_4_10_UTC, 'Europe/Lisbon', NOW)).toBe(
      'Fri 4 Dec, 10:00 Lisbon time',
    );
  });

  it('Lisbon in summer is UTC+1', () => {
    expect(formatCustomerTime(Date.UTC(2026, 6, 3, 10, 0), 'Europe/Lisbon', NOW)).toBe(
      'Fri 3 Jul, 11:00 Lisbon time',
    );
  });

  it('New York is five hours behind in December', () => {
    expect(formatCustomerTime(DEC_4_10_UTC, 'America/New_York', NOW)).toBe(
      'Fri 4 Dec, 05:00 New York time',
    );
  });

  it('Tokyo crosses into the next day', () => {
    expect(formatCustomerTime(Date.UTC(2026, 11, 4, 18, 30), 'Asia/Tokyo', NOW)).toBe(
      'Sat 5 Dec, 03:30 Tokyo time',
    );
  });

  it('an unknown zone falls back to UTC, said once', () => {
    for (const zone of [undefined, 'Mars/Olympus_Mons', '', ' Europe/Lisbon']) {
      const text = formatCustomerTime(DEC_4_10_UTC, zone, NOW);
      expect(text).toBe('Fri 4 Dec, 10:00 UTC');
      expect(text.match(/UTC/g)).toHaveLength(1);
    }
  });

  it('a UTC customer reads "UTC" once, not "UTC time"', () => {
    expect(formatCustomerTime(DEC_4_10_UTC, 'UTC', NOW)).toBe('Fri 4 Dec, 10:00 UTC');
    expect(formatCustomerTime(DEC_4_10_UTC, 'Etc/UTC', NOW)).toBe('Fri 4 Dec, 10:00 UTC');
  });

  it('US spring-forward: the minute before and after the gap', () => {
    // 2026-03-08 06:59 UTC = 01:59 EST; 07:00 UTC = 03:00 EDT.
    expect(formatCustomerTime(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York', NOW)).toBe(
      'Sun 8 Mar, 01:59 New York time',
    );
    expect(formatCustomerTime(Date.UTC(2026, 2, 8, 7, 0), 'America/New_York', NOW)).toBe(
      'Sun 8 Mar, 03:00 New York time',
    );
  });

  it('EU fall-back: 01:30 UTC on 2026-10-25 is 01:30 in Lisbon (back from 02:30 WEST)', () => {
    expect(formatCustomerTime(Date.UTC(2026, 9, 25, 0, 30), 'Europe/Lisbon', NOW)).toBe(
      'Sun 25 Oct, 01:30 Lisbon time',
    );
    expect(formatCustomerTime(Date.UTC(2026, 9, 25, 1, 30), 'Europe/Lisbon', NOW)).toBe(
      'Sun 25 Oct, 01:30 Lisbon time',
    );
  });

  it('writes the year only when it is not the current one in that zone', () => {
    expect(formatCustomerTime(Date.UTC(2025, 11, 4, 10, 0), 'Europe/Lisbon', NOW)).toBe(
      'Thu 4 Dec 2025, 10:00 Lisbon time',
    );
    // New Year's Eve in New York is already next year in Tokyo.
    const nyEve = Date.UTC(2026, 11, 31, 20, 0);
    expect(formatCustomerTime(nyEve, 'Asia/Tokyo', NOW)).toBe('Fri 1 Jan 2027, 05:00 Tokyo time');
    expect(formatCustomerTime(nyEve, 'America/New_York', NOW)).toBe(
      'Thu 31 Dec, 15:00 New York time',
    );
  });
});

describe('formatCustomerZoned', () => {
  it('a time entered in the customer zone reads back as entered', () => {
    expect(
      formatCustomerZoned(
        { local: '2026-12-04T10:00', timeZone: 'Europe/Lisbon' },
        'Europe/Lisbon',
        NOW,
      ),
    ).toBe('Fri 4 Dec, 10:00 Lisbon time');
  });

  it('a time entered in another zone is converted to the customer zone', () => {
    expect(
      formatCustomerZoned(
        { local: '2026-12-04T10:00', timeZone: 'America/New_York' },
        'Asia/Tokyo',
        NOW,
      ),
    ).toBe('Sat 5 Dec, 00:00 Tokyo time');
  });

  it('a time inside the US spring-forward gap reads as the clock showed it (03:30)', () => {
    expect(
      formatCustomerZoned(
        { local: '2026-03-08T02:30', timeZone: 'America/New_York' },
        'America/New_York',
        NOW,
      ),
    ).toBe('Sun 8 Mar, 03:30 New York time');
  });

  it('a value whose own zone is unknown is written as entered, zone once', () => {
    expect(
      formatCustomerZoned({ local: '2026-12-04T10:00', timeZone: 'Mars/Base' }, undefined, NOW),
    ).toBe('2026-12-04 10:00 Mars/Base');
  });
});

describe('zoneLabel and knownZone', () => {
  it('names cities with spaces and fixed offsets by offset', () => {
    expect(zoneLabel('America/Argentina/Buenos_Aires', NOW)).toBe('Buenos Aires time');
    expect(zoneLabel('Etc/GMT+5', NOW)).toBe('UTC-05:00');
  });

  it('knows IANA zones only', () => {
    expect(knownZone('Europe/Lisbon')).toBe('Europe/Lisbon');
    expect(knownZone('Europe/Nowhere')).toBeUndefined();
    expect(knownZone(undefined)).toBeUndefined();
  });
});
