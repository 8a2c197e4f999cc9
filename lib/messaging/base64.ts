/** Bytes ↔ base64 for attachments, which cross runtime messages as JSON strings. */

// String.fromCharCode takes its arguments on the stack; chunks keep big files under its limit.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Throws a DOMException on text that is not base64; callers validate first. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A blob's bytes in an ArrayBuffer of this script's own. In a Firefox content
 * script a file the agent picked is the page's, and `arrayBuffer()` answers
 * with the page's buffer behind a wrapper: `subarray` or a DataView over it
 * throws ("Permission denied to access property constructor"). A copy made
 * here reads everywhere.
 */
export async function ownBytes(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const theirs = new Uint8Array(await blob.arrayBuffer());
  const own = new Uint8Array(theirs.length);
  own.set(theirs);
  return own;
}
