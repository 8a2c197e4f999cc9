/**
 * What the content script records for a loaded fixture page: the adapter's
 * read of the URL ticket's root, as `watchTicket` does it. Test-only.
 */
import type { HelpdeskAdapter, TicketRef } from '../types';
import type { TicketInfo } from '../../workflow/schema';
import type { LoadedPage } from './load-page';

export async function readPageTicket(
  page: LoadedPage,
  adapter: HelpdeskAdapter,
  ref: TicketRef,
): Promise<TicketInfo | null> {
  const root = adapter.ticketRoot(page.document, ref);
  if (!root) return null;
  return adapter.readTicket(root, ref).ticket;
}
