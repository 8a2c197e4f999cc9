/**
 * What a file is, by its bytes (lib/har/sniff.ts): a HAR, a gzipped HAR, an
 * archive holding a HAR, or anything else. Reads the first kilobytes only
 * (and, for a zip, its directory and the first kilobytes of each entry), so
 * a non-HAR of any size is decided in a few milliseconds.
 */
import { isHarName, sniffBytes, SNIFF_BYTES, zipDataOffset, zipEntries } from '../../lib/har/sniff';
import { ownBytes } from '../../lib/messaging/base64';

export type Inspection =
  { kind: 'other' } | { kind: 'har'; gzip: boolean } | { kind: 'archive-with-har'; entry: string };

/** How much of a zip's end is read for its directory. */
const ZIP_TAIL_BYTES = 256 * 1024;
/** Entries looked into; a zip with more is blocked only by name past this. */
const ZIP_ENTRY_LIMIT = 200;

/** The first `limit` bytes of a decompressed stream (gzip or raw deflate). */
async function inflatedHead(
  blob: Blob,
  format: 'gzip' | 'deflate-raw',
  limit = SNIFF_BYTES,
): Promise<{ head: Uint8Array; complete: boolean }> {
  const reader = blob.stream().pipeThrough(new DecompressionStream(format)).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  try {
    while (length < limit) {
      const { value, done } = await reader.read();
      if (done) {
        complete = true;
        break;
      }
      chunks.push(value);
      length += value.length;
    }
  } catch {
    // A truncated slice (we read only the start of an entry) ends the stream early.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    head.set(chunk, at);
    at += chunk.length;
  }
  return { head, complete };
}

async function zipHarEntry(file: Blob): Promise<string | undefined> {
  const tailStart = Math.max(0, file.size - ZIP_TAIL_BYTES);
  const entries = zipEntries(await ownBytes(file.slice(tailStart)), tailStart);
  // A zip whose directory cannot be read cannot be vouched for.
  if (!entries) return '(unreadable archive directory)';
  for (const [index, entry] of entries.entries()) {
    if (entry.name.endsWith('/')) continue;
    if (isHarName(entry.name) || index >= ZIP_ENTRY_LIMIT) {
      if (isHarName(entry.name)) return entry.name;
      continue;
    }
    const local = await ownBytes(file.slice(entry.offset, entry.offset + 30 + 1024));
    const start = zipDataOffset(local, entry.offset);
    if (start === undefined) continue;
    const data = file.slice(start, start + Math.min(entry.compressedSize, SNIFF_BYTES));
    let kind;
    if (entry.method === 0) kind = sniffBytes(await ownBytes(data));
    else if (entry.method === 8) kind = sniffBytes((await inflatedHead(data, 'deflate-raw')).head);
    if (kind === 'har') return entry.name;
    if (kind === 'gzip' && (await inspectGzip(data)).kind === 'har') return entry.name;
  }
  return undefined;
}

async function inspectGzip(file: Blob): Promise<Inspection> {
  const { head, complete } = await inflatedHead(file, 'gzip');
  return sniffBytes(head, complete) === 'har' ? { kind: 'har', gzip: true } : { kind: 'other' };
}

export async function inspectFile(file: Blob): Promise<Inspection> {
  const head = await ownBytes(file.slice(0, SNIFF_BYTES));
  const kind = sniffBytes(head, file.size <= SNIFF_BYTES);
  if (kind === 'har') return { kind: 'har', gzip: false };
  if (kind === 'gzip') return inspectGzip(file);
  if (kind === 'zip') {
    const entry = await zipHarEntry(file);
    return entry ? { kind: 'archive-with-har', entry } : { kind: 'other' };
  }
  return { kind: 'other' };
}
