/**
 * The client for the helpdesk content scripts. The background router is the
 * trust boundary: it validates every request before anything runs and every
 * reply before it leaves, with the protocol's zod schemas, and only this
 * extension's own pages and scripts can reach its ports. So this side checks
 * the envelope by hand and trusts the data, which keeps zod and the schemas
 * out of the JS every ticket page loads (eslint.config.js forbids them here).
 * A malformed request is answered `bad-request` by the router.
 */
import type { ServerPortMessage } from '../../lib/messaging/sync';
import { ERROR_CODES, SERVER_PUSH_TYPES } from '../../lib/messaging/wire';
import { createMessenger, type Checked } from './core';
import type { Reply } from '../../lib/messaging/envelope';

export { RequestError, type SubscribeOptions } from './core';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const malformed = (issue: string): Checked<never> => ({ ok: false, issues: [{ message: issue }] });

/** `{ok: true, data}` or `{ok: false, error: {code, message}}`. */
export function checkEnvelope(raw: unknown): Checked<Reply<unknown>> {
  if (!isObject(raw)) return malformed('the reply is not an object');
  if (raw.ok === true) {
    return 'data' in raw
      ? { ok: true, value: { ok: true, data: raw.data } }
      : malformed('an ok reply without data');
  }
  if (raw.ok !== false) return malformed('the reply has no ok flag');
  const error = raw.error;
  if (
    !isObject(error) ||
    !(ERROR_CODES as readonly unknown[]).includes(error.code) ||
    typeof error.message !== 'string'
  ) {
    return malformed('a failed reply without a valid error');
  }
  return {
    ok: true,
    value: {
      ok: false,
      error: {
        code: error.code as (typeof ERROR_CODES)[number],
        message: error.message,
        ...('details' in error ? { details: error.details } : {}),
      },
    },
  };
}

/** A push of a known type, with the fields its handlers read. */
export function checkPush(raw: unknown): Checked<ServerPortMessage> {
  if (!isObject(raw) || !(SERVER_PUSH_TYPES as readonly unknown[]).includes(raw.type)) {
    return malformed('not a known push');
  }
  if (raw.type === 'run-changed') {
    const run = raw.run;
    if (!isObject(run) || typeof run.id !== 'string' || typeof run.revision !== 'number')
      return malformed('a run-changed push without a run');
  }
  if (raw.type === 'run-removed' && typeof raw.runId !== 'string')
    return malformed('a run-removed push without a run id');
  return { ok: true, value: raw as ServerPortMessage };
}

export const { send, subscribe } = createMessenger({
  request: (request) => ({ ok: true, value: request }),
  reply: (_type, raw) => checkEnvelope(raw),
  push: checkPush,
});
