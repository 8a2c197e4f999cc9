/**
 * Prefilled "new issue" links and the URL-length fallback shared by the Jira
 * and Linear builders.
 *
 * Browsers, proxies and Atlassian's front end reject URLs somewhere past
 * 8 KB, so a link that would be longer is rebuilt with a one-line
 * description and the full text is handed back to copy to the clipboard.
 */

export const MAX_PREFILL_URL_LENGTH = 8_000;

export const CLIPBOARD_NOTE = 'Full report copied to clipboard — paste below.';

export interface PrefillLink {
  url: string;
  /** False when the description did not fit and `clipboardText` must be copied. */
  complete: boolean;
  /** The full description, present only when `complete` is false. */
  clipboardText?: string;
}

/** `key=value&…` with every value percent-encoded (spaces as %20, `+` as %2B). */
export function queryString(params: Array<[string, string | undefined]>): string {
  return params
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/**
 * Build the full link; if it is longer than `maxLength`, build it again with
 * the note in place of the description.
 */
export function withLengthFallback(
  build: (description: string) => string,
  description: string,
  maxLength: number = MAX_PREFILL_URL_LENGTH,
): PrefillLink {
  const full = build(description);
  if (full.length <= maxLength) return { url: full, complete: true };
  const short = build(CLIPBOARD_NOTE);
  if (short.length > maxLength) {
    // Only the title can make it this long; builders cap titles well below this.
    throw new RangeError(`prefill link is ${short.length} characters even without the description`);
  }
  return { url: short, complete: false, clipboardText: description };
}
