/**
 * A page's delivery as a pure state machine. On our side a page that is
 * pending (sending or waiting to retry) is never sent again by a click, and
 * an accepted page is sent again only on an explicit re-page; the dedup key
 * (./pagerduty.ts) covers a send whose answer was lost.
 *
 * Delivery: 2xx is accepted; 429, 5xx, 408 and network failures are retried
 * after 30 s, 1 min, 2 min, 4 min, 8 min, then every 15 min, up to
 * MAX_PAGE_ATTEMPTS attempts; any other answer is final and shown. The state
 * is a fold over records the background stores as run events, so a retry
 * survives the worker being stopped.
 */
import { toUtcIso } from '../time/zoned';

export const MAX_PAGE_ATTEMPTS = 10;
export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 15 * 60_000;
/**
 * A send with no recorded answer after this long is treated as lost (the
 * worker was stopped mid-request) and retried; the dedup key makes that safe.
 */
export const SEND_TIMEOUT_MS = 60_000;

/** Delay before attempt `failedAttempt + 1`: 30 s, 1, 2, 4, 8 min, then 15 min. */
export function retryDelayMs(failedAttempt: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, failedAttempt - 1), MAX_RETRY_DELAY_MS);
}

/**
 * What is stored (as the `data` of a record-action event whose `action` is
 * the record's `type`). The state is a fold over these.
 */
export type PageRecord =
  | {
      type: 'page-requested';
      dedupKey: string;
      attempt: number;
      repage: boolean;
      /**
       * Re-paged because engineering did not acknowledge (the agent's Re-page or
       * the SLA's own): the run records the escalation with the request, in one
       * change (recorded-facts.ts). A re-send with the bug link is not one.
       */
      escalation?: true;
    }
  | { type: 'page-accepted'; dedupKey: string; status: number; message: string }
  | { type: 'page-failed'; dedupKey: string; status?: number; message: string; attempts: number }
  | {
      type: 'page-retry-scheduled';
      dedupKey: string;
      status?: number;
      message: string;
      attempt: number;
      retryAt: number;
    };

export const PAGE_RECORD_TYPES = [
  'page-requested',
  'page-accepted',
  'page-failed',
  'page-retry-scheduled',
] as const;

/** Kept across every state: how many pages PagerDuty accepted for this ticket, and the last one. */
interface PageHistory {
  pagesAccepted: number;
  lastAcceptedAt?: number;
}

export type PageState =
  | ({ status: 'idle' } & PageHistory)
  | ({
      status: 'sending';
      dedupKey: string;
      attempt: number;
      since: number;
      repage: boolean;
      /** Why the previous attempt failed, when this is a retry. */
      lastError?: PageError;
    } & PageHistory)
  | ({
      status: 'retry-scheduled';
      dedupKey: string;
      attempt: number;
      retryAt: number;
      repage: boolean;
      lastError: PageError;
    } & PageHistory)
  | ({ status: 'accepted'; dedupKey: string; acceptedAt: number; attempts: number } & PageHistory)
  | ({
      status: 'failed';
      dedupKey: string;
      at: number;
      error: PageError;
      attempts: number;
    } & PageHistory);

export interface PageError {
  status?: number;
  message: string;
}

export type PageOutcome =
  | { kind: 'http'; status: number; message?: string; retryAfterSeconds?: number }
  | { kind: 'network'; message: string };

export const INITIAL_PAGE_STATE: PageState = { status: 'idle', pagesAccepted: 0 };

/** Apply one stored record. */
export function applyPageRecord(state: PageState, record: PageRecord, at: number): PageState {
  const history: PageHistory = {
    pagesAccepted: state.pagesAccepted,
    ...(state.lastAcceptedAt !== undefined ? { lastAcceptedAt: state.lastAcceptedAt } : {}),
  };
  switch (record.type) {
    case 'page-requested':
      return {
        status: 'sending',
        dedupKey: record.dedupKey,
        attempt: record.attempt,
        since: at,
        repage: record.repage,
        ...(state.status === 'retry-scheduled' && record.attempt > 1
          ? { lastError: state.lastError }
          : {}),
        ...history,
      };
    case 'page-accepted':
      return {
        status: 'accepted',
        dedupKey: record.dedupKey,
        acceptedAt: at,
        attempts: state.status === 'sending' ? state.attempt : 1,
        pagesAccepted: state.pagesAccepted + 1,
        lastAcceptedAt: at,
      };
    case 'page-failed':
      return {
        status: 'failed',
        dedupKey: record.dedupKey,
        at,
        error: { status: record.status, message: record.message },
        attempts: record.attempts,
        ...history,
      };
    case 'page-retry-scheduled':
      return {
        status: 'retry-scheduled',
        dedupKey: record.dedupKey,
        attempt: record.attempt,
        retryAt: record.retryAt,
        repage: state.status === 'sending' ? state.repage : false,
        lastError: { status: record.status, message: record.message },
        ...history,
      };
  }
}

/** Minimal view of a stored run event. */
export interface PageEventLike {
  at: number;
  action?: string;
  /** The record, as stored by the engine's record-action. */
  data: unknown;
}

function isPageRecord(x: unknown): x is PageRecord {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.type === 'string' &&
    (PAGE_RECORD_TYPES as readonly string[]).includes(r.type) &&
    typeof r.dedupKey === 'string'
  );
}

/** The page's state from the run's events, oldest first. */
export function pageStateFromEvents(events: readonly PageEventLike[]): PageState {
  let state: PageState = INITIAL_PAGE_STATE;
  for (const e of events) {
    if (isPageRecord(e.data) && e.action === e.data.type)
      state = applyPageRecord(state, e.data, e.at);
  }
  return state;
}

