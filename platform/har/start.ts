/**
 * One call for the helpdesk content scripts: a sanitizer (hidden frame +
 * worker, in-page fallback) and the interception of `.har` attachments,
 * both torn down when `signal` aborts.
 *
 *   startHarInterception({ signal: ctx.signal, onReport, onError });
 */
import type { HarRules } from '../../lib/har/index';
import { installHarInterception, type HarInterceptionOptions } from './intercept';
import { createHarSanitizer } from './sanitizer-client';

export interface StartHarInterceptionOptions extends Pick<
  HarInterceptionOptions,
  'onReport' | 'onError' | 'onStart'
> {
  signal: AbortSignal;
  /** The team's rules from settings; defaults when absent. */
  rules?: () => HarRules | undefined;
  roots?: () => ParentNode[];
}

export function startHarInterception(options: StartHarInterceptionOptions): void {
  const sanitizer = createHarSanitizer({ rules: options.rules });
  options.signal.addEventListener('abort', () => sanitizer.dispose(), { once: true });
  installHarInterception({
    roots: options.roots ?? (() => [document]),
    signal: options.signal,
    sanitize: (file) => sanitizer.sanitize(file),
    onReport: options.onReport,
    onError: options.onError,
    onStart: options.onStart,
  });
}
