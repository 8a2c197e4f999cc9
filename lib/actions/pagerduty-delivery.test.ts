import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  INITIAL_PAGE_STATE,
  MAX_PAGE_ATTEMPTS,
  nextPageState,
  pageStateFromEvents,
  requestPage,
  resumePage,
  retryDelayMs,
  SEND_TIMEOUT_MS,
  type PageEventLike,
  type PageOutcome,
  type PageRecord,
  type PageState,
} from './pagerduty-delivery';
import { T0 } from './test-fixtures';

const DK = 'casebook-zendesk-12345';
const http = (
  status: number,
  extra: Partial<Extract<PageOutcome, { kind: 'http' }>> = {},
): PageOutcome => ({
  kind: 'http',
  status,
  ...extra,
});

function sending(now = T0): PageState {
  const d = requestPage(INITIAL_PAGE_STATE, DK, false, now);
  if (!d.send) throw new Error(d.reason);
  return d.state;
}

describe('requestPage: no double page', () => {
  it('sends from idle', () => {
    const d = requestPage(INITIAL_PAGE_STATE, DK, false, T0);
    expect(d).toMatchObject({
      send: true,
      record: { type: 'page-requested', dedupKey: DK, attempt: 1, repage: false },
      state: { status: 'sending', attempt: 1, since: T0 },
    });
  });

  it('a second click while pending does not send', () => {
    const s = sending();
    expect(requestPage(s, DK, false, T0 + 1).send).toBe(false);
    expect(requestPage(s, DK, true, T0 + 1).send).toBe(false);
    const waiting = nextPageState(s, http(503), T0 + 2).state;
    const d = requestPage(waiting, DK, false, T0 + 3);
    expect(d.send).toBe(false);
    if (!d.send) expect(d.reason).toMatch(/already on its way/);
  });

  it('an accepted page is sent again only on an explicit re-page, with the same dedup key', () => {
    const accepted = nextPageState(sending(), http(202), T0 + 500).state;
    expect(accepted).toMatchObject({ status: 'accepted', acceptedAt: T0 + 500, pagesAccepted: 1 });
    const again = requestPage(accepted, DK, false, T0 + 1000);
    expect(again.send).toBe(false);
    if (!again.send)
      expect(again.reason).toBe(
        'PagerDuty accepted this page at 2026-03-08T08:00:00Z; use Re-page to page again.',
      );
    const repage = requestPage(accepted, DK, true, T0 + 2000);
    expect(repage).toMatchObject({
      send: true,
      record: { dedupKey: DK, repage: true, attempt: 1 },
    });
    const twice = nextPageState(repage.state, http(202), T0 + 2500).state;
    expect(twice).toMatchObject({
      status: 'accepted',
      pagesAccepted: 2,
      lastAcceptedAt: T0 + 2500,
    });
  });

  it('after a final failure the agent can try again', () => {
    const failed = nextPageState(sending(), http(400, { message: 'invalid event' }), T0).state;
    expect(requestPage(failed, DK, false, T0 + 1).send).toBe(true);
  });
});

describe('nextPageState', () => {
  it('202 is accepted', () => {
    const t = nextPageState(sending(), http(202, { message: 'Event processed' }), T0 + 100);
    expect(t.record).toEqual({
      type: 'page-accepted',
      dedupKey: DK,
      status: 202,
      message: 'Event processed',
    });
    expect(t.retryAt).toBeUndefined();
  });

  it('400 is final and shown', () => {
    const t = nextPageState(sending(), http(400, { message: 'invalid event' }), T0 + 100);
    expect(t.state).toMatchObject({
      status: 'failed',
      error: { status: 400, message: 'PagerDuty rejected the event (400): invalid event' },
      attempts: 1,
    });
    expect(nextPageState(sending(), http(403), T0).state.status).toBe('failed');
    expect(nextPageState(sending(), http(404), T0).state.status).toBe('failed');
  });

  it('429, 5xx, 408 and network failures are retried', () => {
    for (const o of [
      http(429),
      http(500),
      http(502),
      http(503),
      http(408),
      { kind: 'network', message: 'ECONNREFUSED' } as const,
    ]) {
      const t = nextPageState(sending(), o, T0);
      expect(t.state.status, JSON.stringify(o)).toBe('retry-scheduled');
      expect(t.retryAt).toBe(T0 + 30_000);
    }
  });

  it('honours Retry-After when it is longer than the backoff (capped at 15 minutes)', () => {
    expect(nextPageState(sending(), http(429, { retryAfterSeconds: 120 }), T0).retryAt).toBe(
      T0 + 120_000,
    );
    expect(nextPageState(sending(), http(429, { retryAfterSeconds: 5 }), T0).retryAt).toBe(
      T0 + 30_000,
    );
    expect(nextPageState(sending(), http(429, { retryAfterSeconds: 99_999 }), T0).retryAt).toBe(
      T0 + 900_000,
    );
  });

  it('backs off 30 s, 1, 2, 4, 8 min, then 15 min, and gives up after MAX_PAGE_ATTEMPTS', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000,
    ]);
    let state = sending();
    let now = T0;
    const delays: number[] = [];
    for (;;) {
      const t = nextPageState(state, http(503), now);
      if (t.retryAt === undefined) {
        state = t.state;
        break;
      }
      delays.push(t.retryAt - now);
      now = t.retryAt;
      const r = resumePage(t.state, now);
      if (!r.send) throw new Error('retry was due');
      state = r.state;
    }
    expect(delays).toHaveLength(MAX_PAGE_ATTEMPTS - 1);
    expect(delays.slice(0, 6)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(state).toMatchObject({
      status: 'failed',
      attempts: MAX_PAGE_ATTEMPTS,
      error: {
        status: 503,
        message: `PagerDuty error 503 (gave up after ${MAX_PAGE_ATTEMPTS} attempts)`,
      },
    });
  });

  it('throws when nothing is being sent', () => {
    expect(() => nextPageState(INITIAL_PAGE_STATE, http(202), T0)).toThrow(/no page is being sent/);
  });
});

