/**
 * Messages between the content script, the hidden sanitizer frame
 * (entrypoints/har-sanitizer) and its worker. Files and Blobs travel by
 * structured clone; nothing here goes through the extension runtime.
 * Types and names only: the content script imports this, the sanitizer
 * (entrypoints/har-sanitizer/job.ts) stays in the frame.
 */
import type { HarReport } from '../../lib/har/index';
import type { RedactionSettings } from '../../lib/settings/schema';

/**
 * Sent by the content script with a MessagePort (transferred) and the
 * session's secret (`token`, from the background) to open a session.
 */
export const FRAME_HELLO = 'casebook-har-hello';
/** Sent by the frame on the port once it listens. */
export const FRAME_READY = 'casebook-har-ready';

export interface SanitizeJob {
  type: 'sanitize';
  id: number;
  file: Blob;
  /** The team's redaction settings; turned into sanitizer rules in the worker. */
  redaction?: RedactionSettings;
  /** The file is gzip: inflate before sanitizing. */
  gzip?: boolean;
  /**
   * The file goes to the Casebook panel's own field, which stores it through
   * the background: vouch for the result there (its digest) so it is not
   * sanitized twice. A file for the page is not vouched for: that would only
   * delay it.
   */
  vouch?: boolean;
}

/** Where the background keeps a session's secret (storage.session) until the frame claims it. */
export const SESSION_KEY_PREFIX = 'har-session:';
/** A job whose worker reports no progress for this long is stopped (a runaway team regex). */
export const WORKER_STALL_MS = 8_000;
/** Sent by the content script when the agent cancels a job: the frame stops it and answers `error` / `cancelled`. */
export interface CancelJob {
  type: 'cancel';
  id: number;
}

type JobProgress = {
  type: 'progress';
  id: number;
  bytesRead: number;
  totalBytes: number;
  entries: number;
};
type JobError = { type: 'error'; id: number; code: string; message: string };

/** What the frame answers the content script. */
export type JobMessage =
  JobProgress | { type: 'done'; id: number; blob: Blob; report: HarReport } | JobError;

/**
 * What a worker tells the frame. The sanitized file comes as `output`
 * buffers, in order, before `done`: the frame keeps their bytes in Blobs
 * and gives each buffer back (`WorkerBuffer`).
 */
export type WorkerMessage =
  | JobProgress
  | { type: 'output'; id: number; buffer: ArrayBuffer; used: number }
  | { type: 'done'; id: number; report: HarReport }
  | JobError;

/** A buffer the frame gives back to the worker once it has copied the bytes out. */
export interface WorkerBuffer {
  type: 'buffer';
  buffer: ArrayBuffer;
}
