/**
 * How views talk to the background: `send` for request/response, typed by
 * request type and validated both ways, and `subscribe` for live pushes over
 * a `casebook-sync` port that reconnects when the MV3 worker stops.
 */
import { browser } from '#imports';
import type { ErrorCode, ProtocolError } from '../../lib/messaging/envelope';
import {
  replyEnvelopeFor,
  requestSchema,
  type ReplyData,
  type RequestInput,
  type RequestType,
} from '../../lib/messaging/protocol';
import {
  SYNC_PORT_NAME,
  serverPortMessageSchema,
  type ClientPortMessage,
  type ServerPortMessage,
  type Topic,
} from '../../lib/messaging/sync';

/** The background answered `{ok: false}`, or the exchange itself failed. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RequestError';
  }

  static from(error: ProtocolError): RequestError {
    return new RequestError(error.code, error.message, error.details);
  }
}

/**
 * Send a request and return the reply's data. Throws `RequestError`: with
 * the background's code on `{ok: false}`, `bad-request` when the request is
 * malformed (nothing is sent), `internal` when the reply is malformed.
 */
export async function send<T extends RequestType>(
  request: RequestInput<T> & { type: T },
): Promise<ReplyData<T>> {
  const checked = requestSchema.safeParse(request);
  if (!checked.success) {
    throw new RequestError('bad-request', `Malformed "${request.type}" request.`, {
      issues: checked.error.issues,
    });
  }
  let pending: Promise<unknown>;
  try {
    pending = browser.runtime.sendMessage(checked.data);
  } catch (error) {
    pending = Promise.reject(error);
  }
  return settle(request.type, pending);
}

/**
 * The reply to a request already sent (`pending` is what
 * `runtime.sendMessage` returned), validated as `send` validates it. For a
 * view that sends a constant request before this module has loaded.
 */
export async function settle<T extends RequestType>(
  type: T,
  pending: Promise<unknown>,
): Promise<ReplyData<T>> {
  let raw: unknown;
  try {
    raw = await pending;
  } catch (error) {
    // No listener (worker failed to start) or the extension was reloaded.
    throw new RequestError(
      'internal',
      `Casebook's background did not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const reply = replyEnvelopeFor(type).safeParse(raw);
  if (!reply.success) {
    throw new RequestError('internal', `Malformed reply to "${type}".`, {
      issues: reply.error.issues,
    });
  }
  if (!reply.data.ok) throw RequestError.from(reply.data.error);
  return reply.data.data as ReplyData<T>;
}

export interface SubscribeOptions {
  /**
   * The port came back after a disconnect: pushes may have been missed, so
   * re-fetch what the view shows.
   */
  onReconnect?: () => void;
  /** The port dropped; a reconnect is scheduled. */
  onDisconnect?: () => void;
  /** Reconnecting is impossible (the extension was reloaded or removed). */
  onGiveUp?: (error: unknown) => void;
}

/** Backoff between reconnect attempts; a stopped worker restarts on connect. */
export const RECONNECT_DELAYS_MS = [0, 100, 250, 500, 1000, 2000, 5000];
const STABLE_MS = 5000;

/**
 * Receive every push for `topic` until the returned function is called.
 * One port per subscription keeps teardown local to the view that asked.
 */
export function subscribe(
  topic: Topic,
  onMessage: (message: ServerPortMessage) => void,
  options: SubscribeOptions = {},
): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let closed = false;
  let attempt = 0;
  let connectedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (message: ClientPortMessage) => port?.postMessage(message);

  function connect(isReconnect: boolean): void {
    try {
      port = browser.runtime.connect({ name: SYNC_PORT_NAME });
    } catch (error) {
      // "Extension context invalidated": this page's extension is gone.
      closed = true;
      options.onGiveUp?.(error);
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const parsed = serverPortMessageSchema.safeParse(raw);
      if (!parsed.success) {
        console.warn('[casebook] ignoring a malformed push', parsed.error.issues);
        return;
      }
      onMessage(parsed.data);
    });
    connectedAt = Date.now();
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (closed) return;
      // A port that lived a while dropped because the worker stopped, not
      // because connecting fails: start the backoff over.
      if (Date.now() - connectedAt > STABLE_MS) attempt = 0;
      options.onDisconnect?.();
      scheduleReconnect();
    });
    post({ type: 'subscribe', topic });
    if (isReconnect) options.onReconnect?.();
  }

  function scheduleReconnect(): void {
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!;
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) connect(true);
    }, delay);
  }

  connect(false);

  return () => {
    if (closed) return;
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    try {
      post({ type: 'unsubscribe', topic });
      port?.disconnect();
    } catch {
      // Already disconnected.
    }
    port = undefined;
  };
}
