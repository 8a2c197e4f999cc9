/**
 * Dedicated worker: sanitizes one HAR File per job off every main thread,
 * streaming `file.stream()` through the HAR sanitizer.
 */
import type { JobMessage, SanitizeJob } from '../../platform/har/frame-protocol';
import { preload, runJob, warmUp } from './job';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SanitizeJob>) => void) | null;
  postMessage: (message: JobMessage) => void;
};

scope.onmessage = (event) => {
  void runJob(event.data, (message) => scope.postMessage(message));
};

// Started before a job arrives (the frame keeps one spare): have the sanitizer loaded and its
// code warm by then. A job that arrives sooner runs alongside; a failed warm-up changes nothing.
void preload()
  .then(warmUp)
  .catch(() => undefined);
