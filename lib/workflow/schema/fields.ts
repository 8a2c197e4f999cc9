/** Fields: the data a step collects, and the values they hold. */
import { z } from 'zod';
import { FIELD_ROLES } from '../roles';
import { idSchema } from './base';
import { conditionSchema } from './conditions';

export const choiceOptionSchema = z.object({
  value: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  /** Shown next to the option, e.g. the SEV1 definition. */
  description: z.string().max(2000).optional(),
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

const fieldBase = {
  id: idSchema,
  label: z.string().min(1).max(200),
  help: z.string().max(2000).optional(),
  required: z.boolean().default(false),
  /** The field is shown and validated only while this holds. */
  when: conditionSchema.optional(),
  /** What the field means (lib/workflow/roles.ts): actions find it by this, never by id. */
  role: z.enum(FIELD_ROLES).optional(),
};

export const fieldSchema = z.discriminatedUnion('type', [
  z.object({
    ...fieldBase,
    type: z.literal('single-choice'),
    options: z.array(choiceOptionSchema).min(1),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('multi-choice'),
    options: z.array(choiceOptionSchema).min(1),
    minSelected: z.number().int().nonnegative().optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('text'),
    placeholder: z.string().max(200).optional(),
    maxLength: z.number().int().positive().max(10_000).optional(),
    /** A regular expression (source) the value must match. */
    pattern: z.string().max(500).optional(),
    patternMessage: z.string().max(300).optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('paragraph'),
    placeholder: z.string().max(2000).optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().max(100_000).optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('file'),
    /** Extensions or MIME types, as in `<input accept>`. */
    accept: z.array(z.string().max(100)).optional(),
    maxFiles: z.number().int().positive().max(50).default(10),
    /** HAR files are sanitized before they are stored. */
    sanitizeHar: z.boolean().default(true),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('url'),
    /** Regular expressions (source); the URL must match one of them. */
    allow: z.array(z.string().max(500)).optional(),
    allowMessage: z.string().max(300).optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  }),
  z.object({ ...fieldBase, type: z.literal('datetime') }),
  z.object({ ...fieldBase, type: z.literal('checkbox') }),
]);
export type Field = z.infer<typeof fieldSchema>;
/** A field as written in a template, before defaults are applied. */
export type FieldInput = z.input<typeof fieldSchema>;
export type FieldType = Field['type'];

/** A stored file: the bytes live in the attachments table, keyed by id. */
export const fileRefSchema = z.object({
  attachmentId: z.string().min(1).max(100),
  name: z.string().min(1).max(500),
  size: z.number().int().nonnegative(),
  type: z.string().max(200),
  /** Present when a HAR was sanitized before it was stored. */
  sanitized: z
    .object({
      redactions: z.number().int().nonnegative(),
      byKind: z.record(z.string(), z.number()),
    })
    .optional(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

/** A wall-clock time as the customer said it, and the zone it was said in. */
export const zonedDateTimeSchema = z.object({
  /** `YYYY-MM-DDTHH:mm` (seconds optional), local to `timeZone`. */
  local: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/, 'expected YYYY-MM-DDTHH:mm'),
  /** IANA zone, e.g. `America/New_York`. */
  timeZone: z.string().min(1).max(100),
});
export type ZonedDateTime = z.infer<typeof zonedDateTimeSchema>;

/** The value of any field; which shape is allowed depends on the field type. */
export const fieldValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  zonedDateTimeSchema,
  z.array(fileRefSchema),
  z.null(),
]);
export type FieldValue = z.infer<typeof fieldValueSchema>;
