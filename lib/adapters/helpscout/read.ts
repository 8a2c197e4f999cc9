/**
 * Reads a Help Scout conversation, current UI first, legacy UI second. The
 * conversation view is found from its header; the number it shows must be the
 * URL's (during SPA navigation the previous conversation is still rendered).
 */
import { attrOf, earliestTime, emailIn, firstShownOf, textOf, valueByLabel, valueOf } from '../dom';
import { buildResult, notFound, readValue, type FieldRead } from '../result';
import type { ComposerLocation, ReadResult, TicketRef } from '../types';
import * as S from './selectors';

function viewOf(header: Element): Element {
  return header.closest(S.view) ?? header.closest(S.legacyView) ?? header;
}

function shownNumber(root: Element): string | undefined {
  const el = root.querySelector(S.number) ?? root.querySelector(S.legacyNumber);
  return /#\d+/.exec(textOf(el) ?? '')?.[0];
}

export function helpscoutTicketRoot(doc: Document, ref: TicketRef): Element | null {
  const header = firstShownOf(doc, [S.header, S.legacyHeader]);
  if (!header) return null;
  const root = viewOf(header);
  const number = shownNumber(root);
  if (number && ref.displayId && number !== ref.displayId) return null;
  return root;
}

function readSubject(root: Element): FieldRead {
  const textarea = root.querySelector(S.subject);
  if (textarea) return readValue(valueOf(textarea));
  const legacy = root.querySelector(S.legacySubject);
  return legacy ? readValue(textOf(legacy)) : notFound;
}

function readCreatedAt(root: Element): FieldRead<number> {
  // Threads are listed newest first; the minimum does not depend on that order.
  const earliest = earliestTime(Array.from(root.querySelectorAll(S.threadTime)));
  return earliest === undefined ? notFound : { found: true, value: earliest };
}

function readText(root: Element, selector: string): FieldRead {
  const el = root.querySelector(selector);
  return el ? readValue(textOf(el)) : notFound;
}

export function readHelpscoutTicket(root: Element, ref: TicketRef): ReadResult {
  const sidebar = root.querySelector(S.customerSidebar);
  const number = shownNumber(root);
  return buildResult(ref, {
    subject: readSubject(root),
    requesterName: sidebar ? readText(sidebar, S.customerName) : notFound,
    requesterEmail: sidebar ? readValue(emailIn(sidebar)) : notFound,
    createdAt: readCreatedAt(root),
    status: readText(root, S.status),
    assignee: readText(root, S.assignee),
    organization: sidebar
      ? readValue(valueByLabel(sidebar, ['Company', 'Organization']).value)
      : notFound,
    plan: sidebar ? readValue(valueByLabel(sidebar, ['Plan', 'Plan tier']).value) : notFound,
    // The URL carries the number; the header confirms it (ticketRoot refuses a mismatch).
    displayId: number ? readValue(number) : notFound,
    // Help Scout has no priority.
  });
}

export function findHelpscoutComposer(root: Element): ComposerLocation {
  // Both editors are absent (current) or hidden (legacy) until Reply is clicked.
  const slate = firstShownOf<HTMLElement>(root, [S.editor]);
  const redactor = slate ? null : firstShownOf<HTMLElement>(root, [S.legacyEditor]);
  const editor = slate ?? redactor;
  const box = slate?.closest(S.editorBox) ?? redactor?.closest(S.legacyReplyForm) ?? null;
  return {
    editor,
    editorKind: slate ? 'slate' : redactor ? 'redactor' : 'unknown',
    fileInputs: box ? Array.from(box.querySelectorAll<HTMLInputElement>('input[type="file"]')) : [],
    dropTarget: editor,
    sendButton: box?.querySelector<HTMLElement>(S.sendButton) ?? null,
  };
}

export function readHelpscoutAgent(doc: Document): { name?: string } | null {
  const name = attrOf(doc.querySelector(S.agentAvatar), 'alt');
  return name ? { name } : null;
}
