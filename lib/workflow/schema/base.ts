/** Identifiers and the workflow's vocabulary as zod schemas. */
import { z } from 'zod';
import { HELPDESKS, PLAN_TIERS, SEVERITIES, STATUS_PAGE_STATES } from '../vocabulary';

/** Kebab-case ids keep exported JSON and event logs readable. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case (e.g. "assign-severity")');

export const helpdeskSchema = z.enum(HELPDESKS);
export type Helpdesk = z.infer<typeof helpdeskSchema>;

export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const planTierSchema = z.enum(PLAN_TIERS);
export type PlanTier = z.infer<typeof planTierSchema>;

/** How an escalation reaches the on-call engineer. */
export const pageChannelSchema = z.enum(['pagerduty', 'slack-mention', 'none']);
export type PageChannel = z.infer<typeof pageChannelSchema>;

export const statusPageStateSchema = z.enum(STATUS_PAGE_STATES);
export type StatusPageState = z.infer<typeof statusPageStateSchema>;

/** An agent: who did something. E-mail is optional because some helpdesks hide it. */
export const actorSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.string().max(320).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** Milliseconds since the epoch (UTC). All stored times are numbers. */
export const epochMsSchema = z.number().int().nonnegative();
