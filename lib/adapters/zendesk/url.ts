/**
 * Zendesk agent URLs. A ticket is exactly `https://<sub>.zendesk.com/agent/tickets/<id>`
 * (digits), optionally with a trailing slash, query or hash. Host-mapped brand
 * domains (`support.example.com/agent/tickets/<id>`) count only when the user
 * added that host in settings.
 *
 * Deliberately not tickets: `/agent/tickets/new/<n>` (an unsaved draft has no
 * id yet), `/agent/tickets/<id>/print` and `/agent/tickets/<id>/events` (views
 * of a ticket without the workspace or composer the panel works with),
 * `/agent/filters/…`, dashboard, search, users, organizations and the `/hc/…`
 * help center (a customer-facing site, not the agent UI).
 */
import type { TicketRef } from '../types';

const SUBDOMAIN_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.zendesk\.com$/;
/** Ticket ids are positive integers; 15 digits is far beyond any account and keeps junk out. */
const TICKET_PATH = /^\/agent\/tickets\/([1-9][0-9]{0,14})\/?$/;
/** A DNS name: labels of letters, digits and inner hyphens, at least one dot. */
const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const ZENDESK_MATCHES = ['https://*.zendesk.com/agent/*'];

export function isZendeskSubdomainHost(hostname: string): boolean {
  return SUBDOMAIN_HOST.test(hostname);
}

export function parseZendeskTicketUrl(
  url: URL,
  extraHosts: readonly string[] = [],
): TicketRef | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  const host = url.hostname;
  if (!isZendeskSubdomainHost(host) && !extraHosts.includes(host)) return null;
  const match = TICKET_PATH.exec(url.pathname);
  if (!match?.[1]) return null;
  const ticketId = match[1];
  return {
    helpdesk: 'zendesk',
    ticketId,
    displayId: `#${ticketId}`,
    url: `https://${host}/agent/tickets/${ticketId}`,
  };
}

/**
 * A host-mapped Zendesk domain as typed by the user ("support.example.com" or a
 * pasted URL) → its lower-case hostname. Throws with a message fit for the
 * options page when it is not a plain https host; `*.zendesk.com` hosts are
 * refused because they are covered already.
 */
export function normalizeZendeskHost(input: string): string {
  const raw = input.trim();
  if (!raw) throw new Error('Enter a host name such as support.example.com.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new Error(`"${raw}" is not a host name.`);
  }
  if (url.protocol !== 'https:') throw new Error('Zendesk runs on https only.');
  if (url.port || url.username || url.password) {
    throw new Error('Enter just the host name, without port or credentials.');
  }
  const host = url.hostname.toLowerCase();
  if (!HOSTNAME.test(host)) throw new Error(`"${raw}" is not a host name.`);
  if (isZendeskSubdomainHost(host) || host === 'zendesk.com') {
    throw new Error(`${host} is a zendesk.com address; those work without adding them.`);
  }
  return host;
}

/** The match pattern (optional host permission and run-time content script) for a mapped host. */
export function zendeskHostMatch(host: string): string {
  return `https://${normalizeZendeskHost(host)}/agent/*`;
}

/*
Test URLs
https://acme.zendesk.com/agent/tickets/4242
https://acme.zendesk.com/agent/tickets/4242?brand_id=1#comment-1
https://support.northwind-example.com/agent/tickets/4242 (when added in settings)
Not tickets
https://acme.zendesk.com/agent/tickets/new/1?brand_id=360001&requester_id=77
https://acme.zendesk.com/agent/tickets/4242/print
https://acme.zendesk.com/agent/filters/360094211
https://acme.zendesk.com/hc/en-us/requests/4242
*/