describe('resumePage', () => {
  it('waits until the retry is due, then sends the next attempt with the same key', () => {
    const waiting = nextPageState(sending(), http(429), T0).state;
    expect(resumePage(waiting, T0 + 29_999)).toMatchObject({
      send: false,
      retryAt: T0 + 30_000,
      records: [],
    });
    const r = resumePage(waiting, T0 + 30_000);
    expect(r).toMatchObject({
      send: true,
      records: [{ type: 'page-requested', dedupKey: DK, attempt: 2, repage: false }],
      state: { status: 'sending', attempt: 2, lastError: { status: 429 } },
    });
  });

  it('recovers a send whose answer was never recorded, without sending twice at once', () => {
    const s = sending(T0);
    expect(resumePage(s, T0 + SEND_TIMEOUT_MS - 1)).toMatchObject({ send: false, records: [] });
    const r = resumePage(s, T0 + SEND_TIMEOUT_MS);
    expect(r.send).toBe(false);
    expect(r.records).toEqual([
      expect.objectContaining({
        type: 'page-retry-scheduled',
        attempt: 1,
        retryAt: T0 + SEND_TIMEOUT_MS + 30_000,
      }),
    ]);
  });

  it('does nothing when idle, accepted or failed', () => {
    expect(resumePage(INITIAL_PAGE_STATE, T0).send).toBe(false);
    expect(resumePage(nextPageState(sending(), http(202), T0).state, T0 + 1e9).send).toBe(false);
    expect(resumePage(nextPageState(sending(), http(400), T0).state, T0 + 1e9).send).toBe(false);
  });
});

describe('the stored records reproduce the state (property)', () => {
  const outcome = fc.oneof(
    fc.constantFrom(202, 400, 403, 429, 500, 503).map((status) => http(status)),
    fc.constant<PageOutcome>({ kind: 'network', message: 'offline' }),
  );
  const step = fc.oneof(
    fc.record({ kind: fc.constant('click' as const), repage: fc.boolean() }),
    fc.record({ kind: fc.constant('answer' as const), outcome }),
    fc.record({
      kind: fc.constant('alarm' as const),
      after: fc.integer({ min: 0, max: 1_000_000 }),
    }),
  );

  it('folding pageStateFromEvents over what was recorded gives the live state; one send in flight at most', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state: PageState = INITIAL_PAGE_STATE;
        let now = T0;
        const events: PageEventLike[] = [];
        const record = (r: PageRecord) => events.push({ at: now, action: r.type, data: r });
        let inFlight = 0;
        for (const s of steps) {
          now += 1000;
          if (s.kind === 'click') {
            const d = requestPage(state, DK, s.repage, now);
            if (d.send) {
              expect(inFlight).toBe(0);
              inFlight++;
              record(d.record);
            }
            state = d.state;
          } else if (s.kind === 'answer') {
            if (state.status !== 'sending') continue;
            const t = nextPageState(state, s.outcome, now);
            inFlight--;
            record(t.record);
            state = t.state;
          } else {
            now += s.after;
            const r = resumePage(state, now);
            if (state.status === 'sending' && r.records.length > 0) inFlight--;
            r.records.forEach(record);
            if (r.send) {
              expect(inFlight).toBe(0);
              inFlight++;
            }
            state = r.state;
          }
          expect(pageStateFromEvents(events)).toEqual(state);
          if ('dedupKey' in state) expect(state.dedupKey).toBe(DK);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('ignores unrelated events and malformed data', () => {
    const events: PageEventLike[] = [
      { at: T0, action: 'file-bug', data: { url: 'x' } },
      { at: T0, action: 'page-accepted', data: 'nope' },
      { at: T0, action: 'page-accepted', data: { type: 'page-requested', dedupKey: DK } },
    ];
    expect(pageStateFromEvents(events)).toEqual(INITIAL_PAGE_STATE);
  });
});
