/**
 * Selector health: content scripts report, once per ticket view, which
 * strategy read each fact (or that none could); the background keeps small
 * daily counters and the options page shows the last days, so a lead sees
 * a helpdesk's markup drift before agents do. Names only, never values.
 */
import { z } from 'zod';
import { helpdeskSchema } from '../workflow/schema';

/** Strategy ids, fact names and API states are short code words. */
const word = z.string().regex(/^[a-zA-Z][a-zA-Z0-9:_-]{0,39}$/);

/** A fact no strategy could read. */
export const MISSING_STRATEGY = 'missing';
/** The pseudo-fact under which the agent API's outcome is counted. */
export const API_FACT = 'api';
/** Days of counters kept (and the most the options page asks for). */
export const HEALTH_DAYS = 30;

export const healthRowSchema = z.object({
  /** UTC day, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  helpdesk: helpdeskSchema,
  fact: word,
  strategy: word,
  count: z.number().int().positive(),
});
export type HealthRow = z.infer<typeof healthRowSchema>;

export const healthRequestSchemas = [
  z.object({
    type: z.literal('health.record'),
    helpdesk: helpdeskSchema,
    /** fact → strategy id, or `missing`. */
    reads: z.record(word, word).refine((r) => Object.keys(r).length <= 20, 'At most 20 facts.'),
  }),
  z.object({ type: z.literal('health.get'), days: z.number().int().min(1).max(HEALTH_DAYS) }),
] as const;

export const healthReplySchemas = {
  'health.record': z.object({ recorded: z.number().int().nonnegative() }),
  'health.get': z.object({ rows: z.array(healthRowSchema) }),
} as const;
