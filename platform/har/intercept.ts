/**
 * Holds `.har` attachments on the helpdesk page until they are sanitized.
 *
 * Capture-phase listeners run before the page's own handlers:
 * - `input`/`change` on file inputs, on the window and on every open shadow
 *   root (`change` does not cross shadow boundaries), including inputs and
 *   shadow roots created after load;
 * - `drop` and `paste` on the window (both are composed).
 * When the files include a HAR, the original event is stopped (and the
 * input emptied so a form submit cannot carry the original), the HARs are
 * sanitized, and the page's handler gets the same event again with
 * `<name>.sanitized.har` in place of each HAR. Other files pass through
 * untouched. If sanitizing fails nothing reaches the page and `onError`
 * says why.
 */
import type { HarReport } from '../../lib/har/index';
import { pageDataTransfer } from './page-data-transfer';
import { isHarFile } from './sanitizer-client';

export type HarInterceptVia = 'input' | 'drop' | 'paste';

export interface HarInterceptInfo {
  via: HarInterceptVia;
  /** Original file name. */
  original: string;
  /** Name handed to the page (absent on error). */
  sanitized?: string;
  /** Size of the original file in bytes. */
  size?: number;
  /** Stops sanitizing this file; the upload is then blocked (nothing reaches the page). */
  cancel?: () => void;
}

/** How far sanitizing one file has got. */
export interface HarInterceptProgress {
  bytesRead: number;
  totalBytes: number;
  entries: number;
}

export interface HarSanitizeControls {
  onProgress?: (progress: HarInterceptProgress) => void;
  signal?: AbortSignal;
}

export interface HarInterceptionOptions {
  /** Roots scanned once at install for shadow roots; usually `() => [document]`. */
  roots: () => ParentNode[];
  signal: AbortSignal;
  sanitize: (
    file: File,
    controls?: HarSanitizeControls,
  ) => Promise<{ file: File; report: HarReport }>;
  onReport?: (report: HarReport, info: HarInterceptInfo) => void;
  onError?: (error: unknown, info: HarInterceptInfo) => void;
  /** Called when a HAR is held, before sanitizing starts (for a "sanitizing…" notice). */
  onStart?: (info: HarInterceptInfo) => void;
  /** The agent is about to pick or drop a file (focus on a file input, a drag with files): start the sanitizer early. */
  warm?: () => void;
  /** Progress while a HAR is sanitized (about every 100 ms from the worker). */
  onProgress?: (progress: HarInterceptProgress, info: HarInterceptInfo) => void;
}

function isFileInput(node: EventTarget | undefined | null): node is HTMLInputElement {
  return (
    !!node &&
    (node as Element).nodeType === 1 &&
    (node as Element).localName === 'input' &&
    (node as HTMLInputElement).type === 'file'
  );
}

function originOf(event: Event): EventTarget | null {
  const path = event.composedPath();
  return path[0] ?? event.target;
}

