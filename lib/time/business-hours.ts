/**
 * Business-time arithmetic on a team schedule: which instants count toward an
 * SLA target, how much counted time lies between two instants, and when a
 * target is reached. Plain TypeScript with `Intl` only (the panel in the
 * content script formats "due in 2 business hours" with it); the zod schema
 * for schedules is in lib/sla/schema.ts.
 *
 * Opening hours are wall-clock times in the schedule's zone, converted day by
 * day with `zonedToInstant`, so a DST change shortens or lengthens that day's
 * hours exactly as the office clock does (09:00–17:00 stays 09:00–17:00; an
 * opening time inside a spring-forward gap moves forward, as in zoned.ts).
 */
import { instantToZoned, zonedToInstant } from './zoned';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "09:00"–"17:00"; `to` may be "24:00" (midnight at the end of the day). */
export interface OpenRange {
  from: string;
  to: string;
}

export interface Holiday {
  /** Local date in the schedule's zone, YYYY-MM-DD. */
  date: string;
  name: string;
  /** The same month and day every year (iCalendar RRULE:FREQ=YEARLY). */
  yearly?: boolean;
}

export interface Schedule {
  id: string;
  name: string;
  timeZone: string;
  week: Partial<Record<Weekday, OpenRange[]>>;
  holidays: Holiday[];
}

/** A half-open span of instants [from, to); `to` may be Infinity. */
export interface Interval {
  from: number;
  to: number;
}

const DAY = 86_400_000;
/** Walks never look further than this many local days (a schedule open one day a year still fits). */
const MAX_DAYS = 3 * 366;

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since the epoch of a YYYY-MM-DD civil date. */
function civilDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

function civilDate(day: number): string {
  const d = new Date(day * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isHoliday(schedule: Schedule, date: string): boolean {
  const monthDay = date.slice(5);
  return schedule.holidays.some((h) =>
    h.yearly ? h.date.slice(5) === monthDay && h.date <= date : h.date === date,
  );
}

/** Per-schedule cache of each local day's open instants (zone conversion is the costly part). */
const dayCache = new WeakMap<Schedule, Map<number, Interval[]>>();

/** The instants the schedule is open on one local day, in order. */
export function openIntervalsOnDay(schedule: Schedule, day: number): Interval[] {
  let cache = dayCache.get(schedule);
  if (!cache) {
    cache = new Map();
    dayCache.set(schedule, cache);
  }
  const hit = cache.get(day);
  if (hit) return hit;
  const date = civilDate(day);
  const weekday = WEEKDAYS[new Date(day * DAY).getUTCDay()] as Weekday;
  const out: Interval[] = [];
  if (!isHoliday(schedule, date)) {
    const at = (d: string, time: string) =>
      zonedToInstant({ local: `${d}T${time}`, timeZone: schedule.timeZone }).epochMs;
    for (const range of schedule.week[weekday] ?? []) {
      const from = at(date, range.from);
      const to = range.to === '24:00' ? at(civilDate(day + 1), '00:00') : at(date, range.to);
      if (to > from) out.push({ from, to });
    }
    out.sort((a, b) => a.from - b.from);
  }
  if (cache.size > 2000) cache.clear();
  cache.set(day, out);
  return out;
}

/** The local day (days since epoch) an instant falls on in the schedule's zone. */
export function localDayOf(schedule: Pick<Schedule, 'timeZone'>, at: number): number {
  return civilDay(instantToZoned(at, schedule.timeZone).local.slice(0, 10));
}

/**
 * Counting windows from `from` onward, in order: the schedule's open hours, or
 * all time when there is no schedule (calendar time).
 */
export function* countingWindows(
  schedule: Schedule | undefined,
  from: number,
): Generator<Interval> {
  if (!schedule) {
    yield { from, to: Infinity };
    return;
  }
  // Start a day early: a range ending at 24:00 belongs to the day before.
  const first = localDayOf(schedule, from) - 1;
  for (let day = first; day < first + MAX_DAYS; day += 1) {
    for (const w of openIntervalsOnDay(schedule, day)) {
      if (w.to <= from) continue;
      yield { from: Math.max(w.from, from), to: w.to };
    }
  }
}

/** Sorted, merged pause intervals (open pauses run to Infinity). */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ ...i });
  }
  return out;
}

/** `window` minus the (normalized) pauses. */
function subtract(window: Interval, pauses: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = window.from;
  for (const p of pauses) {
    if (p.to <= cursor) continue;
    if (p.from >= window.to) break;
    if (p.from > cursor) out.push({ from: cursor, to: Math.min(p.from, window.to) });
    cursor = Math.max(cursor, p.to);
    if (cursor >= window.to) break;
  }
  if (cursor < window.to) out.push({ from: cursor, to: window.to });
  return out;
}

/** Counted milliseconds in [from, to): open hours (or all time) minus pauses. */
export function countedMs(
  schedule: Schedule | undefined,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): number {
  if (to <= from) return 0;
  const merged = normalizeIntervals(pauses);
  let total = 0;
  for (const w of countingWindows(schedule, from)) {
    if (w.from >= to) break;
    for (const part of subtract({ from: w.from, to: Math.min(w.to, to) }, merged)) {
      total += part.to - part.from;
    }
  }
  return total;
}

/**
 * The instant at which `targetMs` of counted time has passed since `start`,
 * or undefined when it never will (an open pause, or no open hours within
 * the walk's horizon).
 */
export function reachTarget(
  schedule: Schedule | undefined,
  start: number,
  targetMs: number,
  pauses: readonly Interval[] = [],
): number | undefined {
  const merged = normalizeIntervals(pauses);
  let left = targetMs;
  for (const w of countingWindows(schedule, start)) {
    for (const part of subtract(w, merged)) {
      const length = part.to - part.from;
      if (length >= left) return part.from + left;
      left -= length;
    }
    // A pause that never ends swallows everything after it.
    const last = merged[merged.length - 1];
    if (last && last.to === Infinity && last.from <= w.to) return undefined;
  }
  return undefined;
}

/** Whether the schedule is open at an instant. */
export function isOpenAt(schedule: Schedule, at: number): boolean {
  const day = localDayOf(schedule, at);
  return [day - 1, day].some((d) =>
    openIntervalsOnDay(schedule, d).some((w) => w.from <= at && at < w.to),
  );
}

/**
 * "Within N business days": from inside open hours, the same wall-clock time
 * on the Nth next open day (capped at that day's close); from outside open
 * hours, the close of the Nth open day from here (today counts when it has
 * not opened yet). Friday 10:00 + 1 → Monday 10:00; Friday 18:00 + 1 →
 * Monday 17:00; Monday 08:00 + 1 → Monday 17:00.
 */
export function addBusinessDays(
  schedule: Schedule,
  from: number,
  days: number,
): number | undefined {
  const today = localDayOf(schedule, from);
  const open = isOpenAt(schedule, from);
  const timeOfDay = instantToZoned(from, schedule.timeZone).local.slice(11, 16);
  let counted = 0;
  for (let day = today; day < today + MAX_DAYS; day += 1) {
    const windows = openIntervalsOnDay(schedule, day);
    const last = windows[windows.length - 1];
    if (!last) continue;
    if (day === today && (open || last.to <= from)) continue;
    counted += 1;
    if (counted < days) continue;
    if (!open) return last.to;
    const sameTime = zonedToInstant({
      local: `${civilDate(day)}T${timeOfDay}`,
      timeZone: schedule.timeZone,
    }).epochMs;
    return Math.min(Math.max(sameTime, windows[0]?.from ?? sameTime), last.to);
  }
  return undefined;
}
