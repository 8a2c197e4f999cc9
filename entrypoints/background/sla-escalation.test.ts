/**
 * Breach escalation end to end in the background: the clock tick records the
 * 75 % warning and the breach on the run, notifies, and for a SEV1/SEV2
 * re-pages on-call through the paging service against a local PagerDuty
 * Events API stub: once, with the run's dedup key, recorded in the run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../lib/settings/schema';
import { SLA_ACTOR } from '../../lib/sla/transitions';
import { DEFAULT_IDS } from '../../lib/workflow/default-ids';
import type { Actor, FieldValue, RunEvent } from '../../lib/workflow/schema';
import { pageServiceFor } from './actions';
import { createClocks } from './clocks';
import { CasebookDB } from './db/db';
import { getRunWithEvents, mutateRun, openRun } from './db/repo/runs';
import type { Effects } from './handlers/context';
import { secretStore } from './settings/secrets';
import { writeSettings } from './settings/store';

const KEY = 'R0123456789abcdefABCDEF012345678';
const MIN = 60_000;
// Thursday 2026-11-26 09:00 UTC, inside the default schedule's hours.
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const ana: Actor = { name: 'Ana Agent' };

let server: Server;
let requests: Array<{ event_action?: string; dedup_key?: string }>;
let db: CasebookDB;
let clock: number;
const effects: Effects = {
  runChanged: () => undefined,
  runsRemoved: () => undefined,
  settingsChanged: () => undefined,
};

beforeEach(async () => {
  requests = [];
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as { dedup_key?: string };
      requests.push(body);
      res.writeHead(202, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'success',
          message: 'Event processed',
          dedup_key: body.dedup_key,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const settings = defaultSettings();
  settings.integrations.pagerDuty.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/enqueue`;
  await writeSettings(settings);
  db = new CasebookDB(`sla-escalation-${Math.random()}`);
  await secretStore(db).write({ pagerDutyRoutingKey: KEY });
  (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => ({
    manifest_version: 3,
    name: 'Casebook',
    version: '0.1.0',
  });
  clock = T0;
});

afterEach(async () => {
  db.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fakeBrowser.reset();
});

async function escalatedRun(severity: string): Promise<string> {
  const { run } = await openRun(
    db,
    {
      helpdesk: 'zendesk',
      ticketId: '7001',
      url: 'https://acme.zendesk.com/agent/tickets/7001',
      subject: 'Checkout down',
      createdAt: T0,
    },
    ana,
    clock,
  );
  const values: Record<string, FieldValue> = {
    'verify-account/plan': 'enterprise',
    'assign-severity/severity': severity,
    'assign-severity/impact': 'Checkout returns HTTP 500 for every Acme user',
    'collect-repro/workspace-id': 'acme-prod',
  };
  for (const [key, value] of Object.entries(values)) {
    const [stepId, fieldId] = key.split('/') as [string, string];
    await mutateRun(db, run.id, { type: 'set-field', stepId, fieldId, value }, ana, clock);
  }
  // Engineering is paged: its acknowledgement clock (30 min for a SEV1 enterprise) starts.
  await mutateRun(
    db,
    run.id,
    { type: 'set-step-status', stepId: 'escalation-page', status: 'done' },
    ana,
    clock,
  );
  return run.id;
}

async function slaEvents(runId: string, clockLabel: RegExp): Promise<RunEvent[]> {
  const { events } = await getRunWithEvents(db, runId);
  return events.filter((e) => e.type === 'sla' && clockLabel.test(e.note ?? ''));
}

function clocksWithRepage() {
  return createClocks(db, () => clock, {
    repage: (runId) =>
      pageServiceFor(db, effects, () => clock).page({ runId, actor: SLA_ACTOR, repage: true }),
  });
}

describe('SLA breach escalation', () => {
  it('SEV1: warns at 75 %, breaches, re-pages on-call once with the dedup key, all on the record', async () => {
    const runId = await escalatedRun('SEV1');
    const clocks = clocksWithRepage();
    const ack = /Engineering acknowledgement/;

    clock = T0 + 23 * MIN; // 76 % of 30 min
    await clocks.tick();
    expect(
      (await slaEvents(runId, ack)).map((e) => (e.new as { transition: string }).transition),
    ).toEqual(['started', 'warned']);
    expect(requests).toHaveLength(0);

    clock = T0 + 31 * MIN;
    await clocks.tick();
    // Later ticks (the alarm firing again, a restarted worker) neither re-record nor re-page.
    clock = T0 + 45 * MIN;
    await clocks.tick();
    await clocks.tick();

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'casebook-zendesk-7001',
    });
    const transitions = (await slaEvents(runId, ack)).map(
      (e) => (e.new as { transition: string }).transition,
    );
    expect(transitions).toEqual(['started', 'warned', 'breached', 'repage']);
    const { events } = await getRunWithEvents(db, runId);
    const pages = events.filter((e) => e.action?.startsWith('page-'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((e) => e.by.name === SLA_ACTOR.name)).toBe(true);
    const ackNotices = Object.keys(await fakeBrowser.notifications.getAll()).filter((id) =>
      id.includes(`|${DEFAULT_IDS.clocks.engineeringAck}|`),
    );
    expect(ackNotices.sort()).toEqual([
      `casebook-clock|${runId}|${DEFAULT_IDS.clocks.engineeringAck}|due`,
      `casebook-clock|${runId}|${DEFAULT_IDS.clocks.engineeringAck}|reminder`,
    ]);
  });

  it('SEV3: the breach is recorded and notified, on-call is not re-paged', async () => {
    const runId = await escalatedRun('SEV3');
    const clocks = clocksWithRepage();
    clock = T0 + 3 * 24 * 60 * MIN;
    await clocks.tick();
    const transitions = (await slaEvents(runId, /Engineering acknowledgement/)).map(
      (e) => (e.new as { transition: string }).transition,
    );
    expect(transitions).toContain('breached');
    expect(transitions).not.toContain('repage');
    expect(requests).toHaveLength(0);
  });
});
