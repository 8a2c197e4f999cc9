/**
 * Dedicated worker: sanitizes one HAR File per job off every main thread,
 * streaming `file.stream()` through the HAR sanitizer. The sanitized bytes
 * go to the frame in a few reused buffers (the frame keeps them in Blobs on
 * its own thread and gives the buffers back), so building the file's Blob
 * does not hold up sanitizing.
 */
import type { SanitizeJob, WorkerBuffer, WorkerMessage } from '../../platform/har/frame-protocol';
import { preload, runJob, warmUp } from './job';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SanitizeJob | WorkerBuffer>) => void) | null;
  postMessage: (message: WorkerMessage, transfer?: Transferable[]) => void;
};

const OUTPUT_BUFFER_BYTES = 1 << 20;
const OUTPUT_BUFFERS = 4;

/** Written through once when the worker starts: fresh memory is slow to touch the first time. */
function pagedIn(): ArrayBuffer {
  const buffer = new ArrayBuffer(OUTPUT_BUFFER_BYTES);
  new Uint8Array(buffer).fill(0x20);
  return buffer;
}

const free: ArrayBuffer[] = [];
let waiting: ((buffer: ArrayBuffer) => void) | null = null;

function giveBack(buffer: ArrayBuffer): void {
  if (waiting) {
    const wake = waiting;
    waiting = null;
    wake(buffer);
  } else free.push(buffer);
}

function take(): ArrayBuffer | Promise<ArrayBuffer> {
  return free.pop() ?? new Promise<ArrayBuffer>((resolve) => (waiting = resolve));
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'buffer') {
    giveBack(message.buffer);
    return;
  }
  const id = message.id;
  void runJob(message, (answer) => scope.postMessage(answer), undefined, {
    take,
    ship: (buffer, used) => scope.postMessage({ type: 'output', id, buffer, used }, [buffer]),
  });
};

for (let i = 0; i < OUTPUT_BUFFERS; i++) free.push(pagedIn());

// Started before a job arrives (the frame keeps one spare): have the sanitizer loaded and its
// code warm by then. A job that arrives sooner runs alongside; a failed warm-up changes nothing.
// Its output goes through the same buffers, straight back to the pool.
void preload()
  .then(() => warmUp({ take, ship: giveBack }))
  .catch(() => undefined);
