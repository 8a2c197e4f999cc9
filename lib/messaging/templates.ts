/**
 * Requests about workflow templates. Templates are versioned: saving a
 * changed template stores the next version and makes it the active one;
 * runs stay on the version they were created with.
 */
import { z } from 'zod';
import { epochMsSchema, idSchema, templateSchema } from '../workflow/schema';

export const templateSummarySchema = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  name: z.string(),
  savedAt: epochMsSchema,
  /** The version new runs are created on. */
  active: z.boolean(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateRequestSchemas = [
  z.object({ type: z.literal('template.getActive') }),
  z.object({ type: z.literal('template.list') }),
  z.object({
    type: z.literal('template.get'),
    id: idSchema,
    version: z.number().int().positive(),
  }),
  z.object({ type: z.literal('template.save'), template: templateSchema }),
  /** Store the built-in default as the next version (older versions stay for their runs). */
  z.object({ type: z.literal('template.reset') }),
] as const;

const savedTemplate = z.object({ template: templateSchema, changed: z.boolean() });

export const templateReplySchemas = {
  'template.getActive': z.object({ template: templateSchema }),
  'template.list': z.object({ items: z.array(templateSummarySchema) }),
  'template.get': z.object({ template: templateSchema }),
  'template.save': savedTemplate,
  'template.reset': savedTemplate,
} as const;
