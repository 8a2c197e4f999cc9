/**
 * How settings are laid out in `storage.sync`, whose quotas are per item
 * (8,192 bytes: key + JSON value) and in total (102,400 bytes). The settings
 * JSON is split into numbered chunks under a small header that says how many
 * there are, so a big redaction list or host list never hits the item limit.
 *
 * Pure: the background reads and writes the items this module computes.
 */

export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_HEADER_KEY = 'settings';
export const SYNC_CHUNK_PREFIX = 'settings.';

export interface SyncHeader {
  /** Settings version the chunks hold (read before parsing the chunks). */
  version: number;
  chunks: number;
  /** Total characters, to notice a half-written set of chunks. */
  length: number;
}

export type SyncItems = Record<string, unknown>;

export class SyncQuotaError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `Settings need ${bytes.toLocaleString('en-US')} bytes of synced storage but the browser allows ${limit.toLocaleString('en-US')}. Remove some host mappings or redaction rules and save again.`,
    );
    this.name = 'SyncQuotaError';
  }
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The bytes an item costs: its key plus its JSON value, as Chrome counts it. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value));
}

/**
 * Split a settings document into sync items. Chunks are cut by characters
 * and sized so that each JSON-encoded chunk, escapes included, stays under
 * the per-item quota.
 */
export function toSyncItems(
  document: { version: number },
  perItem = SYNC_QUOTA_BYTES_PER_ITEM,
): SyncItems {
  const json = JSON.stringify(document);
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    // Start generous and shrink until the encoded chunk fits.
    let end = Math.min(json.length, start + perItem);
    const key = `${SYNC_CHUNK_PREFIX}${chunks.length}`;
    while (end > start && itemBytes(key, json.slice(start, end)) > perItem - 16) {
      end = start + Math.floor((end - start) * 0.9);
    }
    // Never split a surrogate pair between two chunks.
    const code = json.charCodeAt(end - 1);
    if (end < json.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    if (end <= start) throw new Error('sync chunking made no progress');
    chunks.push(json.slice(start, end));
    start = end;
  }
  const header: SyncHeader = {
    version: document.version,
    chunks: chunks.length,
    length: json.length,
  };
  const items: SyncItems = { [SYNC_HEADER_KEY]: header };
  chunks.forEach((chunk, i) => {
    items[`${SYNC_CHUNK_PREFIX}${i}`] = chunk;
  });
  const total = Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  if (total > SYNC_QUOTA_BYTES) throw new SyncQuotaError(total, SYNC_QUOTA_BYTES);
  return items;
}

/** Keys of chunks beyond `keep` that an earlier, longer write left behind. */
export function staleChunkKeys(previous: SyncHeader | undefined, keep: number): string[] {
  const keys: string[] = [];
  for (let i = keep; i < (previous?.chunks ?? 0); i++) keys.push(`${SYNC_CHUNK_PREFIX}${i}`);
  return keys;
}

export function chunkKeys(header: SyncHeader): string[] {
  return Array.from({ length: header.chunks }, (_, i) => `${SYNC_CHUNK_PREFIX}${i}`);
}

export type FromSyncResult =
  | { ok: true; document: unknown }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'corrupt'; message: string };

/** Reassemble the document from items read with `chunkKeys(header)` plus the header. */
export function fromSyncItems(items: SyncItems): FromSyncResult {
  const header = items[SYNC_HEADER_KEY] as SyncHeader | undefined;
  if (header === undefined) return { ok: false, reason: 'empty' };
  if (
    typeof header !== 'object' ||
    header === null ||
    !Number.isInteger(header.chunks) ||
    header.chunks < 1 ||
    !Number.isInteger(header.length)
  ) {
    return { ok: false, reason: 'corrupt', message: 'the synced settings header is unreadable' };
  }
  let json = '';
  for (const key of chunkKeys(header)) {
    const chunk = items[key];
    if (typeof chunk !== 'string') {
      return { ok: false, reason: 'corrupt', message: `synced settings chunk ${key} is missing` };
    }
    json += chunk;
  }
  if (json.length !== header.length) {
    return {
      ok: false,
      reason: 'corrupt',
      message: 'synced settings are incomplete (a sync is in progress?)',
    };
  }
  try {
    return { ok: true, document: JSON.parse(json) };
  } catch {
    return { ok: false, reason: 'corrupt', message: 'synced settings are not valid JSON' };
  }
}
