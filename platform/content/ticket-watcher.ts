/**
 * Watches the page for the DOM of one ticket view and reports what the
 * adapter reads from it. The URL already said which ticket is open; this only
 * adds metadata, and notices when the page replaces or re-renders the ticket.
 *
 * Reacts to DOM mutations (never polls): one MutationObserver on the document
 * and on every open shadow root the adapter searches, checks coalesced to one
 * per task. Everything stops when `signal` aborts (navigation, invalidation).
 */
import { MESSAGE_READERS, type ObservedMessage } from '../../lib/adapters/conversation';
import { readPageLinks, type PageLink } from '../../lib/adapters/page-links';
import { METADATA_KEYS } from '../../lib/adapters/result';
import type {
  HelpdeskAdapter,
  MetadataKey,
  StrategyReads,
  TicketRef,
} from '../../lib/adapters/types';
import type { TicketInfo } from '../../lib/workflow/schema';
import { errorMessage } from '../../lib/errors';

/** Reported missing while the ticket's DOM is absent: every metadata key except the display id. */
export const ALL_METADATA: MetadataKey[] = METADATA_KEYS.filter((key) => key !== 'displayId');

export interface TicketSnapshot {
  /** The URL's ticket, with whatever metadata the page showed. */
  ticket: TicketInfo;
  /** Fields the adapter could not read (all of them until the ticket's DOM is found). */
  missing: MetadataKey[];
  /** Whether the ticket's DOM is on the page. */
  found: boolean;
  /** The adapter threw (selector drift the adapter did not anticipate). */
  error?: string;
  /** Which strategy read each fact (selector health). */
  sources?: Partial<Record<string, string>>;
  /** The conversation's messages and their authors, oldest first (SLA clocks follow them). */
  messages?: ObservedMessage[];
  /** Links written in the ticket's notes and the composer (a filed bug's link is offered from them). */
  links?: PageLink[];
}

function messagesKey(messages: ObservedMessage[] | undefined): string {
  return (messages ?? []).map((m) => `${m.id}:${m.role}:${m.at ?? ''}`).join('|');
}

function linksKey(links: PageLink[] | undefined): string {
  return (links ?? []).map((l) => `${l.where} ${l.url}`).join('|');
}

function readLinks(adapter: HelpdeskAdapter, root: Element, doc: Document): PageLink[] {
  try {
    return readPageLinks(adapter.id, root, adapter.findComposer(root, doc).editor);
  } catch {
    // Links are an offer, never needed: a page that cannot be read offers none.
    return [];
  }
}

function readMessages(helpdesk: TicketRef['helpdesk'], root: Element): ObservedMessage[] {
  try {
    return MESSAGE_READERS[helpdesk](root);
  } catch {
    // A conversation that cannot be read reports nothing: clocks keep running.
    return [];
  }
}

export interface WatchOptions {
  /** After this long without the ticket's DOM, report every field as unread. */
  giveUpMs?: number;
  /**
   * Maximum spacing of checks while the ticket's DOM is not there yet; the
   * actual spacing is ten times what the last check cost, so checks take at
   * most about a tenth of the main thread and cheap ones run at once.
   */
  waitingIntervalMs?: number;
  /** … while some fields could not be read. */
  partialIntervalMs?: number;
  /** … once every field was read. */
  settledIntervalMs?: number;
  onRoot?(root: Element | null): void;
  /**
   * Reads more trusted than the page's, arriving later (the helpdesk's agent
   * API): once they settle the ticket is read again with them first.
   */
  before?: Promise<readonly StrategyReads[]>;
}

export function ticketFromRef(ref: TicketRef): TicketInfo {
  return {
    helpdesk: ref.helpdesk,
    ticketId: ref.ticketId,
    url: ref.url,
    ...(ref.displayId ? { displayId: ref.displayId } : {}),
  };
}

export function sameTicketInfo(a: TicketInfo, b: TicketInfo): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TicketInfo>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Start watching. Calls `onChange` with the first snapshot synchronously
 * (from the URL, or from the DOM if it is already there) and again whenever
 * what the page shows changes.
 */
