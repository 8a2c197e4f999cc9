/**
 * The file guard, in the helpdesk page's own world at document_start in every
 * frame (entrypoints/har-guard.content). Racing the page's event listeners
 * cannot cover every path (inputs made by script and never attached, closed
 * shadow roots, listeners registered before any extension script), so the
 * guard sits where page code *reads* a file:
 *
 * - `HTMLInputElement.prototype.files` answers an empty list for files not
 *   yet reviewed, and starts their review; `input`/`change` of a file input
 *   are held (window, every shadow root open or closed, and the input itself
 *   once the page opens its picker) and replayed after the review;
 * - `drop` and `paste` with files are stopped on the window in the capture
 *   phase (our listener is the first one there) and replayed with the
 *   reviewed files; `DataTransfer.files`/`items` of a held event read empty;
 * - `FileSystemFileHandle.prototype.getFile` (showOpenFilePicker, drops read
 *   as handles) resolves only with reviewed files.
 *
 * The review (by content: HAR, gzipped HAR, zip holding a HAR) and the
 * sanitizing happen in Casebook's isolated content script over a private
 * MessagePort (guard-channel.ts); here only files move. A HAR reaches the page
 * sanitized or not at all. Every built-in this code calls later is captured
 * now, before the page runs: the page may patch prototypes after us without
 * changing what the guard does.
 */
import {
  GUARD_ACK,
  GUARD_ASK,
  GUARD_OFFER,
  PANEL_TAG,
  type GuardDecision,
  type GuardMessage,
  type GuardVia,
} from './guard-channel';
import { replayEntries, walkEntries, type EntryTree } from './guard-entries';

type Fn = (...args: never[]) => unknown;

