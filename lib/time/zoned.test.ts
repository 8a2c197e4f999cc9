import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeAdjustment,
  formatOffset,
  formatUtc,
  formatZoned,
  instantToZoned,
  isValidTimeZone,
  offsetMinutesAt,
  toUtcIso,
  zonedToInstant,
} from './zoned';

const utc = (iso: string): number => Date.parse(iso);
const at = (local: string, timeZone: string) => zonedToInstant({ local, timeZone });

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC', 'Etc/GMT+5']) {
      expect(isValidTimeZone(tz), tz).toBe(true);
    }
  });
  it('rejects unknown names, empty and padded strings', () => {
    for (const tz of ['Mars/Olympus_Mons', '', ' ', ' Europe/Berlin', 'EST5EDT/Nope', 'GMT+99']) {
      expect(isValidTimeZone(tz), JSON.stringify(tz)).toBe(false);
    }
  });
});

describe('zonedToInstant: ordinary times', () => {
  it('converts winter and summer times in New York', () => {
    expect(at('2026-01-15T09:00', 'America/New_York')).toEqual({
      epochMs: utc('2026-01-15T14:00:00Z'),
      offsetMinutes: -300,
      adjustment: 'none',
    });
    expect(at('2026-07-15T09:00', 'America/New_York').epochMs).toBe(utc('2026-07-15T13:00:00Z'));
  });

  it('handles half-hour and 45-minute zones', () => {
    expect(at('2026-03-08T02:30', 'Asia/Kolkata').epochMs).toBe(utc('2026-03-07T21:00:00Z'));
    expect(at('2026-03-08T02:30', 'Asia/Kolkata').offsetMinutes).toBe(330);
    expect(at('2026-06-01T12:00', 'Asia/Kathmandu').offsetMinutes).toBe(345);
    // Adelaide: +10:30 in (southern) summer, +09:30 in winter.
    expect(at('2026-01-10T12:00', 'Australia/Adelaide')).toMatchObject({
      epochMs: utc('2026-01-10T01:30:00Z'),
      offsetMinutes: 630,
    });
    expect(at('2026-07-10T12:00', 'Australia/Adelaide')).toMatchObject({
      epochMs: utc('2026-07-10T02:30:00Z'),
      offsetMinutes: 570,
    });
  });

  it('accepts seconds', () => {
    expect(at('2026-01-15T09:00:42', 'Europe/Berlin').epochMs).toBe(utc('2026-01-15T08:00:42Z'));
  });

  it('crosses the date line into the previous UTC day', () => {
    expect(at('2026-01-01T00:15', 'Pacific/Auckland').epochMs).toBe(utc('2025-12-31T11:15:00Z'));
  });
});

