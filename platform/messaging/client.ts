/**
 * The client for the popup and the options page: requests, replies and
 * pushes are validated with the protocol's zod schemas on this side too.
 * (The helpdesk content scripts use `content-client.ts`, which keeps zod
 * out of every ticket page.)
 */
import { replyEnvelopeFor, requestSchema } from '../../lib/messaging/protocol';
import { serverPortMessageSchema } from '../../lib/messaging/sync';
import { createMessenger, type Checked } from './core';

export { RECONNECT_DELAYS_MS, RequestError, type SubscribeOptions } from './core';

function checked<T>(
  result: { success: true; data: T } | { success: false; error: { issues: unknown } },
): Checked<T> {
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: result.error.issues };
}

export const { send, settle, subscribe } = createMessenger({
  request: (request) => checked(requestSchema.safeParse(request)),
  reply: (type, raw) => checked(replyEnvelopeFor(type).safeParse(raw)),
  push: (raw) => checked(serverPortMessageSchema.safeParse(raw)),
});
