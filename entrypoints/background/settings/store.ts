/**
 * Settings in `storage.sync` (chunked, see lib/settings/sync-chunks.ts), the
 * agent suggestion in `storage.local`; secrets are not here but in the
 * background's IndexedDB (./secrets.ts), out of content scripts' reach.
 * Nothing is cached in worker memory: the MV3 worker may stop at any time,
 * and another browser may sync a change in.
 */
import { browser } from '#imports';
import { parseSettings } from '../../../lib/settings';
import {
  chunkKeys,
  fromSyncItems,
  staleChunkKeys,
  SYNC_CHUNK_PREFIX,
  SYNC_HEADER_KEY,
  SyncQuotaError,
  toSyncItems,
  type SyncHeader,
} from '../../../lib/settings/sync-chunks';
import { defaultSettings, settingsSchema, type Settings } from '../../../lib/settings/schema';
import { agentSuggestionSchema, type AgentSuggestion } from '../../../lib/messaging/settings';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import { errorMessage } from '../../../lib/errors';

const AGENT_SUGGESTION_KEY = 'agentSuggestion';

export async function readSettings(): Promise<Settings> {
  const header = (await browser.storage.sync.get(SYNC_HEADER_KEY))[SYNC_HEADER_KEY] as
    SyncHeader | undefined;
  if (header === undefined) return defaultSettings();
  const keys = Number.isInteger(header.chunks) && header.chunks > 0 ? chunkKeys(header) : [];
  const items = { [SYNC_HEADER_KEY]: header, ...(await browser.storage.sync.get(keys)) };
  const assembled = fromSyncItems(items);
  if (!assembled.ok) {
    // Half-synced or damaged: work on defaults but leave the stored copy for
    // sync to complete; the next save replaces it.
    if (assembled.reason === 'corrupt')
      console.warn(`[casebook] ${assembled.message}; using defaults`);
    return defaultSettings();
  }
  const parsed = parseSettings(assembled.document);
  if (!parsed.ok) {
    console.warn('[casebook] stored settings are invalid; using defaults', parsed.problems);
    return defaultSettings();
  }
  // An older version synced from another browser: store it upgraded.
  if (parsed.fromVersion !== parsed.settings.version) await writeSettings(parsed.settings);
  return parsed.settings;
}

/** Validate and store; throws ProtocolFailure on invalid settings or a quota error. */
export async function writeSettings(candidate: unknown): Promise<Settings> {
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new ProtocolFailure('invalid-value', 'These settings are not valid.', {
      issues: parsed.error.issues,
    });
  }
  const settings = parsed.data;
  let items;
  try {
    items = toSyncItems(settings);
  } catch (error) {
    if (error instanceof SyncQuotaError) throw new ProtocolFailure('invalid-value', error.message);
    throw error;
  }
  const previous = (await browser.storage.sync.get(SYNC_HEADER_KEY))[SYNC_HEADER_KEY] as
    SyncHeader | undefined;
  try {
    // One set: header and chunks land together.
    await browser.storage.sync.set(items);
  } catch (error) {
    throw new ProtocolFailure('invalid-value', describeSyncError(error));
  }
  const keep = Object.keys(items).filter((k) => k.startsWith(SYNC_CHUNK_PREFIX)).length;
  const stale = staleChunkKeys(previous, keep);
  if (stale.length) await browser.storage.sync.remove(stale);
  return settings;
}

/** Chrome's quota errors name a constant; say what it means and what to do. */
export function describeSyncError(error: unknown): string {
  const message = errorMessage(error);
  if (/QUOTA_BYTES_PER_ITEM/.test(message)) {
    return 'A part of the settings is larger than synced storage allows per item. Shorten long lists (redaction rules, hosts) and save again.';
  }
  if (/QUOTA_BYTES/.test(message)) {
    return 'Settings no longer fit in synced storage (100 KB). Remove some host mappings or redaction rules and save again.';
  }
  if (/MAX_WRITE_OPERATIONS_PER_(MINUTE|HOUR)/.test(message)) {
    return 'Settings were saved too often in a short time (the browser limits synced writes). Wait a minute and save again.';
  }
  return `Could not save settings to synced storage: ${message}`;
}

export async function readAgentSuggestion(): Promise<AgentSuggestion | undefined> {
  const raw = (await browser.storage.local.get(AGENT_SUGGESTION_KEY))[AGENT_SUGGESTION_KEY];
  const parsed = agentSuggestionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export async function writeAgentSuggestion(suggestion: AgentSuggestion): Promise<void> {
  await browser.storage.local.set({ [AGENT_SUGGESTION_KEY]: suggestion });
}

/** Wipe: settings go back to defaults, the agent suggestion is removed (secrets: ./secrets.ts). */
export async function clearSettings(): Promise<void> {
  const all = await browser.storage.sync.get(null);
  const keys = Object.keys(all).filter(
    (k) => k === SYNC_HEADER_KEY || k.startsWith(SYNC_CHUNK_PREFIX),
  );
  if (keys.length) await browser.storage.sync.remove(keys);
  await browser.storage.local.remove(AGENT_SUGGESTION_KEY);
}
