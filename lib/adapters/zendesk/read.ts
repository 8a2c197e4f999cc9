/**
 * Reads a Zendesk ticket from its workspace. `ticketRoot` picks the workspace
 * that belongs to the URL's ticket and is shown; every read below is scoped
 * to it, because the other open tabs' workspaces (same ids, other tickets)
 * stay in the DOM.
 */
import { attrOf, firstShownOf, isShown } from '../dom';
import type { StrategyReads } from '../facts/combine';
import { buildCombinedResult } from '../result';
import type { ComposerLocation, ReadResult, TicketRef } from '../types';
import { zendeskStrategies } from './strategies';
import * as S from './selectors';

function isActiveWorkspace(ws: Element): boolean {
  if (!isShown(ws)) return false;
  const layout = ws.matches(S.layout)
    ? ws
    : (ws.querySelector(S.layout) ?? ws.querySelector(S.activeFlag));
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

export function readZendeskTicket(
  root: Element,
  ref: TicketRef,
  before: readonly StrategyReads[] = [],
): ReadResult {
  return buildCombinedResult(ref, [...before, ...zendeskStrategies(root, ref.ticketId)]);
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
