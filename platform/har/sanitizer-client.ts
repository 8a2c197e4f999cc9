/**
 * Content-script side of the HAR sanitizer: embeds the hidden sanitizer
 * frame (entrypoints/har-sanitizer), talks to it over a private
 * MessageChannel, and returns `<name>.sanitized.har` plus the report.
 *
 * Sanitizing happens only there, in the frame's worker, off the helpdesk
 * page's thread; the sanitizer itself is not in the content script, which
 * every ticket page loads. If the frame cannot load or answer (a page CSP
 * blocking extension frames, a removed iframe), `sanitize` rejects with
 * `HarSanitizerUnavailable` and the interception blocks the upload: a HAR is
 * never passed on unsanitized.
 */
import { browser } from '#imports';
import type { HarReport } from '../../lib/har/index';
import { sanitizedHarName } from '../../lib/har/sniff';
import type { RedactionSettings } from '../../lib/settings/schema';
import { send } from '../messaging/content-client';
import {
  FRAME_HELLO,
  FRAME_READY,
  type CancelJob,
  type JobMessage,
  type SanitizeJob,
} from './frame-protocol';
import { errorMessage } from '../../lib/errors';

/**
 * The sanitizer page's URL and the origin its document has, fixed when this
 * script starts: never read back from the frame. In Chrome `getURL` gives a
 * web-accessible `use_dynamic_url` resource under the session's dynamic id,
 * while the loaded document's origin is the extension's own id (the origin
 * of a path that is not web-accessible).
 */
const getURL = browser.runtime.getURL as (path: string) => string;
const FRAME_URL = getURL('/har-sanitizer.html');
export const EXTENSION_ORIGIN = new URL(getURL('/')).origin;
/** A job that sends nothing (no progress, no answer) for this long is abandoned and its upload blocked. */
export const JOB_IDLE_DEADLINE_MS = 30_000;

export interface HarSanitizeResult {
  file: File;
  report: HarReport;
}

export interface HarProgressInfo {
  bytesRead: number;
  totalBytes: number;
  entries: number;
}

export interface HarSanitizerOptions {
  /** The team's redaction settings (the sanitizer's defaults when absent), read per file. */
  redaction?: () => RedactionSettings | undefined;
  /** Where the hidden iframe goes; document.documentElement by default. */
  container?: () => Element;
  /** How long the frame may take to answer before the upload is blocked. */
  frameTimeoutMs?: number;
  /** A per-session secret from the background: the frame serves only Casebook's own sessions. */
  sessionToken?: () => Promise<string>;
  jobIdleDeadlineMs?: number;
}

export interface SanitizeOptions {
  onProgress?: (p: HarProgressInfo) => void;
  /** The file is a gzipped HAR: the frame inflates it first. */
  gzip?: boolean;
  /** Aborting it cancels the job (the agent's Cancel). */
  signal?: AbortSignal;
  /** The result goes to the panel's own field: the frame vouches for it with the background. */
  vouch?: boolean;
}

