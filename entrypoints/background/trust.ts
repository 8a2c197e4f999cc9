/**
 * The background's trust boundary. Every request and every sync-port
 * subscription is checked against who sent it (`runtime.MessageSender`),
 * never against what the message says about itself:
 *
 * - an extension page (options, popup: our own origin, not framed inside a
 *   web page) may send anything;
 * - a content script (our extension id, the top frame of a tab on an https
 *   page) may only read and change the run of the ticket its own tab shows,
 *   derived from the tab's URL through the adapters, and read settings;
 * - anything else is refused.
 *
 * What each request type needs is data: lib/messaging/privilege.ts.
 */
import { ADAPTERS, detectTicket } from '../../lib/adapters/registry';
import { ProtocolFailure } from '../../lib/messaging/envelope';
import { REQUEST_PRIVILEGE } from '../../lib/messaging/privilege';
import type { Request } from '../../lib/messaging/protocol';
import type { Topic } from '../../lib/messaging/sync';
import { runIdFor, type Helpdesk } from '../../lib/workflow/schema';

/** The parts of `runtime.MessageSender` (and `Port.sender`) the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface Self {
  /** `runtime.id` */
  id: string;
  /** `chrome-extension://<id>` / `moz-extension://<uuid>`, no trailing slash */
  origin: string;
}

export type SenderRole =
  | { role: 'extension-page' }
  | { role: 'content-script'; tabId: number; url: string }
  | { role: 'refused'; reason: string };

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Browser pages that host an embedded options page (chrome://extensions, about:addons). */
function isBrowserPage(url: string | undefined): boolean {
  return !!url && /^(chrome|about|edge|moz-extension|chrome-extension):/.test(url);
}

export function senderRole(sender: SenderInfo | undefined, self: Self): SenderRole {
  if (!sender || sender.id !== self.id) {
    return { role: 'refused', reason: 'it did not come from Casebook' };
  }
  // A prefix, not URL.origin: non-web schemes have no origin in every URL parser.
  if (sender.url?.startsWith(`${self.origin}/`)) {
    // Our page framed inside a web page (the web-accessible sanitizer frame)
    // is driven by that page's events: not an extension page.
    const framed = sender.tab !== undefined && sender.frameId !== undefined && sender.frameId !== 0;
    if (framed && !isBrowserPage(sender.tab?.url)) {
      return { role: 'refused', reason: 'it came from a Casebook frame inside a web page' };
    }
    return { role: 'extension-page' };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) {
    return { role: 'refused', reason: 'it came from no tab' };
  }
  if (sender.frameId !== undefined && sender.frameId !== 0) {
    return { role: 'refused', reason: 'it came from a frame inside the page, not the page' };
  }
  const url = sender.tab?.url ?? sender.url;
  // The tab and the frame that sent it must agree about where they are.
  if (!url || (sender.url && originOf(sender.url) !== originOf(url))) {
    return { role: 'refused', reason: "the sender's page could not be told" };
  }
  if (!url.startsWith('https://')) {
    return { role: 'refused', reason: 'it came from a page that is not https' };
  }
  return { role: 'content-script', tabId, url };
}

function hostMatches(pattern: string, host: string): boolean {
  const match = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern);
  const wanted = match?.[1];
  if (!wanted) return false;
  if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1));
  return host === wanted;
}

/** Which helpdesk a page belongs to by its host (mapped hosts are Zendesk brands). */
export function helpdeskOfUrl(url: string, mappedHosts: readonly string[]): Helpdesk | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  if (mappedHosts.includes(host)) return 'zendesk';
  return ADAPTERS.find((a) => a.matches.some((p) => hostMatches(p, host)))?.id;
}

export interface TrustDeps {
  self: Self;
  /** Host-mapped Zendesk domains from settings. */
  mappedHosts(): Promise<readonly string[]>;
  /** The run an attachment belongs to, or undefined when there is none. */
  runOfAttachment(attachmentId: string): Promise<string | undefined>;
  /** The tab's current URL (ports live longer than the URL they connected from). */
  currentTabUrl(tabId: number): Promise<string | undefined>;
}

/** Marks a refusal by the boundary (a missing host permission is `permission-denied` too). */
export const REFUSED_BY = 'trust-boundary';

function refuse(type: string, reason: string): never {
  throw new ProtocolFailure('permission-denied', `"${type}" was refused: ${reason}.`, {
    refusedBy: REFUSED_BY,
  });
}

/** The run id of the ticket a content script's page shows, or why there is none. */
async function ticketRunOf(url: string, deps: TrustDeps) {
  const detected = detectTicket(url, await deps.mappedHosts());
  if (!detected) return undefined;
  const { helpdesk, ticketId } = detected.ref;
  return { helpdesk, ticketId, runId: runIdFor(helpdesk, ticketId) };
}

/** The run a ticket-scoped request names (run.open names a ticket instead). */
async function runIdNamedBy(request: Request, deps: TrustDeps): Promise<string | undefined> {
  switch (request.type) {
    case 'run.open':
      return runIdFor(request.ticket.helpdesk, request.ticket.ticketId);
    case 'attachment.get':
      return deps.runOfAttachment(request.attachmentId);
    default:
      return 'runId' in request ? request.runId : undefined;
  }
}

/** Throws ProtocolFailure('permission-denied') unless `sender` may send `request`. */
export async function authorizeRequest(
  request: Request,
  sender: SenderInfo | undefined,
  deps: TrustDeps,
): Promise<void> {
  const who = senderRole(sender, deps.self);
  if (who.role === 'extension-page') return;
  if (who.role === 'refused') refuse(request.type, who.reason);
  const privilege = REQUEST_PRIVILEGE[request.type];
  if (privilege === 'extension-page') {
    refuse(request.type, "it is accepted only from Casebook's own pages, not from a helpdesk page");
  }
  if (privilege === 'helpdesk-page') {
    const helpdesk = helpdeskOfUrl(who.url, await deps.mappedHosts());
    if (!helpdesk) refuse(request.type, 'the page is not a helpdesk Casebook runs on');
    if (
      (request.type === 'settings.suggestAgent' || request.type === 'health.record') &&
      request.helpdesk !== helpdesk
    ) {
      refuse(request.type, `the page is ${helpdesk}, not ${request.helpdesk}`);
    }
    return;
  }
  const own = await ticketRunOf(who.url, deps);
  if (!own) refuse(request.type, 'the tab shows no ticket');
  const named = await runIdNamedBy(request, deps);
  if (named !== own.runId) {
    refuse(request.type, `the tab shows ticket ${own.ticketId}, and may only work on its run`);
  }
}

/** Whether a sync-port sender may subscribe to `topic`: the same rules as requests. */
export async function maySubscribe(
  topic: Topic,
  sender: SenderInfo | undefined,
  deps: TrustDeps,
): Promise<boolean> {
  const who = senderRole(sender, deps.self);
  if (who.role === 'extension-page') return true;
  if (who.role === 'refused') return false;
  // A port outlives the URL it connected from: check the tab's URL now.
  const url = (await deps.currentTabUrl(who.tabId)) ?? who.url;
  if (topic.kind === 'settings') {
    return helpdeskOfUrl(url, await deps.mappedHosts()) !== undefined;
  }
  if (topic.kind === 'run') return (await ticketRunOf(url, deps))?.runId === topic.runId;
  return false;
}
