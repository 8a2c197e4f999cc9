/**
 * The contract every helpdesk adapter implements. The URL is the authority on
 * which ticket is open; the DOM only adds metadata, and only from the element
 * that belongs to the URL's ticket (Zendesk keeps other tickets' workspaces in
 * the page, all three show other tickets' ids in lists and sidebars).
 *
 * Pure: adapters read the Document/Element handed to them, never globals.
 */
import type { Helpdesk, TicketInfo } from '../workflow/schema';
import type { AgentApi } from './agent-api';
import type { StrategyReads } from './facts/combine';

export interface TicketRef {
  helpdesk: Helpdesk;
  ticketId: string;
  displayId?: string;
  url: string;
}

export type MetadataKey =
  | 'subject'
  | 'requesterName'
  | 'requesterEmail'
  | 'createdAt'
  | 'status'
  | 'priority'
  | 'assignee'
  | 'organization'
  | 'plan'
  | 'displayId';

export interface ReadResult {
  ticket: TicketInfo;
  /** fields the page shows but we could not read */
  missing: MetadataKey[];
  /** Which strategy gave each fact (selector health). */
  sources?: Partial<Record<string, string>>;
  /** Facts where strategies disagreed (the most trusted one was kept). */
  conflicts?: string[];
}

/** One strategy's reads, handed to `readTicket` to be tried before the page's (the agent API). */
export type { StrategyReads } from './facts/combine';

export interface ComposerLocation {
  editor: HTMLElement | null;
  editorKind: 'ckeditor5' | 'prosemirror' | 'slate' | 'redactor' | 'unknown';
  fileInputs: HTMLInputElement[];
  dropTarget: HTMLElement | null;
  sendButton: HTMLElement | null;
}

export interface HelpdeskAdapter {
  id: Helpdesk;
  label: string;
  /** Manifest match patterns for the content script. */
  matches: string[];
  parseTicketUrl(url: URL): TicketRef | null; // pure
  /** Roots to search, including open shadow roots (Intercom #teammate-app-react). */
  searchRoots(doc: Document): ParentNode[];
  /** The element holding the URL's ticket only (Zendesk: the active workspace for that id); null until rendered. */
  ticketRoot(doc: Document, ref: TicketRef): Element | null;
  /** `before`: reads more trusted than the page's own (the helpdesk's API), tried first. */
  readTicket(root: Element, ref: TicketRef, before?: readonly StrategyReads[]): ReadResult;
  findComposer(root: Element, doc: Document): ComposerLocation;
  /** The helpdesk's same-origin agent API, where it has a stable read-only one (see agent-api.ts). */
  api?: AgentApi;
  /** Signed-in agent, where the page shows it (prefills the options page). */
  readAgent?(doc: Document): { name?: string; email?: string } | null;
}
