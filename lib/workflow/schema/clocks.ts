/** Clocks as data: when each starts, what it counts to, what stops it. */
import { z } from 'zod';
import { idSchema } from './base';
import { conditionSchema, fieldRefSchema } from './conditions';

/** When a clock starts counting. */
export const clockAnchorSchema = z.discriminatedUnion('kind', [
  /** The ticket's creation time (the earliest message), else the run's creation. */
  z.object({ kind: z.literal('ticket-created') }),
  z.object({ kind: z.literal('step-done'), stepId: idSchema }),
  /** When the field first took the value it has now. */
  z.object({ kind: z.literal('field-set'), field: fieldRefSchema }),
  /** Each customer message after an agent's public reply starts a new cycle (next response). */
  z.object({ kind: z.literal('customer-reply') }),
  /** When the condition last became true (e.g. the follow-up step applies). */
  z.object({ kind: z.literal('condition'), condition: conditionSchema }),
]);
export type ClockAnchor = z.infer<typeof clockAnchorSchema>;

export const clockSchema = z.discriminatedUnion('kind', [
  /** One deadline: due at start + target, stopped when `stopWhen` holds. */
  z.object({
    kind: z.literal('deadline'),
    id: idSchema,
    label: z.string().min(1).max(100),
    appliesWhen: conditionSchema.optional(),
    start: clockAnchorSchema,
    /** Minutes come from the policy by plan tier or by severity, or are business days. */
    target: z.enum([
      'first-response-by-plan',
      'engineering-ack-by-severity',
      'next-response-by-policy',
      'resolution-by-policy',
      'business-days',
    ]),
    /** For `business-days`: due within this many days of the SLA schedule. */
    businessDays: z.number().int().min(1).max(30).optional(),
    /** `agent-reply`: stopped by the agent's first public reply in the conversation. */
    stopOn: z.enum(['agent-reply']).optional(),
    /** Absent: only `stopOn` or closing the run stops it. */
    stopWhen: conditionSchema.optional(),
  }),
  /** A recurring obligation: due every N minutes from start or the last update. */
  z.object({
    kind: z.literal('cadence'),
    id: idSchema,
    label: z.string().min(1).max(100),
    appliesWhen: conditionSchema.optional(),
    start: clockAnchorSchema,
    target: z.literal('status-page-by-severity'),
    /** Each new value of this field (an update posted) restarts the interval. */
    resetBy: fieldRefSchema,
    stopWhen: conditionSchema,
  }),
]);
export type ClockDef = z.infer<typeof clockSchema>;
