/**
 * The helpdesk's own same-origin API, as the signed-in agent's browser tab
 * may call it (the session cookie, no token of ours): the most trusted way
 * to the facts where a helpdesk offers one that is stable and read-only.
 * The adapter names the request and reads the answer; the content script
 * (platform/content/agent-api.ts) makes the call. Pure.
 *
 * Researched for issue 14:
 * - Zendesk: `GET /api/v2/tickets/{id}.json` with sideloads (`include=`
 *   users, organizations, groups) is the public, versioned Support API and
 *   answers to an agent's session on the agent's own host. Used.
 * - Intercom: the public REST API is `api.intercom.io` with a bearer token
 *   (Developer Hub app or OAuth), another origin; the inbox itself talks to
 *   undocumented `/ember/…` endpoints that change with the app. Not used.
 * - Help Scout: the Mailbox API 2.0 is `api.helpscout.net/v2` with OAuth2
 *   tokens, another origin; the web app's own endpoints are undocumented.
 *   Not used.
 */
import type { StrategyReads } from './facts/combine';
import type { TicketReads } from './result';
import type { TicketRef } from './types';

/** What the content script's fetch came back with; the reason feeds selector health. */
export type ApiAnswer =
  | { ok: true; json: unknown }
  | { ok: false; reason: 'offline' | 'unauthorized' | 'status' | 'not-json' | 'cross-origin' };

export interface AgentApi {
  /** The same-origin URL to GET for this ticket. */
  url(ref: TicketRef): string;
  /** The facts in the answer; null when it is not this ticket's (then the page's strategies decide). */
  read(json: unknown, ref: TicketRef): TicketReads | null;
}

export const API_STRATEGY = 'api';

export function apiStrategy(reads: TicketReads | null): StrategyReads[] {
  return reads ? [{ strategy: API_STRATEGY, reads }] : [];
}
