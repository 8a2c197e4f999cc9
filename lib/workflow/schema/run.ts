/** Runs (one ticket going through a template) and the append-only record of their events. */
import { z } from 'zod';
import { STEP_STATUSES } from '../vocabulary';
import { actorSchema, epochMsSchema, helpdeskSchema, idSchema } from './base';
import { fieldValueSchema } from './fields';

/** Stored status. "not applicable" is derived from conditions, never stored. */
export const storedStepStatusSchema = z.enum(STEP_STATUSES);
export type StoredStepStatus = z.infer<typeof storedStepStatusSchema>;
export type StepStatus = StoredStepStatus | 'not-applicable';

export const stepStateSchema = z.object({
  status: storedStepStatusSchema,
  /** When and by whom the status last changed. */
  at: epochMsSchema,
  by: actorSchema,
  skipReason: z.string().min(1).max(2000).optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

export const fieldStateSchema = z.object({
  value: fieldValueSchema,
  at: epochMsSchema,
  by: actorSchema,
  /** When the field first took this value (for clocks anchored on it). */
  since: epochMsSchema,
});
export type FieldState = z.infer<typeof fieldStateSchema>;

/** What the page told us about the ticket. Everything but the id is optional. */
export const ticketInfoSchema = z.object({
  helpdesk: helpdeskSchema,
  ticketId: z.string().min(1).max(100),
  /** What the agent sees, e.g. Help Scout's "#11161"; defaults to the id. */
  displayId: z.string().max(100).optional(),
  url: z.string().max(4000),
  subject: z.string().max(1000).optional(),
  requesterName: z.string().max(500).optional(),
  requesterEmail: z.string().max(500).optional(),
  createdAt: epochMsSchema.optional(),
  /** open | pending | solved | closed when the helpdesk's status maps to one; its own word in statusLabel. */
  status: z.string().max(100).optional(),
  statusLabel: z.string().max(100).optional(),
  /** low | normal | high | urgent when it maps; the helpdesk's word in priorityLabel. */
  priority: z.string().max(100).optional(),
  priorityLabel: z.string().max(100).optional(),
  /** The agent's name; the group (Zendesk group, Intercom team) apart. */
  assignee: z.string().max(500).optional(),
  assigneeGroup: z.string().max(500).optional(),
  organization: z.string().max(500).optional(),
  plan: z.string().max(100).optional(),
  /** The customer's IANA time zone, when the page names one (never from an offset alone). */
  customerTimeZone: z.string().max(100).optional(),
});
export type TicketInfo = z.infer<typeof ticketInfoSchema>;

export const clockPauseSchema = z.object({
  clockId: idSchema,
  from: epochMsSchema,
  to: epochMsSchema.optional(),
  reason: z.string().max(500).optional(),
});
export type ClockPause = z.infer<typeof clockPauseSchema>;

/** A message the page showed in the ticket's conversation, as the adapter read it. */
export const conversationMessageSchema = z.object({
  /** The helpdesk's own id of the message (comment / part / thread id). */
  id: z.string().min(1).max(200),
  role: z.enum(['customer', 'agent', 'note', 'other']),
  /** When the helpdesk says it was written; when first seen if the page shows no time. */
  at: epochMsSchema,
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

export const runSchema = z.object({
  /** `${helpdesk}:${ticketId}` — one run per ticket. */
  id: z.string().min(3).max(200),
  helpdesk: helpdeskSchema,
  ticketId: z.string().min(1).max(100),
  templateId: idSchema,
  templateVersion: z.number().int().positive(),
  ticket: ticketInfoSchema,
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  /** Closed when the closing step is done; closed runs keep no clocks. */
  closedAt: epochMsSchema.optional(),
  steps: z.record(z.string(), stepStateSchema),
  /** values[stepId][fieldId] */
  values: z.record(z.string(), z.record(z.string(), fieldStateSchema)),
  pauses: z.array(clockPauseSchema).default([]),
  /** The conversation as observed on the page (SLA clocks follow it), by message id. */
  messages: z.array(conversationMessageSchema).max(5000).optional(),
  /** The helpdesk status each time it changed (waiting on the customer pauses clocks). */
  statusLog: z
    .array(z.object({ at: epochMsSchema, status: z.string().max(100) }))
    .max(1000)
    .optional(),
  /** Keys of SLA transitions and escalations already recorded as events (never twice). */
  slaRecorded: z.array(z.string().max(300)).max(10_000).optional(),
  /** Bumped on every change; views use it to drop stale updates. */
  revision: z.number().int().nonnegative(),
});
export type Run = z.infer<typeof runSchema>;

// ---------------------------------------------------------------------------
// Events: the append-only record
// ---------------------------------------------------------------------------

export const runEventSchema = z.object({
  /** Auto-increment key in the store; absent before it is written. */
  seq: z.number().int().positive().optional(),
  runId: z.string().min(3).max(200),
  at: epochMsSchema,
  by: actorSchema,
  type: z.enum([
    'run-created',
    'field-set',
    'step-status',
    'clock-paused',
    'clock-resumed',
    /** An SLA clock started, paused, resumed, warned, breached, was met or stopped; or escalated. */
    'sla',
    'ticket-updated',
    'template-migrated',
    'action',
    'run-closed',
    'run-reopened',
  ]),
  stepId: z.string().max(64).optional(),
  fieldId: z.string().max(64).optional(),
  /** For actions: which one (e.g. "page-on-call") and its outcome. */
  action: z.string().max(64).optional(),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
  note: z.string().max(5000).optional(),
});
export type RunEvent = z.infer<typeof runEventSchema>;
