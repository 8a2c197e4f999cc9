import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import type { ServerPortMessage } from '../../../lib/messaging/sync';
import { toSyncItems } from '../../../lib/settings/sync-chunks';
import { defaultSettings, type Settings } from '../../../lib/settings/schema';
import { registerSettingsLifecycle } from './handlers';
import { readSettings, writeSettings } from './store';
import { heldSync, resolveHeldSync, reviewOnInstall, reviewSyncedSettings } from './sync-hold';

const T0 = Date.UTC(2026, 11, 4, 9);

/** What another browser of the same account does: it writes synced storage only. */
async function syncFromAnotherBrowser(settings: Settings | Record<string, unknown>) {
  await fakeBrowser.storage.sync.set(toSyncItems(settings as { version: number }));
}

function withSettings(change: (s: Settings) => void): Settings {
  const s = defaultSettings();
  change(s);
  return s;
}

const interceptionOff = withSettings((s) => {
  s.helpdesks.zendesk.interceptHar = false;
});
const allowTrace = withSettings((s) => {
  s.redaction.allow = ['x-trace-id'];
});
const longerRetention = withSettings((s) => {
  s.retentionDays = 90;
});

beforeEach(async () => {
  // This browser works with defaults before anything syncs in.
  await readSettings();
});

describe('settings arriving through storage.sync', () => {
  it('apply at once when they weaken nothing', async () => {
    await syncFromAnotherBrowser(longerRetention);
    expect(await reviewSyncedSettings(T0)).toBe('applied');
    expect((await readSettings()).retentionDays).toBe(90);
    expect(await heldSync()).toBeUndefined();
  });

  it('are held, not applied, when they weaken protection, and say what and when', async () => {
    await syncFromAnotherBrowser(interceptionOff);
    expect(await reviewSyncedSettings(T0)).toBe('held');
    expect((await readSettings()).helpdesks.zendesk.interceptHar).toBe(true);
    expect(await heldSync()).toEqual({
      weakens: ['HAR sanitizing is turned off on zendesk'],
      receivedAt: T0,
    });
  });

  it('apply once the lead confirms the change seen', async () => {
    await syncFromAnotherBrowser(interceptionOff);
    await reviewSyncedSettings(T0);
    const r = await resolveHeldSync(true, T0);
    expect(r.applied).toBe(true);
    expect((await readSettings()).helpdesks.zendesk.interceptHar).toBe(false);
    expect(await heldSync()).toBeUndefined();
  });

  it('stay out when the lead keeps the current settings, also when sync reports the same change again', async () => {
    await syncFromAnotherBrowser(interceptionOff);
    await reviewSyncedSettings(T0);
    const r = await resolveHeldSync(false, T0);
    expect(r).toMatchObject({
      applied: false,
      settings: { helpdesks: { zendesk: { interceptHar: true } } },
    });
    expect(await reviewSyncedSettings(T0 + 1000)).toBe('refused');
    expect((await readSettings()).helpdesks.zendesk.interceptHar).toBe(true);
    expect(await heldSync()).toBeUndefined();
  });

  it('a second weakening change replaces the one held; confirming the old one changes nothing', async () => {
    await syncFromAnotherBrowser(interceptionOff);
    await reviewSyncedSettings(T0);
    await syncFromAnotherBrowser(allowTrace);
    expect(await reviewSyncedSettings(T0 + 60_000)).toBe('held');
    expect(await heldSync()).toEqual({
      weakens: ['The redaction allow-list adds x-trace-id'],
      receivedAt: T0 + 60_000,
    });
    const stale = await resolveHeldSync(true, T0).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ProtocolFailure);
    expect((stale as ProtocolFailure).code).toBe('conflict');
    expect(await readSettings()).toEqual(defaultSettings());

    await resolveHeldSync(true, T0 + 60_000);
    const now = await readSettings();
    expect(now.redaction.allow).toEqual(['x-trace-id']);
    // Only the change confirmed, not the one it replaced.
    expect(now.helpdesks.zendesk.interceptHar).toBe(true);
  });

  it('the same change reported twice keeps the time the lead is shown', async () => {
    await syncFromAnotherBrowser(interceptionOff);
    await reviewSyncedSettings(T0);
    expect(await reviewSyncedSettings(T0 + 5000)).toBe('held');
    expect((await heldSync())?.receivedAt).toBe(T0);
  });

  it('a held change is dropped when sync comes back in line with this browser', async () => {
    await syncFromAnotherBrowser(interceptionOff);
    await reviewSyncedSettings(T0);
    await syncFromAnotherBrowser(defaultSettings());
    expect(await reviewSyncedSettings(T0 + 1)).toBe('same');
    expect(await heldSync()).toBeUndefined();
  });

  it('a reset in another browser (no synced copy) is held when it removes team rules', async () => {
    await writeSettings(
      withSettings((s) => {
        s.redaction.headerNames = ['x-acme-session'];
      }),
    );
    await fakeBrowser.storage.sync.clear();
    expect(await reviewSyncedSettings(T0)).toBe('held');
    expect((await heldSync())?.weakens).toEqual([
      'Team redaction header names removed: x-acme-session',
    ]);
    expect((await readSettings()).redaction.headerNames).toEqual(['x-acme-session']);
  });

  it('half-synced chunks change nothing until sync completes', async () => {
    const items = toSyncItems(interceptionOff);
    await fakeBrowser.storage.sync.set({ settings: { ...(items.settings as object), chunks: 2 } });
    expect(await reviewSyncedSettings(T0)).toBe('waiting');
    expect(await readSettings()).toEqual(defaultSettings());
    expect(await heldSync()).toBeUndefined();
  });

  it("this browser's own saves are not held", async () => {
    await writeSettings(interceptionOff);
    expect(await reviewSyncedSettings(T0)).toBe('same');
    expect((await readSettings()).helpdesks.zendesk.interceptHar).toBe(false);
  });
});

