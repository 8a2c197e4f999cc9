import { describe, expect, it } from 'vitest';
import { zoneFromPageText } from './page-zone';

describe('zoneFromPageText', () => {
  it.each([
    ['Fri, 10:12 Europe/Paris', 'Europe/Paris'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Thu, 10:14 CET', 'CET'],
    ['Thu, 11:14 CEST', 'CET'],
    ['10:14 EEST', 'EET'],
    ['(GMT+01:00) Amsterdam', 'Europe/Amsterdam'],
    ['(GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['Tue 9:05 AM · Lisbon', 'Europe/Lisbon'],
    ['New York', 'America/New_York'],
    ['Thu, 04:14 (GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['14:00 UTC', 'UTC'],
  ])('%s → %s', (text, zone) => {
    expect(zoneFromPageText(text)).toBe(zone);
  });

  it.each([
    ['a time only', '10:14 AM'],
    ['an offset only', 'GMT+1'],
    ['a fixed offset in parentheses', '(GMT+01:00)'],
    ['US abbreviations (no summer rules, EST ≠ EDT)', 'Thu, 10:14 EST'],
    ['an ambiguous abbreviation', '15:44 IST'],
    ["GMT (London's winter name)", 'Thu, 10:14 GMT'],
    ['an unknown zone name', 'Mars/Olympus_Mons'],
    ['a place that is no zone', 'Springfield'],
    ['nothing', ''],
  ])('%s gives nothing', (_why, text) => {
    expect(zoneFromPageText(text)).toBeUndefined();
  });
});
