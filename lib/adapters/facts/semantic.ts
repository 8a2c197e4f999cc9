/**
 * Reading cues that outlive redesigns and UI languages: links by what they
 * point at (`mailto:`, a user or company page), `<time datetime>`, ARIA
 * roles, attribute names. Shared by the adapters' strategies. Pure: takes
 * the nodes to read; crosses open shadow roots where noted.
 */
import { attrOf, isShown, parseTimestamp, queryAllDeep, textOf, valueOf } from '../dom';
import { notFound, readValue, type FieldRead } from '../result';
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

/** The requester's e-mail from a `mailto:` link, else address-shaped text, below `root`. */
export function emailBelow(root: Element | null | undefined): FieldRead {
  if (!root) return notFound;
  for (const link of queryAllDeep<HTMLAnchorElement>(root, 'a[href^="mailto:" i]')) {
    const href = link.getAttribute('href') ?? '';
    let address: string | undefined;
    try {
      address = normalizeEmail(decodeURIComponent(href.slice(7).split('?')[0] ?? ''));
    } catch {
      address = undefined;
    }
    if (address) return readValue(address);
  }
  const match = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/.exec(root.textContent ?? '');
  return match ? readValue(normalizeEmail(match[0])) : { found: true };
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

/** Labels the helpdesks use for these rows in the UI languages they ship (the lowest rung). */
export const LABELS = {
  plan: [
    'plan',
    'plan tier',
    'subscription',
    'tarif',
    'tarifstufe',
    'abonnement',
    'suscripción',
    'プラン',
    'プランの階層',
  ],
  organization: [
    'organization',
    'organisation',
    'company',
    'company name',
    'unternehmen',
    'firma',
    'entreprise',
    'société',
    'empresa',
    'organización',
    '組織',
    '会社',
    '会社名',
  ],
  email: ['email', 'e-mail', 'e-mail-adresse', 'courriel', 'correo', 'メール', 'メールアドレス'],
  name: ['name', 'nom', 'nombre', 'nome', '名前', '氏名'],
  assignee: ['assignee', 'zuständig', 'zugewiesen an', 'assigné', 'asignado', '担当者'],
  team: [
    'team',
    'team inbox',
    'team-posteingang',
    'équipe',
    'equipo',
    'チーム',
    'チーム受信トレイ',
  ],
  priority: ['priority', 'priorität', 'priorité', 'prioridad', '優先度'],
  conversationId: ['conversation id', 'konversations-id', 'id de conversation', '会話id'],
} as const;