export type PageRequestDecision =
  | { send: true; state: PageState; record: PageRecord }
  | { send: false; state: PageState; reason: string };

/**
 * The agent clicked Page (or Re-page). Sends only from idle or failed, or from
 * accepted when `repage` is set; a pending page is never sent twice.
 */
export function requestPage(
  state: PageState,
  dedupKey: string,
  repage: boolean,
  now: number,
): PageRequestDecision {
  if (state.status === 'sending' || state.status === 'retry-scheduled') {
    return {
      send: false,
      state,
      reason:
        'The page is already on its way; Casebook keeps retrying it until PagerDuty accepts it.',
    };
  }
  if (state.status === 'accepted' && !repage) {
    return {
      send: false,
      state,
      reason: `PagerDuty accepted this page at ${toUtcIso(state.acceptedAt)}; use Re-page to page again.`,
    };
  }
  const record: PageRecord = {
    type: 'page-requested',
    dedupKey,
    attempt: 1,
    repage: repage || state.pagesAccepted > 0,
  };
  return { send: true, state: applyPageRecord(state, record, now), record };
}

export interface PageTransition {
  state: PageState;
  record: PageRecord;
  /** When to try again, if a retry was scheduled. */
  retryAt?: number;
}

function isRetryable(outcome: PageOutcome): boolean {
  if (outcome.kind === 'network') return true;
  return outcome.status === 429 || outcome.status === 408 || outcome.status >= 500;
}

function describeOutcome(outcome: PageOutcome): string {
  if (outcome.kind === 'network') return `Network error: ${outcome.message}`;
  const detail = outcome.message ? `: ${outcome.message}` : '';
  if (outcome.status === 429) return `PagerDuty is rate-limiting (429)${detail}`;
  if (outcome.status >= 500) return `PagerDuty error ${outcome.status}${detail}`;
  if (outcome.status === 400) return `PagerDuty rejected the event (400)${detail}`;
  return `PagerDuty answered ${outcome.status}${detail}`;
}

/**
 * The answer to the current send. Throws if no send is in flight (a caller
 * bug: there is nothing to answer).
 */
export function nextPageState(state: PageState, outcome: PageOutcome, now: number): PageTransition {
  if (state.status !== 'sending') {
    throw new Error(`no page is being sent (state ${state.status})`);
  }
  const { dedupKey, attempt } = state;
  let record: PageRecord;
  if (outcome.kind === 'http' && outcome.status >= 200 && outcome.status < 300) {
    record = {
      type: 'page-accepted',
      dedupKey,
      status: outcome.status,
      message: outcome.message ?? 'Event processed',
    };
  } else if (isRetryable(outcome) && attempt < MAX_PAGE_ATTEMPTS) {
    const backoff = retryDelayMs(attempt);
    const asked =
      outcome.kind === 'http' && outcome.retryAfterSeconds !== undefined
        ? Math.min(outcome.retryAfterSeconds * 1000, MAX_RETRY_DELAY_MS)
        : 0;
    record = {
      type: 'page-retry-scheduled',
      dedupKey,
      status: outcome.kind === 'http' ? outcome.status : undefined,
      message: describeOutcome(outcome),
      attempt,
      retryAt: now + Math.max(backoff, asked),
    };
  } else {
    const gaveUp = isRetryable(outcome) ? ` (gave up after ${attempt} attempts)` : '';
    record = {
      type: 'page-failed',
      dedupKey,
      status: outcome.kind === 'http' ? outcome.status : undefined,
      message: `${describeOutcome(outcome)}${gaveUp}`,
      attempts: attempt,
    };
  }
  const next = applyPageRecord(state, record, now);
  return {
    state: next,
    record,
    ...(record.type === 'page-retry-scheduled' ? { retryAt: record.retryAt } : {}),
  };
}

/**
 * Called when the retry alarm fires (or the worker starts): sends again if a
 * retry is due, and recovers a send whose answer never arrived.
 */
export function resumePage(
  state: PageState,
  now: number,
):
  | { send: true; state: PageState; records: PageRecord[] }
  | { send: false; state: PageState; records: PageRecord[]; retryAt?: number } {
  const records: PageRecord[] = [];
  let current = state;
  if (current.status === 'sending' && now - current.since >= SEND_TIMEOUT_MS) {
    const t = nextPageState(
      current,
      { kind: 'network', message: 'no answer was recorded (the browser stopped mid-send)' },
      now,
    );
    records.push(t.record);
    current = t.state;
  }
  if (current.status === 'retry-scheduled') {
    if (now < current.retryAt)
      return { send: false, state: current, records, retryAt: current.retryAt };
    const record: PageRecord = {
      type: 'page-requested',
      dedupKey: current.dedupKey,
      attempt: current.attempt + 1,
      repage: current.repage,
    };
    records.push(record);
    return { send: true, state: applyPageRecord(current, record, now), records };
  }
  return { send: false, state: current, records };
}

/**
 * Stop the send in flight without an answer from PagerDuty, e.g. because the
 * routing key was removed or the host permission revoked before a retry.
 * Final: the agent sees the message and pages again once it is fixed.
 */
export function abandonPage(state: PageState, message: string, now: number): PageTransition {
  if (state.status !== 'sending') {
    throw new Error(`no page is being sent (state ${state.status})`);
  }
  const record: PageRecord = {
    type: 'page-failed',
    dedupKey: state.dedupKey,
    message,
    attempts: state.attempt,
  };
  return { state: applyPageRecord(state, record, now), record };
}
