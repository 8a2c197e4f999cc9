/**
 * Test support: runtime ports for `fakeBrowser`, which has no
 * `runtime.connect`. Messages are JSON-copied and delivered asynchronously
 * like real ports; `stopWorker()` disconnects every port from the
 * background's side, as Chrome does when it stops an MV3 service worker.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener<A extends unknown[]> = (...args: A) => void;

function event<A extends unknown[]>() {
  const listeners: Array<Listener<A>> = [];
  return {
    addListener: (l: Listener<A>) => void listeners.push(l),
    removeListener: (l: Listener<A>) => {
      const i = listeners.indexOf(l);
      if (i >= 0) listeners.splice(i, 1);
    },
    hasListener: (l: Listener<A>) => listeners.includes(l),
    hasListeners: () => listeners.length > 0,
    emit: (...args: A) => {
      for (const l of [...listeners]) l(...args);
    },
  };
}

export interface FakePort {
  name: string;
  /** Who connected, as `Port.sender` (set on the background's end). */
  sender?: FakeSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: ReturnType<typeof event<[unknown, FakePort]>>;
  onDisconnect: ReturnType<typeof event<[FakePort]>>;
}

function portPair(name: string): [FakePort, FakePort] {
  let open = true;
  const make = (): FakePort => ({
    name,
    postMessage(message) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = JSON.parse(JSON.stringify(message));
      const peer = other(this as FakePort);
      // Like Chrome, a message posted before disconnect() still arrives.
      queueMicrotask(() => peer.onMessage.emit(copy, peer));
    },
    disconnect() {
      if (!open) return;
      open = false;
      // Like Chrome: only the other end hears about it.
      const peer = other(this as FakePort);
      queueMicrotask(() => peer.onDisconnect.emit(peer));
    },
    onMessage: event<[unknown, FakePort]>(),
    onDisconnect: event<[FakePort]>(),
  });
  const a = make();
  const b = make();
  const other = (p: FakePort) => (p === a ? b : a);
  return [a, b];
}

export interface FakePortHub {
  /** Background-side ends still open. */
  serverPorts: FakePort[];
  /** Disconnect every port from the background side (an MV3 worker stop). */
  stopWorker(): void;
  /** Connections made so far (reconnects included). */
  connects: number;
}

/** `runtime.MessageSender` as the fake passes it to the background. */
export interface FakeSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** An extension page of the fake extension (the options page): the sender the real views have. */
export function extensionPageSender(): FakeSender {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
}

/** A content script in the top frame of tab `tabId` showing `url`. */
export function contentScriptSender(url: string, tabId = 7): FakeSender {
  return { id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, url } };
}

/**
 * Make `runtime.sendMessage` (and ports opened from now on) arrive with
 * `sender`: fakeBrowser passes `{}`, which the trust boundary refuses.
 * Returns a function that switches the sender later.
 */
export function sendAs(initial: FakeSender): (next: FakeSender) => void {
  let current = initial;
  currentSender = () => current;
  const runtime = fakeBrowser.runtime as unknown as {
    sendMessage: (message: unknown) => Promise<unknown>;
  };
  runtime.sendMessage = async (message) => {
    const copy: unknown = JSON.parse(JSON.stringify(message));
    const answers = await fakeBrowser.runtime.onMessage.trigger(copy, current as never);
    return answers.find((r: unknown) => !!r);
  };
  return (next) => {
    current = next;
  };
}

let currentSender: () => FakeSender | undefined = () => undefined;

/** Install `runtime.connect` / `runtime.onConnect` on fakeBrowser. Call after `fakeBrowser.reset()`. */
export function installFakePorts(): FakePortHub {
  currentSender = () => undefined;
  const onConnect = event<[FakePort]>();
  const hub: FakePortHub = {
    serverPorts: [],
    connects: 0,
    stopWorker() {
      const ports = hub.serverPorts.splice(0);
      for (const p of ports) {
        p.disconnect();
        // The stopped worker's memory is gone: its side of the port goes too.
        p.onDisconnect.emit(p);
      }
    },
  };
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.onConnect = onConnect;
  runtime.connect = (info?: { name?: string }) => {
    const [client, server] = portPair(info?.name ?? '');
    server.sender = currentSender();
    hub.connects += 1;
    hub.serverPorts.push(server);
    server.onDisconnect.addListener(() => {
      hub.serverPorts = hub.serverPorts.filter((p) => p !== server);
    });
    onConnect.emit(server);
    return client;
  };
  return hub;
}