describe('settings kept by builds before the hold', () => {
  it('a browser with only the synced copy (v1, from the fixture) keeps working with it', async () => {
    fakeBrowser.reset();
    const v1 = JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, '../../../tests/fixtures/settings/v1.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    await syncFromAnotherBrowser(v1);
    const adopted = await readSettings();
    expect(adopted.version).toBe(defaultSettings().version);
    expect(await reviewSyncedSettings(T0)).toBe('same');
    expect(await heldSync()).toBeUndefined();
  });
});

describe('a fresh install', () => {
  it('reviews settings sync delivered before it started: a weakening one is held', async () => {
    fakeBrowser.reset();
    await syncFromAnotherBrowser(interceptionOff);
    // A read before the install event took the synced copy as its own.
    expect((await readSettings()).helpdesks.zendesk.interceptHar).toBe(false);
    expect(await reviewOnInstall(T0)).toBe('held');
    expect((await readSettings()).helpdesks.zendesk.interceptHar).toBe(true);
    expect((await heldSync())?.weakens).toEqual(['HAR sanitizing is turned off on zendesk']);
  });

  it('keeps what the lead saved before the install event arrived', async () => {
    fakeBrowser.reset();
    await writeSettings(interceptionOff);
    expect(await reviewOnInstall(T0)).toBe('same');
    expect((await readSettings()).helpdesks.zendesk.interceptHar).toBe(false);
  });
});

describe('the background listens to storage.sync', () => {
  it('holds a weakening change, applies a harmless one, and tells the options page', async () => {
    const published: ServerPortMessage[] = [];
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
    // Not in the fake browser; this test is about storage.onChanged.
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    registerSettingsLifecycle(
      (m) => published.push(m),
      () => T0,
    );
    await syncFromAnotherBrowser(allowTrace);
    await vi.waitFor(async () => expect(await heldSync()).toBeDefined());
    expect((await readSettings()).redaction.allow).toEqual([]);
    await vi.waitFor(() => expect(published).toContainEqual({ type: 'settings-changed' }));

    await syncFromAnotherBrowser(longerRetention);
    await vi.waitFor(async () => expect((await readSettings()).retentionDays).toBe(90));
    expect(await heldSync()).toBeUndefined();
  });
});
