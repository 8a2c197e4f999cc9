/**
 * Paging on-call: sends the PagerDuty Events API v2 trigger built from the
 * run and keeps the delivery state durable.
 *
 * Every step of a page is a record-action event on the run (page-requested,
 * page-accepted, page-failed, page-retry-scheduled); the state is the fold of
 * those events (`pageStateFromEvents`), so the retry queue is the database,
 * and a retry is driven by an alarm named `casebook-page-retry:<runId>`, never
 * by a timer in worker memory. A safety alarm is set before each send, so a
 * send whose answer was lost (the worker stopped mid-request) is retried with
 * the same dedup key. Calls for one run are serialized so two clicks from two
 * tabs cannot both send.
 *
 * The browser-free core: fetch, clock, storage, alarms and configuration are
 * passed in (index.ts binds them to the extension; tests bind them to a
 * local HTTP server and an in-memory database).
 */
import {
  buildTriggerEvent,
  pagerDutyDedupKey,
  type TriggerEvent,
} from '../../../lib/actions/pagerduty';
import {
  abandonPage,
  nextPageState,
  pageStateFromEvents,
  requestPage,
  resumePage,
  SEND_TIMEOUT_MS,
  type PageOutcome,
  type PageRecord,
  type PageState,
} from '../../../lib/actions/pagerduty-delivery';
import { toUtcIso } from '../../../lib/time/zoned';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import { isLoopbackEndpoint } from '../../../lib/settings/pagerduty-access';
import type { PagingReadiness } from '../../../lib/messaging/actions';
import type { Actor, Run, RunEvent, WorkflowTemplate } from '../../../lib/workflow/schema';

export const PAGE_RETRY_ALARM_PREFIX = 'casebook-page-retry:';
/** One HTTP request to PagerDuty gets this long (a lost send is retried after SEND_TIMEOUT_MS). */
export const FETCH_TIMEOUT_MS = 15_000;

export function pageRetryAlarmName(runId: string): string {
  return `${PAGE_RETRY_ALARM_PREFIX}${runId}`;
}

export function runIdOfPageRetryAlarm(name: string): string | undefined {
  return name.startsWith(PAGE_RETRY_ALARM_PREFIX)
    ? name.slice(PAGE_RETRY_ALARM_PREFIX.length) || undefined
    : undefined;
}

export interface PageConfig {
  routingKey: string | undefined;
  endpoint: string;
  /** The optional host permission for the endpoint (loopback stubs need none). */
  permissionGranted: boolean;
}

export interface PageStore {
  load(runId: string): Promise<{ run: Run; template: WorkflowTemplate; events: RunEvent[] }>;
  /** Append one record as a record-action event (action = record.type, data = record). */
  append(
    runId: string,
    entry: { record: PageRecord; note: string; stepId?: string },
    actor: Actor,
    at: number,
  ): Promise<void>;
}

export interface PageAlarms {
  schedule(runId: string, at: number): Promise<void>;
  clear(runId: string): Promise<void>;
}

export interface PageDeps {
  fetch: typeof fetch;
  now: () => number;
  store: PageStore;
  alarms: PageAlarms;
  config: () => Promise<PageConfig>;
  /** How long one send may take before it counts as a network failure. */
  sendTimeoutMs?: number;
}

/** The readable part of a PagerDuty error body: `message` and `errors`. */
function describeBody(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 500) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { message?: unknown; errors?: unknown; status?: unknown };
  const parts: string[] = [];
  if (typeof b.message === 'string') parts.push(b.message);
  else if (typeof b.status === 'string') parts.push(b.status);
  if (Array.isArray(b.errors)) parts.push(b.errors.filter((e) => typeof e === 'string').join('; '));
  const text = parts.filter(Boolean).join(': ');
  return text ? text.slice(0, 500) : undefined;
}

/** POST the event; every failure becomes an outcome, nothing throws. */
export async function sendTrigger(
  fetchFn: typeof fetch,
  endpoint: string,
  event: TriggerEvent,
  timeoutMs: number = FETCH_TIMEOUT_MS,
): Promise<PageOutcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetchFn(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(event),
      signal: abort.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    const raw = await res.text().catch(() => '');
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // Plain-text bodies (proxies, stubs) are shown as they are.
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    return {
      kind: 'http',
      status: res.status,
      message: describeBody(body),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  } catch (error) {
    const message = abort.signal.aborted
      ? `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`
      : error instanceof Error
        ? error.message
        : String(error);
    return { kind: 'network', message };
  } finally {
    clearTimeout(timer);
  }
}

function noteFor(record: PageRecord): string {
  switch (record.type) {
    case 'page-requested':
      if (record.attempt > 1) return `Retrying the page (attempt ${record.attempt}).`;
      return record.repage
        ? `Re-paging on-call via PagerDuty (same dedup key ${record.dedupKey}).`
        : `Paging on-call via PagerDuty (dedup key ${record.dedupKey}).`;
    case 'page-accepted':
      return `PagerDuty accepted the page (${record.status}).`;
    case 'page-failed':
      return `The page failed: ${record.message}`;
    case 'page-retry-scheduled':
      return `${record.message}; retrying at ${toUtcIso(record.retryAt)}.`;
  }
}

/** Who and where the current page was requested, for the events of its retries. */
function originOf(events: RunEvent[]): { actor: Actor; stepId?: string; requestedAt?: number } {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    const data = e?.new as Partial<PageRecord> | undefined;
    if (e?.action === 'page-requested' && data?.type === 'page-requested' && data.attempt === 1) {
      return { actor: e.by, stepId: e.stepId, requestedAt: e.at };
    }
  }
  return { actor: { name: 'Casebook' } };
}