export function installFileGuard(win: Window & typeof globalThis): void {
  // ------------------------------------------------------------ captured built-ins
  const apply = Reflect.apply;
  const getOwn = Object.getOwnPropertyDescriptor;
  const define = Object.defineProperty;
  const call = <R>(fn: Fn | undefined, self: unknown, ...args: unknown[]): R =>
    apply(fn as Fn, self, args) as R;
  const getter = (proto: object | undefined, key: string) =>
    proto ? getOwn(proto, key)?.get : undefined;

  const InputProto = win.HTMLInputElement.prototype;
  const filesGet = getter(InputProto, 'files')!;
  const filesSet = getOwn(InputProto, 'files')!.set!;
  const valueSet = getOwn(InputProto, 'value')!.set!;
  const typeGet = getter(InputProto, 'type')!;
  const inputClick = InputProto.click;
  const inputShowPicker = (InputProto as { showPicker?: Fn }).showPicker;
  const DT = win.DataTransfer;
  const dtFilesGet = getter(DT.prototype, 'files')!;
  const dtItemsGet = getter(DT.prototype, 'items')!;
  const itemsAdd = win.DataTransferItemList.prototype.add as Fn;
  const setData = DT.prototype.setData as Fn;
  const getData = DT.prototype.getData as Fn;
  const typesGet = getter(DT.prototype, 'types')!;
  const ItemProto = win.DataTransferItem.prototype as unknown as Record<string, Fn>;
  const itemGetAsEntry = ItemProto.webkitGetAsEntry;
  const itemGetAsFile = ItemProto.getAsFile;
  const dragDataGet = getter(win.DragEvent.prototype, 'dataTransfer')!;
  const clipDataGet = getter(win.ClipboardEvent.prototype, 'clipboardData')!;
  const addListener = win.EventTarget.prototype.addEventListener;
  const removeListener = win.EventTarget.prototype.removeEventListener;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const stopNow = win.Event.prototype.stopImmediatePropagation;
  const preventDefault = win.Event.prototype.preventDefault;
  const composedPath = win.Event.prototype.composedPath;
  const idGet = getter(win.Element.prototype, 'id')!;
  const attachShadow = win.Element.prototype.attachShadow;
  const nodeTypeGet = getter(win.Node.prototype, 'nodeType')!;
  const localNameGet = getter(win.Element.prototype, 'localName')!;
  const isConnectedGet = getter(win.Node.prototype, 'isConnected')!;
  const { Event: EventCtor, DragEvent: DragCtor, ClipboardEvent: ClipCtor, Promise: P } = win;
  const weakSetHas = WeakSet.prototype.has;
  const weakSetAdd = WeakSet.prototype.add;
  const weakMapGet = WeakMap.prototype.get;
  const weakMapSet = WeakMap.prototype.set;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  const postMessage = win.MessagePort.prototype.postMessage;
  const handle = (win as unknown as { FileSystemFileHandle?: { prototype: Record<string, Fn> } })
    .FileSystemFileHandle;
  const getFile = handle?.prototype.getFile;
  const documentRef = win.document;
  const dateNow = Date.now;

  const newSet = () => new WeakSet<object>();
  const inSet = (set: WeakSet<object>, value: object) => call<boolean>(weakSetHas, set, value);
  const addTo = (set: WeakSet<object>, value: object) => void call(weakSetAdd, set, value);

  /** Files the page may read: reviewed and passed, or the sanitized replacements. */
  const approved = newSet();
  /** Events the guard replays (let through) and transfers it holds (read empty). */
  const ours = newSet();
  const heldTransfers = newSet();
  const hooked = newSet();
  const reviewing = new WeakMap<object, Promise<GuardDecision>>();
  const empty = new DT();
  const emptyFiles = call<FileList>(dtFilesGet, empty);
  const emptyItems = call<DataTransferItemList>(dtItemsGet, empty);

  const toArray = (list: FileList | null | undefined): File[] => {
    const out: File[] = [];
    for (let i = 0; list && i < list.length; i++) out[i] = list[i]!;
    return out;
  };
  const allApproved = (files: File[]) => {
    for (let i = 0; i < files.length; i++) if (!inSet(approved, files[i]!)) return false;
    return true;
  };
  const isFileInput = (node: unknown): node is HTMLInputElement =>
    !!node &&
    typeof node === 'object' &&
    call<number>(nodeTypeGet, node) === 1 &&
    call<string>(localNameGet, node) === 'input' &&
    call<string>(typeGet, node) === 'file';

  // ------------------------------------------------------------ the channel
  let port: MessagePort | null = null;
  let nextId = 1;
  const waiting = new Map<number, (decision: GuardDecision) => void>();
  const queue: GuardMessage[] = [];
  const channel = new win.MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<GuardDecision>) => {
    const decision = event.data;
    const resolve = call<((d: GuardDecision) => void) | undefined>(mapGet, waiting, decision?.id);
    if (!resolve) return;
    call(mapDelete, waiting, decision.id);
    resolve(decision);
  };
  const send = (message: GuardMessage) => {
    if (port) call(postMessage, port, message);
    else queue[queue.length] = message;
  };
  const connect = () => {
    port = channel.port1;
    for (let i = 0; i < queue.length; i++) call(postMessage, port, queue[i]);
    queue.length = 0;
  };

  const review = (files: File[], via: GuardVia, panelInputId?: string): Promise<GuardDecision> =>
    new P<GuardDecision>((resolve) => {
      const id = nextId++;
      call(mapSet, waiting, id, resolve);
      send(panelInputId ? { id, via, files, panelInputId } : { id, via, files });
    });

  /** The files the page gets for `files` after review (null: blocked). */
  const decide = async (
    files: File[],
    via: GuardVia,
    panelInputId?: string,
  ): Promise<File[] | null> => {
    const decision = await review(files, via, panelInputId);
    if (decision.action === 'block') return null;
    const out = decision.action === 'replace' ? decision.files : files;
    for (let i = 0; i < out.length; i++) addTo(approved, out[i]!);
    return out;
  };

  const transferOf = (files: File[], strings: Array<[string, string]> = []) => {
    const dt = new DT();
    const items = call<DataTransferItemList>(dtItemsGet, dt);
    for (let i = 0; i < files.length; i++) call(itemsAdd, items, files[i]);
    for (let i = 0; i < strings.length; i++) {
      try {
        call(setData, dt, strings[i]![0], strings[i]![1]);
      } catch {
        // A type a script-made DataTransfer refuses: the files are what matter.
      }
    }
    return dt;
  };

  // ------------------------------------------------------------ file inputs
  const replayInput = (input: HTMLInputElement) => {
    for (const type of ['input', 'change']) {
      const event = new EventCtor(type, { bubbles: true, composed: type === 'input' });
      addTo(ours, event);
      call(dispatch, input, event);
    }
  };

  const reviewInput = (input: HTMLInputElement, list: FileList, panelInputId?: string): void => {
    if (call(weakMapGet, reviewing, list)) return;
    const files = toArray(list);
    const pending = decide(files, 'input', panelInputId);
    call(weakMapSet, reviewing, list, pending);
    // Nothing unreviewed stays selected: a form submit or FormData cannot carry it.
    call(valueSet, input, '');
    void pending.then((out) => {
      if (!out) return;
      call(filesSet, input, call<FileList>(dtFilesGet, transferOf(out)));
      replayInput(input);
    });
  };

  define(InputProto, 'files', {
    configurable: true,
    enumerable: true,
    get(this: HTMLInputElement) {
      const list = call<FileList | null>(filesGet, this);
      if (!list || list.length === 0 || allApproved(toArray(list))) return list;
      reviewInput(this, list);
      return emptyFiles;
    },
    set(this: HTMLInputElement, value: FileList) {
      call(filesSet, this, value);
    },
  });

  /**
   * The agent's own choice in a file input of the Casebook panel: its id. A page
   * can wrap its own input in an element of that name; the bridge then hands the
   * panel a file the agent chose and the review allowed, nothing more.
   */
  const panelInputOf = (event: Event, input: HTMLInputElement): string | undefined => {
    // `isTrusted` is an unforgeable own property of every event: no page script can set it.
    if (!event.isTrusted) return undefined;
    const path = call<EventTarget[]>(composedPath, event);
    for (let i = 0; i < path.length; i++) {
      let name = '';
      try {
        if (call<number>(nodeTypeGet, path[i]) === 1) name = call<string>(localNameGet, path[i]);
      } catch {
        // The window and other non-nodes on the path.
      }
      if (name === PANEL_TAG) return call<string>(idGet, input) || undefined;
    }
    return undefined;
  };

  const onInputEvent = (event: Event) => {
    if (inSet(ours, event)) return;
    const origin = call<EventTarget[]>(composedPath, event)[0];
    if (!isFileInput(origin)) return;
    const list = call<FileList | null>(filesGet, origin);
    if (list && list.length && allApproved(toArray(list))) return;
    call(stopNow, event);
    if (list && list.length) reviewInput(origin, list, panelInputOf(event, origin));
  };
  const hook = (target: EventTarget) => {
    if (inSet(hooked, target)) return;
    addTo(hooked, target);
    call(addListener, target, 'input', onInputEvent, true);
    call(addListener, target, 'change', onInputEvent, true);
  };
  hook(win);
  // Every shadow root, open or closed, as it is made: `change` does not leave one.
  win.Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = call<ShadowRoot>(attachShadow, this, init);
    hook(root);
    return root;
  };
  // An input never attached to the document fires only on itself: hook it when its picker opens.
  const hookPicker = (original: Fn | undefined) =>
    original &&
    function (this: HTMLInputElement, ...args: unknown[]) {
      if (isFileInput(this)) {
        hook(this);
        warm();
      }
      return apply(original, this, args);
    };
  InputProto.click = hookPicker(inputClick as Fn) as () => void;
  if (inputShowPicker) (InputProto as { showPicker?: Fn }).showPicker = hookPicker(inputShowPicker);

  // ------------------------------------------------------------ warming
  // The file dialog or the drag takes the agent a second or more: the bridge
  // starts the sanitizer meanwhile. At most one hint per 5 s; a page that
  // sends focus around can only make Casebook start what it would start anyway.
  let warmedAt = -Infinity;
  const warm = () => {
    const at = call<number>(dateNow, Date);
    if (at - warmedAt < 5_000) return;
    warmedAt = at;
    send({ warm: true });
  };
  const onFileInputGesture = (event: Event) => {
    if (isFileInput(call<EventTarget[]>(composedPath, event)[0])) warm();
  };
  call(addListener, win, 'focusin', onFileInputGesture, true);
  call(addListener, win, 'click', onFileInputGesture, true);
  call(
    addListener,
    win,
    'dragenter',
    (event: Event) => {
      const data = call<DataTransfer | null>(dragDataGet, event);
      const types = data ? call<readonly string[]>(typesGet, data) : [];
      for (let i = 0; i < types.length; i++) if (types[i] === 'Files') return warm();
    },
    true,
  );

  // ------------------------------------------------------------ drop and paste
  const guardTransferGetter = (key: 'files' | 'items', original: Fn, emptyValue: unknown) =>
    define(DT.prototype, key, {
      configurable: true,
      enumerable: true,
      get(this: DataTransfer) {
        return inSet(heldTransfers, this) ? emptyValue : call(original, this);
      },
    });
  guardTransferGetter('files', dtFilesGet, emptyFiles);
  guardTransferGetter('items', dtItemsGet, emptyItems);

  /** Replayed drops: each reviewed file's entry, answered by `webkitGetAsEntry()`. */
  const entryShims = new WeakMap<object, object>();
  if (itemGetAsEntry) {
    ItemProto.webkitGetAsEntry = function (this: DataTransferItem) {
      const file = call<File | null>(itemGetAsFile, this);
      const shim = file && call<object | undefined>(weakMapGet, entryShims, file);
      return shim ?? call(itemGetAsEntry, this);
    };
  }

  const onTransfer = (kind: 'drop' | 'paste') => (event: Event) => {
    if (inSet(ours, event)) return;
    const data = call<DataTransfer | null>(kind === 'drop' ? dragDataGet : clipDataGet, event);
    if (!data) return;
    const files = toArray(call<FileList>(dtFilesGet, data));
    if (files.length === 0 || allApproved(files)) return;
    call(stopNow, event);
    call(preventDefault, event);
    addTo(heldTransfers, data);
    // Read now: a DataTransfer is emptied once its event is over.
    const strings: Array<[string, string]> = [];
    const types = call<readonly string[]>(typesGet, data);
    for (let i = 0; i < types.length; i++) {
      if (types[i] === 'Files') continue;
      strings[strings.length] = [types[i]!, call<string>(getData, data, types[i])];
    }
    const items = call<DataTransferItemList>(dtItemsGet, data);
    const entries: Array<FileSystemEntry | null> = [];
    for (let i = 0; i < items.length; i++) {
      entries[i] = itemGetAsEntry ? call<FileSystemEntry | null>(itemGetAsEntry, items[i]) : null;
    }
    const path = call<EventTarget[]>(composedPath, event);
    const target = path[0] as Node;
    void (async () => {
      // A folder: its files are what the page would read through the entries API.
      const trees: EntryTree[] = await walkEntries(entries, files);
      const flat: File[] = [];
      for (const tree of trees) for (const file of tree.files()) flat[flat.length] = file;
      const out = await decide(flat, kind);
      if (!out) return;
      const dt = transferOf(out, strings);
      for (const [file, entry] of replayEntries(trees, out))
        call(weakMapSet, entryShims, file, entry);
      const init = { bubbles: true, cancelable: true, composed: true };
      let replay: Event;
      try {
        replay =
          kind === 'drop'
            ? new DragCtor('drop', { ...init, dataTransfer: dt })
            : new ClipCtor('paste', { ...init, clipboardData: dt });
      } catch {
        replay = new EventCtor(kind, init);
      }
      const field = kind === 'drop' ? 'dataTransfer' : 'clipboardData';
      if ((replay as unknown as Record<string, unknown>)[field] !== dt)
        define(replay, field, { value: dt });
      addTo(ours, replay);
      call(dispatch, call<boolean>(isConnectedGet, target) ? target : documentRef, replay);
    })().catch((error: unknown) => {
      // Nothing reaches the page; the bridge told the agent if it got that far.
      console.warn('[casebook] a dropped or pasted file could not be reviewed', error);
    });
  };
  call(addListener, win, 'drop', onTransfer('drop'), true);
  call(addListener, win, 'paste', onTransfer('paste'), true);

  // ------------------------------------------------------------ showOpenFilePicker, handles
  if (handle && getFile) {
    handle.prototype.getFile = async function (this: FileSystemFileHandle) {
      const file = await call<Promise<File>>(getFile, this);
      if (inSet(approved, file)) return file;
      const out = await decide([file], 'picker');
      if (!out || !out[0]) throw new win.DOMException('Casebook blocked this file', 'AbortError');
      return out[0];
    };
  }

  // ------------------------------------------------------------ handshake
  const offer = () => {
    if (port) return;
    call(dispatch, documentRef, new win.MessageEvent(GUARD_OFFER, { ports: [channel.port2] }));
  };
  const onAsk = () => offer();
  const onAck = () => {
    connect();
    call(removeListener, documentRef, GUARD_ASK, onAsk, true);
    call(removeListener, documentRef, GUARD_ACK, onAck, true);
  };
  call(addListener, documentRef, GUARD_ASK, onAsk, true);
  call(addListener, documentRef, GUARD_ACK, onAck, true);
  offer();
}