describe('zonedToInstant: spring-forward gaps shift forward', () => {
  it('US: 2026-03-08 02:30 New York does not exist → 03:30 EDT = 07:30 UTC', () => {
    const r = at('2026-03-08T02:30', 'America/New_York');
    expect(r).toEqual({
      epochMs: utc('2026-03-08T07:30:00Z'),
      offsetMinutes: -240,
      adjustment: 'gap-shifted-forward',
    });
    expect(instantToZoned(r.epochMs, 'America/New_York').local).toBe('2026-03-08T03:30');
  });

  it('the minutes either side of the US gap are ordinary', () => {
    expect(at('2026-03-08T01:59', 'America/New_York')).toMatchObject({
      epochMs: utc('2026-03-08T06:59:00Z'),
      adjustment: 'none',
    });
    expect(at('2026-03-08T03:00', 'America/New_York')).toMatchObject({
      epochMs: utc('2026-03-08T07:00:00Z'),
      adjustment: 'none',
    });
    // 02:00 itself is in the gap: it maps to the same instant as 03:00.
    expect(at('2026-03-08T02:00', 'America/New_York')).toMatchObject({
      epochMs: utc('2026-03-08T07:00:00Z'),
      adjustment: 'gap-shifted-forward',
    });
  });

  it('EU: 2026-03-29 02:30 Berlin does not exist → 03:30 CEST = 01:30 UTC', () => {
    expect(at('2026-03-29T02:30', 'Europe/Berlin')).toEqual({
      epochMs: utc('2026-03-29T01:30:00Z'),
      offsetMinutes: 120,
      adjustment: 'gap-shifted-forward',
    });
    // London changes at 01:00 local.
    expect(at('2026-03-29T01:30', 'Europe/London')).toMatchObject({
      epochMs: utc('2026-03-29T01:30:00Z'),
      adjustment: 'gap-shifted-forward',
    });
  });

  it('southern hemisphere: Sydney springs forward in October', () => {
    expect(at('2026-10-04T02:30', 'Australia/Sydney')).toEqual({
      epochMs: utc('2026-10-03T16:30:00Z'),
      offsetMinutes: 660,
      adjustment: 'gap-shifted-forward',
    });
  });

  it('half-hour zone with DST: Adelaide 02:30 on 2026-10-04 does not exist', () => {
    expect(at('2026-10-04T02:30', 'Australia/Adelaide')).toEqual({
      epochMs: utc('2026-10-03T17:00:00Z'),
      offsetMinutes: 630,
      adjustment: 'gap-shifted-forward',
    });
  });

  it('Lord Howe shifts by only 30 minutes', () => {
    // 02:00 → 02:30 on 2026-10-04; 02:15 does not exist.
    const r = at('2026-10-04T02:15', 'Australia/Lord_Howe');
    expect(r.adjustment).toBe('gap-shifted-forward');
    expect(instantToZoned(r.epochMs, 'Australia/Lord_Howe').local).toBe('2026-10-04T02:45');
  });

  it('a skipped whole day (Samoa, 2011-12-30) shifts forward by 24 hours', () => {
    const r = at('2011-12-30T12:00', 'Pacific/Apia');
    expect(r.adjustment).toBe('gap-shifted-forward');
    expect(instantToZoned(r.epochMs, 'Pacific/Apia').local).toBe('2011-12-31T12:00');
  });
});

describe('zonedToInstant: fall-back overlaps take the earlier instant', () => {
  it('US: 2026-11-01 01:30 New York happened twice → 01:30 EDT = 05:30 UTC', () => {
    expect(at('2026-11-01T01:30', 'America/New_York')).toEqual({
      epochMs: utc('2026-11-01T05:30:00Z'),
      offsetMinutes: -240,
      adjustment: 'overlap-earlier',
    });
  });

  it('EU: 2026-10-25 02:30 Berlin happened twice → 02:30 CEST = 00:30 UTC', () => {
    expect(at('2026-10-25T02:30', 'Europe/Berlin')).toEqual({
      epochMs: utc('2026-10-25T00:30:00Z'),
      offsetMinutes: 120,
      adjustment: 'overlap-earlier',
    });
    expect(at('2026-10-25T03:00', 'Europe/Berlin')).toMatchObject({
      epochMs: utc('2026-10-25T02:00:00Z'),
      adjustment: 'none',
    });
  });

  it('southern hemisphere: Adelaide falls back in April', () => {
    expect(at('2026-04-05T02:30', 'Australia/Adelaide')).toEqual({
      epochMs: utc('2026-04-04T16:00:00Z'),
      offsetMinutes: 630,
      adjustment: 'overlap-earlier',
    });
  });

  it('Santiago (Chile) falls back at midnight in April', () => {
    const r = at('2026-04-04T23:30', 'America/Santiago');
    expect(r.adjustment).toBe('overlap-earlier');
    expect(r.offsetMinutes).toBe(-180);
  });
});

