/**
 * The hidden sanitizer frame. A content script cannot start a Worker from
 * a chrome-extension:// URL and page CSPs may block blob: workers, so the
 * content script embeds this web-accessible extension page in a hidden
 * iframe, hands it a MessagePort, and posts HAR Files to it. Each job runs
 * in a dedicated worker; if a worker cannot start, the job runs here, which
 * is still off the helpdesk page's thread (the frame has its own origin).
 *
 * Only Casebook's own content script can open a session: the hello carries a
 * one-time secret the background keeps in storage.session (which web pages and
 * content scripts cannot read), redeemed here once through the background
 * (`har.claim`, accepted only from this page: Firefox gives an extension page
 * framed in a web page no storage.session; runtime messaging works in both). A job whose worker shows
 * no progress for WORKER_STALL_MS (a team regex backtracking without end) is
 * stopped and answered with an error: the upload stays blocked and the agent
 * is told why.
 */
import { send } from '../../platform/messaging/content-client';
import SanitizerWorker from './worker?worker';
import {
  FRAME_HELLO,
  FRAME_READY,
  WORKER_STALL_MS,
  type CancelJob,
  type JobMessage,
  type SanitizeJob,
  type WorkerBuffer,
  type WorkerMessage,
} from '../../platform/har/frame-protocol';
import { runJob } from './job';
import { MAX_VOUCHED_BYTES, sha256Hex } from '../../lib/har/vouch';

function startWorker(): Worker | null {
  try {
    return new SanitizerWorker();
  } catch {
    return null;
  }
}

export function stallMessage(job: SanitizeJob): string {
  const team = job.redaction?.patterns.map((p) => p.name) ?? [];
  const suspects = team.length
    ? ` The team's value patterns (${team.join(', ')}) are the likely cause: a pattern that backtracks catastrophically can take forever on one value. Fix or remove it on the options page.`
    : '';
  return `Sanitizing stopped: checking one value took more than ${WORKER_STALL_MS / 1000} s.${suspects}`;
}

/** Runs one job in `worker`; returns how to cancel it. */
function runInWorker(
  job: SanitizeJob,
  worker: Worker,
  answer: (message: JobMessage) => void,
  done: () => void,
): () => void {
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const finish = (message: JobMessage) => {
    if (finished) return;
    finished = true;
    clearTimeout(watchdog);
    worker.terminate();
    done();
    answer(message);
  };
  const arm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(
      () => finish({ type: 'error', id: job.id, code: 'timeout', message: stallMessage(job) }),
      WORKER_STALL_MS,
    );
  };
  // The sanitized bytes, in order: copied into Blobs here, off the worker's thread.
  const parts: Blob[] = [];
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    const message = e.data;
    if (message.type === 'progress') {
      arm();
      answer(message);
    } else if (message.type === 'output') {
      if (finished) return;
      parts.push(new Blob([new Uint8Array(message.buffer, 0, message.used)]));
      worker.postMessage({ type: 'buffer', buffer: message.buffer } satisfies WorkerBuffer, [
        message.buffer,
      ]);
    } else if (message.type === 'done') {
      const blob = new Blob(parts, { type: 'application/json' });
      parts.length = 0;
      finish({ type: 'done', id: message.id, blob, report: message.report });
    } else finish(message);
  };
  worker.onerror = (e) =>
    finish({
      type: 'error',
      id: job.id,
      code: 'unreadable',
      message: `The sanitizer worker failed: ${e.message}`,
    });
  arm();
  worker.postMessage(job);
  return () =>
    finish({
      type: 'error',
      id: job.id,
      code: 'cancelled',
      message: 'Sanitizing was cancelled; nothing was handed on.',
    });
}

/**
 * One worker started (and warmed up) ahead of the next job, so a file does not
 * wait for a worker to start and load. The next spare starts once a job ends:
 * its warm-up would otherwise take CPU from the job.
 */
let spare: Worker | null = null;

function takeWorker(): Worker | null {
  const worker = spare ?? startWorker();
  spare = null;
  return worker;
}

const SPARE_AFTER_MS = 1_000;

function replaceSpare(): void {
  spare ??= startWorker();
}

/**
 * Hands a job's message on. A finished file for the panel's own field is
 * first vouched for with the background (its digest), so the field can store
 * it without a second sanitizing; a failed vouch only means the background
 * sanitizes again. A file for the page goes at once.
 */
function answerer(port: MessagePort, vouched: Set<number>): (message: JobMessage) => void {
  return (message) => {
    if (message.type === 'progress') {
      port.postMessage(message);
      return;
    }
    const vouch = vouched.delete(message.id);
    if (message.type !== 'done' || !vouch || message.blob.size > MAX_VOUCHED_BYTES) {
      port.postMessage(message);
      return;
    }
    void message.blob
      .arrayBuffer()
      .then(sha256Hex)
      .then((sha256) => send({ type: 'har.vouch', sha256 }))
      .catch(() => undefined)
      .finally(() => port.postMessage(message));
  };
}

function serve(port: MessagePort): void {
  replaceSpare();
  const vouched = new Set<number>();
  const answer = answerer(port, vouched);
  // Running jobs by id, so the agent's Cancel can stop one.
  const stops = new Map<number, () => void>();
  port.onmessage = (event: MessageEvent<SanitizeJob | CancelJob>) => {
    const job = event.data;
    if (job?.type === 'cancel') {
      stops.get(job.id)?.();
      return;
    }
    if (!job || job.type !== 'sanitize') return;
    if (job.vouch) vouched.add(job.id);
    const worker = takeWorker();
    if (worker) {
      stops.set(
        job.id,
        runInWorker(job, worker, answer, () => {
          stops.delete(job.id);
          // After the file is on its way: the spare's start and warm-up would compete with it.
          setTimeout(replaceSpare, SPARE_AFTER_MS);
        }),
      );
      return;
    }
    // No worker: the content script's own deadline still ends a job that never answers.
    const controller = new AbortController();
    stops.set(job.id, () => controller.abort());
    void runJob(job, answer, controller.signal).finally(() => stops.delete(job.id));
  };
  port.postMessage({ type: FRAME_READY });
}

/** True once per secret the background issued (and not expired). */
async function claimSession(token: unknown): Promise<boolean> {
  if (typeof token !== 'string' || !/^[0-9a-f-]{36}$/.test(token)) return false;
  try {
    return (await send({ type: 'har.claim', token })).valid;
  } catch {
    return false;
  }
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const data = event.data as { type?: unknown; token?: unknown } | null;
  const port = event.ports[0];
  if (data?.type !== FRAME_HELLO || !port) return;
  void claimSession(data.token).then((ok) => {
    if (ok) serve(port);
    else port.close();
  });
});
