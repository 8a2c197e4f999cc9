/**
 * What leaves the browser: run events and ticket facts, minus what a lead
 * marked private. Attachments and HAR files never leave (a file field's
 * value is only the file's name, size and type; the file stays in
 * IndexedDB). A private ticket fact is removed from the events that carry
 * it; a private field's edits are not sent at all and stay local.
 */
import type { TeamEvent } from '../../../lib/team/protocol';
import type { EventRecord } from '../db/types';

import type { PrivacyPolicy } from '../../../lib/team/protocol';

export { DEFAULT_PRIVACY, type PrivacyPolicy } from '../../../lib/team/protocol';

function withoutFacts(value: unknown, facts: readonly string[]): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  for (const f of facts) delete copy[f];
  return copy;
}

/** The event as it is pushed, or undefined when it stays local. */
export function redactForTeam(record: EventRecord, policy: PrivacyPolicy): TeamEvent | undefined {
  const { seq: _seq, outbox: _o, serverSeq: _s, localOnly: _l, ...event } = record;
  if (event.type === 'field-set' && policy.fields.includes(`${event.stepId}/${event.fieldId}`))
    return undefined;
  if (event.type === 'run-created') {
    const created = event.new as { ticket?: unknown };
    return {
      ...event,
      new: { ...created, ticket: withoutFacts(created.ticket, policy.ticketFacts) },
    };
  }
  if (event.type === 'ticket-updated') {
    const next = withoutFacts(event.new, policy.ticketFacts) as Record<string, unknown>;
    if (Object.keys(next).length === 0) return undefined;
    return { ...event, old: withoutFacts(event.old, policy.ticketFacts), new: next };
  }
  return event;
}
