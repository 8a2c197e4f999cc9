/**
 * Reading a ticket's conversation: each message's id, who wrote it and when.
 * SLA clocks follow it (a public agent reply meets a response target, a
 * customer message starts the next one), so only what the page states is
 * reported: a message whose author kind is not shown is `other`, never guessed.
 * One reader per helpdesk (`<helpdesk>/messages.ts`), given the element the
 * adapter's `ticketRoot` returned for the URL's ticket.
 */
import type { Helpdesk } from '../workflow/schema';
import { readHelpScoutMessages } from './helpscout/messages';
import { readIntercomMessages } from './intercom/messages';
import { readZendeskMessages } from './zendesk/messages';

export type MessageRole = 'customer' | 'agent' | 'note' | 'other';

export interface ObservedMessage {
  /** The helpdesk's own id of the message, prefixed by nothing. */
  id: string;
  role: MessageRole;
  /** When the helpdesk says it was written (epoch ms), if the page shows it. */
  at?: number;
}

export const MESSAGE_READERS: Record<Helpdesk, (root: Element) => ObservedMessage[]> = {
  zendesk: readZendeskMessages,
  intercom: readIntercomMessages,
  helpscout: readHelpScoutMessages,
};

/** The messages in page order, each id once (re-rendered lists may repeat one). */
export function uniqueMessages(messages: ObservedMessage[]): ObservedMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
}
