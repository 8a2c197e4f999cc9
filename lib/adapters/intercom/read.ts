/**
 * Reads an Intercom conversation. The stream, sidebar and composer live in an
 * open shadow root, so roots come from `intercomSearchRoots`. The inbox shows
 * one conversation at a time; during SPA navigation the previous one can
 * still be on screen, so a conversation space whose "Conversation ID" row
 * names another conversation is not the URL's.
 */
import {
  attrOf,
  earliestTime,
  firstShown,
  firstShownOf,
  openShadowRoots,
  queryAllIn,
  textOf,
  valueByLabel,
} from '../dom';
import { buildResult, notFound, readValue, type FieldRead } from '../result';
import type { ComposerLocation, ReadResult, TicketRef } from '../types';
import * as S from './selectors';

export function intercomSearchRoots(doc: Document): ParentNode[] {
  const host = doc.querySelector(S.shadowHost);
  if (host?.shadowRoot) return [doc, host.shadowRoot, ...openShadowRoots(host.shadowRoot)];
  // The known host was renamed or not there yet: look for any open shadow root.
  return [doc, ...openShadowRoots(doc)];
}

export function intercomTicketRoot(doc: Document, ref: TicketRef): Element | null {
  for (const root of intercomSearchRoots(doc)) {
    const space = firstShown(root, S.conversationSpace);
    if (!space) continue;
    const shownId = valueByLabel(space, ['Conversation ID'], S.attributeLabel).value;
    if (shownId && shownId.replace(/^#/, '') !== ref.ticketId) return null;
    return space;
  }
  return null;
}

function sidebarRead(sidebar: Element | null, labels: string[]): FieldRead {
  if (!sidebar) return notFound;
  const { value } = valueByLabel(sidebar, labels, S.attributeLabel);
  return readValue(value && !/^(unassigned|unknown|—|-)$/i.test(value) ? value : undefined);
}

function readCreatedAt(root: Element): FieldRead<number> {
  const stream = root.querySelector(S.stream);
  const earliest = earliestTime(Array.from(root.querySelectorAll(S.partTime)));
  if (!stream || earliest === undefined) return notFound;
  return { found: true, value: earliest };
}

function readRequesterName(root: Element, sidebar: Element | null): FieldRead {
  const fromSidebar = sidebarRead(sidebar, ['Name']);
  if (fromSidebar.found && fromSidebar.value) return fromSidebar;
  // The first user-authored part names the customer.
  const userPart = root.querySelector(S.userPartAuthor);
  return userPart ? readValue(textOf(userPart)) : fromSidebar;
}

export function readIntercomTicket(root: Element, ref: TicketRef): ReadResult {
  const sidebar = root.querySelector(S.detailsSidebar);
  const title = root.querySelector(S.title);
  return buildResult(ref, {
    subject: title ? readValue(textOf(title)) : notFound,
    requesterName: readRequesterName(root, sidebar),
    requesterEmail: sidebarRead(sidebar, ['Email']),
    createdAt: readCreatedAt(root),
    assignee: sidebarRead(sidebar, ['Assignee']),
    priority: sidebarRead(sidebar, ['Priority']),
    organization: sidebarRead(sidebar, ['Company', 'Company name']),
    plan: sidebarRead(sidebar, ['Plan', 'Plan tier']),
    // Intercom shows the state only as a Close/Reopen action: not read.
  });
}

export function findIntercomComposer(root: Element, doc: Document): ComposerLocation {
  const editor = firstShownOf<HTMLElement>(root, [S.editor, S.editorFallback]);
  const composer = editor?.closest(S.composer) ?? root.querySelector(S.composer);
  const fileInputs = composer
    ? Array.from(composer.querySelectorAll<HTMLInputElement>('input[type="file"]'))
    : queryAllIn<HTMLInputElement>(intercomSearchRoots(doc), S.fileInput);
  return {
    editor,
    editorKind: editor ? 'prosemirror' : 'unknown',
    fileInputs,
    dropTarget: editor?.closest<HTMLElement>(S.dropTarget) ?? editor,
    sendButton: (composer ?? root).querySelector<HTMLElement>(S.sendButton),
  };
}

export function readIntercomAgent(doc: Document): { name?: string } | null {
  const [avatar] = queryAllIn(intercomSearchRoots(doc), S.agentAvatar);
  const name = attrOf(avatar, 'alt');
  return name ? { name } : null;
}
