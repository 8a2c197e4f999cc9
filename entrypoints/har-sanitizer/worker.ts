/**
 * Dedicated worker: sanitizes one HAR File per job off every main thread,
 * streaming `file.stream()` through the HAR sanitizer.
 */
import type { JobMessage, SanitizeJob } from '../../platform/har/frame-protocol';
import { preload, runJob } from './job';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SanitizeJob>) => void) | null;
  postMessage: (message: JobMessage) => void;
};

scope.onmessage = (event) => {
  void runJob(event.data, (message) => scope.postMessage(message));
};

// Started before a job arrives (the frame keeps one spare): have the sanitizer loaded by then.
void preload();
