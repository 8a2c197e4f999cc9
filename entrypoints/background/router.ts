/**
 * runtime.onMessage → handler → reply. Every request is validated before
 * anything runs (a malformed or unknown message changes nothing) and every
 * reply is validated before it leaves. The listener returns a Promise, which
 * the webextension polyfill turns into `sendResponse` on Chrome.
 */
import { z } from 'zod';
import { ProtocolFailure, type ProtocolError, type Reply } from '../../lib/messaging/envelope';
import {
  parseRequest,
  replyDataSchemas,
  type Handler,
  type HandlerMap,
  type Request,
  type RequestType,
} from '../../lib/messaging/protocol';
import { isWorkflowError } from '../../lib/workflow/errors';

/** A thrown error as the reply's error: expected failures keep their code. */
export function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof ProtocolFailure) {
    return { code: error.code, message: error.message, details: error.details };
  }
  if (isWorkflowError(error)) {
    return { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof z.ZodError) {
    return {
      code: 'invalid-value',
      message: z.prettifyError(error),
      details: { issues: error.issues },
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'internal', message };
}

/**
 * `authorize` runs after validation and before the handler: it throws (a
 * ProtocolFailure) when the sender may not send this request.
 */
export function createRouter<Ctx, Sender>(
  handlers: HandlerMap<Ctx>,
  contextFor: (sender: Sender) => Ctx,
  authorize: (request: Request, sender: Sender) => Promise<void>,
): (message: unknown, sender: Sender) => Promise<Reply<unknown>> {
  return async (message, sender) => {
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const request = parsed.request;
    let data: unknown;
    try {
      await authorize(request, sender);
      const handler = handlers[request.type] as Handler<RequestType, Ctx>;
      data = await handler(request, contextFor(sender));
    } catch (error) {
      const failure = toProtocolError(error);
      if (failure.code === 'internal') console.error(`[casebook] ${request.type} failed`, error);
      return { ok: false, error: failure };
    }
    const checked = replyDataSchemas[request.type].safeParse(data);
    if (!checked.success) {
      console.error(`[casebook] invalid ${request.type} reply`, checked.error.issues);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The background produced an invalid "${request.type}" reply.`,
          details: { issues: checked.error.issues },
        },
      };
    }
    return { ok: true, data: checked.data };
  };
}
