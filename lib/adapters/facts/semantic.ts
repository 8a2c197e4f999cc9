/**
 * Reading cues that outlive redesigns and UI languages: links by what they
 * point at (`mailto:`, a user or company page), `<time datetime>`, ARIA
 * roles, attribute names. Shared by the adapters' strategies. Pure: takes
 * the nodes to read; crosses open shadow roots where noted.
 */
import {
  attrOf,
  isShown,
  parseTimestamp,
  queryAllDeep,
  textOf,
  valueByLabel,
  valueOf,
} from '../dom';
import { notFound, readValue, type FieldRead, type TicketReads } from '../result';
import { normalizeEmail } from './normalize';

/** The first shown element matching `selector` at or below `root`, open shadow roots included. */
export function deepFirst<E extends Element = Element>(
  root: Element | null | undefined,
  selector: string,
): E | null {
  if (!root) return null;
  if (root.matches(selector) && isShown(root)) return root as unknown as E;
  return queryAllDeep<E>(root, selector).find((el) => isShown(el, root)) ?? null;
}

/** A control's value: an input's value, else a title, else its text. */
export function shownValue(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  if (el.matches('input, textarea, select')) return valueOf(el);
  return attrOf(el, 'title') ?? textOf(el);
}

/**
 * The value shown in a field: a design-system value element inside it, else
 * the field's text without its label (`<label>`, a `[id$=label]`, the first
 * muted span). `valueSelector` first, the rest as fallback.
 */
export function fieldValue(field: Element, valueSelector: string): string | undefined {
  const value = deepFirst(field, valueSelector);
  if (value && value !== field) return shownValue(value);
  const clone = field.cloneNode(true) as Element;
  for (const label of Array.from(
    clone.querySelectorAll('label, legend, [data-garden-id$="label"]'),
  ))
    label.remove();
  return textOf(clone);
}

/** The requester's e-mail from a `mailto:` link below `root` (open shadow roots included). */
export function emailBelow(root: Element | null | undefined): FieldRead {
  if (!root) return notFound;
  for (const link of queryAllDeep(root, 'a[href^="mailto:" i]')) {
    const address = normalizeEmail(link.getAttribute('href')!.slice(7).split('?')[0]);
    if (address) return readValue(address);
  }
  return { found: true };
}

/**
 * When the conversation started: the earliest `<time datetime>` among its
 * messages, but only once the whole history is on the page. A log still
 * loading (`aria-busy`) or with a control outside its messages (a "load
 * earlier" button) shows only the recent part: not the start, so not read.
 */
export function conversationStart(log: Element | null, itemSelector: string): FieldRead<number> {
  if (!log) return notFound;
  if (log.getAttribute('aria-busy') === 'true') return notFound;
  const items = queryAllDeep(log, itemSelector);
  const controls = queryAllDeep(log, 'button, [role="button"], [role="progressbar"]');
  if (controls.some((c) => !items.some((item) => item.contains(c)))) return notFound;
  let earliest: number | undefined;
  for (const item of items) {
    for (const time of queryAllDeep(item, 'time[datetime]')) {
      const ms = parseTimestamp(time.getAttribute('datetime'));
      if (ms !== undefined && (earliest === undefined || ms < earliest)) earliest = ms;
    }
  }
  return earliest === undefined ? notFound : { found: true, value: earliest };
}

/**
 * Labels the helpdesks use for these rows, in English, German and Japanese
 * (the lowest rung: only where a page has nothing else). Separate lists, so
 * each content script carries only the ones its adapter reads.
 */
export const PLAN_LABELS = [
  'plan',
  'plan tier',
  'subscription',
  'tarif',
  'tarifstufe',
  'プラン',
  'プランの階層',
];
export const ORGANIZATION_LABELS = [
  'organization',
  'organisation',
  'company',
  'unternehmen',
  'firma',
  'organisation',
  '組織',
  '会社',
];
export const EMAIL_LABELS = ['email', 'e-mail', 'メール'];
export const NAME_LABELS = ['name', '名前'];
export const ASSIGNEE_LABELS = ['assignee', 'zuständig', 'zugewiesen an', '担当者'];
export const TEAM_LABELS = ['team', 'team inbox', 'team-posteingang', 'チーム受信トレイ'];
/** Rows that show the customer's local time or time zone. */
export const TIME_ZONE_LABELS = [
  'local time',
  'time zone',
  'timezone',
  'ortszeit',
  'zeitzone',
  '現地時刻',
  'タイムゾーン',
];
export const PRIORITY_LABELS = ['priority', 'priorität', '優先度'];
export const CONVERSATION_ID_LABELS = ['conversation id', 'konversations-id', '会話id'];

/**
 * The customer's local time or time zone row below `panel` ("Thu, 10:14 CET",
 * a "Time zone" property): read only where the page shows one, so a page
 * without it reports nothing, neither a zone nor a missing fact.
 */
export function localTime(panel: Element | null | undefined): TicketReads {
  if (!panel) return {};
  const zoneRow = deepFirst(
    panel,
    '[data-attribute-identifier*="timezone" i], [data-property-slug*="timezone" i], [data-property-slug*="time-zone" i]',
  );
  const value = zoneRow?.querySelector('dd') ?? zoneRow?.lastElementChild;
  if (zoneRow && value) return { customerTimeZone: readValue(textOf(value)) };
  const row = valueByLabel(panel, TIME_ZONE_LABELS);
  return row.found ? { customerTimeZone: readValue(row.value) } : {};
}
