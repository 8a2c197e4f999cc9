import { HarError, sanitizeHarText } from '../../../lib/har/index';
import { sniffBytes, SNIFF_BYTES } from '../../../lib/har/sniff';
import { sha256Hex } from '../../../lib/har/vouch';
import { base64ToBytes, bytesToBase64 } from '../../../lib/messaging/base64';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import { harRulesFromSettings } from '../../../lib/settings/redaction';
import { findField } from '../../../lib/workflow/roles';
import type { FileRef, WorkflowTemplate } from '../../../lib/workflow/schema';
import { getAttachment, putAttachment } from '../db/repo/attachments';
import { getRun } from '../db/repo/runs';
import { harVouches } from '../har-vouches';
import { readSettings } from '../settings/store';
import type { DomainHandlers } from './context';

/** A HAR by its first bytes, whatever its name or type (the file guard's rule, lib/har/sniff.ts). */
export function isHarBytes(bytes: Uint8Array): boolean {
  return sniffBytes(bytes.subarray(0, SNIFF_BYTES), bytes.length <= SNIFF_BYTES) === 'har';
}

function sanitizesHar(template: WorkflowTemplate, stepId: string, fieldId: string): boolean {
  const field = findField(template, stepId, fieldId);
  return field?.type === 'file' && field.sanitizeHar;
}

type Sanitized = NonNullable<FileRef['sanitized']>;

function addCounts(a: Sanitized | undefined, b: Sanitized): Sanitized {
  if (!a) return b;
  const byKind = { ...a.byKind };
  for (const [kind, n] of Object.entries(b.byKind)) byKind[kind] = (byKind[kind] ?? 0) + n;
  return { redactions: a.redactions + b.redactions, byKind };
}

/**
 * A HAR for a field that asks for sanitizing is sanitized here with the
 * team's rules, unless it is the very file the sanitizer frame produced
 * (vouched for by digest): no unsanitized HAR reaches the store, and none
 * is sanitized twice.
 */
async function sanitizeForStore(
  bytes: Uint8Array<ArrayBuffer>,
  reported: Sanitized | undefined,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; sanitized: Sanitized }> {
  const rules = harRulesFromSettings((await readSettings()).redaction);
  let result: ReturnType<typeof sanitizeHarText>;
  try {
    result = sanitizeHarText(new TextDecoder().decode(bytes), { rules });
  } catch (error) {
    if (error instanceof HarError) {
      throw new ProtocolFailure(
        'invalid-value',
        `This HAR could not be sanitized, so it was not attached: ${error.message}`,
      );
    }
    throw error;
  }
  return {
    bytes: new TextEncoder().encode(result.text),
    sanitized: addCounts(reported, {
      redactions: result.report.total,
      byKind: result.report.counts,
    }),
  };
}

export const attachmentHandlers = {
  'attachment.put': async (request, ctx) => {
    // Decoding and sanitizing happen before the write transaction: only
    // IndexedDB work happens inside it.
    let bytes = base64ToBytes(request.dataBase64);
    let sanitized = request.sanitized;
    if (isHarBytes(bytes)) {
      const { template } = await getRun(ctx.db, request.runId);
      const vouched =
        request.sanitized !== undefined && harVouches.take(await sha256Hex(bytes), ctx.now());
      if (!vouched && sanitizesHar(template, request.stepId, request.fieldId)) {
        ({ bytes, sanitized } = await sanitizeForStore(bytes, request.sanitized));
      }
    }
    const change = await putAttachment(
      ctx.db,
      {
        id: crypto.randomUUID(),
        runId: request.runId,
        stepId: request.stepId,
        fieldId: request.fieldId,
        name: request.name,
        mimeType: request.mimeType,
        blob: new Blob([bytes], { type: request.mimeType }),
        ...(sanitized ? { sanitized } : {}),
      },
      request.actor,
      ctx.now(),
    );
    ctx.effects.runChanged(change);
    return change.file;
  },

  'attachment.get': async ({ attachmentId }, ctx) => {
    const record = await getAttachment(ctx.db, attachmentId);
    const bytes = new Uint8Array(await record.blob.arrayBuffer());
    return { name: record.name, mimeType: record.mimeType, dataBase64: bytesToBase64(bytes) };
  },
} satisfies DomainHandlers<'attachment.put' | 'attachment.get'>;