function asPageEvents(events: RunEvent[]) {
  return events.map((e) => ({ at: e.at, action: e.action, data: e.new }));
}

export interface PageService {
  page(input: { runId: string; actor: Actor; repage: boolean; stepId?: string }): Promise<{
    state: PageState;
    notice?: string;
  }>;
  /** The retry alarm fired (or the worker started): send if due, recover a lost send. */
  resume(runId: string): Promise<PageState>;
  status(runId: string): Promise<{ state: PageState; readiness: PagingReadiness }>;
}

/**
 * `queues` serializes calls per run. Pass one map shared by every service
 * over the same database (the background keeps one for the worker's life):
 * it is a lock, not state — the state is in the store.
 */
export function createPageService(
  deps: PageDeps,
  queues: Map<string, Promise<unknown>> = new Map(),
): PageService {
  function serialized<T>(runId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(runId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(runId, settled);
    void settled.then(() => {
      if (queues.get(runId) === settled) queues.delete(runId);
    });
    return next;
  }

  async function readiness(): Promise<PagingReadiness & { config: PageConfig }> {
    const config = await deps.config();
    let endpointHost = '';
    try {
      endpointHost = new URL(config.endpoint).host;
    } catch {
      endpointHost = '';
    }
    return {
      routingKeySet: !!config.routingKey,
      endpointHost,
      permissionGranted: config.permissionGranted || isLoopbackEndpoint(config.endpoint),
      config,
    };
  }

  /** Why a send cannot go out with this configuration, or undefined. */
  function blocker(r: PagingReadiness): string | undefined {
    if (!r.endpointHost) return 'The PagerDuty endpoint in Casebook options is not a valid URL.';
    if (!r.permissionGranted) {
      return `Casebook may not reach ${r.endpointHost} yet: grant the permission in Casebook options (Integrations → PagerDuty).`;
    }
    return undefined;
  }

  async function record(
    runId: string,
    records: PageRecord[],
    actor: Actor,
    stepId: string | undefined,
  ): Promise<void> {
    for (const r of records) {
      await deps.store.append(runId, { record: r, note: noteFor(r), stepId }, actor, deps.now());
    }
  }

  /** Send once for the state `sending` and store the answer; schedules or clears the alarm. */
  async function sendAndRecord(
    runId: string,
    state: PageState,
    event: TriggerEvent,
    endpoint: string,
    actor: Actor,
    stepId: string | undefined,
  ): Promise<PageState> {
    // Set before sending: if the worker stops mid-request, this alarm recovers the page.
    await deps.alarms.schedule(runId, deps.now() + SEND_TIMEOUT_MS);
    const outcome = await sendTrigger(deps.fetch, endpoint, event, deps.sendTimeoutMs);
    const t = nextPageState(state, outcome, deps.now());
    await record(runId, [t.record], actor, stepId);
    if (t.retryAt !== undefined) await deps.alarms.schedule(runId, t.retryAt);
    else await deps.alarms.clear(runId);
    return t.state;
  }

  return {
    page: ({ runId, actor, repage, stepId }) =>
      serialized(runId, async () => {
        const { run, template, events } = await deps.store.load(runId);
        const state = pageStateFromEvents(asPageEvents(events));
        const dedupKey = pagerDutyDedupKey(run.helpdesk, run.ticketId);
        const decision = requestPage(state, dedupKey, repage, deps.now());
        if (!decision.send) return { state, notice: decision.reason };
        const r = await readiness();
        const built = buildTriggerEvent(template, run, {
          routingKey: r.config.routingKey,
          requestedAt: deps.now(),
        });
        if (!built.ok) throw new ProtocolFailure('blocked', built.reason);
        const blocked = blocker(r);
        if (blocked) throw new ProtocolFailure('permission-denied', blocked);
        // An explicit re-page is an escalation: recorded with the request, atomically.
        const requested =
          repage && decision.record.type === 'page-requested'
            ? { ...decision.record, escalation: true as const }
            : decision.record;
        await record(runId, [requested], actor, stepId);
        const next = await sendAndRecord(
          runId,
          decision.state,
          built.event,
          r.config.endpoint,
          actor,
          stepId,
        );
        return { state: next };
      }),

    resume: (runId) =>
      serialized(runId, async () => {
        const { run, template, events } = await deps.store.load(runId);
        const state = pageStateFromEvents(asPageEvents(events));
        const origin = originOf(events);
        const step = resumePage(state, deps.now());
        await record(runId, step.records, origin.actor, origin.stepId);
        if (!step.send) {
          if (step.state.status === 'retry-scheduled') {
            await deps.alarms.schedule(runId, step.state.retryAt);
          } else if (step.state.status !== 'sending') {
            await deps.alarms.clear(runId);
          }
          return step.state;
        }
        const r = await readiness();
        const built = buildTriggerEvent(template, run, {
          routingKey: r.config.routingKey,
          requestedAt: origin.requestedAt ?? deps.now(),
        });
        const blocked = built.ok ? blocker(r) : built.reason;
        if (blocked || !built.ok) {
          const t = abandonPage(
            step.state,
            blocked ?? 'The page can no longer be built.',
            deps.now(),
          );
          await record(runId, [t.record], origin.actor, origin.stepId);
          await deps.alarms.clear(runId);
          return t.state;
        }
        return sendAndRecord(
          runId,
          step.state,
          built.event,
          r.config.endpoint,
          origin.actor,
          origin.stepId,
        );
      }),

    status: async (runId) => {
      const { events } = await deps.store.load(runId);
      const { config: _config, ...r } = await readiness();
      return { state: pageStateFromEvents(asPageEvents(events)), readiness: r };
    },
  };
}
