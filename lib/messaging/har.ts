/**
 * Requests of the HAR file guard (platform/har/bridge.ts), sent by the
 * helpdesk content script of any frame of a helpdesk tab.
 */
import { z } from 'zod';

export const harNoticeSchema = z.strictObject({
  id: z.string().min(1).max(600),
  tone: z.enum(['info', 'success', 'error']),
  text: z.string().min(1).max(2000),
  details: z.array(z.string().max(300)).max(20).optional(),
  /** Share done, 0–1, while a HAR is sanitized. */
  progress: z.number().min(0).max(1).optional(),
  /** The sanitizing job the notice is about: the panel's Cancel names it in `har.cancel`. */
  job: z.uuid().optional(),
});

export const harRequestSchemas = [
  /** A one-time secret that opens one session with the sanitizer frame. */
  z.object({ type: z.literal('har.session') }),
  /**
   * The sanitizer frame redeems a session's secret (once). The background
   * keeps it: Firefox gives an extension page framed in a web page no
   * storage.session, both browsers give it runtime messaging.
   */
  z.object({ type: z.literal('har.claim'), token: z.string().max(64) }),
  /**
   * The sanitizer frame vouches for a file it produced (its SHA-256), so the
   * background stores that exact file without sanitizing it again (lib/har/vouch.ts).
   */
  z.object({ type: z.literal('har.vouch'), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** What happened to a file, for the panel in the sender tab's top frame. */
  z.object({ type: z.literal('har.notice'), notice: harNoticeSchema }),
  /** The agent's Cancel in the panel: the frame sanitizing `job` stops and blocks the file. */
  z.object({ type: z.literal('har.cancel'), job: z.uuid() }),
] as const;

export const harReplySchemas = {
  'har.session': z.object({ token: z.uuid() }),
  'har.claim': z.object({ valid: z.boolean() }),
  'har.vouch': z.object({ kept: z.boolean() }),
  'har.notice': z.object({ delivered: z.boolean() }),
  'har.cancel': z.object({ delivered: z.boolean() }),
};
