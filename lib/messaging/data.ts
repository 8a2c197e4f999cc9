/**
 * Requests about all local data at once: export every run, or wipe runs,
 * events and attachments from this browser.
 */
import { z } from 'zod';

/** JSON carries every run and event (audit); CSV one row per run for spreadsheets. */
export const RUN_EXPORT_FORMATS = ['json', 'csv'] as const;

export const dataRequestSchemas = [
  z.object({ type: z.literal('data.exportRuns'), format: z.enum(RUN_EXPORT_FORMATS) }),
  /** The literal word guards against a wipe sent by mistake. */
  z.object({ type: z.literal('data.wipe'), confirm: z.literal('WIPE') }),
  /** Records an upgrade could not read and set aside (the options page reports them). */
  z.object({ type: z.literal('data.quarantine') }),
] as const;

export const quarantinedSchema = z.object({
  table: z.enum(['runs', 'templates', 'events']),
  key: z.string(),
  reason: z.string(),
  at: z.number(),
});
export type Quarantined = z.infer<typeof quarantinedSchema>;

export const dataReplySchemas = {
  'data.exportRuns': z.object({
    text: z.string(),
    filename: z.string().min(1),
    mimeType: z.string().min(1),
  }),
  'data.wipe': z.object({
    runs: z.number().int().nonnegative(),
    events: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
  }),
  'data.quarantine': z.object({ items: z.array(quarantinedSchema) }),
} as const;
