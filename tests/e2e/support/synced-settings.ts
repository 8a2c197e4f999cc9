/**
 * Plays another browser of the same account: writes settings into
 * `storage.sync` the way Casebook lays them out (lib/settings/sync-chunks.ts),
 * from an extension page, without going through the background.
 */
import type { Page } from '@playwright/test';
import { toSyncItems } from '../../../lib/settings/sync-chunks';

export async function syncFromAnotherBrowser(
  extensionPage: Page,
  settings: { version: number; [key: string]: unknown },
): Promise<void> {
  const items = toSyncItems(settings);
  await extensionPage.evaluate(async (items) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { sync: { set(items: object): Promise<void> } } };
    };
    await chrome.storage.sync.set(items);
  }, items);
}
