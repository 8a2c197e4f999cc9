/**
 * Turns what an adapter read from the page into a ReadResult. The URL-derived
 * ref always wins for identity (helpdesk, ticketId, url); the DOM only adds
 * metadata. A field the helpdesk shows but whose element we could not find is
 * reported in `missing` (the panel's selector-health line) instead of being
 * silently left out or guessed.
 */
import type { TicketInfo } from '../workflow/schema';
import type { MetadataKey, ReadResult, TicketRef } from './types';

/** One field read: `found: false` means the element holding it was not on the page. */
export type FieldRead<T = string> = { found: false } | { found: true; value?: T | undefined };

export const notFound: FieldRead<never> = { found: false };

export function readValue<T>(value: T | undefined | null, found = true): FieldRead<T> {
  if (!found) return notFound;
  return value === undefined || value === null ? { found: true } : { found: true, value };
}

/** The schema's length limits, so a pasted novel in a subject cannot make the ticket invalid. */
const MAX: Record<Exclude<MetadataKey, 'createdAt'>, number> = {
  subject: 1000,
  requesterName: 500,
  requesterEmail: 500,
  status: 100,
  priority: 100,
  assignee: 500,
  organization: 500,
  plan: 100,
  displayId: 100,
};

export interface TicketReads {
  subject?: FieldRead;
  requesterName?: FieldRead;
  requesterEmail?: FieldRead;
  createdAt?: FieldRead<number>;
  status?: FieldRead;
  priority?: FieldRead;
  assignee?: FieldRead;
  organization?: FieldRead;
  plan?: FieldRead;
  displayId?: FieldRead;
}

/** Keys in a stable order, so `missing` reads the same every time. */
export const METADATA_KEYS: readonly MetadataKey[] = [
  'subject',
  'requesterName',
  'requesterEmail',
  'createdAt',
  'status',
  'priority',
  'assignee',
  'organization',
  'plan',
  'displayId',
];

/** Fields absent from `reads` are ones this helpdesk does not show: neither read nor missing. */
export function buildResult(ref: TicketRef, reads: TicketReads): ReadResult {
  const ticket: TicketInfo = { helpdesk: ref.helpdesk, ticketId: ref.ticketId, url: ref.url };
  if (ref.displayId) ticket.displayId = ref.displayId;
  const missing: MetadataKey[] = [];
  for (const key of METADATA_KEYS) {
    const read = reads[key];
    if (!read) continue;
    if (!read.found) {
      missing.push(key);
      continue;
    }
    if (read.value === undefined) continue;
    if (key === 'createdAt') {
      ticket.createdAt = read.value as number;
    } else {
      const text = String(read.value).slice(0, MAX[key]);
      if (text) ticket[key] = text;
    }
  }
  return { ticket, missing };
}
