/**
 * One call for the helpdesk content scripts: a sanitizer (hidden frame +
 * worker; no frame, no upload) and the interception of `.har` attachments,
 * both torn down when `signal` aborts.
 *
 *   startHarInterception({ signal: ctx.signal, onReport, onError });
 */
import type { RedactionSettings } from '../../lib/settings/schema';
import { installHarInterception, type HarInterceptionOptions } from './intercept';
import { createHarSanitizer } from './sanitizer-client';

export interface StartHarInterceptionOptions extends Pick<
  HarInterceptionOptions,
  'onReport' | 'onError' | 'onStart' | 'onProgress'
> {
  signal: AbortSignal;
  /** The team's redaction settings; the sanitizer's defaults when absent. */
  redaction?: () => RedactionSettings | undefined;
  roots?: () => ParentNode[];
}

export function startHarInterception(options: StartHarInterceptionOptions): void {
  const sanitizer = createHarSanitizer({ redaction: options.redaction });
  options.signal.addEventListener('abort', () => sanitizer.dispose(), { once: true });
  installHarInterception({
    roots: options.roots ?? (() => [document]),
    signal: options.signal,
    sanitize: (file, controls) => sanitizer.sanitize(file, controls?.onProgress, controls?.signal),
    onReport: options.onReport,
    onError: options.onError,
    onStart: options.onStart,
    onProgress: options.onProgress,
    warm: () => sanitizer.warm(),
  });
}
