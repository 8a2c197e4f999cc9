/**
 * The customer's time zone from what a helpdesk sidebar shows beside their
 * local time: "Fri, 10:12 Europe/Paris", "Thu, 10:14 CET", Zendesk's
 * "(GMT+01:00) Amsterdam" or "Eastern Time (US & Canada)". Only names that
 * say which zone's rules apply, all year, are taken: an offset ("GMT+1") or
 * an abbreviation without its rules ("EST", "IST", "GMT" in a London winter)
 * is right today and wrong after the next clock change, so it gives nothing
 * rather than a guess. Pure (Intl only).
 */
import { isValidTimeZone } from './zoned';

/** Abbreviations that are IANA zones with their summer rules (CET is Central Europe all year). */
const RULED_ABBREVIATIONS: Record<string, string> = {
  CET: 'CET',
  CEST: 'CET',
  EET: 'EET',
  EEST: 'EET',
  WET: 'WET',
  WEST: 'WET',
  UTC: 'UTC',
};

/** Zendesk's (Rails') names that are no city. */
const REGION_NAMES: Record<string, string> = {
  'eastern time (us & canada)': 'America/New_York',
  'central time (us & canada)': 'America/Chicago',
  'mountain time (us & canada)': 'America/Denver',
  'pacific time (us & canada)': 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
};

let cities: Map<string, string> | undefined;

/** "amsterdam" → "Europe/Amsterdam", from the zones this runtime lists (ambiguous cities left out). */
function zoneOfCity(city: string): string | undefined {
  if (!cities) {
    cities = new Map();
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
    const ambiguous = new Set<string>();
    for (const zone of intl.supportedValuesOf?.('timeZone') ?? []) {
      const name = zone.split('/').pop()!.replace(/_/g, ' ').toLowerCase();
      if (cities.has(name)) ambiguous.add(name);
      cities.set(name, zone);
    }
    for (const name of ambiguous) cities.delete(name);
  }
  return cities.get(city.toLowerCase());
}

/** The IANA zone the text names, or undefined when it names none (or only an offset). */
export function zoneFromPageText(text: string | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  if (!value) return undefined;
  for (const match of value.matchAll(/\b[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+)+/g)) {
    if (isValidTimeZone(match[0])) return match[0];
  }
  const lower = value.toLowerCase();
  for (const [name, zone] of Object.entries(REGION_NAMES)) if (lower.includes(name)) return zone;
  for (const word of value.match(/\b[A-Z]{3,4}\b/g) ?? []) {
    const zone = RULED_ABBREVIATIONS[word];
    if (zone) return zone;
  }
  // What is left once the weekday, the time and a "(GMT+01:00)" are taken away: a city?
  const rest = value
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b,?/gi, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?/gi, ' ')
    .replace(/[,·-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return rest ? zoneOfCity(rest) : undefined;
}
