/**
 * Live sync hub: views connect a `casebook-sync` port and subscribe to
 * topics; after each committed change the background pushes to the ports
 * subscribed to it. The registry is in memory on purpose: it holds no data,
 * only who is listening, and a restarted worker starts empty while views
 * reconnect and re-subscribe (platform/messaging/client.ts).
 */
import type { Browser } from '#imports';
import {
  type Topic,
  clientPortMessageSchema,
  serverPortMessageSchema,
  SYNC_PORT_NAME,
  topicKey,
  topicKeyOf,
  type ServerPortMessage,
} from '../../lib/messaging/sync';
import { isSameView, type ViewSender } from './same-view';

type Port = Browser.runtime.Port;

export interface SyncHub {
  /** For runtime.onConnect; ignores ports of other names. */
  attach(port: Port): void;
  /** To every port subscribed to the message's topic, but the view `except` (same-view.ts). */
  publish(message: ServerPortMessage, except?: ViewSender): void;
  /** Subscriber count per topic key (tests, diagnostics). */
  subscriberCount(key: string): number;
  /** Every topic key some view is subscribed to. */
  subscribedKeys(): string[];
}

/**
 * `maySubscribe` is the trust boundary for ports (trust.ts): a content
 * script may only follow its own ticket's run and the settings.
 */
export function createSyncHub(
  maySubscribe: (topic: Topic, sender: Port['sender']) => Promise<boolean>,
): SyncHub {
  const subscriptions = new Map<Port, Set<string>>();

  function drop(port: Port): void {
    subscriptions.delete(port);
  }

  return {
    attach(port) {
      if (port.name !== SYNC_PORT_NAME) return;
      subscriptions.set(port, new Set());
      // Checks are async; a queue keeps subscribe/unsubscribe in the order sent.
      let queue = Promise.resolve();
      port.onMessage.addListener((raw: unknown) => {
        const parsed = clientPortMessageSchema.safeParse(raw);
        if (!parsed.success) {
          console.warn('[casebook] ignoring a malformed sync message', parsed.error.issues);
          return;
        }
        const { type, topic } = parsed.data;
        const key = topicKey(topic);
        queue = queue.then(async () => {
          const allowed =
            type === 'unsubscribe' || (await maySubscribe(topic, port.sender).catch(() => false));
          const topics = subscriptions.get(port);
          if (!topics) return;
          if (!allowed) {
            console.warn(`[casebook] refused a subscription to ${key} from ${port.sender?.url}`);
            return;
          }
          if (type === 'subscribe') topics.add(key);
          else topics.delete(key);
        });
      });
      port.onDisconnect.addListener(() => drop(port));
    },

    publish(message, except) {
      const checked = serverPortMessageSchema.parse(message);
      const key = topicKeyOf(checked);
      for (const [port, topics] of subscriptions) {
        if (!topics.has(key) || (except && isSameView(port.sender, except))) continue;
        try {
          port.postMessage(checked);
        } catch {
          // The view went away between its disconnect and our send.
          drop(port);
        }
      }
    },

    subscribedKeys() {
      const keys = new Set<string>();
      for (const topics of subscriptions.values()) for (const key of topics) keys.add(key);
      return [...keys];
    },

    subscriberCount(key) {
      let n = 0;
      for (const topics of subscriptions.values()) if (topics.has(key)) n++;
      return n;
    },
  };
}
