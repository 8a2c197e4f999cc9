/** Small text helpers shared by the builders. */

/**
 * Replace lone UTF-16 surrogates with U+FFFD. `encodeURIComponent` throws on
 * them, and pasted or truncated text can contain them.
 */
export function wellFormed(s: string): string {
  return s.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/**
 * At most `max` UTF-16 code units, cut on a code-point boundary, with "…" when
 * cut. Limits like PagerDuty's 1024-character summary count code units.
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** One line: newlines and runs of whitespace become single spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
