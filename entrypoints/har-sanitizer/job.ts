/**
 * One sanitize job, in the frame's worker (or the frame itself when a worker
 * cannot start): the team's redaction settings become sanitizer rules here,
 * and the file streams through the HAR sanitizer. Loaded on demand, so the
 * frame page itself stays small.
 */
import type { JobMessage, SanitizeJob } from '../../platform/har/frame-protocol';
import { errorMessage } from '../../lib/errors';

/** Load the sanitizer and the settings-to-rules code now, before the first file arrives. */
export function preload(): Promise<unknown> {
  return Promise.all([import('../../lib/har/index'), import('../../lib/settings/redaction')]);
}

/**
 * Then sanitize a made-up HAR once (lib/har/warm-up.ts): a worker's code
 * starts cold, and the agent's file is always the first in its worker.
 */
export async function warmUp(): Promise<void> {
  const { warmUpSanitizer } = await import('../../lib/har/warm-up');
  await warmUpSanitizer();
}

export async function runJob(
  job: SanitizeJob,
  post: (message: JobMessage) => void,
  signal?: AbortSignal,
): Promise<void> {
  const [{ sanitizeHarBlob, HarError, DEFAULT_RULES }, { harRulesFromSettings }] =
    await Promise.all([import('../../lib/har/index'), import('../../lib/settings/redaction')]);
  let last = 0;
  try {
    // A .har.gz: inflated here, off the page, before the sanitizer reads it.
    const input = job.gzip
      ? await new Response(job.file.stream().pipeThrough(new DecompressionStream('gzip'))).blob()
      : job.file;
    const rules = job.redaction ? harRulesFromSettings(job.redaction) : DEFAULT_RULES;
    const { blob, report } = await sanitizeHarBlob(input, {
      // The agent is told counts by kind, never each finding's path: listing them cost a path
      // string per redaction and made the answer an object graph of thousands of findings,
      // copied twice across threads and processes (50-90 ms on a 10 MB HAR).
      rules: { ...rules, maxFindings: 0 },
      signal,
      onProgress: ({ bytesRead, entries }) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        post({ type: 'progress', id: job.id, bytesRead, totalBytes: input.size, entries });
      },
    });
    post({ type: 'done', id: job.id, blob, report });
  } catch (error) {
    post({
      type: 'error',
      id: job.id,
      code: error instanceof HarError ? error.code : 'unreadable',
      message: errorMessage(error),
    });
  }
}
