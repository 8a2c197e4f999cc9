/**
 * Which ticket the page's URL names, for the adapter this content script
 * serves. Besides the adapter's own hosts, the script also runs on host-mapped
 * brand domains (Zendesk on `support.example.com`), registered at run time
 * once the agent adds them in settings: there the path has the helpdesk's
 * shape on a foreign host, so it is parsed as if it were on the adapter's own
 * host while the ticket keeps the real URL.
 */
import type { HelpdeskAdapter, TicketRef } from '../../lib/adapters/types';

/** `https://*.zendesk.com/*` → `casebook-mapped.zendesk.com`; null for patterns without a host. */
export function canonicalHost(pattern: string): string | null {
  const match = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern);
  if (!match?.[1]) return null;
  return match[1].replace(/^\*\./, 'casebook-mapped.');
}

/**
 * Whether `url` is on a host a match pattern names (`*.zendesk.com` covers its
 * subdomains). Only the host matters here: the script runs on the pattern's
 * paths anyway. A few lines instead of a match-pattern library in every page.
 */
export function onPatternHost(pattern: string, url: URL): boolean {
  const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1];
  if (!host) return false;
  if (!host.startsWith('*.')) return url.hostname === host;
  const base = host.slice(2);
  return url.hostname === base || url.hostname.endsWith(`.${base}`);
}

export function parseTicketFor(adapter: HelpdeskAdapter, url: URL): TicketRef | null {
  const direct = adapter.parseTicketUrl(url);
  if (direct) return direct;
  const own = adapter.matches.some((p) => onPatternHost(p, url));
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
