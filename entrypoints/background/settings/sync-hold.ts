/**
 * Settings that arrive through `storage.sync` (another browser of the same
 * account, or anything else that can write synced storage) are reviewed with
 * the import's rule (lib/settings/weakening.ts `settingsWeakening`) before
 * this browser works with them:
 *
 * - a change that weakens nothing applies at once;
 * - a change that weakens protection is held: this browser keeps its settings,
 *   the options page shows what the change would weaken, and it applies only
 *   when the lead confirms (`settings.resolveHeldSync`). A newer synced change
 *   replaces the one held; one that brings sync back in line drops it.
 *
 * The applied copy and the held change live in `storage.local` (./store.ts).
 */
import { browser } from '#imports';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import type { HeldSync } from '../../../lib/messaging/settings';
import { defaultSettings, settingsSchema, type Settings } from '../../../lib/settings/schema';
import { settingsWeakening } from '../../../lib/settings/weakening';
import {
  appliedWasAdopted,
  HELD_SYNC_KEY,
  readSettings,
  readSyncedSettings,
  REFUSED_SYNC_KEY,
  storeApplied,
} from './store';

interface HeldRecord {
  settings: Settings;
  weakens: string[];
  receivedAt: number;
}

export type SyncReview =
  /** Sync is half-written or unreadable: nothing changes until it completes. */
  | 'waiting'
  /** Sync holds what this browser already works with (e.g. its own write). */
  | 'same'
  | 'applied'
  | 'held'
  /** The change the lead already chose to keep out. */
  | 'refused';

/** Field order is the schema's after parsing, so equal settings give equal JSON. */
const fingerprint = (settings: Settings) => JSON.stringify(settings);

async function readHeld(): Promise<HeldRecord | undefined> {
  const raw = (await browser.storage.local.get(HELD_SYNC_KEY))[HELD_SYNC_KEY] as
    { settings?: unknown; weakens?: unknown; receivedAt?: unknown } | undefined;
  if (!raw || typeof raw.receivedAt !== 'number' || !Array.isArray(raw.weakens)) return undefined;
  const settings = settingsSchema.safeParse(raw.settings);
  if (!settings.success) return undefined;
  return {
    settings: settings.data,
    weakens: raw.weakens.filter((w): w is string => typeof w === 'string'),
    receivedAt: raw.receivedAt,
  };
}

/** Look at what `storage.sync` holds now and apply, hold or ignore it. */
export async function reviewSyncedSettings(now: number): Promise<SyncReview> {
  const synced = await readSyncedSettings();
  if (synced.state === 'unreadable') return 'waiting';
  // No synced copy at all: another browser reset its settings to the defaults.
  const incoming = synced.state === 'ok' ? synced.settings : defaultSettings();
  const current = await readSettings();
  if (fingerprint(incoming) === fingerprint(current)) {
    await browser.storage.local.remove(HELD_SYNC_KEY);
    return 'same';
  }
  const weakens = settingsWeakening(current, incoming);
  if (weakens.length === 0) {
    await storeApplied(incoming);
    await browser.storage.local.remove(HELD_SYNC_KEY);
    return 'applied';
  }
  const refused = (await browser.storage.local.get(REFUSED_SYNC_KEY))[REFUSED_SYNC_KEY];
  if (refused === fingerprint(incoming)) {
    await browser.storage.local.remove(HELD_SYNC_KEY);
    return 'refused';
  }
  const held = await readHeld();
  // The same change again (sync often reports one write in parts): keep its time.
  if (held && fingerprint(held.settings) === fingerprint(incoming)) return 'held';
  await browser.storage.local.set({
    [HELD_SYNC_KEY]: { settings: incoming, weakens, receivedAt: now } satisfies HeldRecord,
  });
  return 'held';
}

/**
 * A fresh install has chosen nothing yet: when a read before this ran took
 * the synced copy as this browser's own, it starts over from the defaults and
 * reviews what sync holds like any synced change.
 */
export async function reviewOnInstall(now: number): Promise<SyncReview> {
  if (await appliedWasAdopted()) await storeApplied(defaultSettings());
  return reviewSyncedSettings(now);
}

/** What the options page shows; the settings themselves stay in the background. */
export async function heldSync(): Promise<HeldSync | undefined> {
  const held = await readHeld();
  return held && { weakens: held.weakens, receivedAt: held.receivedAt };
}

/**
 * The lead's answer. `receivedAt` names the change the lead saw: when a newer
 * one replaced it meanwhile, nothing happens and the lead is asked again.
 */
export async function resolveHeldSync(
  apply: boolean,
  receivedAt: number,
): Promise<{ applied: boolean; settings: Settings }> {
  const held = await readHeld();
  if (!held || held.receivedAt !== receivedAt) {
    throw new ProtocolFailure(
      'conflict',
      'The synced change you reviewed was replaced or withdrawn; nothing changed. Review the one shown now.',
    );
  }
  await browser.storage.local.remove(HELD_SYNC_KEY);
  if (!apply) {
    await browser.storage.local.set({ [REFUSED_SYNC_KEY]: fingerprint(held.settings) });
    return { applied: false, settings: await readSettings() };
  }
  await storeApplied(held.settings);
  await browser.storage.local.remove(REFUSED_SYNC_KEY);
  return { applied: true, settings: held.settings };
}
