/**
 * Reads an Intercom conversation. The stream, sidebar and composer live in an
 * open shadow root, so roots come from `intercomSearchRoots`. The inbox shows
 * one conversation at a time; during SPA navigation the previous one can
 * still be on screen, so a conversation space whose "Conversation ID" row
 * names another conversation is not the URL's.
 */
import {
  attrOf,
  firstShown,
  firstShownOf,
  openShadowRoots,
  queryAllIn,
  textOf,
  valueByLabel,
} from '../dom';
import type { StrategyReads } from '../facts/combine';
import { CONVERSATION_ID_LABELS } from '../facts/semantic';
import { buildCombinedResult } from '../result';
import type { ComposerLocation, ReadResult, TicketRef } from '../types';
import * as S from './selectors';
import { intercomStrategies } from './strategies';

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
    // The id the space shows: its attribute, the ID row, or (2025) the labelled row.
    const shownId =
      attrOf(space, 'data-conversation-id') ??
      textOf(space.querySelector('[data-attribute-identifier="id"] > :last-child')) ??
      valueByLabel(space, CONVERSATION_ID_LABELS, S.attributeLabel).value;
    if (shownId && shownId.replace(/^#/, '') !== ref.ticketId) return null;
    return space;
  }
  return null;
}

export function readIntercomTicket(
  root: Element,
  ref: TicketRef,
  before: readonly StrategyReads[] = [],
): ReadResult {
  return buildCombinedResult(ref, [...before, ...intercomStrategies(root)]);
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
