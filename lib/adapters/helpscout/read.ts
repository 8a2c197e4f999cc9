/**
 * Reads a Help Scout conversation, current UI first, legacy UI second. The
 * conversation view is found from its header; the number it shows must be the
 * URL's (during SPA navigation the previous conversation is still rendered).
 */
import { attrOf, firstShownOf, textOf } from '../dom';
import type { StrategyReads } from '../facts/combine';
import { buildCombinedResult, notFound, readValue } from '../result';
import type { ComposerLocation, ReadResult, TicketRef } from '../types';
import * as S from './selectors';
import { helpscoutStrategies } from './strategies';

function viewOf(header: Element): Element {
  return header.closest(S.view) ?? header.closest(S.legacyView) ?? header;
}

function shownNumber(root: Element): string | undefined {
  const el =
    root.querySelector(S.number) ??
    root.querySelector(S.legacyNumber) ??
    root.querySelector('[data-cy="ConversationNumber"]');
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

export function readHelpscoutTicket(
  root: Element,
  ref: TicketRef,
  before: readonly StrategyReads[] = [],
): ReadResult {
  const number = shownNumber(root);
  const strategies = [...before, ...helpscoutStrategies(root)];
  // The URL carries the number; the header confirms it (ticketRoot refuses a mismatch).
  strategies.push({
    strategy: 'header',
    reads: { displayId: number ? readValue(number) : notFound },
  });
  return buildCombinedResult(ref, strategies);
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
