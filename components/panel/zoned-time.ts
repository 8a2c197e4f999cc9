/**
 * The customer's wall-clock time in their zone, shown as UTC too. Conversion
 * is lib/time/zoned's; this adds the zone list for the picker.
 */
import { agentTimeZone } from './clock-format';
import {
  describeAdjustment,
  formatUtc,
  isValidTimeZone,
  zonedToInstant,
} from '../../lib/time/zoned';

/** Used only where the runtime lacks Intl.supportedValuesOf. */
const FALLBACK_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Helsinki',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/**
 * Engines list CLDR-canonical names, which are often the old spellings
 * ("Asia/Calcutta", "Europe/Kiev"); agents look for the current IANA ones.
 */
const CURRENT_NAMES = [
  'Asia/Kolkata',
  'Europe/Kyiv',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'America/Nuuk',
  'Atlantic/Faroe',
  'Pacific/Kanton',
];

let cachedZones: string[] | undefined;

/** Every zone the picker offers, sorted, "UTC" first. */
export function supportedTimeZones(): string[] {
  if (cachedZones) return cachedZones;
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  let listed: string[] = [];
  try {
    listed = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    // Older engines throw for unknown keys; the fallback list covers them.
  }
  const base = listed.length > 0 ? listed : FALLBACK_ZONES;
  const all = new Set([...base, ...CURRENT_NAMES.filter(isValidTimeZone)]);
  all.delete('UTC');
  cachedZones = ['UTC', ...[...all].sort()];
  return cachedZones;
}

/** The zone a new time is entered in until the agent picks one: their own (options, else the browser's). */
export function localTimeZone(): string {
  try {
    return agentTimeZone();
  } catch {
    return 'UTC';
  }
}

/**
 * The UTC instant of a wall-clock time in a zone, or undefined when the input
 * is malformed or the zone unknown. Gap/overlap rules are lib/time/zoned's.
 */
export function zonedToUtc(local: string, timeZone: string): number | undefined {
  try {
    return zonedToInstant({ local, timeZone }).epochMs;
  } catch {
    return undefined;
  }
}

/** Says when a DST change moved the time, e.g. 02:30 on a spring-forward night. */
export function adjustmentNote(local: string, timeZone: string): string | undefined {
  try {
    return describeAdjustment({ local, timeZone });
  } catch {
    return undefined;
  }
}

export { formatUtc };