export function installHarInterception(options: HarInterceptionOptions): void {
  const { signal } = options;
  const ours = new WeakSet<Event>();
  const held = new WeakSet<HTMLInputElement>();
  const hooked = new WeakSet<EventTarget>();
  const win = window;
  const listen = (target: EventTarget, type: string, handler: (event: Event) => void) =>
    target.addEventListener(type, handler, { capture: true, signal });

  /** Sanitize each HAR in `files` (others untouched); reports per HAR. Throws on the first failure. */
  const process = async (files: File[], via: HarInterceptVia): Promise<File[]> => {
    const out: File[] = [];
    for (const file of files) {
      if (!isHarFile(file)) {
        out.push(file);
        continue;
      }
      const cancelling = new AbortController();
      const info: HarInterceptInfo = {
        via,
        original: file.name,
        size: file.size,
        cancel: () => cancelling.abort(),
      };
      options.onStart?.(info);
      try {
        const { file: clean, report } = await options.sanitize(file, {
          signal: cancelling.signal,
          onProgress: (progress) => options.onProgress?.(progress, info),
        });
        out.push(clean);
        options.onReport?.(report, { ...info, sanitized: clean.name });
      } catch (error) {
        options.onError?.(error, info);
        throw error;
      }
    }
    return out;
  };

  const transfer = (files: File[], copyFrom?: DataTransfer | null): DataTransfer => {
    // Only string items (text, html, uris) are copied: files are handled above.
    const strings: Array<[string, string]> = [];
    for (const item of Array.from(copyFrom?.items ?? [])) {
      if (item.kind !== 'string') continue;
      try {
        const value = copyFrom!.getData(item.type);
        if (typeof value === 'string') strings.push([item.type, value]);
      } catch {
        // Unreadable in this context; the files are what matter.
      }
    }
    // Firefox: items this script adds would be hidden from the page's handlers.
    const forPage = pageDataTransfer(win, { files, strings });
    if (forPage) return forPage;
    const dt = new DataTransfer();
    for (const file of files) dt.items.add(file);
    for (const [type, value] of strings) {
      try {
        dt.setData(type, value);
      } catch {
        // Some types cannot be set on a synthetic DataTransfer; the files are what matter.
      }
    }
    return dt;
  };

  // ---------------------------------------------------------------- file inputs

  /** Bumped on every selection, so a slow sanitize never overwrites a newer choice. */
  const generation = new WeakMap<HTMLInputElement, number>();

  const onInputEvent = (event: Event) => {
    if (ours.has(event)) return;
    const input = originOf(event);
    if (!isFileInput(input)) return;
    // A file input in a shadow root we have not hooked yet: its composed
    // `input` reached the window; hook its root now so the `change` that
    // follows (not composed) is held there too.
    const inputRoot = input.getRootNode();
    if (inputRoot !== input && (inputRoot as ShadowRoot).host && !hooked.has(inputRoot)) {
      hookRoot(inputRoot);
      scan(inputRoot as ShadowRoot);
    }
    if (held.has(input)) {
      // The `change` the browser fires right after the `input` we hold.
      event.stopImmediatePropagation();
      return;
    }
    const turn = (generation.get(input) ?? 0) + 1;
    generation.set(input, turn);
    const files = Array.from(input.files ?? []);
    if (!files.some(isHarFile)) return;
    event.stopImmediatePropagation();
    held.add(input);
    // `input` and `change` come in the same task; the next selection is a new one.
    setTimeout(() => held.delete(input), 0);
    // Empty the input now: nothing unsanitized stays selectable or submittable.
    input.value = '';
    process(files, 'input').then(
      (clean) => {
        if (signal.aborted || generation.get(input) !== turn) return;
        input.files = transfer(clean).files;
        for (const type of ['input', 'change']) {
          const replay = new Event(type, { bubbles: true, composed: type === 'input' });
          ours.add(replay);
          input.dispatchEvent(replay);
        }
      },
      () => undefined,
    );
  };

  const hookRoot = (root: EventTarget) => {
    if (hooked.has(root)) return;
    hooked.add(root);
    listen(root, 'input', onInputEvent);
    listen(root, 'change', onInputEvent);
  };

  const hookShadowOf = (el: Element) => {
    const shadow = el.shadowRoot;
    if (shadow && !hooked.has(shadow)) {
      hookRoot(shadow);
      scan(shadow);
    }
  };

  /** Hook every open shadow root under `node` (and theirs). */
  const scan = (node: ParentNode) => {
    // Live-updating pages add leaf elements by the thousand (list rows,
    // message parts): those need no tree walker, only a look at themselves.
    if ((node as Node).nodeType === 1 && !(node as Element).firstElementChild) {
      hookShadowOf(node as Element);
      return;
    }
    const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(
      node as Node,
      1 /* SHOW_ELEMENT */,
    );
    for (
      let el = walker.currentNode as Element | null;
      el;
      el = walker.nextNode() as Element | null
    ) {
      hookShadowOf(el);
    }
  };

  hookRoot(win);
  // Shadow roots already on the page are hooked now. Later ones are hooked
  // when the agent interacts inside them (below) or when a file input in one
  // fires its composed `input` event (onInputEvent): no MutationObserver, so a
  // page that rewrites its DOM all day pays nothing for this.
  for (const root of options.roots()) scan(root);

  // A shadow root attached to an element already in the page does not show up as a
  // mutation: catch its inputs when they are interacted with (click/focus are composed).
  const onInteract = (event: Event) => {
    const origin = originOf(event) as Node | null;
    if (options.warm && isFileInput(origin)) options.warm();
    const root = origin?.getRootNode?.();
    if (root && root !== origin && (root as ShadowRoot).host && !hooked.has(root)) {
      hookRoot(root);
      scan(root as ShadowRoot);
    }
  };
  for (const type of ['pointerdown', 'click', 'focusin', 'keydown']) listen(win, type, onInteract);

  // ---------------------------------------------------------------- drop and paste

  const replayEvent = (kind: 'drop' | 'paste', original: Event, dt: DataTransfer): Event => {
    const init = { bubbles: true, cancelable: true, composed: true };
    let replay: Event;
    try {
      replay =
        kind === 'drop'
          ? new DragEvent('drop', {
              ...init,
              ...pointerInit(original as DragEvent),
              dataTransfer: dt,
            })
          : new ClipboardEvent('paste', { ...init, clipboardData: dt });
    } catch {
      replay = new Event(kind, init);
    }
    const field = kind === 'drop' ? 'dataTransfer' : 'clipboardData';
    if ((replay as unknown as Record<string, unknown>)[field] !== dt) {
      Object.defineProperty(replay, field, { value: dt });
    }
    return replay;
  };

  const onTransfer = (kind: 'drop' | 'paste') => (event: Event) => {
    if (ours.has(event)) return;
    const data =
      kind === 'drop' ? (event as DragEvent).dataTransfer : (event as ClipboardEvent).clipboardData;
    const files = Array.from(data?.files ?? []);
    if (!files.some(isHarFile)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const target = originOf(event) as Node | null;
    // Read everything now: a DataTransfer is emptied once its event is over.
    const copy = transfer([], data);
    process(files, kind).then(
      (clean) => {
        if (signal.aborted || !target) return;
        const dt = transfer(clean, copy);
        const replay = replayEvent(kind, event, dt);
        ours.add(replay);
        (target.isConnected
          ? target
          : (win.document.activeElement ?? win.document.body)
        ).dispatchEvent(replay);
      },
      () => undefined,
    );
  };
  if (options.warm) {
    const warm = options.warm;
    listen(win, 'dragenter', (event) => {
      if (Array.from((event as DragEvent).dataTransfer?.types ?? []).includes('Files')) warm();
    });
  }
  listen(win, 'drop', onTransfer('drop'));
  listen(win, 'paste', onTransfer('paste'));
}

function pointerInit(event: DragEvent): MouseEventInit {
  return {
    clientX: event.clientX,
    clientY: event.clientY,
    screenX: event.screenX,
    screenY: event.screenY,
    ctrlKey: event.ctrlKey,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
  };
}
