/**
 * How views talk to the background, whatever checks they apply: `send` for
 * request/response, typed by request type, and `subscribe` for live pushes
 * over a `casebook-sync` port that reconnects when the MV3 worker stops.
 *
 * Two clients are built on this: `client.ts` (popup, options) validates
 * requests, replies and pushes with the protocol's zod schemas;
 * `content-client.ts` (the helpdesk content scripts, which every ticket page
 * loads) checks only the envelope and trusts the data, which the background
 * router has already validated with the same schemas before it left.
 */
import { browser } from '#imports';
import type { ErrorCode, ProtocolError, Reply } from '../../lib/messaging/envelope';
import type { ReplyData, RequestInput, RequestType } from '../../lib/messaging/protocol';
import type { ClientPortMessage, ServerPortMessage, Topic } from '../../lib/messaging/sync';
import { SYNC_PORT_NAME, topicKey } from '../../lib/messaging/wire';
import { errorMessage } from '../../lib/errors';

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

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: unknown };

/** What a client checks before sending and after receiving. */
export interface MessageChecks {
  /** The request as it goes out, or `ok: false` (nothing is sent). */
  request(request: { type: RequestType }): Checked<unknown>;
  reply(type: RequestType, raw: unknown): Checked<Reply<unknown>>;
  push(raw: unknown): Checked<ServerPortMessage>;
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

/** Requests whose reply is a run change (run, view, extras): the view's own push. */
const CHANGES_A_RUN: ReadonlySet<RequestType> = new Set<RequestType>(['run.mutate', 'run.migrate']);

export function createMessenger(checks: MessageChecks) {
  /**
   * This view's subscribers by topic key. The background pushes a change to
   * every view but the one that asked for it (its reply has the result), so
   * the reply is handed to this view's own subscribers here, as its push.
   */
  const local = new Map<string, Set<(message: ServerPortMessage) => void>>();

  function echo(request: { type: RequestType }, data: unknown): void {
    if (!CHANGES_A_RUN.has(request.type)) return;
    const change = data as Omit<Extract<ServerPortMessage, { type: 'run-changed' }>, 'type'>;
    const pushed: ServerPortMessage = { type: 'run-changed', ...change };
    for (const listener of [...(local.get(topicKey({ kind: 'run', runId: change.run.id })) ?? [])])
      listener(pushed);
  }

  /**
   * The reply to a request already sent (`pending` is what
   * `runtime.sendMessage` returned), checked as `send` checks it. For a view
   * that sends a constant request before this module has loaded.
   */
  async function settle<T extends RequestType>(
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
        `Casebook's background did not answer: ${errorMessage(error)}`,
      );
    }
    const reply = checks.reply(type, raw);
    if (!reply.ok) {
      throw new RequestError('internal', `Malformed reply to "${type}".`, {
        issues: reply.issues,
      });
    }
    if (!reply.value.ok) throw RequestError.from(reply.value.error);
    return reply.value.data as ReplyData<T>;
  }

  /**
   * Send a request and return the reply's data. Throws `RequestError`: with
   * the background's code on `{ok: false}`, `bad-request` when the request is
   * malformed (nothing is sent), `internal` when the reply is malformed.
   */
  async function send<T extends RequestType>(
    request: RequestInput<T> & { type: T },
  ): Promise<ReplyData<T>> {
    const checked = checks.request(request);
    if (!checked.ok) {
      throw new RequestError('bad-request', `Malformed "${request.type}" request.`, {
        issues: checked.issues,
      });
    }
    let pending: Promise<unknown>;
    try {
      pending = browser.runtime.sendMessage(checked.value);
    } catch (error) {
      pending = Promise.reject(error);
    }
    const data = await settle(request.type, pending);
    echo(request, data);
    return data;
  }

  /**
   * Receive every push for `topic` until the returned function is called.
   * One port per subscription keeps teardown local to the view that asked.
   */
  function subscribe(
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
    const key = topicKey(topic);
    const listeners = local.get(key) ?? new Set();
    local.set(key, listeners);
    listeners.add(onMessage);

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
        const parsed = checks.push(raw);
        if (!parsed.ok) {
          console.warn('[casebook] ignoring a malformed push', parsed.issues);
          return;
        }
        onMessage(parsed.value);
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
      listeners.delete(onMessage);
      if (listeners.size === 0 && local.get(key) === listeners) local.delete(key);
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

  return { send, settle, subscribe };
}
