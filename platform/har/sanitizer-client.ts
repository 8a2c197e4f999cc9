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
import type { RedactionSettings } from '../../lib/settings/schema';
import {
  FRAME_HELLO,
  FRAME_READY,
  type CancelJob,
  type JobMessage,
  type SanitizeJob,
} from './frame-protocol';

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
  /** Aborting `signal` cancels the job: it rejects with HarRejected('cancelled') and nothing is handed on. */
  sanitize(
    file: File,
    onProgress?: (p: HarProgressInfo) => void,
    signal?: AbortSignal,
  ): Promise<HarSanitizeResult>;
  /** Open the frame (and its spare worker) ahead of a file, e.g. while the agent's file dialog is open. */
  warm(): void;
  dispose(): void;
}

/** `capture.har` → `capture.sanitized.har`. */
export function sanitizedName(name: string): string {
  const base = name.replace(/\.har$/i, '');
  return `${base}.sanitized.har`;
}

export function isHarFile(file: { name: string }): boolean {
  return /\.har$/i.test(file.name);
}

function toFile(blob: Blob, original: File): File {
  return new File([blob], sanitizedName(original.name), {
    type: original.type || 'application/json',
    lastModified: Date.now(),
  });
}

interface FrameSession {
  port: MessagePort;
  frame: HTMLIFrameElement;
}

export function createHarSanitizer(options: HarSanitizerOptions = {}): HarSanitizer {
  // No fallback waits behind the frame, so give a slow (busy) machine time to start it.
  const timeoutMs = options.frameTimeoutMs ?? 10_000;
  let session: Promise<FrameSession> | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (m: JobMessage) => void; progress?: (p: HarProgressInfo) => void }
  >();

  const openFrame = (): Promise<FrameSession> =>
    new Promise<FrameSession>((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.src = (browser.runtime.getURL as (path: string) => string)('/har-sanitizer.html');
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.dataset.casebook = 'har-sanitizer';
      frame.style.cssText =
        'position:fixed!important;width:0!important;height:0!important;border:0!important;visibility:hidden!important;pointer-events:none!important;';
      const channel = new MessageChannel();
      const timer = setTimeout(() => {
        channel.port1.close();
        frame.remove();
        reject(new Error('the sanitizer frame did not answer'));
      }, timeoutMs);
      channel.port1.onmessage = (event: MessageEvent<{ type?: string } | JobMessage>) => {
        const data = event.data;
        if (data?.type === FRAME_READY) {
          clearTimeout(timer);
          resolve({ port: channel.port1, frame });
          return;
        }
        const message = data as JobMessage;
        const waiter = pending.get(message.id);
        if (!waiter) return;
        if (message.type === 'progress') waiter.progress?.(message);
        else {
          pending.delete(message.id);
          waiter.resolve(message);
        }
      };
      frame.addEventListener('load', () => {
        const origin = new URL(frame.src).origin;
        frame.contentWindow?.postMessage({ type: FRAME_HELLO }, origin, [channel.port2]);
      });
      frame.addEventListener('error', () => {
        clearTimeout(timer);
        frame.remove();
        reject(new Error('the sanitizer frame could not load'));
      });
      (options.container?.() ?? document.documentElement).appendChild(frame);
    });

  const viaFrame = async (
    file: File,
    onProgress?: (p: HarProgressInfo) => void,
    signal?: AbortSignal,
  ): Promise<HarSanitizeResult> => {
    session ??= openFrame();
    let current: FrameSession;
    try {
      current = await session;
    } catch (error) {
      session = null;
      throw error;
    }
    if (!current.frame.isConnected) {
      session = null;
      throw new Error('the sanitizer frame was removed');
    }
    if (signal?.aborted) throw new HarRejected('cancelled', 'Sanitizing was cancelled.');
    const id = nextId++;
    const answer = new Promise<JobMessage>((resolve) =>
      pending.set(id, { resolve, progress: onProgress }),
    );
    const job: SanitizeJob = { type: 'sanitize', id, file, redaction: options.redaction?.() };
    current.port.postMessage(job);
    const cancel = () => current.port.postMessage({ type: 'cancel', id } satisfies CancelJob);
    signal?.addEventListener('abort', cancel, { once: true });
    const message = await answer.finally(() => signal?.removeEventListener('abort', cancel));
    if (message.type === 'done')
      return { file: toFile(message.blob, file), report: message.report };
    if (message.type === 'error') throw new HarRejected(message.code, message.message);
    throw new Error('the sanitizer frame gave an unexpected answer');
  };

  return {
    async sanitize(file, onProgress, signal) {
      try {
        return await viaFrame(file, onProgress, signal);
      } catch (error) {
        // A rejection is the file's fault: report it as such. Anything else is the frame's.
        if (error instanceof HarRejected) throw error;
        throw new HarSanitizerUnavailable(error instanceof Error ? error.message : String(error));
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
      pending.clear();
    },
  };
}