describe('instantToZoned', () => {
  it('gives the wall clock of an instant', () => {
    expect(instantToZoned(utc('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual({
      local: '2026-03-08T03:30',
      timeZone: 'America/New_York',
    });
    expect(instantToZoned(utc('2026-11-01T06:30:00Z'), 'America/New_York').local).toBe(
      '2026-11-01T01:30',
    );
    expect(instantToZoned(utc('2026-03-07T21:00:00Z'), 'Asia/Kolkata').local).toBe(
      '2026-03-08T02:30',
    );
    expect(instantToZoned(utc('2026-01-01T00:00:05Z'), 'UTC').local).toBe('2026-01-01T00:00:05');
  });

  it('prints midnight as 00, never 24', () => {
    expect(instantToZoned(utc('2026-06-01T04:00:00Z'), 'America/New_York').local).toBe(
      '2026-06-01T00:00',
    );
  });

  it('round-trips every existing, unambiguous local minute (property)', () => {
    const zones = [
      'America/New_York',
      'Europe/Berlin',
      'Europe/London',
      'Australia/Adelaide',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/Sao_Paulo',
      'Pacific/Auckland',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({
          min: utc('1990-01-01T00:00:00Z') / 60_000,
          max: utc('2040-01-01T00:00:00Z') / 60_000,
        }),
        fc.constantFrom(...zones),
        (minute, tz) => {
          const epochMs = minute * 60_000;
          const z = instantToZoned(epochMs, tz);
          const back = zonedToInstant(z);
          if (back.adjustment === 'overlap-earlier') {
            // The second occurrence maps to the first: an hour (or the DST delta) earlier.
            expect(back.epochMs).toBeLessThanOrEqual(epochMs);
          } else {
            expect(back.adjustment).toBe('none');
            expect(back.epochMs).toBe(epochMs);
          }
          expect(back.offsetMinutes).toBe(offsetMinutesAt(back.epochMs, tz));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects an unknown zone and a non-finite instant', () => {
    expect(() => instantToZoned(0, 'Nowhere/Special')).toThrow(/Unknown time zone/);
    expect(() => instantToZoned(Number.NaN, 'UTC')).toThrow(/finite/);
  });
});

describe('bad input', () => {
  it('rejects malformed and impossible local times with a clear message', () => {
    for (const local of ['2026-3-8T02:30', '2026-03-08 02:30', '2026-03-08T2:30', 'yesterday']) {
      expect(() => at(local, 'UTC'), local).toThrow(/expected YYYY-MM-DDTHH:mm/);
    }
    for (const local of [
      '2026-02-29T10:00',
      '2026-13-01T10:00',
      '2026-04-31T10:00',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
    ]) {
      expect(() => at(local, 'UTC'), local).toThrow(/no such date or time/);
    }
    expect(at('2028-02-29T10:00', 'UTC').epochMs).toBe(utc('2028-02-29T10:00:00Z'));
  });
  it('rejects unknown zones', () => {
    expect(() => at('2026-01-01T10:00', 'America/Springfield')).toThrow(
      'Unknown time zone "America/Springfield"',
    );
  });
});

describe('formatting', () => {
  it('formats the spec example', () => {
    expect(formatZoned({ local: '2026-03-08T02:30', timeZone: 'America/New_York' })).toBe(
      '2026-03-08 02:30 America/New_York (07:30 UTC)',
    );
  });
  it('repeats the UTC date when it differs from the local date', () => {
    expect(formatZoned({ local: '2026-03-08T23:30', timeZone: 'America/New_York' })).toBe(
      '2026-03-08 23:30 America/New_York (2026-03-09 03:30 UTC)',
    );
    expect(formatZoned({ local: '2026-03-08T02:30', timeZone: 'Asia/Kolkata' })).toBe(
      '2026-03-08 02:30 Asia/Kolkata (2026-03-07 21:00 UTC)',
    );
  });
  it('keeps seconds when given', () => {
    expect(formatZoned({ local: '2026-01-15T09:00:42', timeZone: 'Europe/Berlin' })).toBe(
      '2026-01-15 09:00:42 Europe/Berlin (08:00:42 UTC)',
    );
  });
  it('formats offsets, UTC and ISO', () => {
    expect(formatOffset(330)).toBe('+05:30');
    expect(formatOffset(-240)).toBe('-04:00');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-570)).toBe('-09:30');
    expect(toUtcIso(utc('2026-03-08T07:30:00.999Z'))).toBe('2026-03-08T07:30:00Z');
    expect(formatUtc(utc('2026-03-08T07:30:00Z'))).toBe('2026-03-08 07:30 UTC');
  });
  it('explains gap and overlap adjustments, and nothing otherwise', () => {
    expect(describeAdjustment({ local: '2026-03-08T02:30', timeZone: 'America/New_York' })).toBe(
      '2026-03-08 02:30 did not exist in America/New_York (clocks went forward); read as 2026-03-08 03:30 (UTC-04:00).',
    );
    expect(describeAdjustment({ local: '2026-11-01T01:30', timeZone: 'America/New_York' })).toBe(
      '2026-11-01 01:30 happened twice in America/New_York (clocks went back); read as the first one (UTC-04:00).',
    );
    expect(describeAdjustment({ local: '2026-11-01T12:30', timeZone: 'America/New_York' })).toBe(
      undefined,
    );
  });
});
