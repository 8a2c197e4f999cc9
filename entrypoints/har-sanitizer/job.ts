/**
 * One sanitize job, in the frame's worker (or the frame itself when a worker
 * cannot start): the team's redaction settings become sanitizer rules here,
 * and the file streams through the HAR sanitizer. Loaded on demand, so the
 * frame page itself stays small.
 */
import type { JobMessage, SanitizeJob, WorkerMessage } from '../../platform/har/frame-protocol';
import { errorMessage } from '../../lib/errors';

/** Load the sanitizer and the settings-to-rules code now, before the first file arrives. */
export function preload(): Promise<unknown> {
  return Promise.all([import('../../lib/har/index'), import('../../lib/settings/redaction')]);
}

/**
 * Then sanitize a made-up HAR once (lib/har/warm-up.ts): a worker's code
 * starts cold, and the agent's file is always the first in its worker.
 */
export async function warmUp(output?: JobOutput): Promise<void> {
  const [{ warmUpSanitizer }, { createByteSink }] = await Promise.all([
    import('../../lib/har/warm-up'),
    import('../../lib/har/byte-sink'),
  ]);
  const bytes = output && createByteSink(output);
  await warmUpSanitizer(undefined, bytes?.sink);
  bytes?.finish();
}

/** Where a worker's output goes: reused buffers handed to the frame (lib/har/byte-sink.ts). */
export interface JobOutput {
  take: () => ArrayBuffer | Promise<ArrayBuffer>;
  ship: (buffer: ArrayBuffer, used: number) => void;
}

type Answer<M> = (message: M) => void;

/**
 * Sanitizes one job. With `output` (in the worker) the file leaves as bytes in
 * `output`'s buffers and `done` carries only the report; without it (the frame
 * itself, when no worker starts) `done` carries the file as a Blob.
 */
export async function runJob(
  job: SanitizeJob,
  post: Answer<JobMessage>,
  signal?: AbortSignal,
): Promise<void>;
export async function runJob(
  job: SanitizeJob,
  post: Answer<WorkerMessage>,
  signal: AbortSignal | undefined,
  output: JobOutput,
): Promise<void>;
export async function runJob(
  job: SanitizeJob,
  post: Answer<JobMessage> | Answer<WorkerMessage>,
  signal?: AbortSignal,
  output?: JobOutput,
): Promise<void> {
  const answer = post as Answer<JobMessage | WorkerMessage>;
  const [
    { sanitizeHarBlob, sanitizeHarStream, HarError, DEFAULT_RULES },
    { harRulesFromSettings },
    { createByteSink },
  ] = await Promise.all([
    import('../../lib/har/index'),
    import('../../lib/settings/redaction'),
    import('../../lib/har/byte-sink'),
  ]);
  let last = 0;
  try {
    // A .har.gz: inflated here, off the page, before the sanitizer reads it.
    const input = job.gzip
      ? await new Response(job.file.stream().pipeThrough(new DecompressionStream('gzip'))).blob()
      : job.file;
    const rules = job.redaction ? harRulesFromSettings(job.redaction) : DEFAULT_RULES;
    const options = {
      // The agent is told counts by kind, never each finding's path: listing them cost a path
      // string per redaction and made the answer an object graph of thousands of findings,
      // copied twice across threads and processes (50-90 ms on a 10 MB HAR).
      rules: { ...rules, maxFindings: 0 },
      signal,
      onProgress: ({ bytesRead, entries }: { bytesRead: number; entries: number }) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        answer({ type: 'progress', id: job.id, bytesRead, totalBytes: input.size, entries });
      },
    };
    if (!output) {
      const { blob, report } = await sanitizeHarBlob(input, options);
      answer({ type: 'done', id: job.id, blob, report });
      return;
    }
    const bytes = createByteSink(output);
    const report = await sanitizeHarStream(input.stream(), bytes.sink, {
      ...options,
      flushSize: 0,
      totalBytes: input.size,
    });
    bytes.finish();
    answer({ type: 'done', id: job.id, report });
  } catch (error) {
    answer({
      type: 'error',
      id: job.id,
      code: error instanceof HarError ? error.code : 'unreadable',
      message: errorMessage(error),
    });
  }
}
