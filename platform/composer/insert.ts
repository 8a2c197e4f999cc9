import { errorMessage } from '../../lib/errors';
/**
 * Putting text into the helpdesk's own reply editor at the agent's cursor, so
 * the editor's state (CKEditor 5 model, ProseMirror state, Slate value,
 * Redactor's textarea sync) sees it as if the agent had typed or pasted it.
 * Writing DOM nodes directly would be overwritten on the editor's next render
 * and never sent.
 *
 * Two routes into an editor, tried in the order that suits its kind:
 * - a synthetic `paste` carrying a DataTransfer with text/plain only: the
 *   model editors (CKEditor 5, ProseMirror, Slate) handle paste themselves
 *   and call preventDefault, which is how we know they took it. Only
 *   text/plain, because Slate hands anything richer to its beforeinput path,
 *   which an untrusted event does not reach. Nothing handles it in a plain
 *   contenteditable (a synthetic paste has no default action).
 * - `document.execCommand('insertText')` (and `insertParagraph` between
 *   lines): the browser's own editing, which fires trusted-like
 *   beforeinput/input events; it works in plain contenteditables and in
 *   Redactor, and we know it worked when the editor's text changed.
 * When neither works (no editor on the page yet, e.g. Help Scout before Reply
 * is clicked), the text goes to the clipboard and the caller says so.
 *
 * The panel lives in a shadow root and clicking it takes focus from the
 * editor, so the agent's last cursor position in the editor is tracked
 * (`trackComposerSelection`) and restored before inserting.
 *
 * No imports: the browser test bundles this file alone into fixture pages.
 */

export type EditorKind = 'ckeditor5' | 'prosemirror' | 'slate' | 'redactor' | 'unknown';
export type InsertPath = 'paste' | 'execCommand' | 'clipboard';

export interface InsertResult {
  path: InsertPath;
}

export interface InsertOptions {
  kind?: EditorKind;
  /** The agent's last cursor position in the editor (from trackComposerSelection). */
  range?: Range | null;
  /** Clipboard writer; defaults to navigator.clipboard.writeText. */
  writeClipboard?: (text: string) => Promise<void>;
}

/** The selection that can see into the editor's tree (shadow roots have their own in Chromium). */
export function selectionFor(node: Node): Selection | null {
  const root = node.getRootNode() as
    (ShadowRoot & { getSelection?: () => Selection | null }) | Document;
  if (
    typeof ShadowRoot !== 'undefined' &&
    root instanceof ShadowRoot &&
    typeof root.getSelection === 'function'
  ) {
    return root.getSelection();
  }
  return (node.ownerDocument ?? document).getSelection();
}

function insideEditor(editor: HTMLElement, node: Node | null): boolean {
  return !!node && (node === editor || editor.contains(node));
}

/** Keep the agent's last cursor position in the composer. */
export function trackComposerSelection(
  doc: Document,
  getEditor: () => HTMLElement | null,
): { range(): Range | null; stop(): void } {
  let saved: Range | null = null;
  const onChange = () => {
    const editor = getEditor();
    if (!editor) return;
    const sel = selectionFor(editor);
    if (sel && sel.rangeCount > 0 && insideEditor(editor, sel.anchorNode)) {
      saved = sel.getRangeAt(0).cloneRange();
    }
  };
  doc.addEventListener('selectionchange', onChange);
  return {
    range: () => saved,
    stop: () => doc.removeEventListener('selectionchange', onChange),
  };
}

function placeCaret(editor: HTMLElement, range: Range | null | undefined): void {
  const sel = selectionFor(editor);
  if (!sel) return;
  if (
    range &&
    range.startContainer.isConnected &&
    insideEditor(editor, range.startContainer) &&
    insideEditor(editor, range.endContainer)
  ) {
    sel.removeAllRanges();
    sel.addRange(range);
    return;
  }
  if (sel.rangeCount > 0 && insideEditor(editor, sel.anchorNode)) return;
  // No remembered position: the end of what is already written.
  const end = editor.ownerDocument.createRange();
  end.selectNodeContents(editor);
  end.collapse(false);
  sel.removeAllRanges();
  sel.addRange(end);
}

