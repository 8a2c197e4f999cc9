/**
 * The PagerDuty client against a real HTTP server on 127.0.0.1: the wired
 * service (database through the repo, settings and secrets from storage,
 * retries through alarms) with only the clock injected.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../lib/settings/schema';
import type { PageState } from '../../../lib/actions/pagerduty-delivery';
import { MAX_PAGE_ATTEMPTS, SEND_TIMEOUT_MS } from '../../../lib/actions/pagerduty-delivery';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import { fieldRefByRole } from '../../../lib/workflow/roles';
import type { Actor, FieldValue, RunEvent } from '../../../lib/workflow/schema';
import { CasebookDB } from '../db/db';
import { getRunWithEvents, mutateRun, openRun } from '../db/repo/runs';
import type { Effects } from '../handlers/context';
import { secretStore } from '../settings/secrets';
import { writeSettings } from '../settings/store';
import { pageServiceFor, registerPageRetries } from './index';
import { createPageService, pageRetryAlarmName, sendTrigger } from './pagerduty';

const KEY = 'R0123456789abcdefABCDEF012345678';
const T0 = Date.UTC(2026, 2, 8, 8, 0, 0);
const ana: Actor = { name: 'Ana Agent' };

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** The documented Events API answers (tests/fixtures/pagerduty). */
const RESPONSES = JSON.parse(
  readFileSync(
    new URL('../../../tests/fixtures/pagerduty/responses.json', import.meta.url),
    'utf8',
  ),
) as Record<'accepted' | 'invalidRoutingKey' | 'rateLimited' | 'serverError', Reply>;

/** A stub Events API: answers from a script and records every request body. */
class Stub {
  server: Server | undefined;
  port = 0;
  requests: Array<Record<string, unknown>> = [];
  script: Reply[] = [];

