/**
 * Times as a customer reads them in a message: in their own zone, said once
 * ("Fri 4 Dec, 10:00 Lisbon time"). When their zone is unknown the time is in
 * UTC and says so once ("Fri 4 Dec, 10:00 UTC"), never "10:00 UTC (10:00 UTC)".
 * The year is written only when it is not the year of `now` in that zone.
 */
import type { ZonedDateTime } from '../workflow/schema';
import { formatOffset, isValidTimeZone, offsetMinutesAt, zonedToInstant } from './zoned';

const UTC_NAMES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/UCT',
  'Etc/GMT',
  'Etc/Zulu',
  'GMT',
  'UCT',
  'Zulu',
]);

const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(epochMs: number, timeZone: string): Record<string, string> {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(epochMs))) out[p.type] = p.value;
  // Some engines still print midnight as "24" even with h23.
  if (out.hour === '24') out.hour = '00';
  return out;
}

/**
 * How a customer names their zone: "Lisbon time", "New York time",
 * "UTC". Fixed-offset zones (Etc/GMT+5) by their offset, "UTC-05:00".
 */
export function zoneLabel(timeZone: string, at: number): string {
  if (UTC_NAMES.has(timeZone)) return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  if (timeZone.startsWith('Etc/') || !timeZone.includes('/')) {
    return `UTC${formatOffset(offsetMinutesAt(at, timeZone))}`;
  }
  return `${city.replace(/_/g, ' ')} time`;
}

/** The customer's zone when it is a zone this runtime knows; undefined otherwise. */
export function knownZone(timeZone: string | undefined): string | undefined {
  return timeZone !== undefined && isValidTimeZone(timeZone) ? timeZone : undefined;
}

/**
 * "Fri 4 Dec, 10:00 Lisbon time" (zone known), "Fri 4 Dec, 10:00 UTC" (zone
 * unknown or invalid), "Thu 4 Dec 2025, 10:00 …" when not this year.
 */
export function formatCustomerTime(
  epochMs: number,
  customerTimeZone: string | undefined,
  now: number,
): string {
  const zone = knownZone(customerTimeZone) ?? 'UTC';
  const p = partsIn(epochMs, zone);
  const sameYear = partsIn(now, zone).year === p.year;
  const date = `${p.weekday} ${p.day} ${p.month}${sameYear ? '' : ` ${p.year}`}`;
  return `${date}, ${p.hour}:${p.minute} ${zoneLabel(zone, epochMs)}`;
}

/**
 * A wall-clock value ({local, timeZone}, as entered for the customer) in the
 * customer's zone. A value whose own zone is unknown cannot be converted: it
 * is written as entered, with its zone name once.
 */
export function formatCustomerZoned(
  value: ZonedDateTime,
  customerTimeZone: string | undefined,
  now: number,
): string {
  let epochMs: number;
  try {
    epochMs = zonedToInstant(value).epochMs;
  } catch {
    return `${value.local.replace('T', ' ')} ${value.timeZone}`;
  }
  return formatCustomerTime(epochMs, customerTimeZone, now);
}
