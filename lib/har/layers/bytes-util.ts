/** Byte helpers shared by the layer codecs: base64 both alphabets, UTF-8, latin1, hex. */

interface NodeBufferLike {
  from(
    data: string | Uint8Array,
    encoding?: string,
  ): Uint8Array & { toString(encoding: string): string };
}
const NodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

const BASE64_RE = /^[A-Za-z0-9+/_-]*={0,2}$/;

export const utf8Decoder = new TextDecoder('utf-8');
export const utf8Encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Standard or URL-safe base64 (line breaks allowed) to bytes; null when it is not base64. */
export function base64ToBytes(data: string): Uint8Array | null {
  const clean = data.includes('\n') || data.includes('\r') ? data.replace(/[\r\n]/g, '') : data;
  if (!BASE64_RE.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) return null;
  if (NodeBuffer) return NodeBuffer.from(clean, 'base64');
  try {
    const std = clean.replace(/-/g, '+').replace(/_/g, '/');
    return latin1ToBytes(atob(std + '='.repeat((4 - (std.length % 4)) % 4)));
  } catch {
    return null;
  }
}

/** Bytes to base64 in the alphabet and padding style of `like` (the string they came from). */
export function bytesToBase64(bytes: Uint8Array, like = ''): string {
  let out = NodeBuffer ? NodeBuffer.from(bytes).toString('base64') : btoa(bytesToLatin1(bytes));
  if (/[-_]/.test(like) || (like !== '' && !/[+/=]/.test(like) && like.length % 4 !== 0)) {
    out = out.replace(/\+/g, '-').replace(/\//g, '_');
  }
  if (like !== '' && !like.endsWith('=')) out = out.replace(/=+$/, '');
  return out;
}

export function bytesToLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

export function latin1ToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** Strict UTF-8 decode; null when the bytes are not UTF-8. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Text a person or a config parser reads: no control characters but tab, CR, LF (and a BOM). */
export function isPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c === 0x7f || c === 0xfffd) {
      return false;
    }
  }
  return true;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Minimal growable byte buffer for the codecs that rebuild a binary message. */
export class ByteWriter {
  private parts: Uint8Array[] = [];
  private pending: number[] = [];

  byte(b: number): void {
    this.pending.push(b);
  }

  bytes(b: Uint8Array): void {
    if (this.pending.length) {
      this.parts.push(Uint8Array.from(this.pending));
      this.pending = [];
    }
    this.parts.push(b);
  }

  finish(): Uint8Array {
    if (this.pending.length) this.parts.push(Uint8Array.from(this.pending));
    this.pending = [];
    return concatBytes(this.parts);
  }
}
