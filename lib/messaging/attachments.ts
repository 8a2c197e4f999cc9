/**
 * Requests about file attachments. Bytes travel as base64 because runtime
 * messages are JSON in Chrome; in the store they are Blobs.
 */
import { z } from 'zod';
import { actorSchema, fileRefSchema, idSchema } from '../workflow/schema';

/** What a HAR sanitizer removed: `FileRef.sanitized`. */
export const sanitizedSchema = fileRefSchema.shape.sanitized.unwrap();

/**
 * Chrome refuses runtime messages over 64 MiB; base64 grows bytes by 4/3,
 * so this admits files up to about 36 MB with room for the envelope.
 */
export const MAX_ATTACHMENT_BASE64 = 48 * 1024 * 1024;

export const base64Schema = z
  .string()
  .max(MAX_ATTACHMENT_BASE64, 'the file is too large to attach (about 36 MB at most)')
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'expected base64');

export const attachmentRequestSchemas = [
  z.object({
    type: z.literal('attachment.put'),
    runId: z.string().min(3).max(200),
    stepId: idSchema,
    fieldId: idSchema,
    name: z.string().min(1).max(500),
    /** The file's MIME type (`type` is the request's discriminator). */
    mimeType: z.string().max(200),
    dataBase64: base64Schema,
    /**
     * Set when the view already sanitized this HAR. The background sanitizes
     * HARs for fields that ask for it either way (a second pass finds nothing
     * new) and records both passes.
     */
    sanitized: sanitizedSchema.optional(),
    /** Who attached it: the field change is recorded in the run's events. */
    actor: actorSchema,
  }),
  z.object({ type: z.literal('attachment.get'), attachmentId: z.string().min(1).max(100) }),
] as const;

export const attachmentReplySchemas = {
  'attachment.put': fileRefSchema,
  'attachment.get': z.object({
    name: z.string(),
    mimeType: z.string(),
    dataBase64: z.string(),
  }),
} as const;
