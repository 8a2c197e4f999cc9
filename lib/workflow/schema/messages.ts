/** Message templates: editable text the panel inserts into the composer. */
import { z } from 'zod';
import { MESSAGE_PURPOSES } from '../roles';
import { idSchema, planTierSchema } from './base';

export const messageTemplateSchema = z.object({
  id: idSchema,
  label: z.string().min(1).max(200),
  /** Plain text with `{{placeholders}}` filled from the run. */
  body: z.string().min(1).max(20_000),
  /** Optional variant per plan tier (e.g. first-touch SLA wording). */
  byPlan: z.partialRecord(planTierSchema, z.string().min(1).max(20_000)).optional(),
  /** What the message is for (lib/workflow/roles.ts): actions find it by this, never by id. */
  purpose: z.enum(MESSAGE_PURPOSES).optional(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;
