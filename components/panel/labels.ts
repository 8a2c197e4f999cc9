import type { MetadataKey } from '../../lib/adapters/types';
import type { Helpdesk, TicketInfo } from '../../lib/workflow/schema';

export const HELPDESK_LABEL: Record<Helpdesk, string> = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  helpscout: 'Help Scout',
};

export const METADATA_LABEL: Record<MetadataKey, string> = {
  subject: 'subject',
  requesterName: 'requester name',
  requesterEmail: 'requester e-mail',
  createdAt: 'created time',
  status: 'status',
  priority: 'priority',
  assignee: 'assignee',
  organization: 'organization',
  plan: 'plan',
  displayId: 'ticket number',
};

/** What the agent sees in the helpdesk: Help Scout's "#11161", else "#<id>". */
export function ticketLabel(ticket: TicketInfo): string {
  const shown = ticket.displayId || ticket.ticketId;
  return shown.startsWith('#') ? shown : `#${shown}`;
}