function pasteInto(editor: HTMLElement, text: string): boolean {
  let event: ClipboardEvent;
  try {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
  } catch {
    return false;
  }
  const sel = selectionFor(editor);
  const anchor = sel?.anchorNode;
  const target =
    anchor && insideEditor(editor, anchor)
      ? anchor.nodeType === Node.ELEMENT_NODE
        ? (anchor as Element)
        : (anchor.parentElement ?? editor)
      : editor;
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

function execInsert(editor: HTMLElement, text: string): boolean {
  const doc = editor.ownerDocument;
  if (typeof doc.execCommand !== 'function') return false;
  const before = editor.innerHTML;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  try {
    lines.forEach((line, i) => {
      if (i > 0) doc.execCommand('insertParagraph', false);
      if (line !== '') doc.execCommand('insertText', false, line);
    });
  } catch {
    return editor.innerHTML !== before;
  }
  return editor.innerHTML !== before;
}

const MODEL_EDITORS: readonly EditorKind[] = ['ckeditor5', 'prosemirror', 'slate'];

/** Let the editor see the restored selection (selectionchange is dispatched asynchronously). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * What goes around inserted text so it never runs into what the agent has
 * already written: a blank line before it when the cursor follows text (one
 * line break when the cursor is already on an empty line after text), and a
 * blank line after it when text follows the cursor.
 */
export function separate(
  text: string,
  around: { beforeInLine: string; before: string; after: string },
): string {
  const body = text.replace(/^\s*\n/, '').replace(/\n\s*$/, '');
  // Zero-width fillers (Slate, Redactor) are not text the agent wrote.
  const written = (s: string) => s.replace(/[\u200B\uFEFF]/g, '').trim() !== '';
  const prefix = written(around.beforeInLine) ? '\n\n' : written(around.before) ? '\n' : '';
  const suffix = written(around.after) ? '\n\n' : '';
  return `${prefix}${body}${suffix}`;
}

const BLOCK = 'p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre';

/** The editor's text before and after the caret (and before it in the caret's own line). */
function textAround(editor: HTMLElement): { beforeInLine: string; before: string; after: string } {
  const sel = selectionFor(editor);
  const empty = { beforeInLine: '', before: '', after: '' };
  if (!sel || sel.rangeCount === 0 || !insideEditor(editor, sel.anchorNode)) return empty;
  const caret = sel.getRangeAt(0);
  const doc = editor.ownerDocument;
  const span = (from: Node, to: 'start' | 'end') => {
    const r = doc.createRange();
    if (to === 'start') {
      r.setStart(from, 0);
      r.setEnd(caret.startContainer, caret.startOffset);
    } else {
      r.setStart(caret.endContainer, caret.endOffset);
      r.setEnd(from, from.childNodes.length);
    }
    return r.toString();
  };
  const start = caret.startContainer;
  const element = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  const block = element?.closest(BLOCK);
  const line = block && editor.contains(block) && block !== editor ? block : editor;
  return {
    beforeInLine: span(line, 'start'),
    before: span(editor, 'start'),
    after: span(editor, 'end'),
  };
}

export async function insertIntoComposer(
  editor: HTMLElement | null | undefined,
  text: string,
  options: InsertOptions = {},
): Promise<InsertResult> {
  if (editor && editor.isConnected && editor.isContentEditable) {
    editor.focus({ preventScroll: true });
    placeCaret(editor, options.range);
    await nextTask();
    const inserted = separate(text, textAround(editor));
    const routes: Array<InsertPath> = MODEL_EDITORS.includes(options.kind ?? 'unknown')
      ? ['paste', 'execCommand']
      : ['execCommand', 'paste'];
    for (const route of routes) {
      const ok = route === 'paste' ? pasteInto(editor, inserted) : execInsert(editor, inserted);
      if (ok) return { path: route };
    }
  }
  const write = options.writeClipboard ?? ((t: string) => navigator.clipboard.writeText(t));
  try {
    await write(text);
  } catch (error) {
    const reason = errorMessage(error);
    throw new Error(`Could not reach the reply editor or the clipboard (${reason}).`);
  }
  return { path: 'clipboard' };
}
