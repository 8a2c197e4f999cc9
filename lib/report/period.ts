/**
 * Report periods: calendar days in the reader's time zone, turned into UTC
 * instants with DST-correct zone arithmetic, split into weeks (Monday first)
 * or months, and the previous period to compare with.
 */
import { instantToZoned, zonedToInstant } from '../time/zoned';

export type BucketUnit = 'week' | 'month';

export interface PeriodInput {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
  timeZone: string;
  unit: BucketUnit;
}

export interface Bucket {
  start: number;
  end: number;
  /** `2026-11` or `2026-11-02` (a week's first day inside the period). */
  label: string;
}

export interface Period {
  from: number;
  /** Exclusive: midnight after the last day. */
  to: number;
  fromDay: string;
  toDay: string;
  buckets: Bucket[];
  previous: { from: number; to: number; fromDay: string; toDay: string };
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: string): [number, number, number] {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`"${day}" is not a date (YYYY-MM-DD).`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`"${day}" is not a date.`);
  }
  return [y, mo, d];
}

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function addMonths(day: string, n: number): string {
  const [y, m] = parseDay(day);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parseDay(a);
  const [yb, mb, db] = parseDay(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** Midnight at the start of `day` in `timeZone`. */
export function startOfDay(day: string, timeZone: string): number {
  parseDay(day);
  return zonedToInstant({ local: `${day}T00:00`, timeZone }).epochMs;
}

/** The calendar day of an instant in `timeZone`. */
export function dayOf(epochMs: number, timeZone: string): string {
  return instantToZoned(epochMs, timeZone).local.slice(0, 10);
}

function isWholeMonths(from: string, to: string): boolean {
  return from.endsWith('-01') && addDays(to, 1).endsWith('-01');
}

/** The month containing `now`, as the default period. */
export function thisMonth(now: number, timeZone: string): { from: string; to: string } {
  const today = dayOf(now, timeZone);
  const from = `${today.slice(0, 7)}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

export function resolvePeriod(input: PeriodInput): Period {
  const { from: fromDay, to: toDay, timeZone, unit } = input;
  const length = daysBetween(fromDay, toDay) + 1;
  if (length < 1) throw new RangeError('The period ends before it starts.');
  if (length > 3 * 366) throw new RangeError('Choose a period of at most three years.');
  const from = startOfDay(fromDay, timeZone);
  const to = startOfDay(addDays(toDay, 1), timeZone);

  const boundaries: string[] = [fromDay];
  if (unit === 'month') {
    for (let d = addMonths(fromDay, 1); daysBetween(d, toDay) >= 0; d = addMonths(d, 1)) {
      boundaries.push(d);
    }
  } else {
    const [y, m, d] = parseDay(fromDay);
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
    for (let w = addDays(fromDay, 7 - weekday); daysBetween(w, toDay) >= 0; w = addDays(w, 7)) {
      boundaries.push(w);
    }
  }
  const buckets: Bucket[] = boundaries.map((day, i) => {
    const next = boundaries[i + 1];
    return {
      start: startOfDay(day, timeZone),
      end: next === undefined ? to : startOfDay(next, timeZone),
      label: unit === 'month' ? day.slice(0, 7) : day,
    };
  });

  let prevFrom: string;
  let prevTo: string;
  if (isWholeMonths(fromDay, toDay)) {
    const months =
      (Number(toDay.slice(0, 4)) - Number(fromDay.slice(0, 4))) * 12 +
      Number(toDay.slice(5, 7)) -
      Number(fromDay.slice(5, 7)) +
      1;
    prevFrom = addMonths(fromDay, -months);
    prevTo = addDays(fromDay, -1);
  } else {
    prevFrom = addDays(fromDay, -length);
    prevTo = addDays(fromDay, -1);
  }
  return {
    from,
    to,
    fromDay,
    toDay,
    buckets,
    previous: {
      from: startOfDay(prevFrom, timeZone),
      to: from,
      fromDay: prevFrom,
      toDay: prevTo,
    },
  };
}
