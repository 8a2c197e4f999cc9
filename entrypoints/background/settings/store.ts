/**
 * Settings travel between the agent's browsers in `storage.sync` (chunked,
 * see lib/settings/sync-chunks.ts); the copy this browser works with is
 * `storage.local` `settingsApplied`, so that a synced change that weakens
 * protection can be held until the lead confirms it (./sync-hold.ts). The
 * agent suggestion is in `storage.local` too; secrets are not here but in the
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

const APPLIED_KEY = 'settingsApplied';
/** A synced change waiting for the lead, and the last one the lead kept out (./sync-hold.ts). */
export const HELD_SYNC_KEY = 'settingsHeldSync';
export const REFUSED_SYNC_KEY = 'settingsRefusedSync';
/** Set while the applied copy is one taken from sync unreviewed (see readSettings). */
const ADOPTED_KEY = 'settingsAdoptedFromSync';

/** What `storage.sync` holds: nothing, a half-synced or unreadable copy, or settings. */
export type SyncedSettings =
  { state: 'absent' } | { state: 'unreadable' } | { state: 'ok'; settings: Settings };

export async function readSyncedSettings(): Promise<SyncedSettings> {
  const header = (await browser.storage.sync.get(SYNC_HEADER_KEY))[SYNC_HEADER_KEY] as
    SyncHeader | undefined;
  if (header === undefined) return { state: 'absent' };
  const keys = Number.isInteger(header.chunks) && header.chunks > 0 ? chunkKeys(header) : [];
  const items = { [SYNC_HEADER_KEY]: header, ...(await browser.storage.sync.get(keys)) };
  const assembled = fromSyncItems(items);
  if (!assembled.ok) {
    // Half-synced or damaged: sync may still complete it; the next save replaces it.
    if (assembled.reason === 'corrupt') console.warn(`[casebook] ${assembled.message}`);
    return { state: 'unreadable' };
  }
  const parsed = parseSettings(assembled.document);
  if (!parsed.ok) {
    console.warn('[casebook] synced settings are invalid', parsed.problems);
    return { state: 'unreadable' };
  }
  return { state: 'ok', settings: parsed.settings };
}

/** The settings this browser works with. */
export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(APPLIED_KEY))[APPLIED_KEY];
  if (stored !== undefined) {
    const parsed = parseSettings(stored);
    if (parsed.ok) {
      if (parsed.fromVersion !== parsed.settings.version) await storeApplied(parsed.settings);
      return parsed.settings;
    }
    console.warn('[casebook] stored settings are invalid; using defaults', parsed.problems);
    return defaultSettings();
  }
  // Builds before the hold worked on the synced copy: it is what this browser
  // already used. Without one, defaults: whatever sync brings later is reviewed.
  const synced = await readSyncedSettings();
  if (synced.state !== 'ok') {
    await storeApplied(defaultSettings());
    return defaultSettings();
  }
  await browser.storage.local.set({ [APPLIED_KEY]: synced.settings, [ADOPTED_KEY]: true });
  return synced.settings;
}

/** Whether this browser's copy was taken from sync without review (cleared by any choice since). */
export async function appliedWasAdopted(): Promise<boolean> {
  return (await browser.storage.local.get(ADOPTED_KEY))[ADOPTED_KEY] === true;
}

/** Make `settings` the ones this browser works with, without touching `storage.sync`. */
export async function storeApplied(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [APPLIED_KEY]: settings });
  await browser.storage.local.remove(ADOPTED_KEY);
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
  // Applied first: the sync change this write causes then matches it (./sync-hold.ts).
  const before = (await browser.storage.local.get(APPLIED_KEY))[APPLIED_KEY];
  await storeApplied(settings);
  try {
    // One set: header and chunks land together.
    await browser.storage.sync.set(items);
  } catch (error) {
    // Not saved means not applied either.
    if (before === undefined) await browser.storage.local.remove(APPLIED_KEY);
    else await browser.storage.local.set({ [APPLIED_KEY]: before });
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
  // Defaults applied before the synced copy goes: its removal then changes nothing here.
  await storeApplied(defaultSettings());
  await browser.storage.local.remove([AGENT_SUGGESTION_KEY, HELD_SYNC_KEY, REFUSED_SYNC_KEY]);
  if (keys.length) await browser.storage.sync.remove(keys);
}
