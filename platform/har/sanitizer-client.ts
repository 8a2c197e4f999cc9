/**
 * Content-script side of the HAR sanitizer: embeds the hidden sanitizer
 * frame (entrypoints/har-sanitizer), talks to it over a private
 * MessageChannel, and returns `<name>.sanitized.har` plus the report. If
 * the frame cannot load (a page CSP blocking extension frames, a removed
 * iframe), it falls back to streaming in the content script, yielding to
 * the page between chunks; a HAR is never passed on unsanitized.
 */
import { browser } from '#imports';
import { HarError, sanitizeHarStream, type HarReport, type HarRules } from '../../lib/har/index';
import { FRAME_HELLO, FRAME_READY, type JobMessage, type SanitizeJob } from './frame-protocol';

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
  /** The team's rules (defaults when absent), read per file. */
  rules?: () => HarRules | undefined;
  /** Where the hidden iframe goes; document.documentElement by default. */
  container?: () => Element;
  /** How long the frame may take to answer before the fallback is used. */
  frameTimeoutMs?: number;
  /** Tests and Firefox-without-frame paths can skip the frame entirely. */
  useFrame?: boolean;
}

export interface HarSanitizer {
  sanitize(file: File, onProgress?: (p: HarProgressInfo) => void): Promise<HarSanitizeResult>;
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
  const timeoutMs = options.frameTimeoutMs ?? 5000;
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
        reject(new Error('The sanitizer frame did not answer.'));
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
        reject(new Error('The sanitizer frame could not load.'));
      });
      (options.container?.() ?? document.documentElement).appendChild(frame);
    });

  const viaFrame = async (
    file: File,
    onProgress?: (p: HarProgressInfo) => void,
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
      throw new Error('The sanitizer frame was removed.');
    }
    const id = nextId++;
    const answer = new Promise<JobMessage>((resolve) =>
      pending.set(id, { resolve, progress: onProgress }),
    );
    const job: SanitizeJob = { type: 'sanitize', id, file, rules: options.rules?.() };
    current.port.postMessage(job);
    const message = await answer;
    if (message.type === 'done')
      return { file: toFile(message.blob, file), report: message.report };
    if (message.type === 'error')
      throw new HarError(message.code as HarError['code'], message.message);
    throw new Error('Unexpected answer from the sanitizer frame.');
  };

  const inline = async (
    file: File,
    onProgress?: (p: HarProgressInfo) => void,
  ): Promise<HarSanitizeResult> => {
    const parts: BlobPart[] = [];
    let strings: string[] = [];
    let size = 0;
    let lastYield = performance.now();
    const report = await sanitizeHarStream(
      file.stream(),
      async (chunk) => {
        strings.push(chunk);
        size += chunk.length;
        if (size > 16 << 20) {
          parts.push(new Blob(strings));
          strings = [];
          size = 0;
        }
        // Give the page a frame now and then: this path runs on its thread.
        if (performance.now() - lastYield > 30) {
          await new Promise((r) => setTimeout(r, 0));
          lastYield = performance.now();
        }
      },
      {
        rules: options.rules?.(),
        totalBytes: file.size,
        flushSize: 256 << 10,
        onProgress: (p) =>
          onProgress?.({ bytesRead: p.bytesRead, totalBytes: file.size, entries: p.entries }),
      },
    );
    parts.push(new Blob(strings));
    return { file: toFile(new Blob(parts, { type: 'application/json' }), file), report };
  };

  return {
    async sanitize(file, onProgress) {
      if (options.useFrame !== false) {
        try {
          return await viaFrame(file, onProgress);
        } catch (error) {
          // A HarError is the file's fault: report it. Anything else is the frame's: sanitize here instead.
          if (error instanceof HarError) throw error;
        }
      }
      return inline(file, onProgress);
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
