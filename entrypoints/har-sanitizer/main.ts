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

function serve(port: MessagePort): void {
  port.onmessage = (event: MessageEvent<SanitizeJob>) => {
    const job = event.data;
    if (!job || job.type !== 'sanitize') return;
    const worker = startWorker();
    if (!worker) {
      void runJob(job, (message) => port.postMessage(message));
      return;
    }
    worker.onmessage = (e: MessageEvent<JobMessage>) => {
      port.postMessage(e.data);
      if (e.data.type !== 'progress') worker.terminate();
    };
    worker.onerror = (e) => {
      worker.terminate();
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
