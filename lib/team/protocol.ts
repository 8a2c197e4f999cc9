/**
 * The team server's wire format, shared by the server (server/) and the
 * extension's background: every body is checked with these schemas on both
 * sides. Run events travel as they are stored, plus the id that makes a push
 * idempotent and, once the server has them, the team-wide sequence number
 * that orders them the same way everywhere.
 */
import { z } from 'zod';
import { actorSchema, runEventSchema, templateSchema } from '../workflow/schema';

export const ROLES = ['agent', 'lead'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Client-made event ids: UUIDs, or any short opaque token. */
export const eventIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

const runIdSchema = z.string().min(3).max(200);

/** A run event as it is pushed: the stored event with its id, without the local key. */
export const teamEventSchema = runEventSchema.omit({ seq: true }).extend({ id: eventIdSchema });
export type TeamEvent = z.infer<typeof teamEventSchema>;

/** An event the server has: with its place in the team's order and who sent it. */
export const serverEventSchema = teamEventSchema.extend({
  serverSeq: z.number().int().positive(),
  agentId: z.string().min(1).max(64),
});
export type ServerEvent = z.infer<typeof serverEventSchema>;

export const agentInfoSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  email: z.string().max(320),
  role: roleSchema,
  team: z.string().min(1).max(64),
});
export type AgentInfo = z.infer<typeof agentInfoSchema>;

export const healthSchema = z.object({
  ok: z.literal(true),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});

export const meSchema = z.object({ agent: agentInfoSchema, cursor: z.number().int() });

/** Push: events in the order they were made; the templates run-created events refer to. */
export const pushRequestSchema = z.object({
  events: z.array(teamEventSchema).min(1).max(500),
  templates: z.array(templateSchema).max(20).default([]),
});
export type PushRequest = z.input<typeof pushRequestSchema>;

export const pushReplySchema = z.object({
  /** Every pushed event the server holds, new or already known, with its sequence number. */
  accepted: z.array(z.object({ id: eventIdSchema, serverSeq: z.number().int().positive() })),
  /** Runs the server does not know and whose run-created was not in the push: send their history. */
  needsHistory: z.array(runIdSchema),
});
export type PushReply = z.infer<typeof pushReplySchema>;

export const pullReplySchema = z.object({
  events: z.array(serverEventSchema),
  /** The highest sequence number visible to this agent (resume from here). */
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
});
export type PullReply = z.infer<typeof pullReplySchema>;

export const presenceSchema = z.object({
  runId: runIdSchema,
  agents: z.array(actorSchema.extend({ agentId: z.string() })),
});
export type Presence = z.infer<typeof presenceSchema>;

export const openRunReplySchema = z.object({
  events: z.array(serverEventSchema),
  presence: presenceSchema,
});

export const presenceRequestSchema = z.object({ open: z.boolean() });

export const publishedTemplateSchema = z.object({
  template: templateSchema,
  publishedBy: z.string(),
  publishedAt: z.number().int(),
});
export type PublishedTemplate = z.infer<typeof publishedTemplateSchema>;

export const templatesReplySchema = z.object({ published: z.array(publishedTemplateSchema) });

export const teamRunSummarySchema = z.object({
  runId: runIdSchema,
  openedBy: z.string(),
  subject: z.string().optional(),
  updatedAt: z.number().int(),
  closed: z.boolean(),
  members: z.array(z.string()),
});
export type TeamRunSummary = z.infer<typeof teamRunSummarySchema>;

/** Server → extension over the live stream (server-sent events, one JSON per `data:`). */
export const streamMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('events'),
    events: z.array(serverEventSchema),
    /** Everything visible to this agent up to here has been sent. */
    cursor: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('presence'), presence: presenceSchema }),
  z.object({ type: z.literal('template'), template: publishedTemplateSchema }),
  z.object({ type: z.literal('ready'), cursor: z.number().int() }),
]);
export type StreamMessage = z.infer<typeof streamMessageSchema>;

/** What a lead keeps in each agent's browser: ticket facts by name, fields as "stepId/fieldId". */
export const privacyPolicySchema = z.object({
  ticketFacts: z.array(z.string().min(1).max(64)).max(50),
  fields: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)).max(200),
});
export type PrivacyPolicy = z.infer<typeof privacyPolicySchema>;
export const DEFAULT_PRIVACY: PrivacyPolicy = { ticketFacts: ['requesterEmail'], fields: [] };
export const policyReplySchema = z.object({ privacy: privacyPolicySchema });
