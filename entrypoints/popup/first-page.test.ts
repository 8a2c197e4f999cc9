import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseRequest } from '../../lib/messaging/protocol';
import { RequestError, settle } from '../../platform/messaging/client';
import { requestFirstPage, takeFirstPage } from './first-page';
import { FIRST_COUNTS_REQUEST, FIRST_PAGE_REQUEST } from './first-requests';

describe('the popup’s early open-runs requests', () => {
  it('are valid protocol requests (they are sent before the schemas load)', () => {
    expect(parseRequest(FIRST_PAGE_REQUEST)).toEqual({ ok: true, request: FIRST_PAGE_REQUEST });
    expect(parseRequest(FIRST_COUNTS_REQUEST)).toEqual({
      ok: true,
      request: FIRST_COUNTS_REQUEST,
    });
  });

  it('ask for the rows without counts, and for the counts on their own', () => {
    expect(FIRST_PAGE_REQUEST.counts).toBe(false);
    expect(FIRST_COUNTS_REQUEST.type).toBe('runs.countOpen');
  });

  it('are sent once and taken once', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return Promise.resolve({ ok: true, data: (message as { type: string }).type });
    });
    expect(takeFirstPage()).toBeUndefined();
    requestFirstPage();
    const pending = takeFirstPage();
    expect(pending).toBeDefined();
    expect(takeFirstPage()).toBeUndefined();
    await expect(pending!.page).resolves.toEqual({ ok: true, data: 'runs.listOpen' });
    await expect(pending!.counts).resolves.toEqual({ ok: true, data: 'runs.countOpen' });
    expect(seen).toEqual([FIRST_PAGE_REQUEST, FIRST_COUNTS_REQUEST]);
  });
});

describe('settle: the early reply is validated like any other', () => {
  const counts = { open: 0, breached: 0, dueSoon: 0 };
  it('returns the data of a valid reply', async () => {
    await expect(
      settle('runs.listOpen', Promise.resolve({ ok: true, data: { items: [], counts } })),
    ).resolves.toEqual({ items: [], counts });
  });

  it('rejects a malformed reply as internal and passes on a failed one', async () => {
    await expect(
      settle('runs.listOpen', Promise.resolve({ ok: true, data: { items: [{}], counts } })),
    ).rejects.toMatchObject({ code: 'internal' });
    const failed = settle(
      'runs.listOpen',
      Promise.resolve({ ok: false, error: { code: 'internal', message: 'disk full' } }),
    );
    await expect(failed).rejects.toBeInstanceOf(RequestError);
    await expect(failed).rejects.toMatchObject({ message: 'disk full' });
  });

  it('says so when the background did not answer', async () => {
    await expect(
      settle('runs.listOpen', Promise.reject(new Error('Receiving end does not exist.'))),
    ).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('did not answer'),
    });
  });
});
