/**
 * The whole request/response protocol between views and the background,
 * combined from the domain files. Every request is validated here on the
 * way in and every reply on the way out (router), and back in the popup and
 * options client; the content scripts' client checks only the envelope and
 * trusts the router (platform/messaging/content-client.ts).
 *
 * Adding a domain: export `<domain>RequestSchemas` (a tuple of zod objects
 * with a literal `type`) and `<domain>ReplySchemas` (reply data schema per
 * type) from `lib/messaging/<domain>.ts`, and spread both below.
 */
import { z } from 'zod';
import { actionReplySchemas, actionRequestSchemas } from './actions';
import { attachmentReplySchemas, attachmentRequestSchemas } from './attachments';
import { conversationReplySchemas, conversationRequestSchemas } from './conversation';
import { dataReplySchemas, dataRequestSchemas } from './data';
import { replySchema, type ProtocolError } from './envelope';
import { healthReplySchemas, healthRequestSchemas } from './health';
import { reportReplySchemas, reportRequestSchemas } from './report';
import { runReplySchemas, runRequestSchemas } from './runs';
import { settingsReplySchemas, settingsRequestSchemas } from './settings';
import { teamReplySchemas, teamRequestSchemas } from './team';
import { templateReplySchemas, templateRequestSchemas } from './templates';

export const requestSchema = z.discriminatedUnion('type', [
  ...runRequestSchemas,
  ...templateRequestSchemas,
  ...attachmentRequestSchemas,
  ...dataRequestSchemas,
  ...settingsRequestSchemas,
  ...actionRequestSchemas,
  ...healthRequestSchemas,
  ...conversationRequestSchemas,
  ...teamRequestSchemas,
  ...reportRequestSchemas,
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
/** What a caller writes: defaults not applied yet. */
export type RequestInput<T extends RequestType> = Extract<
  z.input<typeof requestSchema>,
  { type: T }
>;

export const replyDataSchemas = {
  ...runReplySchemas,
  ...templateReplySchemas,
  ...attachmentReplySchemas,
  ...dataReplySchemas,
  ...settingsReplySchemas,
  ...actionReplySchemas,
  ...healthReplySchemas,
  ...conversationReplySchemas,
  ...teamReplySchemas,
  ...reportReplySchemas,
} satisfies Record<RequestType, z.ZodType>;
export type ReplyData<T extends RequestType> = z.output<(typeof replyDataSchemas)[T]>;

export const REQUEST_TYPES: readonly RequestType[] = requestSchema.options.map(
  (o) => o.shape.type.value,
);
const requestTypes = new Set<string>(REQUEST_TYPES);

export function isRequestType(type: string): type is RequestType {
  return requestTypes.has(type);
}

/** The full envelope schema of a reply to `type`. */
export function replyEnvelopeFor<T extends RequestType>(type: T) {
  return replySchema(replyDataSchemas[type] as (typeof replyDataSchemas)[T]);
}

export type ParsedRequest = { ok: true; request: Request } | { ok: false; error: ProtocolError };

/**
 * Validate an incoming message. Unknown types are told apart from malformed
 * ones so a stale view (older build) gets a message that says so.
 */
export function parseRequest(input: unknown): ParsedRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      error: { code: 'bad-request', message: 'A request must be an object with a "type".' },
    };
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return {
      ok: false,
      error: { code: 'bad-request', message: 'A request needs a string "type".' },
    };
  }
  if (!isRequestType(type)) {
    return {
      ok: false,
      error: {
        code: 'unknown-type',
        message: `Unknown request type "${type.slice(0, 100)}".`,
        details: { known: REQUEST_TYPES },
      },
    };
  }
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-request',
        message: `Malformed "${type}" request: ${z.prettifyError(parsed.error)}`,
        details: { issues: parsed.error.issues },
      },
    };
  }
  return { ok: true, request: parsed.data };
}

/** A handler for one request type; `Ctx` is what the host (the background) hands in. */
export type Handler<T extends RequestType, Ctx> = (
  request: RequestOf<T>,
  ctx: Ctx,
) => Promise<ReplyData<T>>;

/** Handlers for some request types (one domain's file). */
export type HandlersFor<T extends RequestType, Ctx> = { [K in T]: Handler<K, Ctx> };

/** Every request type handled: check the combined map with `satisfies HandlerMap<Ctx>`. */
export type HandlerMap<Ctx> = HandlersFor<RequestType, Ctx>;
