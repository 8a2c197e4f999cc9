/** Steps, the gates that hold them, the actions they offer, and sections. */
import { z } from 'zod';
import { idSchema } from './base';
import { conditionSchema } from './conditions';
import { fieldSchema } from './fields';

/** A gate blocks completing a step until its condition holds, and says why. */
export const gateSchema = z.object({
  id: idSchema,
  require: conditionSchema,
  message: z.string().min(1).max(500),
});
export type Gate = z.infer<typeof gateSchema>;

/**
 * Named actions the panel offers on a step (issue: escalation and
 * communication actions). Kept as ids so templates stay data.
 */
export const stepActionSchema = z.enum([
  'insert-first-touch',
  'page-on-call',
  'copy-incident-channel',
  'copy-slack-mention',
  'draft-status-page',
  'open-log-search',
  'file-bug',
  'insert-eta-update',
  'insert-fix-shipped',
  'insert-confirmation-request',
  'draft-incident-summary',
  'insert-closing-note',
  're-page',
  'escalate-to-manager',
]);
export type StepAction = z.infer<typeof stepActionSchema>;

export const stepSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(200),
  /** Markdown. Rendered as text by the panel, never as raw HTML. */
  guidance: z.string().max(20_000),
  required: z.boolean().default(true),
  /** The step applies only while this holds; otherwise it is "not applicable". */
  when: conditionSchema.optional(),
  fields: z.array(fieldSchema).default([]),
  gates: z.array(gateSchema).default([]),
  actions: z.array(stepActionSchema).default([]),
});
export type Step = z.infer<typeof stepSchema>;

export const sectionSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(200),
  steps: z.array(stepSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;
