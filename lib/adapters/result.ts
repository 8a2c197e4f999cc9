/**
 * Turns what an adapter read from the page into a ReadResult. The URL-derived
 * ref always wins for identity (helpdesk, ticketId, url); the DOM only adds
 * metadata. A field the helpdesk shows but whose element we could not find is
 * reported in `missing` (the panel's selector-health line) instead of being
 * silently left out or guessed.
 */
import type { TicketInfo } from '../workflow/schema';
import { combine, type StrategyReads } from './facts/combine';
import { normalizeEmail, priorityCategory, splitAssignee, statusCategory } from './facts/normalize';
import { zoneFromPageText } from '../time/page-zone';
import type { MetadataKey, ReadResult, TicketRef } from './types';

/** One field read: `found: false` means the element holding it was not on the page. */
export type FieldRead<T = string> = { found: false } | { found: true; value?: T | undefined };

export const notFound: FieldRead<never> = { found: false };

export function readValue<T>(value: T | undefined | null, found = true): FieldRead<T> {
  if (!found) return notFound;
  return value === undefined || value === null ? { found: true } : { found: true, value };
}

/** The schema's length limits, so a pasted novel in a subject cannot make the ticket invalid. */
const MAX: Record<Exclude<ReadKey, 'createdAt' | 'customerTimeZone'>, number> = {
  statusLabel: 100,
  priorityLabel: 100,
  assigneeGroup: 500,
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
  /** The helpdesk's own word when `status`/`priority` give a key or category. */
  statusLabel?: FieldRead;
  priorityLabel?: FieldRead;
  /** Read on its own, or split off a "Group/Agent" assignee. */
  assigneeGroup?: FieldRead;
  /**
   * The row with the customer's local time or zone. Only pages that show one
   * read it, so it is never reported missing; text naming no zone gives none.
   */
  customerTimeZone?: FieldRead;
}

export type ReadKey = keyof TicketReads;

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
export function buildResult(
  ref: TicketRef,
  reads: TicketReads,
  provenance: { sources?: ReadResult['sources']; conflicts?: ReadKey[] } = {},
): ReadResult {
  const ticket: TicketInfo = { helpdesk: ref.helpdesk, ticketId: ref.ticketId, url: ref.url };
  if (ref.displayId) ticket.displayId = ref.displayId;
  const missing: MetadataKey[] = [];
  const set = (
    key: Exclude<ReadKey, 'createdAt' | 'customerTimeZone'>,
    value: string | undefined,
  ) => {
    const text = value?.replace(/\s+/g, ' ').trim().slice(0, MAX[key]);
    if (text) ticket[key] = text;
  };
  for (const key of METADATA_KEYS) {
    const read = reads[key];
    if (!read) continue;
    if (!read.found) {
      missing.push(key);
      continue;
    }
    if (read.value === undefined) continue;
    if (key === 'createdAt') ticket.createdAt = read.value as number;
    else set(key, String(read.value));
  }
  // Normal forms: the agent without the group, e-mail lower-case, status and
  // priority as categories with the helpdesk's word kept beside them.
  if (ticket.assignee) {
    const { name, group } = splitAssignee(ticket.assignee);
    if (name) ticket.assignee = name;
    if (group) set('assigneeGroup', group);
  }
  if (reads.assigneeGroup?.found && reads.assigneeGroup.value) {
    set('assigneeGroup', reads.assigneeGroup.value);
  }
  if (ticket.requesterEmail) {
    const email = normalizeEmail(ticket.requesterEmail);
    if (email) ticket.requesterEmail = email;
    else delete ticket.requesterEmail;
  }
  for (const [key, labelKey, toCategory] of [
    ['status', 'statusLabel', statusCategory],
    ['priority', 'priorityLabel', priorityCategory],
  ] as const) {
    const raw = ticket[key];
    const label = reads[labelKey]?.found ? reads[labelKey].value : undefined;
    const category = toCategory(raw) ?? toCategory(label);
    if (category) ticket[key] = category;
    const word = label ?? (raw && raw !== category ? raw : undefined);
    if (word) set(labelKey, word);
  }
  const zone = reads.customerTimeZone?.found
    ? zoneFromPageText(reads.customerTimeZone.value)
    : undefined;
  if (zone) ticket.customerTimeZone = zone;
  return {
    ticket,
    missing,
    ...(provenance.sources ? { sources: provenance.sources } : {}),
    ...(provenance.conflicts?.length ? { conflicts: provenance.conflicts } : {}),
  };
}

/** Several strategies' reads, most trusted first, into one ReadResult. */
export function buildCombinedResult(
  ref: TicketRef,
  strategies: readonly StrategyReads[],
): ReadResult {
  const { reads, sources, conflicts } = combine(strategies);
  return buildResult(ref, reads, { sources, conflicts });
}