/** The file's fault (not JSON, not a HAR, …), as the sanitizer reported it. */
export class HarRejected extends Error {
  override readonly name = 'HarRejected';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The sanitizer frame could not be reached: nothing can be sanitized on this page. */
export class HarSanitizerUnavailable extends Error {
  override readonly name = 'HarSanitizerUnavailable';
  constructor(reason: string) {
    super(`Casebook's HAR sanitizer could not start on this page (${reason})`);
  }
}

export interface HarSanitizer {
  /** Aborting `options.signal` cancels the job: it rejects with HarRejected('cancelled') and nothing is handed on. */
  sanitize(file: File, options?: SanitizeOptions): Promise<HarSanitizeResult>;
  /** Open the frame (and its spare worker) ahead of a file, e.g. while the agent's file dialog is open. */
  warm(): void;
  dispose(): void;
}

function toFile(blob: Blob, original: File): File {
  return new File([blob], sanitizedHarName(original.name), {
    type: original.type || 'application/json',
    lastModified: Date.now(),
  });
}

interface FrameSession {
  port: MessagePort;
  frame: HTMLIFrameElement;
  /** Set when the session ended (the frame navigated or was removed). */
  ended: () => string | undefined;
}

interface Waiter {
  resolve: (m: JobMessage) => void;
  reject: (e: Error) => void;
  progress?: (p: HarProgressInfo) => void;
  touch: () => void;
}

/** The background hands out one secret per session; the frame honours it once. */
async function sessionFromBackground(): Promise<string> {
  return (await send({ type: 'har.session' })).token;
}

export function createHarSanitizer(options: HarSanitizerOptions = {}): HarSanitizer {
  // No fallback waits behind the frame, so give a slow (busy) machine time to start it.
  const timeoutMs = options.frameTimeoutMs ?? 10_000;
  const idleMs = options.jobIdleDeadlineMs ?? JOB_IDLE_DEADLINE_MS;
  let session: Promise<FrameSession> | null = null;
  let nextId = 1;
  const pending = new Map<number, Waiter>();

  const failAll = (reason: string) => {
    for (const [id, waiter] of pending) {
      pending.delete(id);
      waiter.reject(new Error(reason));
    }
  };

  const openFrame = async (): Promise<FrameSession> => {
    const token = await (options.sessionToken ?? sessionFromBackground)();
    return new Promise<FrameSession>((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.src = FRAME_URL;
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.dataset.casebook = 'har-sanitizer';
      frame.style.cssText =
        'position:fixed!important;width:0!important;height:0!important;border:0!important;visibility:hidden!important;pointer-events:none!important;';
      const channel = new MessageChannel();
      let loads = 0;
      let endedBecause: string | undefined;
      const end = (reason: string) => {
        if (endedBecause) return;
        endedBecause = reason;
        channel.port1.close();
        frame.remove();
        session = null;
        failAll(reason);
      };
      const timer = setTimeout(() => {
        end('the sanitizer frame did not answer');
        reject(new Error('the sanitizer frame did not answer'));
      }, timeoutMs);
      channel.port1.onmessage = (event: MessageEvent<{ type?: string } | JobMessage>) => {
        const data = event.data;
        if (data?.type === FRAME_READY) {
          clearTimeout(timer);
          resolve({ port: channel.port1, frame, ended: () => endedBecause });
          return;
        }
        const message = data as JobMessage;
        const waiter = pending.get(message.id);
        if (!waiter) return;
        waiter.touch();
        if (message.type === 'progress') waiter.progress?.(message);
        else {
          pending.delete(message.id);
          waiter.resolve(message);
        }
      };
      frame.addEventListener('load', () => {
        loads += 1;
        // A second load is a navigation (a page script changed src): whatever is
        // in the frame now is not ours. The port went only to our origin.
        if (loads > 1) {
          clearTimeout(timer);
          end('the sanitizer frame was navigated away');
          reject(new Error('the sanitizer frame was navigated away'));
          return;
        }
        frame.contentWindow?.postMessage({ type: FRAME_HELLO, token }, EXTENSION_ORIGIN, [
          channel.port2,
        ]);
      });
      frame.addEventListener('error', () => {
        clearTimeout(timer);
        end('the sanitizer frame could not load');
        reject(new Error('the sanitizer frame could not load'));
      });
      (options.container?.() ?? document.documentElement).appendChild(frame);
    });
  };

  const viaFrame = async (file: File, opts: SanitizeOptions): Promise<HarSanitizeResult> => {
    const { signal } = opts;
    session ??= openFrame();
    let current: FrameSession;
    try {
      current = await session;
    } catch (error) {
      session = null;
      throw error;
    }
    const ended = current.ended();
    if (ended) throw new Error(ended);
    if (!current.frame.isConnected) {
      session = null;
      throw new Error('the sanitizer frame was removed');
    }
    if (signal?.aborted) throw new HarRejected('cancelled', 'Sanitizing was cancelled.');
    const id = nextId++;
    const answer = new Promise<JobMessage>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const touch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          pending.delete(id);
          reject(
            new Error(
              `sanitizing gave no sign of progress for ${Math.round(idleMs / 1000)} s and was stopped`,
            ),
          );
        }, idleMs);
      };
      pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
        progress: opts.onProgress,
        touch,
      });
      touch();
    });
    const job: SanitizeJob = {
      type: 'sanitize',
      id,
      file,
      redaction: options.redaction?.(),
      ...(opts.gzip ? { gzip: true } : {}),
      ...(opts.vouch ? { vouch: true } : {}),
    };
    current.port.postMessage(job);
    const cancel = () => {
      current.port.postMessage({ type: 'cancel', id } satisfies CancelJob);
      // Blocked now, whether or not the frame answers (a runaway rule may keep it busy).
      const waiter = pending.get(id);
      pending.delete(id);
      waiter?.reject(new HarRejected('cancelled', 'Sanitizing was cancelled.'));
    };
    signal?.addEventListener('abort', cancel, { once: true });
    const message = await answer.finally(() => signal?.removeEventListener('abort', cancel));
    if (message.type === 'done')
      return { file: toFile(message.blob, file), report: message.report };
    if (message.type === 'error') throw new HarRejected(message.code, message.message);
    throw new Error('the sanitizer frame gave an unexpected answer');
  };

  return {
    async sanitize(file, opts = {}) {
      try {
        return await viaFrame(file, opts);
      } catch (error) {
        // A rejection is the file's fault: report it as such. Anything else is the frame's.
        if (error instanceof HarRejected) throw error;
        throw new HarSanitizerUnavailable(errorMessage(error));
      }
    },
    warm() {
      if (session) return;
      const opening = openFrame();
      session = opening;
      // A failure shows when a file comes: that attempt opens a new frame and reports it.
      opening.catch(() => {
        if (session === opening) session = null;
      });
    },
    dispose() {
      void session?.then(
        (s) => {
          s.port.close();
          s.frame.remove();
        },
        () => undefined,
      );
      session = null;
      failAll('the page was left');
    },
  };
}
