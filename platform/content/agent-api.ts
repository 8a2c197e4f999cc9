/**
 * Calls the helpdesk's same-origin agent API for the open ticket, as the
 * page itself would: GET, the agent's session cookie, nothing of ours
 * added. Only ever the page's own origin (a mapped or spoofed host never
 * sends the cookie elsewhere). Every way it can fail becomes a reason, and
 * the page's own strategies take over.
 */
import type { AgentApi, ApiAnswer } from '../../lib/adapters/agent-api';
import type { TicketReads } from '../../lib/adapters/result';
import type { TicketRef } from '../../lib/adapters/types';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Firefox: `content.fetch` makes the request as the page (its cookies, its origin). */
function pageFetch(): Fetch {
  const content = (globalThis as { content?: { fetch?: Fetch } }).content;
  return content?.fetch ? content.fetch.bind(content) : fetch.bind(globalThis);
}

export async function fetchJson(
  url: string,
  origin: string,
  signal: AbortSignal,
  doFetch: Fetch = pageFetch(),
): Promise<ApiAnswer> {
  if (new URL(url).origin !== origin) return { ok: false, reason: 'cross-origin' };
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 401 || response.status === 403)
    return { ok: false, reason: 'unauthorized' };
  if (!response.ok) return { ok: false, reason: 'status' };
  // A sign-in page or a proxy's error page answers 200 with HTML.
  if (!/\bjson\b/i.test(response.headers.get('content-type') ?? ''))
    return { ok: false, reason: 'not-json' };
  try {
    return { ok: true, json: await response.json() };
  } catch {
    return { ok: false, reason: 'not-json' };
  }
}

/** 'used', or why the page's strategies had to do without the API. */
export type ApiState = 'used' | 'other-ticket' | Extract<ApiAnswer, { ok: false }>['reason'];

export interface ApiOutcome {
  reads: TicketReads | null;
  state: ApiState;
}

export async function readAgentApi(
  api: AgentApi,
  ref: TicketRef,
  origin: string,
  signal: AbortSignal,
  doFetch?: Fetch,
): Promise<ApiOutcome> {
  const answer = await fetchJson(api.url(ref), origin, signal, doFetch);
  if (!answer.ok) return { reads: null, state: answer.reason };
  const reads = api.read(answer.json, ref);
  return reads ? { reads, state: 'used' } : { reads: null, state: 'other-ticket' };
}
