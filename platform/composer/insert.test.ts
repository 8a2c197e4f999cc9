// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertIntoComposer, selectionFor, separate, trackComposerSelection } from './insert';

const TEXT = 'Hi "Grace" & team,\n\nThe fix ships in v2.3 — 🚀 100% + café';

function editable(html = '<p>Hello world</p>'): HTMLElement {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

/** A model editor in the manner of ProseMirror/CKEditor/Slate: takes paste itself, at its selection. */
function modelEditor(): { el: HTMLElement; model: string[]; offsets: number[] } {
  const el = editable();
  const model: string[] = [];
  const offsets: number[] = [];
  el.addEventListener('paste', (e) => {
    e.preventDefault();
    model.push(e.clipboardData?.getData('text/plain') ?? '');
    offsets.push(selectionFor(el)?.anchorOffset ?? -1);
  });
  return { el, model, offsets };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('separate', () => {
  it('puts a blank line between inserted text and what is already written', () => {
    expect(separate('Hi Priya', { beforeInLine: 'Sam Support', before: 'x', after: '' })).toBe(
      '\n\nHi Priya',
    );
    // The cursor already sits on an empty line under the text: one more line break.
    expect(separate('Hi Priya', { beforeInLine: '', before: 'Sam Support', after: '' })).toBe(
      '\nHi Priya',
    );
    expect(separate('Hi Priya', { beforeInLine: '', before: '', after: 'Thanks' })).toBe(
      'Hi Priya\n\n',
    );
    expect(separate('\nHi Priya\n', { beforeInLine: '', before: ' ', after: '\u200b' })).toBe(
      'Hi Priya',
    );
  });
});

describe('insertIntoComposer', () => {
  it('model editors get a text/plain paste they handle themselves', async () => {
    const { el, model } = modelEditor();
    const write = vi.fn(async () => undefined);
    expect(
      await insertIntoComposer(el, TEXT, { kind: 'prosemirror', writeClipboard: write }),
    ).toEqual({
      path: 'paste',
    });
    // After "Hello world": a blank line first, so the reply does not run into it.
    expect(model).toEqual([`\n\n${TEXT}`]);
    expect(write).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(el);
  });

  it('restores the cursor the agent left in the editor', async () => {
    const { el, offsets } = modelEditor();
    const text = el.querySelector('p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 5);
    range.collapse(true);
    // Focus moved to the panel: the selection is elsewhere now.
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    selectionFor(el)?.removeAllRanges();
    await insertIntoComposer(el, 'X', { kind: 'ckeditor5', range });
    expect(offsets).toEqual([5]);
  });

  it('puts the cursor at the end when there is no remembered position', async () => {
    const { el } = modelEditor();
    await insertIntoComposer(el, 'X', { kind: 'slate' });
    const sel = selectionFor(el);
    expect(sel?.rangeCount).toBe(1);
    expect(el.contains(sel?.anchorNode ?? null)).toBe(true);
  });

  it('plain contenteditables go through execCommand, a paragraph per line', async () => {
    const el = editable('<p></p>');
    const calls: Array<[string, string | undefined]> = [];
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string, _ui: boolean, value?: string) => {
        calls.push([command, value]);
        // What the browser does: the editor's DOM changes.
        el.append(
          command === 'insertParagraph'
            ? document.createElement('p')
            : document.createTextNode(value ?? ''),
        );
        return true;
      },
    });
    try {
      expect(await insertIntoComposer(el, 'one\n\nthree', { kind: 'redactor' })).toEqual({
        path: 'execCommand',
      });
    } finally {
      delete (document as { execCommand?: unknown }).execCommand;
    }
    expect(calls).toEqual([
      ['insertText', 'one'],
      ['insertParagraph', undefined],
      ['insertParagraph', undefined],
      ['insertText', 'three'],
    ]);
  });

  it('falls back to the clipboard when the editor takes neither route', async () => {
    const el = editable();
    const write = vi.fn(async () => undefined);
    expect(await insertIntoComposer(el, TEXT, { kind: 'unknown', writeClipboard: write })).toEqual({
      path: 'clipboard',
    });
    expect(write).toHaveBeenCalledWith(TEXT);
    expect(el.innerHTML).toBe('<p>Hello world</p>');
  });

  it('uses the clipboard when there is no editor, and says so if that fails too', async () => {
    const write = vi.fn(async () => undefined);
    expect(await insertIntoComposer(null, 'x', { writeClipboard: write })).toEqual({
      path: 'clipboard',
    });
    const detached = document.createElement('div');
    detached.contentEditable = 'true';
    expect(await insertIntoComposer(detached, 'x', { writeClipboard: write })).toEqual({
      path: 'clipboard',
    });
    await expect(
      insertIntoComposer(null, 'x', {
        writeClipboard: () => Promise.reject(new Error('Document is not focused')),
      }),
    ).rejects.toThrow(
      'Could not reach the reply editor or the clipboard (Document is not focused).',
    );
  });
});

describe('trackComposerSelection', () => {
  it('remembers the last cursor inside the editor and ignores selections elsewhere', async () => {
    const el = editable();
    const outside = editable('<p>elsewhere</p>');
    const tracker = trackComposerSelection(document, () => el);
    const sel = document.getSelection() as Selection;
    const inside = document.createRange();
    inside.setStart(el.querySelector('p')?.firstChild as Text, 3);
    sel.removeAllRanges();
    sel.addRange(inside);
    document.dispatchEvent(new Event('selectionchange'));
    const away = document.createRange();
    away.setStart(outside.querySelector('p')?.firstChild as Text, 1);
    sel.removeAllRanges();
    sel.addRange(away);
    document.dispatchEvent(new Event('selectionchange'));
    expect(tracker.range()?.startOffset).toBe(3);
    expect(el.contains(tracker.range()?.startContainer ?? null)).toBe(true);
    tracker.stop();
  });
});
