/**
 * Reads a Zendesk ticket from its workspace. `ticketRoot` picks the workspace
 * that belongs to the URL's ticket and is shown; every read below is scoped
 * to it, because the other open tabs' workspaces (same ids, other tickets)
 * stay in the DOM.
 */
import {
  attrOf,
  earliestTime,
  emailIn,
  firstShownOf,
  isShown,
  textOf,
  valueByLabel,
  valueOf,
} from '../dom';
import { buildResult, notFound, readValue, type FieldRead } from '../result';
import type { ComposerLocation, ReadResult, TicketRef } from '../types';
import * as S from './selectors';

/** Zendesk shows "-" in empty dropdowns. */
function meaningful(value: string | undefined): string | undefined {
  return value && value !== '-' ? value : undefined;
}

function isActiveWorkspace(ws: Element): boolean {
  if (!isShown(ws)) return false;
  const layout = ws.matches(S.layout) ? ws : ws.querySelector(S.layout);
  return layout?.getAttribute('data-is-active') !== 'false';
}

export function zendeskTicketRoot(doc: Document, ref: TicketRef): Element | null {
  for (const marker of Array.from(doc.querySelectorAll(S.ticketMarkersFor(ref.ticketId)))) {
    // A marker outside any workspace could be a list row or a link: only the
    // workspace (or the layout itself, should the wrapper be renamed) counts.
    const ws = marker.closest(S.workspace) ?? marker.closest(S.layout);
    if (ws && isActiveWorkspace(ws)) return ws;
  }
  return null;
}

function readSubject(root: Element): FieldRead {
  const input = root.querySelector(S.subject) ?? root.querySelector(S.subjectLegacy);
  if (!input) return notFound;
  return readValue(input.matches('input, textarea') ? valueOf(input) : textOf(input));
}

function readRequesterName(root: Element): FieldRead {
  const field = root.querySelector(S.requesterField);
  if (!field) return notFound;
  const tag = field.querySelector('[title]');
  return readValue(attrOf(tag, 'title') ?? textOf(tag));
}

function readAssignee(root: Element): FieldRead {
  const field = root.querySelector(S.assigneeField);
  if (!field) return notFound;
  const tag = field.querySelector(S.assigneeTag);
  return readValue(meaningful(attrOf(tag, 'title') ?? textOf(tag)));
}

function readPriority(root: Element): FieldRead {
  const field = root.querySelector(S.priorityField);
  if (!field) return notFound;
  return readValue(meaningful(textOf(field.querySelector(S.comboboxValue))));
}

function readStatus(root: Element): FieldRead {
  const label = root.querySelector(S.statusLabel) ?? root.querySelector(S.submitStatus);
  if (!label) return notFound;
  return readValue(textOf(label));
}

function readCreatedAt(root: Element): FieldRead<number> {
  const log = root.querySelector(S.logContainer);
  const earliest = earliestTime(Array.from(root.querySelectorAll(S.logTime)));
  // Every message shows its time: a log without readable times has drifted.
  if (!log || earliest === undefined) return notFound;
  return { found: true, value: earliest };
}

export function readZendeskTicket(root: Element, ref: TicketRef): ReadResult {
  const panel = root.querySelector(S.contextPanel);
  return buildResult(ref, {
    subject: readSubject(root),
    requesterName: readRequesterName(root),
    requesterEmail: panel ? readValue(emailIn(panel)) : notFound,
    createdAt: readCreatedAt(root),
    status: readStatus(root),
    priority: readPriority(root),
    assignee: readAssignee(root),
    // Not every customer has an organization or a plan field: a panel without
    // the row is "not set", not "could not read".
    organization: panel
      ? readValue(valueByLabel(panel, ['Organization', 'Organisation']).value)
      : notFound,
    plan: panel
      ? readValue(valueByLabel(panel, ['Plan', 'Plan tier', 'Subscription']).value)
      : notFound,
  });
}

export function findZendeskComposer(root: Element): ComposerLocation {
  const editor = firstShownOf<HTMLElement>(root, [S.editor, S.editorFallback], root);
  const tagged = Array.from(root.querySelectorAll<HTMLInputElement>(S.fileInput));
  const fileInputs = tagged.length
    ? tagged
    : Array.from(root.querySelectorAll<HTMLInputElement>(S.anyFileInput));
  return {
    editor,
    editorKind: editor ? 'ckeditor5' : 'unknown',
    fileInputs,
    dropTarget: editor?.closest<HTMLElement>(S.editorView) ?? editor,
    sendButton: root.querySelector<HTMLElement>(S.sendButton),
  };
}

export function readZendeskAgent(doc: Document): { name?: string } | null {
  const name = attrOf(doc.querySelector(S.agentAvatar), 'alt');
  return name ? { name } : null;
}
