/**
 * Facts in one form whatever the page, UI language or strategy gave them:
 * names without group prefixes (the group kept as its own fact), e-mails
 * lower-cased, status and priority as categories with the helpdesk's word
 * kept beside them. Times are instants already (epoch ms; ISO where shown).
 */

export type StatusCategory = 'open' | 'pending' | 'solved' | 'closed';
export type PriorityCategory = 'low' | 'normal' | 'high' | 'urgent';

/**
 * The helpdesks' own status keys (API values, design-system attributes and
 * class tokens: not UI text). Zendesk: new/open/pending/hold/solved/closed;
 * Intercom: open/snoozed/closed; Help Scout: active/pending/closed/spam.
 */
const STATUS_KEYS: Record<string, StatusCategory> = {
  new: 'open',
  open: 'open',
  active: 'open',
  pending: 'pending',
  hold: 'pending',
  'on-hold': 'pending',
  snoozed: 'pending',
  solved: 'solved',
  closed: 'closed',
  spam: 'closed',
};

/**
 * The words agents see for them in the UI languages the helpdesks ship, for
 * pages that show a word and no key: the lowest rung, used only to map a
 * value already found by position, never to find an element.
 */
const STATUS_WORDS: Record<string, StatusCategory> = {
  ...STATUS_KEYS,
  neu: 'open',
  offen: 'open',
  aktiv: 'open',
  wartend: 'pending',
  angehalten: 'pending',
  gelöst: 'solved',
  geschlossen: 'closed',
  新規: 'open',
  オープン: 'open',
  アクティブ: 'open',
  保留中: 'pending',
  待機中: 'pending',
  解決済み: 'solved',
  終了: 'closed',
  クローズ: 'closed',
  クローズ済み: 'closed',
};

const PRIORITY_KEYS: Record<string, PriorityCategory> = {
  low: 'low',
  normal: 'normal',
  high: 'high',
  urgent: 'urgent',
};

const PRIORITY_WORDS: Record<string, PriorityCategory> = {
  ...PRIORITY_KEYS,
  niedrig: 'low',
  hoch: 'high',
  dringend: 'urgent',
  低: 'low',
  普通: 'normal',
  高: 'high',
  緊急: 'urgent',
};

function key(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function statusCategory(value: string | undefined): StatusCategory | undefined {
  return value ? STATUS_WORDS[key(value)] : undefined;
}

export function priorityCategory(value: string | undefined): PriorityCategory | undefined {
  return value ? PRIORITY_WORDS[key(value)] : undefined;
}

/** Only the helpdesks' keys (attributes, API values), no UI words. */
export function statusFromKey(value: string | undefined): StatusCategory | undefined {
  return value ? STATUS_KEYS[key(value)] : undefined;
}

export function priorityFromKey(value: string | undefined): PriorityCategory | undefined {
  return value ? PRIORITY_KEYS[key(value)] : undefined;
}

/** "Tier 2 Support/Marcus Webb", "Support / Luis" → the agent and the group. */
export function splitAssignee(value: string): { name?: string; group?: string } {
  const parts = value.split('/').map((p) => p.replace(/\s+/g, ' ').trim());
  if (parts.length < 2) return { name: parts[0] || undefined };
  const name = parts.pop() || undefined;
  const group = parts.join(' / ') || undefined;
  return { ...(name ? { name } : {}), ...(group ? { group } : {}) };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(value: string | undefined): string | undefined {
  const trimmed = value?.trim().replace(/^mailto:/i, '');
  return trimmed && EMAIL.test(trimmed) ? trimmed.toLowerCase() : undefined;
}
