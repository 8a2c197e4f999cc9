/**
 * Base64 and base64url inside text: a whole string (a cookie, a JSON value,
 * a cursor, an SSE data line) or a run inside free text (a subprotocol, a
 * header line). It is a layer only when it decodes to something: printable
 * text or bytes a binary codec recognizes. A random token decodes to
 * neither and is left to the name and shape rules. (Scanned by hand, not
 * by regex: a multi-megabyte run overflows the regex engine's stack.)
 */
import type { Redactor } from '../redactor';
import { base64ToBytes, bytesToBase64 } from './bytes-util';
import { scrubBytes } from './bytes';

/** Runs inside text shorter than this are words and identifiers, not layers. */
const MIN_RUN = 24;
/** Longer whole strings than this are bodies, which say they are base64 (`encoding`). */
const MAX_RUN = 16 << 20;

/** 1 = both alphabets, 2 = standard only (+ /), 3 = URL-safe only (- _), 0 = not base64. */
function alphabet(c: number): number {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return 1;
  if (c === 0x2b || c === 0x2f) return 2;
  if (c === 0x2d || c === 0x5f) return 3;
  return 0;
}

function isHex(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

function isWholeBase64(text: string): boolean {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  if (text.length - end > 2) return false;
  let std = false;
  let url = false;
  for (let i = 0; i < end; i++) {
    const a = alphabet(text.charCodeAt(i));
    if (a === 0) return false;
    if (a === 2) std = true;
    else if (a === 3) url = true;
  }
  if (std && url) return false;
  if (end < text.length && text.length % 4 !== 0) return false;
  return end % 4 !== 1;
}

/** A whole string as a base64 layer: the re-encoded string, the same one when unchanged, null when it is not one. */
export function scrubBase64String(text: string, r: Redactor, depth: number): string | null {
  if (text.length < 16 || text.length > MAX_RUN || isHex(text) || !isWholeBase64(text)) return null;
  return decodeAndScrub(text, r, depth);
}

function decodeAndScrub(text: string, r: Redactor, depth: number): string | null {
  const bytes = base64ToBytes(text);
  if (bytes === null || bytes.length < 8) return null;
  const out = scrubBytes(bytes, r, '', depth + 1, 'none');
  if (out === null) return null;
  return out === bytes ? text : bytesToBase64(out, text);
}

/** Base64 runs inside free text, each walked as a layer where it is one. */
export function scrubEmbeddedBase64(text: string, r: Redactor, depth: number): string {
  if (text.length < MIN_RUN) return text;
  let out: string | null = null;
  let at = 0;
  let tried = 0;
  let i = 0;
  while (i < text.length && tried < 256) {
    if (alphabet(text.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    const start = i;
    let upper = false;
    let digitOrSymbol = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      const a = alphabet(c);
      if (a === 0) break;
      if (c >= 0x41 && c <= 0x5a) upper = true;
      else if (a !== 1 || (c >= 0x30 && c <= 0x39)) digitOrSymbol = true;
      i++;
    }
    while (i < text.length && i - start < MAX_RUN && text.charCodeAt(i) === 0x3d) i++;
    const length = i - start;
    // Words, paths and hex digests are not worth decoding: a run needs capitals and digits or symbols.
    if (length < MIN_RUN || length > MAX_RUN || !upper || !digitOrSymbol) continue;
    // A run glued to a word before it can be one character too long to decode.
    const end = text.slice(start, i).replace(/=+$/, '').length % 4 === 1 ? i - 1 : i;
    const run = text.slice(start, end);
    if (isHex(run)) continue;
    tried++;
    const scrubbed = decodeAndScrub(run, r, depth);
    if (scrubbed === null || scrubbed === run) continue;
    out = (out ?? '') + text.slice(at, start) + scrubbed;
    at = end;
  }
  return out === null ? text : out + text.slice(at);
}
