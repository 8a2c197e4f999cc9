/**
 * Binary layers: bytes decoded from base64 (a response body, a binary
 * WebSocket frame, a base64 string anywhere) go through this registry in
 * order — gzip, gRPC-web, UTF-8 text, MessagePack, CBOR, protobuf — and the
 * first codec that recognizes them decodes, walks and re-encodes them.
 * Bytes no codec recognizes are shape-scanned as raw bytes; a secret found
 * there cannot be cut out without corrupting the format, so that layer is
 * replaced whole by a marker and the report says so.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { scrubFreeText } from '../free-text';
import type { Redactor } from '../redactor';
import { scrubText } from '../text';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToLatin1,
  isPrintable,
  utf8Decoder,
  utf8Encoder,
  utf8OrNull,
} from './bytes-util';
import { cborLayer, msgpackLayer } from './packed';
import { grpcWebLayer, protobufLayer } from './protobuf';

export interface ByteContext {
  r: Redactor;
  /** Lowercased mime type, when the HAR gives one. */
  mime: string;
  depth: number;
  /** What to do with bytes no codec recognizes: scan them raw, or leave them (not this layer). */
  fallback: 'raw' | 'none';
}

export interface ByteLayer {
  name: string;
  /** The (re-encoded) bytes, the same array when nothing changed, null when these bytes are not this format. */
  scrub(bytes: Uint8Array, ctx: ByteContext): Uint8Array | null;
}

/** Layers nest at most this deep; deeper bytes are only shape-scanned. */
export const MAX_LAYER_DEPTH = 24;
/** Decompressed gzip past this is not expanded (a zip bomb must not take the tab down). */
const MAX_GUNZIP = 64 * 1024 * 1024;

const TEXT_MIME_RE =
  /^text\/|json|xml|javascript|ecmascript|html|x-www-form-urlencoded|graphql|csv|yaml|svg|properties|pem|x-sh|toml|ini/;
const MEDIA_MIME_RE = /^(image\/(?!svg)|video\/|audio\/|font\/)|woff2?$/;

const gzipLayer: ByteLayer = {
  name: 'gzip',
  scrub(bytes, ctx) {
    if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) return null;
    const n = bytes.length;
    const size =
      (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16)) + bytes[n - 1]! * 0x1000000;
    if (size > MAX_GUNZIP) return null;
    let inner: Uint8Array;
    try {
      inner = gunzipSync(bytes);
    } catch {
      return null;
    }
    const out = scrubBytes(inner, ctx.r, ctx.mime, ctx.depth + 1, ctx.fallback);
    if (out === null || out === inner) return out === null ? null : bytes;
    // The original modification time (0 when it had none): the output must not depend on the clock.
    const mtime = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16)) + bytes[7]! * 0x1000000;
    return gzipSync(out, { mtime: mtime * 1000 });
  },
};

const textLayer: ByteLayer = {
  name: 'text',
  scrub(bytes, ctx) {
    let text = utf8OrNull(bytes);
    if (text === null || !isPrintable(text)) {
      // A text body in another encoding is still text to scan (as the HAR's mime type says).
      if (!TEXT_MIME_RE.test(ctx.mime)) return null;
      text = utf8Decoder.decode(bytes);
    }
    const out = scrubText(text, ctx.r, ctx.mime, ctx.depth + 1);
    return out === text ? bytes : utf8Encoder.encode(out);
  },
};

export const BYTE_LAYERS: readonly ByteLayer[] = [
  gzipLayer,
  grpcWebLayer,
  textLayer,
  msgpackLayer,
  cborLayer,
  protobufLayer,
];

/** Walk `bytes` through the first codec that recognizes them (see the file comment). */
export function scrubBytes(
  bytes: Uint8Array,
  r: Redactor,
  mime: string,
  depth: number,
  fallback: 'raw' | 'none',
): Uint8Array | null {
  if (bytes.length === 0) return bytes;
  const ctx: ByteContext = { r, mime: mime.toLowerCase(), depth, fallback };
  if (depth < MAX_LAYER_DEPTH) {
    for (const layer of BYTE_LAYERS) {
      const out = layer.scrub(bytes, ctx);
      if (out !== null) return out;
    }
  }
  if (fallback === 'none') return null;
  return scrubRaw(bytes, r, depth);
}

/** Unrecognized bytes: their latin1 view scanned as free text; a hit replaces the whole layer. */
function scrubRaw(bytes: Uint8Array, r: Redactor, depth: number): Uint8Array {
  const latin1 = bytesToLatin1(bytes);
  const before = r.total;
  scrubFreeText(latin1, r, depth);
  if (r.total === before) return bytes;
  const marker = r.redact(
    latin1,
    'replaced-layer',
    '(binary data with a secret in it, replaced whole: it cannot be re-encoded)',
  );
  return utf8Encoder.encode(marker);
}

/**
 * Base64 content (response bodies, binary WebSocket frames): decoded, walked
 * through the binary layers, re-encoded in the same alphabet only if
 * something changed. Image, audio, video and font bodies are left as they
 * are: they cannot carry a header, cookie or body.
 */
export function scrubBase64(data: string, r: Redactor, mime: string): string {
  if (data.length < 8 || MEDIA_MIME_RE.test(mime.toLowerCase())) return data;
  const bytes = base64ToBytes(data);
  if (bytes === null) return scrubText(data, r, mime);
  const out = scrubBytes(bytes, r, mime, 1, 'raw');
  return out === null || out === bytes ? data : bytesToBase64(out, data);
}