  async start(port = 0): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        expect(req.method).toBe('POST');
        expect(req.url).toBe('/v2/enqueue');
        expect(req.headers['content-type']).toBe('application/json');
        this.requests.push(JSON.parse(raw) as Record<string, unknown>);
        const request = JSON.parse(raw) as { dedup_key?: string };
        const reply = this.script.shift() ?? RESPONSES.accepted;
        res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
        const body = reply.body as Record<string, unknown> | undefined;
        res.end(
          JSON.stringify(
            body && 'dedup_key' in body ? { ...body, dedup_key: request.dedup_key } : (body ?? {}),
          ),
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}/v2/enqueue`;
  }
}

let stub: Stub;
let db: CasebookDB;
let clock: number;
const now = () => clock;
let changes: number;
const effects: Effects = {
  runChanged: () => {
    changes += 1;
  },
  runsRemoved: () => undefined,
  settingsChanged: () => undefined,
};

async function configure(endpoint: string, routingKey: string | null = KEY) {
  const settings = defaultSettings();
  settings.integrations.pagerDuty.endpoint = endpoint;
  await writeSettings(settings);
  await secretStore(db).write(routingKey === null ? {} : { pagerDutyRoutingKey: routingKey });
}

async function sev1Run(values: Record<string, FieldValue> = {}): Promise<string> {
  const { run } = await openRun(
    db,
    {
      helpdesk: 'zendesk',
      ticketId: '12345',
      url: 'https://acme.zendesk.com/agent/tickets/12345',
      subject: 'Exports fail',
    },
    ana,
    clock,
  );
  const all: Record<string, FieldValue> = {
    'verify-account/plan': 'enterprise',
    'assign-severity/severity': 'SEV1',
    'assign-severity/impact': 'All exports return HTTP 500 for Acme',
    'collect-repro/workspace-id': 'acme-prod',
    ...values,
  };
  for (const [key, value] of Object.entries(all)) {
    const [stepId, fieldId] = key.split('/') as [string, string];
    await mutateRun(db, run.id, { type: 'set-field', stepId, fieldId, value }, ana, clock);
  }
  return run.id;
}

async function pageEvents(runId: string): Promise<RunEvent[]> {
  const { events } = await getRunWithEvents(db, runId);
  return events.filter((e) => e.action?.startsWith('page-'));
}

async function alarmAt(runId: string): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(pageRetryAlarmName(runId)))?.scheduledTime;
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

beforeEach(async () => {
  stub = new Stub();
  await stub.start();
  db = new CasebookDB(`page-test-${Math.random()}`);
  clock = T0;
  changes = 0;
  await configure(stub.endpoint);
});

afterEach(async () => {
  await stub.stop();
  db.close();
});

describe('paging against a local Events API', () => {
  it('202: accepted once, recorded on the run; a second click sends nothing', async () => {
    const runId = await sev1Run({ 'file-bug/bug-url': 'https://acme.atlassian.net/browse/ENG-1' });
    const service = pageServiceFor(db, effects, now);
    const first = await service.page({ runId, actor: ana, repage: false, stepId: 'page-sev1' });
    expect(first.state).toMatchObject({
      status: 'accepted',
      dedupKey: 'casebook-zendesk-12345',
      pagesAccepted: 1,
    });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: 'casebook-zendesk-12345',
      payload: {
        summary: 'SEV1: All exports return HTTP 500 for Acme (ticket 12345)',
        source: 'acme-prod',
        severity: 'critical',
        timestamp: '2026-03-08T08:00:00Z',
        custom_details: {
          ticket_url: 'https://acme.zendesk.com/agent/tickets/12345',
          plan: 'enterprise',
          workspace_id: 'acme-prod',
        },
      },
      client: 'Casebook',
      client_url: 'https://acme.zendesk.com/agent/tickets/12345',
      links: [{ href: 'https://acme.atlassian.net/browse/ENG-1', text: 'Engineering issue' }],
    });
    const events = await pageEvents(runId);
    expect(events.map((e) => [e.action, e.stepId, e.by.name])).toEqual([
      ['page-requested', 'page-sev1', 'Ana Agent'],
      ['page-accepted', 'page-sev1', 'Ana Agent'],
    ]);
    expect(events[1]?.note).toBe('PagerDuty accepted the page (202).');
    expect(changes).toBeGreaterThanOrEqual(2);
    expect(await alarmAt(runId)).toBeUndefined();

    clock += 60_000;
    const second = await service.page({ runId, actor: ana, repage: false });
    expect(second.notice).toMatch(/accepted this page.*Re-page/);
    expect(stub.requests).toHaveLength(1);
    expect(await pageEvents(runId)).toHaveLength(2);

    // An explicit re-page sends again with the same dedup key.
    const again = await service.page({
      runId,
      actor: ana,
      repage: true,
      stepId: 'hold-for-engineering',
    });
    expect(again.state).toMatchObject({ status: 'accepted', pagesAccepted: 2 });
    expect(stub.requests.map((r) => r.dedup_key)).toEqual([
      'casebook-zendesk-12345',
      'casebook-zendesk-12345',
    ]);
    // In the same change as the request: the escalation step says what was done.
    const { run } = await getRunWithEvents(db, runId);
    const escalated = fieldRefByRole(DEFAULT_TEMPLATE, 'escalated')!;
    expect(run.values[escalated.stepId]?.[escalated.fieldId]?.value).toBe('re-paged');
    const request = (await pageEvents(runId)).at(-2)!;
    expect([request.action, (request.new as { escalation?: boolean }).escalation]).toEqual([
      'page-requested',
      true,
    ]);
  });

  it('400: final, the error is shown and nothing is retried', async () => {
    stub.script = [RESPONSES.invalidRoutingKey];
    const runId = await sev1Run();
    const service = pageServiceFor(db, effects, now);
    const r = await service.page({ runId, actor: ana, repage: false });
    expect(r.state).toMatchObject({
      status: 'failed',
      error: {
        status: 400,
        message:
          "PagerDuty rejected the event (400): Event object is invalid: Length of 'routing_key' is incorrect (should be 32 characters)",
      },
    });
    expect(await alarmAt(runId)).toBeUndefined();
    clock += 3_600_000;
    expect(await service.resume(runId)).toMatchObject({ status: 'failed' });
    expect(stub.requests).toHaveLength(1);
    expect((await service.status(runId)).state.status).toBe('failed');
  });

  it('429 then 202: retried through the alarm with the same dedup key and timestamp', async () => {
    stub.script = [RESPONSES.rateLimited];
    const runId = await sev1Run();
    registerPageRetries(db, effects, now);
    const service = pageServiceFor(db, effects, now);
    const r = await service.page({ runId, actor: ana, repage: false });
    expect(r.state).toMatchObject({
      status: 'retry-scheduled',
      retryAt: T0 + 30_000,
      lastError: { status: 429 },
    });
    expect(await alarmAt(runId)).toBe(T0 + 30_000);
    // A click while the retry is pending sends nothing.
    expect((await service.page({ runId, actor: ana, repage: false })).notice).toMatch(
      /already on its way/,
    );
    expect(stub.requests).toHaveLength(1);

    clock = T0 + 30_000;
    await fakeBrowser.alarms.onAlarm.trigger({
      name: pageRetryAlarmName(runId),
      scheduledTime: clock,
    });
    const state = await waitFor(
      async () => (await service.status(runId)).state,
      (s: PageState) => s.status === 'accepted',
    );
    expect(state).toMatchObject({ status: 'accepted', attempts: 2, pagesAccepted: 1 });
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[1]).toEqual(stub.requests[0]);
    expect((await pageEvents(runId)).map((e) => e.action)).toEqual([
      'page-requested',
      'page-retry-scheduled',
      'page-requested',
      'page-accepted',
    ]);
    expect(await alarmAt(runId)).toBeUndefined();
  });

  it('network down then up: one accepted page, nothing lost', async () => {
    const runId = await sev1Run();
    const port = stub.port;
    await stub.stop();
    const service = pageServiceFor(db, effects, now);
    const down = await service.page({ runId, actor: ana, repage: false });
    expect(down.state).toMatchObject({ status: 'retry-scheduled', retryAt: T0 + 30_000 });
    if (down.state.status === 'retry-scheduled')
      expect(down.state.lastError.message).toMatch(/^Network error/);

    // Still down at the first retry: backs off to one minute.
    clock = T0 + 30_000;
    expect(await service.resume(runId)).toMatchObject({
      status: 'retry-scheduled',
      retryAt: clock + 60_000,
      attempt: 2,
    });

    await stub.start(port);
    clock += 60_000;
    expect(await service.resume(runId)).toMatchObject({ status: 'accepted', attempts: 3 });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.dedup_key).toBe('casebook-zendesk-12345');

    // Nothing more goes out afterwards, whatever fires.
    clock += 3_600_000;
    await service.resume(runId);
    await service.page({ runId, actor: ana, repage: false });
    expect(stub.requests).toHaveLength(1);
    const actions = (await pageEvents(runId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'page-accepted')).toHaveLength(1);
    expect(actions).toEqual([
      'page-requested',
      'page-retry-scheduled',
      'page-requested',
      'page-retry-scheduled',
      'page-requested',
      'page-accepted',
    ]);
  });

  it('a send whose answer was lost (worker stopped) is recovered from the stored events', async () => {
    const runId = await sev1Run();
    // What a worker that stopped mid-send leaves behind: the request, no answer.
    await mutateRun(
      db,
      runId,
      {
        type: 'record-action',
        stepId: 'page-sev1',
        action: 'page-requested',
        data: {
          type: 'page-requested',
          dedupKey: 'casebook-zendesk-12345',
          attempt: 1,
          repage: false,
        },
      },
      ana,
      clock,
    );
    const service = pageServiceFor(db, effects, now);
    expect((await service.page({ runId, actor: ana, repage: false })).notice).toMatch(
      /already on its way/,
    );
    clock += SEND_TIMEOUT_MS;
    expect(await service.resume(runId)).toMatchObject({ status: 'retry-scheduled' });
    clock += 30_000;
    expect(await service.resume(runId)).toMatchObject({ status: 'accepted' });
    expect(stub.requests).toHaveLength(1);
    const events = await pageEvents(runId);
    expect(events.at(-1)?.by.name).toBe('Ana Agent');
    expect(events.at(-1)?.stepId).toBe('page-sev1');
  });

  it('two clicks at once (two tabs) send one page', async () => {
    const runId = await sev1Run();
    const a = pageServiceFor(db, effects, now);
    const b = pageServiceFor(db, effects, now);
    const [r1, r2] = await Promise.all([
      a.page({ runId, actor: ana, repage: false }),
      b.page({ runId, actor: { name: 'Bo' }, repage: false }),
    ]);
    expect(stub.requests).toHaveLength(1);
    expect([r1.state.status, r2.state.status]).toEqual(['accepted', 'accepted']);
    expect([r1.notice, r2.notice].filter(Boolean)).toHaveLength(1);
  });

  it('gives up after the maximum attempts and says so', async () => {
    stub.script = Array.from({ length: MAX_PAGE_ATTEMPTS }, () => ({ status: 503 }));
    const runId = await sev1Run();
    const service = pageServiceFor(db, effects, now);
    let state = (await service.page({ runId, actor: ana, repage: false })).state;
    while (state.status === 'retry-scheduled') {
      clock = state.retryAt;
      state = await service.resume(runId);
    }
    expect(state).toMatchObject({ status: 'failed', attempts: MAX_PAGE_ATTEMPTS });
    expect(stub.requests).toHaveLength(MAX_PAGE_ATTEMPTS);
  });

  it('refuses without a routing key or for a Slack-paged severity, and records nothing', async () => {
    const runId = await sev1Run();
    await configure(stub.endpoint, null);
    const service = pageServiceFor(db, effects, now);
    await expect(service.page({ runId, actor: ana, repage: false })).rejects.toMatchObject({
      code: 'blocked',
      message: expect.stringMatching(/routing key/),
    });
    await configure(stub.endpoint);
    await mutateRun(
      db,
      runId,
      { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV3' },
      ana,
      clock,
    );
    await expect(service.page({ runId, actor: ana, repage: false })).rejects.toMatchObject({
      code: 'blocked',
      message:
        'SEV3 escalations use a Slack mention of the on-call in this workflow, not PagerDuty.',
    });
    expect(stub.requests).toHaveLength(0);
    expect(await pageEvents(runId)).toHaveLength(0);
    const status = await service.status(runId);
    expect(status).toEqual({
      state: { status: 'idle', pagesAccepted: 0 },
      readiness: {
        routingKeySet: true,
        endpointHost: `127.0.0.1:${stub.port}`,
        permissionGranted: true,
      },
    });
  });

  it('a routing key removed before a retry ends the page with the reason', async () => {
    stub.script = [RESPONSES.serverError];
    const runId = await sev1Run();
    const service = pageServiceFor(db, effects, now);
    await service.page({ runId, actor: ana, repage: false });
    await configure(stub.endpoint, null);
    clock += 30_000;
    expect(await service.resume(runId)).toMatchObject({
      status: 'failed',
      error: { message: expect.stringMatching(/routing key/) },
    });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('sendTrigger', () => {
  it('reads Retry-After and times out as a network failure', async () => {
    stub.script = [{ status: 429, headers: { 'Retry-After': '120' } }];
    const event = { routing_key: KEY } as never;
    expect(await sendTrigger(fetch, stub.endpoint, event)).toMatchObject({
      kind: 'http',
      status: 429,
      retryAfterSeconds: 120,
    });
    const hang = createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/`;
    expect(await sendTrigger(fetch, url, event, 100)).toEqual({
      kind: 'network',
      message: 'no answer within 100 ms',
    });
    hang.closeAllConnections();
    await new Promise<void>((r) => hang.close(() => r()));
  });

  it('the core service takes any fetch: a throwing fetch is a network failure', async () => {
    const runId = await sev1Run();
    const scheduled: number[] = [];
    const service = createPageService({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      now,
      config: async () => ({
        routingKey: KEY,
        endpoint: 'https://events.pagerduty.com/v2/enqueue',
        permissionGranted: true,
      }),
      alarms: {
        schedule: async (_id, at) => void scheduled.push(at),
        clear: async () => undefined,
      },
      store: {
        load: (id) => getRunWithEvents(db, id),
        append: async (id, { record, note, stepId }, actor, at) => {
          await mutateRun(
            db,
            id,
            {
              type: 'record-action',
              action: record.type,
              note,
              data: record,
              ...(stepId ? { stepId } : {}),
            },
            actor,
            at,
          );
        },
      },
    });
    const r = await service.page({ runId, actor: ana, repage: false });
    expect(r.state).toMatchObject({
      status: 'retry-scheduled',
      lastError: { message: 'Network error: Failed to fetch' },
    });
    expect(scheduled).toEqual([T0 + SEND_TIMEOUT_MS, T0 + 30_000]);
  });

  it('without the host permission nothing is sent', async () => {
    const runId = await sev1Run();
    const service = createPageService({
      fetch: () => Promise.reject(new Error('must not be called')),
      now,
      config: async () => ({
        routingKey: KEY,
        endpoint: 'https://events.pagerduty.com/v2/enqueue',
        permissionGranted: false,
      }),
      alarms: { schedule: async () => undefined, clear: async () => undefined },
      store: {
        load: (id) => getRunWithEvents(db, id),
        append: async () => {
          throw new Error('must not record');
        },
      },
    });
    await expect(service.page({ runId, actor: ana, repage: false })).rejects.toMatchObject({
      code: 'permission-denied',
      message: expect.stringMatching(/events\.pagerduty\.com/),
    });
  });
});
