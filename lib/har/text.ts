/**
 * Any string value goes through `scrubText`: one recursive, depth-bounded
 * layer system. Each text layer below detects its format (cheaply, by
 * content or mime type), decodes it, walks what is inside back through
 * `scrubText` (or `scrubBytes` for binary, layers/bytes.ts), and
 * re-encodes only what changed. The first layer that recognizes the text
 * wins; text no layer recognizes is free text (free-text.ts). Every
 * function returns the input string itself (same reference) when nothing
 * was redacted, so unchanged values keep their exact bytes.
 */
import { scrubFreeText } from './free-text';
import { scrubJsonText } from './json';
import { scrubBase64String } from './layers/base64-text';
import { scrubBytes, MAX_LAYER_DEPTH } from './layers/bytes';
import { looksLikeConfig, scrubConfig } from './layers/config';
import { looksLikeMultipart, scrubMultipart } from './layers/multipart';
import { looksLikeSse, scrubSse } from './layers/sse';
import { scrubMarkup } from './markup';
import { scrubPatterns } from './patterns';
import { BODY_MIN, type Redactor } from './redactor';
import { encodeValue, scrubQuery, scrubUrl } from './url';
import { latin1ToBytes, bytesToLatin1 } from './layers/bytes-util';

export { scrubPatterns } from './patterns';
export { scrubJson } from './json';
export { scrubUrl, scrubQuery, scrubNamedValue, safeDecode } from './url';
export {
  scrubAuthValue,
  scrubCookieHeader,
  scrubCookieValue,
  scrubSetCookie,
  scrubSubprotocols,
} from './headers';
export { scrubFreeText } from './free-text';
export { scrubMarkup } from './markup';
export { scrubBase64 } from './layers/bytes';
export { base64ToBytes, bytesToBase64 } from './layers/bytes-util';

export interface LayerContext {
  r: Redactor;
  /** Lowercased mime type (empty when unknown). */
  mime: string;
  /** The original mime type (multipart boundaries are case-sensitive). */
  rawMime: string;
  depth: number;
  /** First non-space character code, -1 for blank text. */
  first: number;
}

export interface TextLayer {
  name: string;
  /** The scrubbed text (the same string when nothing changed), or null when the text is not this layer. */
  scrub(text: string, ctx: LayerContext): string | null;
}

const URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s]*$/i;
const FORM_RE = /^[^\s=&{}<>"']+=[^\s&]*(?:&[^\s=&{}<>"']+=?[^\s&]*)*$/;
const PERCENT_RE = /%[0-9A-Fa-f]{2}/;
const HEX_DUMP_RE = /^[0-9a-fA-F]{2}(?: [0-9a-fA-F]{2}){7,}$/;

/** The registry, in the order layers are tried. */
export const TEXT_LAYERS: readonly TextLayer[] = [
  {
    name: 'json',
    scrub: (text, { r, mime, depth, first }) =>
      first === 0x7b || first === 0x5b || mime.includes('json')
        ? scrubJsonText(text, r, depth)
        : null,
  },
  {
    name: 'urlencoded-form',
    scrub: (text, { r, mime, depth }) =>
      mime.includes('x-www-form-urlencoded')
        ? scrubPatterns(scrubQuery(text, r, 'form', depth), r)
        : null,
  },
  {
    name: 'multipart',
    scrub: (text, { r, mime, rawMime, depth }) =>
      looksLikeMultipart(text, mime) ? scrubMultipart(text, r, rawMime, depth) : null,
  },
  {
    name: 'sse',
    scrub: (text, { r, mime, depth }) =>
      looksLikeSse(text, mime) ? scrubSse(text, r, depth) : null,
  },
  {
    name: 'markup',
    scrub: (text, { r, mime, depth, first }) =>
      first === 0x3c || mime.includes('html') || mime.includes('xml')
        ? scrubFreeText(scrubMarkup(text, r, depth), r, depth)
        : null,
  },
  // Before the query layer: padding makes `eyJ…n0=` look like `name=`.
  { name: 'base64', scrub: (text, { r, depth }) => scrubBase64String(text, r, depth) },
  {
    name: 'url',
    scrub: (text, { r, depth }) =>
      text.length < 65536 && URL_RE.test(text) ? scrubUrl(text, r, depth) : null,
  },
  {
    name: 'query',
    scrub: (text, { r, depth }) =>
      text.length < 65536 && text.includes('=') && FORM_RE.test(text)
        ? scrubPatterns(scrubQuery(text, r, 'form', depth), r)
        : null,
  },
  {
    name: 'config',
    scrub: (text, { r, depth }) => (looksLikeConfig(text) ? scrubConfig(text, r, depth) : null),
  },
  {
    name: 'percent-encoded',
    scrub: (text, { r, depth }) => {
      if (text.length > 65536 || !PERCENT_RE.test(text) || /\s/.test(text)) return null;
      let decoded: string;
      try {
        decoded = decodeURIComponent(text);
      } catch {
        return null;
      }
      const out = scrubText(decoded, r, '', depth + 1);
      return out === decoded ? text : encodeValue(out);
    },
  },
  {
    // `StringToSignBytes`/`CanonicalRequestBytes` in AWS errors: the echoed text as hex bytes.
    name: 'hex-dump',
    scrub: (text, { r, depth }) => {
      if (!HEX_DUMP_RE.test(text)) return null;
      const bytes = latin1ToBytes(
        text
          .split(' ')
          .map((h) => String.fromCharCode(parseInt(h, 16)))
          .join(''),
      );
      const out = scrubBytes(bytes, r, '', depth + 1, 'raw');
      if (out === null || out === bytes) return text;
      return Array.from(out, (b) => b.toString(16).padStart(2, '0')).join(' ');
    },
  },
];

/**
 * Any string value: picks the layer by content (or `mime` when given) and
 * always finishes with the value-shape patterns.
 */
export function scrubText(text: string, r: Redactor, mime = '', depth = 0): string {
  if (text.length < 6 || r.keep(text)) return text;
  if (text.length < BODY_MIN) return scrubTextUncached(text, r, mime, depth);
  // Large bodies repeat within a HAR (the same bundle on every page load, polled JSON): one
  // already scrubbed under the same mime type and depth gives the same output and the same
  // redactions.
  const known = r.recall(mime, depth, text);
  if (known !== undefined) return known;
  if (!r.canRemember(text.length)) return scrubTextUncached(text, r, mime, depth);
  const mark = r.startTape();
  const base = r.path.length;
  let out: string;
  try {
    out = scrubTextUncached(text, r, mime, depth);
  } catch (error) {
    r.dropTape(mark);
    throw error;
  }
  r.remember(mime, depth, text, out, mark, base);
  return out;
}

function scrubTextUncached(text: string, r: Redactor, mime: string, depth: number): string {
  if (depth >= MAX_LAYER_DEPTH) return scrubPatterns(text, r);
  const ctx: LayerContext = {
    r,
    mime: mime.toLowerCase(),
    rawMime: mime,
    depth,
    first: firstNonSpace(text),
  };
  for (const layer of TEXT_LAYERS) {
    const out = layer.scrub(text, ctx);
    // JSON leaves were pattern-scanned on the way; everything else gets one last shape scan.
    if (out !== null) return layer.name === 'json' ? out : scrubPatterns(out, r);
  }
  return scrubFreeText(text, r, depth);
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return c;
  }
  return -1;
}

/** Latin1 view of bytes, for tests and tools that print binary layers. */
export const latin1 = bytesToLatin1;
