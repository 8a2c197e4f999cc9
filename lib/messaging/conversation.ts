/**
 * The content script reports the messages its ticket's conversation shows;
 * the background (the single writer) merges them into the run by message id,
 * so reporting the same page again changes nothing, and SLA clocks follow.
 */
import { z } from 'zod';
import { actorSchema, epochMsSchema } from '../workflow/schema';

export const observedMessageSchema = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(['customer', 'agent', 'note', 'other']),
  /** Absent when the page shows no time: the background uses when it first saw it. */
  at: epochMsSchema.optional(),
});

export const conversationRequestSchemas = [
  z.object({
    type: z.literal('run.observeConversation'),
    runId: z.string().min(3).max(200),
    messages: z.array(observedMessageSchema).max(2000),
    actor: actorSchema,
  }),
] as const;

export const conversationReplySchemas = {
  /** `added`: how many messages were new to the run. */
  'run.observeConversation': z.object({ added: z.number().int().nonnegative() }),
} as const;
