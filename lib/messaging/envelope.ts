/**
 * The shape every request and reply shares. Requests are zod discriminated
 * unions on `type`; replies are `{ok: true, data} | {ok: false, error}`.
 * Domain files (runs.ts, settings.ts, …) each export their request schemas
 * and reply schemas; `protocol.ts` combines them.
 */
import { z } from 'zod';
import { ERROR_CODES } from './wire';

export { ERROR_CODES } from './wire';
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const protocolErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** zod issues or other structured detail, for the options page to show. */
  details: z.unknown().optional(),
});
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export function replySchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: protocolErrorSchema }),
  ]);
}

/** An error a handler throws on purpose; the router turns it into a reply. */
export class ProtocolFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ProtocolFailure';
  }
}
