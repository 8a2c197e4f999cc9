/**
 * Wall-clock times in a named time zone, converted to and from UTC instants
 * with nothing but `Intl` (no tz database package).
 *
 * Customers report "it broke at 2:30 my time"; log search needs the instant.
 * Two local times need a rule because the mapping local → instant is not a
 * function around DST changes:
 *
 * - Spring-forward gap (the local time never existed, e.g. 02:30 on
 *   2026-03-08 in New York): we read it with the offset in force *before* the
 *   change, which lands the instant after the gap — 02:30 EST = 07:30 UTC,
 *   shown on the clock as 03:30 EDT. The clock is shifted forward by the
 *   length of the gap. (Same as Temporal's `disambiguation: 'compatible'`.)
 * - Fall-back overlap (the local time happened twice, e.g. 01:30 on
 *   2026-11-01 in New York): we take the earlier of the two instants, i.e.
 *   the offset in force before the change (01:30 EDT = 05:30 UTC).
 *
 * `zonedToInstant` reports which rule applied so a view can say so.
 */
import type { ZonedDateTime } from '../workflow/schema';

export type ZonedAdjustment = 'none' | 'gap-shifted-forward' | 'overlap-earlier';

export interface ZonedInstant {
  /** Milliseconds since the epoch (UTC). */
  epochMs: number;
  /** The zone's offset from UTC at that instant, in minutes (New York in winter: -300). */
  offsetMinutes: number;
  adjustment: ZonedAdjustment;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

/** True for an IANA zone name this runtime knows (and for "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '' || timeZone !== timeZone.trim()) {
    return false;
  }
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin`);
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields of an instant in a zone. */
function localPartsAt(epochMs: number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  let year = Number(get('year'));
  // Years before 1 CE come back as "1 BC"-style; proleptic year 0 is 1 BC.
  if (/^b/i.test(get('era'))) year = 1 - year;
  const hour = Number(get('hour'));
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    // Some engines still print midnight as "24" even with h23.
    hour: hour === 24 ? 0 : hour,
    minute: Number(get('minute')),
    second: Number(get('second')),
  };
}

/** Local wall-clock fields read as if they were UTC: a number to compare and subtract. */
function partsToNaiveMs(p: LocalParts): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, 0);
  return d.getTime();
}

/** The zone's UTC offset in minutes at an instant. */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  assertTimeZone(timeZone);
  const whole = Math.floor(epochMs / 1000) * 1000;
  return Math.round((partsToNaiveMs(localPartsAt(whole, timeZone)) - whole) / MINUTE);
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function parseLocal(local: string): LocalParts {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`Invalid local time "${local}": expected YYYY-MM-DDTHH:mm`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new RangeError(`Invalid local time "${local}": no such date or time`);
  }
  return { year, month, day, hour, minute, second };
}

/**
 * The UTC instant of a wall-clock time in a zone. Gap and overlap rules are
 * described at the top of this file. Throws RangeError on a malformed local
 * time or an unknown zone.
 */
export function zonedToInstant(z: ZonedDateTime): ZonedInstant {
  assertTimeZone(z.timeZone);
  const naive = partsToNaiveMs(parseLocal(z.local));
  // Offsets a day either side bracket any single transition near this time
  // (offsets are within ±14 h, so these instants are safely before / after it).
  const before = offsetMinutesAt(naive - DAY, z.timeZone);
  const after = offsetMinutesAt(naive + DAY, z.timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset * MINUTE)
    .filter((t) => partsToNaiveMs(localPartsAt(t, z.timeZone)) === naive)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) {
    const epochMs = naive - before * MINUTE;
    return {
      epochMs,
      offsetMinutes: offsetMinutesAt(epochMs, z.timeZone),
      adjustment: 'gap-shifted-forward',
    };
  }
  return {
    epochMs: first,
    offsetMinutes: offsetMinutesAt(first, z.timeZone),
    adjustment: candidates.length > 1 ? 'overlap-earlier' : 'none',
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatLocalParts(p: LocalParts, withSeconds: boolean): string {
  const base = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
  return withSeconds ? `${base}:${pad(p.second)}` : base;
}

/**
 * The wall-clock time of an instant in a zone. Seconds are included only when
 * they are not zero, so whole-minute values round-trip through the
 * `YYYY-MM-DDTHH:mm` form the repro field stores.
 */
export function instantToZoned(epochMs: number, timeZone: string): ZonedDateTime {
  assertTimeZone(timeZone);
  if (!Number.isFinite(epochMs)) throw new RangeError('Invalid instant: not a finite number');
  const p = localPartsAt(epochMs, timeZone);
  return { local: formatLocalParts(p, p.second !== 0), timeZone };
}

/** "+05:30", "-04:00", "+00:00". */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-03-08T07:30:00Z": UTC ISO without milliseconds, as log-search tools expect. */
export function toUtcIso(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** "2026-03-08 07:30 UTC". */
export function formatUtc(epochMs: number): string {
  const iso = toUtcIso(epochMs);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * "2026-03-08 02:30 America/New_York (07:30 UTC)": the time as the customer
 * said it, then the instant in UTC. The UTC date is repeated when it differs
 * from the local date ("… (2026-03-09 04:30 UTC)") so nobody searches the
 * wrong day. The local part is what was entered, even inside a DST gap; the
 * UTC part follows the gap rule above.
 */
export function formatZoned(z: ZonedDateTime): string {
  const { epochMs } = zonedToInstant(z);
  const local = parseLocal(z.local);
  const localText = `${formatLocalParts(local, false).replace('T', ' ')}${
    local.second !== 0 ? `:${pad(local.second)}` : ''
  }`;
  const iso = toUtcIso(epochMs);
  const utcDate = iso.slice(0, 10);
  const utcTime = iso.slice(11, local.second !== 0 ? 19 : 16);
  const sameDay = utcDate === localText.slice(0, 10);
  return `${localText} ${z.timeZone} (${sameDay ? '' : `${utcDate} `}${utcTime} UTC)`;
}

/** A sentence explaining a gap/overlap adjustment, or undefined when there was none. */
export function describeAdjustment(z: ZonedDateTime): string | undefined {
  const r = zonedToInstant(z);
  if (r.adjustment === 'none') return undefined;
  const wall = instantToZoned(r.epochMs, z.timeZone).local.replace('T', ' ');
  const time = z.local.replace('T', ' ');
  if (r.adjustment === 'gap-shifted-forward') {
    return `${time} did not exist in ${z.timeZone} (clocks went forward); read as ${wall} (UTC${formatOffset(r.offsetMinutes)}).`;
  }
  return `${time} happened twice in ${z.timeZone} (clocks went back); read as the first one (UTC${formatOffset(r.offsetMinutes)}).`;
}
