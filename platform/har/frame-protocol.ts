/**
 * Messages between the content script, the hidden sanitizer frame
 * (entrypoints/har-sanitizer) and its worker. Files and Blobs travel by
 * structured clone; nothing here goes through the extension runtime.
 */
import type { HarReport, HarRules } from '../../lib/har/index';

/** Sent by the content script with a MessagePort (transferred) to open a session. */
export const FRAME_HELLO = 'casebook-har-hello';
/** Sent by the frame on the port once it listens. */
export const FRAME_READY = 'casebook-har-ready';

export interface SanitizeJob {
  type: 'sanitize';
  id: number;
  file: Blob;
  rules?: HarRules;
}

export type JobMessage =
  | { type: 'progress'; id: number; bytesRead: number; totalBytes: number; entries: number }
  | { type: 'done'; id: number; blob: Blob; report: HarReport }
  | { type: 'error'; id: number; code: string; message: string };

/** Worker-side loop, shared by the dedicated worker and the in-frame fallback. */
export async function runJob(job: SanitizeJob, post: (message: JobMessage) => void): Promise<void> {
  const { sanitizeHarBlob, HarError } = await import('../../lib/har/index');
  let last = 0;
  try {
    const { blob, report } = await sanitizeHarBlob(job.file, {
      rules: job.rules,
      onProgress: ({ bytesRead, entries }) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        post({ type: 'progress', id: job.id, bytesRead, totalBytes: job.file.size, entries });
      },
    });
    post({ type: 'done', id: job.id, blob, report });
  } catch (error) {
    post({
      type: 'error',
      id: job.id,
      code: error instanceof HarError ? error.code : 'unreadable',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
