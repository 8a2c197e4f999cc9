/**
 * Every adapter, and URL → ticket detection across them. A URL is claimed by
 * at most one adapter (the URL tables test that each rejects the others').
 */
import type { Helpdesk } from '../workflow/schema';
import { helpscout } from './helpscout';
import { intercom } from './intercom';
import type { HelpdeskAdapter, TicketRef } from './types';
import { zendesk } from './zendesk';
import { parseZendeskTicketUrl } from './zendesk/url';

export const ADAPTERS: readonly HelpdeskAdapter[] = [zendesk, intercom, helpscout];

export function adapterFor(id: Helpdesk): HelpdeskAdapter {
  const adapter = ADAPTERS.find((a) => a.id === id);
  if (!adapter) throw new Error(`No adapter for helpdesk "${id}"`);
  return adapter;
}

/**
 * The ticket a URL names, if any. `extraZendeskHosts` are host-mapped Zendesk
 * domains the user added in settings (lower-case host names, as returned by
 * `normalizeZendeskHost`); only those make `<host>/agent/tickets/<id>` a ticket.
 */
export function detectTicket(
  url: URL | string,
  extraZendeskHosts: readonly string[] = [],
): { adapter: HelpdeskAdapter; ref: TicketRef } | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const adapter of ADAPTERS) {
    const ref =
      adapter.id === 'zendesk'
        ? parseZendeskTicketUrl(parsed, extraZendeskHosts)
        : adapter.parseTicketUrl(parsed);
    if (ref) return { adapter, ref };
  }
  return null;
}