export function watchTicket(
  doc: Document,
  adapter: HelpdeskAdapter,
  ref: TicketRef,
  signal: AbortSignal,
  onChange: (snapshot: TicketSnapshot) => void,
  options: WatchOptions = {},
): void {
  const giveUpMs = options.giveUpMs ?? 5_000;
  const waitingIntervalMs = options.waitingIntervalMs ?? 30;
  const partialIntervalMs = options.partialIntervalMs ?? 250;
  const settledIntervalMs = options.settledIntervalMs ?? 1_000;
  let last: TicketSnapshot | undefined;
  let root: Element | null = null;
  let gaveUp = false;
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  let lastCheck = 0;
  let lastCost = 0;
  let before: readonly StrategyReads[] = [];

  const publish = (next: TicketSnapshot) => {
    if (
      last &&
      last.found === next.found &&
      last.error === next.error &&
      last.missing.join() === next.missing.join() &&
      messagesKey(last.messages) === messagesKey(next.messages) &&
      linksKey(last.links) === linksKey(next.links) &&
      sameTicketInfo(last.ticket, next.ticket)
    ) {
      return;
    }
    last = next;
    onChange(next);
  };

  // While the ticket is awaited, the whole page (and the open shadow roots
  // the adapter searches) is watched, including the attributes that show or
  // hide a prepared view. Once found, only the ticket's own subtree and the
  // direct children of its ancestors are: a page that keeps changing its DOM
  // elsewhere (live lists, toasts) then costs nothing.
  const observer = new MutationObserver(() => schedule());
  let watching: { root: Element | null; observed: WeakSet<Node> } | undefined;

  const watchPage = () => {
    if (!watching || watching.root !== null) {
      observer.disconnect();
      watching = { root: null, observed: new WeakSet() };
    }
    let roots: ParentNode[];
    try {
      roots = adapter.searchRoots(doc);
    } catch {
      roots = [doc];
    }
    for (const node of [doc, ...roots] as Node[]) {
      if (watching.observed.has(node)) continue;
      watching.observed.add(node);
      observer.observe(node, {
        childList: true,
        subtree: true,
        characterData: true,
        attributeFilter: VISIBILITY_ATTRIBUTES,
      });
    }
  };

  const watchRoot = (el: Element) => {
    if (watching?.root === el) return;
    observer.disconnect();
    watching = { root: el, observed: new WeakSet() };
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    // Removing the ticket (or any ancestor) changes some ancestor's children.
    for (let node = parentAcrossShadow(el); node; node = parentAcrossShadow(node)) {
      observer.observe(node, { childList: true });
    }
  };

  const check = () => {
    scheduled = undefined;
    if (signal.aborted) return;
    lastCheck = performance.now();
    try {
      checkNow();
    } finally {
      lastCost = performance.now() - lastCheck;
    }
  };

  const checkNow = () => {
    let found: Element | null;
    try {
      found = adapter.ticketRoot(doc, ref);
    } catch (error) {
      publish({
        ticket: ticketFromRef(ref),
        missing: ALL_METADATA,
        found: false,
        error: errorMessage(error),
      });
      return;
    }
    if (found !== root) {
      root = found;
      options.onRoot?.(root);
    }
    // Not there (yet, or any more): watch the page again, new shadow roots
    // (Intercom renders its inbox into one) included.
    if (root) watchRoot(root);
    else watchPage();
    if (!root) {
      publish({
        ticket: last?.found ? last.ticket : ticketFromRef(ref),
        missing: gaveUp ? ALL_METADATA : (last?.missing ?? []),
        found: false,
      });
      return;
    }
    try {
      const read = adapter.readTicket(root, ref, before);
      // The URL is the authority on which ticket is open; the DOM only adds to it.
      publish({
        ticket: { ...read.ticket, helpdesk: ref.helpdesk, ticketId: ref.ticketId, url: ref.url },
        missing: read.missing,
        found: true,
        ...(read.sources ? { sources: read.sources } : {}),
        messages: readMessages(ref.helpdesk, root),
        links: readLinks(adapter, root, doc),
      });
    } catch (error) {
      publish({
        ticket: ticketFromRef(ref),
        missing: ALL_METADATA,
        found: true,
        error: errorMessage(error),
      });
    }
  };

  const schedule = () => {
    if (scheduled !== undefined || signal.aborted) return;
    // A page that mutates constantly must not pay for a check per mutation:
    // checks are spaced, closely while the ticket's DOM is awaited, loosely
    // once everything was read (then only to notice edits and re-renders).
    const spacing = !last?.found
      ? Math.min(waitingIntervalMs, 10 * lastCost)
      : last.missing.length > 0
        ? partialIntervalMs
        : settledIntervalMs;
    scheduled = setTimeout(check, Math.max(0, spacing - (performance.now() - lastCheck)));
  };

  const giveUp = setTimeout(() => {
    gaveUp = true;
    if (!root) check();
  }, giveUpMs);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(giveUp);
      if (scheduled !== undefined) clearTimeout(scheduled);
    },
    { once: true },
  );
  check();
  void options.before?.then(
    (reads) => {
      if (signal.aborted || reads.length === 0) return;
      before = reads;
      if (scheduled !== undefined) clearTimeout(scheduled);
      check();
    },
    () => undefined,
  );
}

/** Attributes by which apps show and hide views they rendered in advance. */
const VISIBILITY_ATTRIBUTES = ['style', 'class', 'hidden', 'aria-hidden', 'data-is-active'];

/** The parent node, stepping from a shadow root to its host. */
function parentAcrossShadow(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in parent) {
    // Watch the shadow root's own children too, then continue above the host.
    return parent;
  }
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node) {
    return (node as ShadowRoot).host;
  }
  return parent;
}
