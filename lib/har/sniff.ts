/**
 * The one rule for "is this a HAR": by its first bytes, never its name or
 * type. A HAR is a JSON object whose first key is `log` (what every browser
 * and proxy writes), holding `entries`; gzip and zip are recognized by their
 * magic bytes so the caller can look inside. Only the first kilobytes are
 * looked at, so any other file passes fast.
 */

/** How many leading bytes a caller reads to decide. */
export const SNIFF_BYTES = 64 * 1024;

export type SniffResult = 'har' | 'gzip' | 'zip' | 'other';

const BOM = '\uFEFF';

/**
 * `{"log":` at the start (whitespace and a BOM allowed), and `"entries"`
 * within the head — or the head ends before either could be ruled out.
 */
export function looksLikeHarText(head: string, complete: boolean): boolean {
  const text = head.startsWith(BOM) ? head.slice(1) : head;
  const match = /^\s*\{\s*"log"\s*:\s*\{/.exec(text);
  if (!match) return false;
  if (/"entries"\s*:/.test(text)) return true;
  // A huge `creator`/`pages` block before `entries`: still a HAR unless the file ended.
  return !complete;
}

/** Classify a file by its first bytes; `complete` says whether `head` is the whole file. */
export function sniffBytes(head: Uint8Array, complete = false): SniffResult {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    head[2] === 0x03 &&
    head[3] === 0x04
  )
    return 'zip';
  // Only bytes that could be JSON text are decoded: binary files stop here.
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)
  )
    i++;
  if (head[i] !== 0x7b /* { */) return 'other';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  return looksLikeHarText(text, complete) ? 'har' : 'other';
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be looked into. */
  method: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** The entries of a zip's central directory, read from the file's tail (which holds the end record). */
export function zipEntries(tail: Uint8Array, tailOffset: number): ZipEntry[] | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const start = view.getUint32(end + 16, true) - tailOffset;
  if (start < 0) return undefined;
  const entries: ZipEntry[] = [];
  let p = start;
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= tail.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      name: decoder.decode(tail.subarray(p + 46, p + 46 + nameLength)),
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Where an entry's data starts, from its local header (its own name/extra lengths). */
export function zipDataOffset(localHeader: Uint8Array, entryOffset: number): number | undefined {
  if (localHeader.length < 30) return undefined;
  const view = new DataView(localHeader.buffer, localHeader.byteOffset, localHeader.byteLength);
  if (view.getUint32(0, true) !== 0x04034b50) return undefined;
  return entryOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
}

/** A HAR by name inside an archive (used when an entry's bytes cannot be read). */
export function isHarName(name: string): boolean {
  return /\.har(\.gz)?$/i.test(name);
}

/** `capture.har` / `capture.har.gz` / `capture.json` → `capture.sanitized.har`. */
export function sanitizedHarName(name: string): string {
  const base = name.replace(/\.(har(\.gz)?|json(\.gz)?|gz|txt)$/i, '') || 'capture';
  return `${base}.sanitized.har`;
}
