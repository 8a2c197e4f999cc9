/**
 * Requests about team mode: connecting to a team server, its state, a run's
 * sharing (who else has it open, edits of yours another agent replaced),
 * the team's open runs, publishing a template, the lead's privacy policy.
 */
import { z } from 'zod';
import { agentInfoSchema, privacyPolicySchema, teamRunSummarySchema } from '../team/protocol';
import { actorSchema, templateSchema } from '../workflow/schema';

export const teamStatusSchema = z.object({
  state: z.enum(['off', 'connecting', 'live', 'offline']),
  url: z.string().optional(),
  agent: agentInfoSchema.optional(),
  message: z.string().optional(),
  /** Events waiting to be sent. */
  pending: z.number().int().nonnegative(),
});
export type TeamStatusData = z.infer<typeof teamStatusSchema>;

const conflictSide = z.object({ value: z.unknown(), by: actorSchema, at: z.number() });
export const teamRunStatusSchema = z.object({
  shared: z.boolean(),
  /** Other agents with the run open now. */
  others: z.array(z.string()),
  /** Your edits another agent's later edit replaced (both stay in the history). */
  conflicts: z.array(
    z.object({ stepId: z.string(), fieldId: z.string(), lost: conflictSide, won: conflictSide }),
  ),
});
export type TeamRunStatusData = z.infer<typeof teamRunStatusSchema>;

export const teamRequestSchemas = [
  z.object({ type: z.literal('team.status') }),
  z.object({
    type: z.literal('team.connect'),
    url: z.string().min(1).max(2000),
    token: z.string().min(8).max(200),
  }),
  z.object({ type: z.literal('team.disconnect') }),
  z.object({ type: z.literal('team.runStatus'), runId: z.string().min(3).max(200) }),
  z.object({ type: z.literal('team.runs'), scope: z.enum(['team', 'mine']) }),
  z.object({ type: z.literal('team.publishTemplate') }),
  z.object({ type: z.literal('team.setPrivacy'), privacy: privacyPolicySchema }),
] as const;

export const teamReplySchemas = {
  'team.status': teamStatusSchema.extend({ privacy: privacyPolicySchema.optional() }),
  'team.connect': teamStatusSchema,
  'team.disconnect': teamStatusSchema,
  'team.runStatus': teamRunStatusSchema,
  'team.runs': z.object({ runs: z.array(teamRunSummarySchema) }),
  'team.publishTemplate': z.object({ template: templateSchema }),
  'team.setPrivacy': z.object({ privacy: privacyPolicySchema }),
} as const;
