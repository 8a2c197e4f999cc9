/**
 * Which ticket the page's URL names, for the adapter this content script
 * serves. Besides the adapter's own hosts, the script also runs on host-mapped
 * brand domains (Zendesk on `support.example.com`), registered at run time
 * once the agent adds them in settings: there the path has the helpdesk's
 * shape on a foreign host, so it is parsed as if it were on the adapter's own
 * host while the ticket keeps the real URL.
 */
import { MatchPattern } from '#imports';
import type { HelpdeskAdapter, TicketRef } from '../../lib/adapters/types';

/** `https://*.zendesk.com/*` → `casebook-mapped.zendesk.com`; null for patterns without a host. */
export function canonicalHost(pattern: string): string | null {
  const match = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern);
  if (!match?.[1]) return null;
  return match[1].replace(/^\*\./, 'casebook-mapped.');
}

export function parseTicketFor(adapter: HelpdeskAdapter, url: URL): TicketRef | null {
  const direct = adapter.parseTicketUrl(url);
  if (direct) return direct;
  const own = adapter.matches.some((p) => new MatchPattern(p).includes(url.href));
  // On the adapter's own hosts a non-ticket URL is just that: not a ticket.
  if (own || url.protocol !== 'https:') return null;
  for (const pattern of adapter.matches) {
    const host = canonicalHost(pattern);
    if (!host) continue;
    const probe = new URL(url.href);
    probe.hostname = host;
    const ref = adapter.parseTicketUrl(probe);
    if (ref) return { ...ref, url: url.href };
  }
  return null;
}
