import { base64ToBytes, bytesToBase64 } from '../../../lib/messaging/base64';
import { getAttachment, putAttachment } from '../db/repo';
import type { DomainHandlers } from './context';

export const attachmentHandlers = {
  'attachment.put': async (request, ctx) => {
    // Decoded before the transaction: only IndexedDB work happens inside it.
    const bytes = base64ToBytes(request.dataBase64);
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
      },
      request.actor,
      ctx.now(),
    );
    ctx.effects.runChanged(change.run, change.view);
    return change.file;
  },

  'attachment.get': async ({ attachmentId }, ctx) => {
    const record = await getAttachment(ctx.db, attachmentId);
    const bytes = new Uint8Array(await record.blob.arrayBuffer());
    return { name: record.name, mimeType: record.mimeType, dataBase64: bytesToBase64(bytes) };
  },
} satisfies DomainHandlers<'attachment.put' | 'attachment.get'>;
