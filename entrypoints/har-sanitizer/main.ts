/**
 * The hidden sanitizer frame. A content script cannot start a Worker from
 * a chrome-extension:// URL and page CSPs may block blob: workers, so the
 * content script embeds this web-accessible extension page in a hidden
 * iframe, hands it a MessagePort, and posts HAR Files to it. Each job runs
 * in a dedicated worker; if a worker cannot start, the job runs here, which
 * is still off the helpdesk page's thread (the frame has its own origin).
 */
import SanitizerWorker from './worker?worker';
import {
  FRAME_HELLO,
  FRAME_READY,
  type CancelJob,
  type JobMessage,
  type SanitizeJob,
} from '../../platform/har/frame-protocol';
import { runJob } from './job';

function startWorker(): Worker | null {
  try {
    return new SanitizerWorker();
  } catch {
    return null;
  }
}

/** One worker started ahead of the next job, so a file does not wait for a worker to start and load. */
let spare: Worker | null = null;

function takeWorker(): Worker | null {
  const worker = spare ?? startWorker();
  spare = startWorker();
  return worker;
}

function serve(port: MessagePort): void {
  spare ??= startWorker();
  // Running jobs by id, so the agent's Cancel can stop one.
  const stops = new Map<number, () => void>();
  port.onmessage = (event: MessageEvent<SanitizeJob | CancelJob>) => {
    const job = event.data;
    if (job?.type === 'cancel') {
      stops.get(job.id)?.();
      return;
    }
    if (!job || job.type !== 'sanitize') return;
    const worker = takeWorker();
    if (!worker) {
      const controller = new AbortController();
      stops.set(job.id, () => controller.abort());
      void runJob(job, (message) => port.postMessage(message), controller.signal).finally(() =>
        stops.delete(job.id),
      );
      return;
    }
    stops.set(job.id, () => {
      worker.terminate();
      stops.delete(job.id);
      port.postMessage({
        type: 'error',
        id: job.id,
        code: 'cancelled',
        message: 'Sanitizing was cancelled; nothing was handed on.',
      } satisfies JobMessage);
    });
    worker.onmessage = (e: MessageEvent<JobMessage>) => {
      port.postMessage(e.data);
      if (e.data.type !== 'progress') {
        worker.terminate();
        stops.delete(job.id);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      stops.delete(job.id);
      port.postMessage({
        type: 'error',
        id: job.id,
        code: 'unreadable',
        message: `The sanitizer worker failed: ${e.message}`,
      } satisfies JobMessage);
    };
    worker.postMessage(job);
  };
  port.postMessage({ type: FRAME_READY });
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const data = event.data as { type?: unknown } | null;
  const port = event.ports[0];
  if (data?.type === FRAME_HELLO && port) serve(port);
});
