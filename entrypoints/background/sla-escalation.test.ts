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
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { clockByTarget, type Role } from '../../lib/workflow/roles';
import type {
  Actor,
  FieldRef,
  FieldValue,
  RunEvent,
  WorkflowTemplate,
} from '../../lib/workflow/schema';
import { fieldOfRole, renameEveryId } from '../../lib/workflow/testing';
import { pageServiceFor } from './actions';
import { createClocks } from './clocks';
import { CasebookDB } from './db/db';
import { getRunWithEvents, mutateRun, openRun } from './db/repo/runs';
import { saveTemplate } from './db/repo/templates';
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

/** Where the escalation acts in `template`: found by role, so a renamed template works the same. */
function escalationTargets(template: WorkflowTemplate) {
  const field = (role: Role) => fieldOfRole(template, role);
  const ack = clockByTarget(template, 'engineering-ack-by-severity');
  if (ack?.start.kind !== 'step-done')
    throw new Error('the template has no engineering acknowledgement clock started by a step');
  return {
    plan: field('plan'),
    severity: field('severity'),
    impact: field('impact'),
    workspaceId: field('workspace-id'),
    /** The step whose completion pages engineering and starts the acknowledgement clock. */
    escalationPageStepId: ack.start.stepId,
    ackClockId: ack.id,
  };
}

async function escalatedRun(template: WorkflowTemplate, severity: string): Promise<string> {
  await saveTemplate(db, template, clock);
  const at = escalationTargets(template);
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
  const answers: Array<[FieldRef, FieldValue]> = [
    [at.plan, 'enterprise'],
    [at.severity, severity],
    [at.impact, 'Checkout returns HTTP 500 for every Acme user'],
    [at.workspaceId, 'acme-prod'],
  ];
  for (const [ref, value] of answers) {
    await mutateRun(db, run.id, { type: 'set-field', ...ref, value }, ana, clock);
  }
  // Engineering is paged: its acknowledgement clock (30 min for a SEV1 enterprise) starts.
  await mutateRun(
    db,
    run.id,
    { type: 'set-step-status', stepId: at.escalationPageStepId, status: 'done' },
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

// Every step and field is found by role, so a template whose ids were all renamed escalates the same.
describe.each([
  ['the default template', DEFAULT_TEMPLATE],
  ['a template with every id renamed', renameEveryId(DEFAULT_TEMPLATE).template],
])('SLA breach escalation (%s)', (_name, template: WorkflowTemplate) => {
  const { ackClockId } = escalationTargets(template);

  it('SEV1: warns at 75 %, breaches, re-pages on-call once with the dedup key, all on the record', async () => {
    const runId = await escalatedRun(template, 'SEV1');
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
      id.includes(`|${ackClockId}|`),
    );
    expect(ackNotices.sort()).toEqual([
      `casebook-clock|${runId}|${ackClockId}|due`,
      `casebook-clock|${runId}|${ackClockId}|reminder`,
    ]);
  });

  it('SEV3: the breach is recorded and notified, on-call is not re-paged', async () => {
    const runId = await escalatedRun(template, 'SEV3');
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
