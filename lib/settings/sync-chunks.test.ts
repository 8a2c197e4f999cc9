import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION, settingsSchema } from './schema';
import {
  fromSyncItems,
  itemBytes,
  staleChunkKeys,
  SYNC_QUOTA_BYTES_PER_ITEM,
  SyncQuotaError,
  toSyncItems,
} from './sync-chunks';

describe('sync chunks', () => {
  it('round-trips default settings in one chunk', () => {
    const s = defaultSettings();
    const items = toSyncItems(s);
    expect(Object.keys(items)).toEqual(['settings', 'settings.0']);
    const back = fromSyncItems(items);
    expect(back).toEqual({ ok: true, document: s });
  });

  it('splits large settings so every item fits the per-item quota, non-ASCII included', () => {
    const s = settingsSchema.parse({
      version: SETTINGS_VERSION,
      redaction: {
        headerNames: Array.from({ length: 400 }, (_, i) => `X-Ünïcødé-Hëader-${i}-"quoted"`),
        keyNames: Array.from({ length: 300 }, (_, i) => `clé_secrète_🔑_${i}`),
      },
    });
    const items = toSyncItems(s);
    expect(Object.keys(items).length).toBeGreaterThan(3);
    for (const [key, value] of Object.entries(items)) {
      expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    }
    expect(fromSyncItems(items)).toEqual({ ok: true, document: s });
  });

  it('throws a clear quota error past the total quota', () => {
    const huge = { version: 1, blob: 'x'.repeat(120_000) };
    expect(() => toSyncItems(huge)).toThrow(SyncQuotaError);
    expect(() => toSyncItems(huge)).toThrow(/allows 102,400/);
  });

  it('reports missing, incomplete and corrupt chunks', () => {
    expect(fromSyncItems({})).toEqual({ ok: false, reason: 'empty' });
    const items = toSyncItems({ version: 1, blob: 'y'.repeat(20_000) } as { version: number });
    const { ['settings.1']: _gone, ...missing } = items;
    expect(fromSyncItems(missing)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(fromSyncItems({ ...items, 'settings.0': 'short' })).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
    expect(fromSyncItems({ settings: { chunks: 'two' } })).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('lists chunks a longer earlier write left behind', () => {
    expect(staleChunkKeys({ version: 1, chunks: 4, length: 1 }, 2)).toEqual([
      'settings.2',
      'settings.3',
    ]);
    expect(staleChunkKeys(undefined, 1)).toEqual([]);
  });
});
