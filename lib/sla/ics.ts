/**
 * Holidays from an iCalendar (.ics) file, as support leads export them from
 * Google Calendar, Outlook or a public-holiday feed. A deliberately small
 * subset of RFC 5545: VEVENTs with an all-day DTSTART (VALUE=DATE), an
 * optional DTEND or DURATION in days, SUMMARY, and RRULE:FREQ=YEARLY on the
 * same month and day. Anything else (timed events, "4th Thursday" rules,
 * COUNT/UNTIL limits) is listed as skipped with the reason, never guessed.
 */
import type { Holiday } from '../time/business-hours';

export interface IcsSkipped {
  summary: string;
  reason: string;
}

export interface IcsHolidays {
  holidays: Holiday[];
  skipped: IcsSkipped[];
}

export class IcsError extends Error {}

/** A multi-day event longer than this is a vacation block, not holidays: skipped. */
const MAX_EVENT_DAYS = 31;

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length > 0) {
      lines[lines.length - 1] += raw.slice(1);
    } else if (raw.trim() !== '') {
      lines.push(raw);
    }
  }
  return lines;
}

function parseProperty(line: string): Property | undefined {
  // The value starts after the first colon that is not inside a quoted parameter.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [name = '', ...paramParts] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    if (eq > 0) params[part.slice(0, eq).toUpperCase()] = part.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

const DAY = 86_400_000;

/** "20261225" → "2026-12-25", or undefined when it is not a valid date. */
function isoDate(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date ? undefined : date;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** Why an RRULE cannot be read as "every year on this date", or undefined when it can. */
function unsupportedRule(rule: string, start: string): string | undefined {
  const parts = new Map(
    rule.split(';').map((p) => {
      const [k = '', v = ''] = p.split('=');
      return [k.toUpperCase(), v.toUpperCase()] as const;
    }),
  );
  if (parts.get('FREQ') !== 'YEARLY') return `repeats ${parts.get('FREQ') ?? '?'}, not yearly`;
  for (const key of parts.keys()) {
    if (key === 'FREQ' || key === 'WKST') continue;
    if (key === 'INTERVAL' && parts.get(key) === '1') continue;
    if (key === 'BYMONTH' && Number(parts.get(key)) === Number(start.slice(5, 7))) continue;
    if (key === 'BYMONTHDAY' && Number(parts.get(key)) === Number(start.slice(8, 10))) continue;
    return `its yearly rule uses ${key}=${parts.get(key)}, which Casebook does not expand; add those dates one by one`;
  }
  return undefined;
}

function eventHolidays(props: Property[]): Holiday[] | IcsSkipped {
  const get = (name: string) => props.find((p) => p.name === name);
  const summary = unescapeText(get('SUMMARY')?.value ?? '').trim() || 'Holiday';
  const dtstart = get('DTSTART');
  if (!dtstart) return { summary, reason: 'it has no DTSTART' };
  const start = isoDate(dtstart.value);
  if (!start || (dtstart.params.VALUE && dtstart.params.VALUE.toUpperCase() !== 'DATE')) {
    return { summary, reason: 'it is a timed event; only all-day events are read as holidays' };
  }
  let days = 1;
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend) {
    const end = isoDate(dtend.value);
    if (!end) return { summary, reason: `its DTEND "${dtend.value}" is not a date` };
    days = daysBetween(start, end);
  } else if (duration) {
    const m = /^P(\d+)D$/i.exec(duration.value) ?? /^P(\d+)W$/i.exec(duration.value);
    if (!m) return { summary, reason: `its DURATION "${duration.value}" is not whole days` };
    days = Number(m[1]) * (/W$/i.test(duration.value) ? 7 : 1);
  }
  if (days < 1) return { summary, reason: 'it ends before it starts' };
  if (days > MAX_EVENT_DAYS) return { summary, reason: `it lasts ${days} days (over 31)` };
  const rrule = get('RRULE');
  const problem = rrule ? unsupportedRule(rrule.value, start) : undefined;
  if (problem) return { summary, reason: problem };
  return Array.from({ length: days }, (_, i) => ({
    date: addDays(start, i),
    name: summary.slice(0, 200),
    ...(rrule ? { yearly: true } : {}),
  }));
}

/** Read the holidays of an .ics text. Throws IcsError when it is not an iCalendar file. */
export function parseIcsHolidays(text: string): IcsHolidays {
  const lines = unfold(text);
  if (!lines[0] || lines[0].trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    throw new IcsError('This is not an iCalendar file: it does not start with BEGIN:VCALENDAR.');
  }
  const holidays: Holiday[] = [];
  const skipped: IcsSkipped[] = [];
  let event: Property[] | undefined;
  for (const line of lines) {
    const prop = parseProperty(line);
    if (!prop) continue;
    if (prop.name === 'BEGIN' && prop.value.toUpperCase() === 'VEVENT') event = [];
    else if (prop.name === 'END' && prop.value.toUpperCase() === 'VEVENT') {
      if (event) {
        const result = eventHolidays(event);
        if (Array.isArray(result)) holidays.push(...result);
        else skipped.push(result);
      }
      event = undefined;
    } else if (event) event.push(prop);
  }
  const seen = new Set<string>();
  const unique = holidays
    .sort((a, b) => a.date.localeCompare(b.date))
    .filter((h) => {
      const key = `${h.yearly ? h.date.slice(5) : h.date}|${h.yearly ?? false}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { holidays: unique, skipped };
}
