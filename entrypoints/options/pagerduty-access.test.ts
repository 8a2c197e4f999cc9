import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SaveResult } from '../../components/options/common';
import { DEFAULT_PAGERDUTY_ENDPOINT } from '../../lib/settings/schema';
import { saveWithPagerDutyAccess } from './pagerduty-access';

afterEach(() => {
  vi.restoreAllMocks();
});

function answer(granted: boolean | Error) {
  return vi
    .spyOn(fakeBrowser.permissions, 'request')
    .mockImplementation(() =>
      granted instanceof Error ? Promise.reject(granted) : Promise.resolve(granted),
    );
}

function deferredSave(result: SaveResult) {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const save = vi.fn(async () => {
    await done;
    return result;
  });
  return { save, finish: () => resolve() };
}

describe('saveWithPagerDutyAccess', () => {
  it('asks for the endpoint origin before anything is awaited (inside the click)', async () => {
    const request = answer(true);
    const { save, finish } = deferredSave({ ok: true });
    const pending = saveWithPagerDutyAccess(DEFAULT_PAGERDUTY_ENDPOINT, save);
    // Synchronously, before the save settles: the user gesture is still live.
    expect(request).toHaveBeenCalledWith({ origins: ['https://events.pagerduty.com/*'] });
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    expect(await pending).toEqual({ ok: true });
  });

  it('keeps the save when access is refused and says what paging will report', async () => {
    answer(false);
    const save = vi.fn(async (): Promise<SaveResult> => ({ ok: true }));
    const result = await saveWithPagerDutyAccess(DEFAULT_PAGERDUTY_ENDPOINT, save);
    expect(save).toHaveBeenCalledTimes(1);
    expect(result).toEqual({
      ok: true,
      message: expect.stringContaining(
        'Access to https://events.pagerduty.com/* was not granted, so paging will stop with “Casebook may not reach events.pagerduty.com yet”',
      ) as string,
    });
    expect(result.ok && result.message?.startsWith('Saved. ')).toBe(true);
  });

  it('treats a failed request as refused and keeps the save’s own message', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    answer(new Error('prompt dismissed'));
    const result = await saveWithPagerDutyAccess('https://events.eu.pagerduty.com/v2/enqueue', () =>
      Promise.resolve({ ok: true, message: 'Saved. New tickets use workflow version 3.' }),
    );
    expect(result.ok && result.message).toMatch(
      /^Saved\. New tickets use workflow version 3\. Access to https:\/\/events\.eu\.pagerduty\.com\/\* was not granted/,
    );
  });

  it('asks nothing for a loopback endpoint or when no endpoint is given', async () => {
    const request = answer(false);
    const save = () => Promise.resolve<SaveResult>({ ok: true });
    expect(await saveWithPagerDutyAccess('http://127.0.0.1:8080/v2/enqueue', save)).toEqual({
      ok: true,
    });
    expect(await saveWithPagerDutyAccess(undefined, save)).toEqual({ ok: true });
    expect(request).not.toHaveBeenCalled();
  });

  it('reports a failed save as it is, whatever the permission answer', async () => {
    answer(false);
    const failed: SaveResult = { ok: false, problems: [{ path: '$.key', message: 'bad key' }] };
    expect(await saveWithPagerDutyAccess(DEFAULT_PAGERDUTY_ENDPOINT, async () => failed)).toBe(
      failed,
    );
  });
});
