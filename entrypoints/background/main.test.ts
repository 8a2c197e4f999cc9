/**
 * The whole background against the fake browser: messages in through
 * runtime.onMessage, pushes out over (fake) ports, clocks on fake alarms.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { harDocument, harEntry } from '../../lib/har/testing';
import { sha256Hex } from '../../lib/har/vouch';
import { base64ToBytes, bytesToBase64 } from '../../lib/messaging/base64';
import { RequestError, send, subscribe } from '../../platform/messaging/client';
import * as contentClient from '../../platform/messaging/content-client';
import { draftActions } from '../../lib/actions/drafts';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import {
  extensionPageSender,
  installFakePorts,
  sendAs,
  type FakePortHub,
} from '../../platform/messaging/testing/fake-ports';
import type { ServerPortMessage } from '../../lib/messaging/sync';
import type { Actor } from '../../lib/workflow/schema';
import { CLOCK_ALARM } from './clocks';
import { CasebookDB } from './db/db';
import { MIN, T0, ticket } from './db/repo/testing';
import { seedCalendarTemplate } from './db/testing';
import { startBackground, type Background } from './main';

const ana: Actor = { name: 'Ana Agent' };
const bo: Actor = { name: 'Bo Agent' };

/** APIs the background registers on that fakeBrowser does not implement. */
function fillFakeBrowserGaps(): void {
  const noopEvent = () => ({ addListener() {}, removeListener() {}, hasListener: () => false });
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.onAdded = noopEvent();
  permissions.onRemoved = noopEvent();
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.getManifest = () => ({ manifest_version: 3, name: 'Casebook', version: '0.1.0' });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let now = T0;
let ports: FakePortHub;
let bg: Background;
let dbCount = 0;

async function snapshot(db: CasebookDB) {
  return { runs: await db.runs.toArray(), events: await db.events.toArray() };
}

beforeEach(async () => {
  now = T0;
  fillFakeBrowserGaps();
  ports = installFakePorts();
  // The options page's sender: these tests are about the protocol, not the trust boundary (trust.test.ts).
  sendAs(extensionPageSender());
  dbCount += 1;
  const db = new CasebookDB(`main-test-${dbCount}-${Math.random()}`);
  // Calendar-time clocks: these tests are about alarms and the badge, in round minutes.
  await seedCalendarTemplate(db);
  bg = startBackground({ db, now: () => now });
  await bg.ready;
});

describe('requests', () => {
  it('opens and changes a run through runtime messages', async () => {
    const opened = await send({ type: 'run.open', ticket: ticket('1001'), actor: ana });
    expect(opened.run.id).toBe('zendesk:1001');
    expect(opened.template.id).toBe('support-ticket');
    expect(opened.view?.runId).toBe('zendesk:1001');

    const changed = await send({
      type: 'run.mutate',
      runId: opened.run.id,
      mutation: {
        type: 'set-field',
        stepId: 'assign-severity',
        fieldId: 'severity',
        value: 'SEV2',
      },
      actor: bo,
    });
    expect(changed.run.values['assign-severity']?.severity?.value).toBe('SEV2');
    expect(changed.view?.severity).toBe('SEV2');

    const { events } = await send({ type: 'run.events', runId: opened.run.id });
    expect(events.map((e) => e.type)).toEqual(['run-created', 'sla', 'field-set']);
  });

  it('rejects malformed and unknown messages with a clear error and changes nothing', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1001'), actor: ana });
    const before = await snapshot(bg.db);
    const raw = (message: unknown) => fakeBrowser.runtime.sendMessage(message as never);

    expect(await raw('run.open')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await raw({ runId: run.id })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await raw({ type: 'run.delete', runId: run.id })).toMatchObject({
      ok: false,
      error: { code: 'unknown-type', message: 'Unknown request type "run.delete".' },
    });
    const missingActor = await raw({
      type: 'run.mutate',
      runId: run.id,
      mutation: {
        type: 'set-field',
        stepId: 'assign-severity',
        fieldId: 'severity',
        value: 'SEV1',
      },
    });
    expect(missingActor).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(missingActor)).toContain('actor');
    const badMutation = await raw({
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'delete-everything' },
      actor: ana,
    });
    expect(badMutation).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await raw({ type: 'data.wipe', confirm: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(
      await raw({
        type: 'attachment.put',
        runId: run.id,
        stepId: 'request-artifacts',
        fieldId: 'files',
        name: 'a',
        mimeType: 'text/plain',
        dataBase64: 'not base64!',
        actor: ana,
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    expect(await snapshot(bg.db)).toEqual(before);
  });

  it('turns engine refusals into typed errors and leaves the run as it was', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1001'), actor: ana });
    const before = await snapshot(bg.db);
    const closing = send({
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'set-step-status', stepId: 'close', status: 'done' },
      actor: ana,
    });
    await expect(closing).rejects.toBeInstanceOf(RequestError);
    await expect(closing).rejects.toMatchObject({ code: 'blocked' });
    await expect(send({ type: 'run.get', runId: 'zendesk:404' })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await snapshot(bg.db)).toEqual(before);
  });

  it('refuses to send a malformed request at all', async () => {
    await expect(send({ type: 'runs.listOpen', limit: 0 })).rejects.toMatchObject({
      code: 'bad-request',
    });
  });

  it('attaches a file through base64 and reads it back', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1'), actor: ana });
    const file = await send({
      type: 'attachment.put',
      runId: run.id,
      stepId: 'request-artifacts',
      fieldId: 'files',
      name: 'console.txt',
      mimeType: 'text/plain',
      dataBase64: btoa('TypeError: x is undefined'),
      actor: ana,
    });
    expect(file).toMatchObject({ name: 'console.txt', size: 25, type: 'text/plain' });
    const back = await send({ type: 'attachment.get', attachmentId: file.attachmentId });
    expect(atob(back.dataBase64)).toBe('TypeError: x is undefined');
    const { run: after } = await send({ type: 'run.get', runId: run.id });
    expect(after.values['request-artifacts']?.files?.value).toEqual([file]);
  });

  it('sanitizes a HAR before storing it and refuses one it cannot sanitize', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1'), actor: ana });
    const secret = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';
    const har = harWithAuthorization(secret, 'https://api.example.com/v1/invoices');
    const put = (name: string, text: string) =>
      send({
        type: 'attachment.put',
        runId: run.id,
        stepId: 'request-artifacts',
        fieldId: 'files',
        name,
        mimeType: 'application/json',
        dataBase64: bytesToBase64(new TextEncoder().encode(text)),
        actor: ana,
      });
    const file = await put('session.har', JSON.stringify(har));
    expect(file.sanitized?.redactions).toBeGreaterThanOrEqual(1);
    const stored = await send({ type: 'attachment.get', attachmentId: file.attachmentId });
    const text = new TextDecoder().decode(base64ToBytes(stored.dataBase64));
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(text).toContain('api.example.com/v1/invoices');

    const before = await snapshot(bg.db);
    const attachmentsBefore = await bg.db.attachments.count();
    await expect(put('broken.har', '{"log": {"entries": [')).rejects.toMatchObject({
      code: 'invalid-value',
    });
    expect(await snapshot(bg.db)).toEqual(before);
    expect(await bg.db.attachments.count()).toBe(attachmentsBefore);
  });

  it('stores the very file the sanitizer frame vouched for as it is (sanitized once), once', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1'), actor: ana });
    // Bytes the background's own pass would change: had it sanitized them
    // again, the token would be gone and the count would be the sum.
    const token = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';
    const text = JSON.stringify(harWithAuthorization(token, 'https://api.example.com/v1/me'));
    const bytes = new TextEncoder().encode(text);
    const frameCount = { redactions: 7, byKind: { header: 7 } };
    const put = (sanitized?: typeof frameCount) =>
      send({
        type: 'attachment.put',
        runId: run.id,
        stepId: 'request-artifacts',
        fieldId: 'files',
        name: 'capture.sanitized.har',
        mimeType: 'application/json',
        dataBase64: bytesToBase64(bytes),
        ...(sanitized ? { sanitized } : {}),
        actor: ana,
      });
    const stored = async (attachmentId: string) =>
      new TextDecoder().decode(
        base64ToBytes((await send({ type: 'attachment.get', attachmentId })).dataBase64),
      );

    await send({ type: 'har.vouch', sha256: await sha256Hex(bytes) });
    const vouched = await put(frameCount);
    expect(vouched.sanitized).toEqual(frameCount);
    expect(await stored(vouched.attachmentId)).toBe(text);

    // A vouch is used once; the same bytes again are sanitized here.
    const again = await put(frameCount);
    expect(again.sanitized!.redactions).toBeGreaterThan(frameCount.redactions);
    expect(await stored(again.attachmentId)).not.toContain('eyJhbGciOiJIUzI1NiJ9');

    // A vouch does not cover a file that claims no sanitizing.
    await send({ type: 'har.vouch', sha256: await sha256Hex(bytes) });
    const unclaimed = await put();
    expect(await stored(unclaimed.attachmentId)).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('focuses a tab showing the ticket, or opens the ticket when none does', async () => {
    const shown = await send({ type: 'run.open', ticket: ticket('1001'), actor: ana });
    const hidden = await send({ type: 'run.open', ticket: ticket('2002'), actor: ana });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const tab = await fakeBrowser.tabs.create({
      url: `${shown.run.ticket.url}#comment-7`,
      active: false,
    });
    expect(await send({ type: 'tabs.focusRun', runId: shown.run.id })).toEqual({
      tabId: tab.id,
      opened: false,
    });
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });

    const opened = await send({ type: 'tabs.focusRun', runId: hidden.run.id });
    expect(opened.opened).toBe(true);
    expect((await fakeBrowser.tabs.get(opened.tabId!)).url).toBe(hidden.run.ticket.url);
  });

  it('exports runs as JSON and CSV, and wipes them on the confirm word only', async () => {
    await send({ type: 'run.open', ticket: ticket('1', { subject: '=cmd()' }), actor: ana });
    const json = await send({ type: 'data.exportRuns', format: 'json' });
    expect(JSON.parse(json.text).runs).toHaveLength(1);
    const csv = await send({ type: 'data.exportRuns', format: 'csv' });
    expect(csv.filename).toMatch(/\.csv$/);
    expect(csv.text).toContain("'=cmd()");
    const handoff = await send({ type: 'run.export', runId: 'zendesk:1', format: 'handoff-md' });
    expect(handoff.filename).toBe('zendesk-1-handoff.md');
    // Step titles as the panel shows them: no tracker chosen reads "Jira or Linear".
    expect(handoff.text).toContain('File a Jira or Linear bug with full repro context');
    expect(handoff.text).not.toContain('{{');

    expect(await send({ type: 'data.wipe', confirm: 'WIPE' })).toEqual({
      runs: 1,
      // run-created and the first-response clock's start
      events: 2,
      attachments: 0,
    });
    expect((await send({ type: 'runs.listOpen' })).counts?.open).toBe(0);
  });

  it('saves template versions; runs stay on theirs', async () => {
    const { template } = await send({ type: 'template.getActive' });
    const { run } = await send({ type: 'run.open', ticket: ticket('1'), actor: ana });
    const unchanged = await send({ type: 'template.save', template });
    expect(unchanged).toMatchObject({ changed: false, template: { version: 1 } });
    const saved = await send({ type: 'template.save', template: { ...template, name: 'Renamed' } });
    expect(saved).toMatchObject({ changed: true, template: { version: 2, name: 'Renamed' } });
    const { items } = await send({ type: 'template.list' });
    expect(items.map((i) => [i.version, i.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await send({ type: 'run.get', runId: run.id })).template.version).toBe(1);
    const reset = await send({ type: 'template.reset' });
    expect(reset).toMatchObject({ changed: true, template: { version: 3, name: template.name } });
  });
});

describe("the content scripts' client (no zod on its side: the router checks both ways)", () => {
  it('opens a run with its view, and the view comes with every change and push', async () => {
    const opened = await contentClient.send({
      type: 'run.open',
      ticket: ticket('2002'),
      actor: ana,
    });
    expect(opened.view?.runId).toBe('zendesk:2002');
    const pushes: ServerPortMessage[] = [];
    const stop = contentClient.subscribe({ kind: 'run', runId: opened.run.id }, (m) =>
      pushes.push(m),
    );
    await until(() => bg.hub.subscriberCount(`run:${opened.run.id}`) === 1, 'the subscription');
    const changed = await contentClient.send({
      type: 'run.mutate',
      runId: opened.run.id,
      mutation: {
        type: 'set-field',
        stepId: 'assign-severity',
        fieldId: 'severity',
        value: 'SEV1',
      },
      actor: ana,
    });
    expect(changed.view?.severity).toBe('SEV1');
    await until(() => pushes.length === 1, 'the push');
    const pushed = pushes[0]!;
    expect(pushed.type === 'run-changed' && pushed.view?.severity).toBe('SEV1');
    stop();
  });

  it("gets the run's action drafts, made from the stored run and the settings", async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('2003'), actor: ana });
    const { run: changed } = await send({
      type: 'run.mutate',
      runId: run.id,
      mutation: {
        type: 'set-field',
        stepId: 'assign-severity',
        fieldId: 'severity',
        value: 'SEV1',
      },
      actor: ana,
    });
    const { settings } = await send({ type: 'settings.get' });
    const drafts = await contentClient.send({ type: 'action.drafts', runId: run.id });
    expect(drafts).toEqual(
      draftActions(
        DEFAULT_TEMPLATE,
        changed,
        settings.integrations,
        settings.agent.name || undefined,
      ),
    );
    expect(drafts.revision).toBe(changed.revision);
    expect(drafts.facts.severity).toBe('SEV1');
    expect(drafts.messages['insert-first-touch'].ok).toBe(true);
  });

  it('a malformed request is refused by the router, with nothing changed', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('2004'), actor: ana });
    const before = await snapshot(bg.db);
    const bad = contentClient.send({
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'set-step-status', stepId: 'NOT AN ID', status: 'done' },
      actor: ana,
    });
    await expect(bad).rejects.toBeInstanceOf(contentClient.RequestError);
    await expect(bad).rejects.toMatchObject({ code: 'bad-request' });
    expect(await snapshot(bg.db)).toEqual(before);
  });
});

describe('live sync', () => {
  it('pushes a change made from another page to the run and open-runs subscribers', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1001'), actor: ana });
    const runPushes: ServerPortMessage[] = [];
    const listPushes: ServerPortMessage[] = [];
    const stopRun = subscribe({ kind: 'run', runId: run.id }, (m) => runPushes.push(m));
    const stopList = subscribe({ kind: 'open-runs' }, (m) => listPushes.push(m));
    const other = subscribe({ kind: 'run', runId: 'zendesk:other' }, () => {
      throw new Error('pushed to the wrong topic');
    });
    await until(() => bg.hub.subscriberCount(`run:${run.id}`) === 1, 'the subscription');

    await send({
      type: 'run.mutate',
      runId: run.id,
      mutation: {
        type: 'set-field',
        stepId: 'collect-repro',
        fieldId: 'browser',
        value: 'Chrome 156',
      },
      actor: bo,
    });
    await until(() => runPushes.length === 1 && listPushes.length === 1, 'the pushes');
    const pushed = runPushes[0]!;
    expect(pushed.type).toBe('run-changed');
    if (pushed.type === 'run-changed') {
      expect(pushed.run.values['collect-repro']?.browser?.value).toBe('Chrome 156');
      expect(pushed.view?.runId).toBe(run.id);
      // Everything the panel shows comes with it: no view asks again after a push.
      expect(pushed.extras?.drafts.revision).toBe(pushed.run.revision);
      expect(pushed.extras?.page.state.status).toBe('idle');
      expect(pushed.extras?.team.shared).toBe(false);
    }
    const list = listPushes[0]!;
    expect(list.type === 'open-runs-changed' && list.list).toMatchObject({
      items: [{ runId: run.id, subject: 'Ticket 1001' }],
      counts: { open: 1 },
    });

    stopRun();
    stopList();
    other();
    await until(() => bg.hub.subscriberCount(`run:${run.id}`) === 0, 'the unsubscribe');
  });

  it('reconnects after the worker stops and asks the view to catch up', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1001'), actor: ana });
    const pushes: ServerPortMessage[] = [];
    let reconnects = 0;
    let disconnects = 0;
    const stop = subscribe({ kind: 'run', runId: run.id }, (m) => pushes.push(m), {
      onReconnect: () => (reconnects += 1),
      onDisconnect: () => (disconnects += 1),
    });
    await until(() => bg.hub.subscriberCount(`run:${run.id}`) === 1, 'the subscription');

    ports.stopWorker();
    await until(() => reconnects === 1, 'the reconnect');
    expect(disconnects).toBe(1);
    expect(ports.connects).toBe(2);
    await until(() => bg.hub.subscriberCount(`run:${run.id}`) === 1, 'the re-subscription');

    await send({
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'set-field', stepId: 'collect-repro', fieldId: 'os', value: 'macOS 15' },
      actor: bo,
    });
    await until(() => pushes.length === 1, 'the push after reconnecting');
    stop();
    await flush();
    expect(ports.connects).toBe(2);
  });

  it('ignores malformed subscribe messages', async () => {
    const port = (
      fakeBrowser.runtime as unknown as {
        connect: (i: { name: string }) => { postMessage: (m: unknown) => void };
      }
    ).connect({
      name: 'casebook-sync',
    });
    port.postMessage({ type: 'subscribe', topic: { kind: 'everything' } });
    await flush();
    expect(bg.hub.subscriberCount('everything')).toBe(0);
  });
});

describe('clocks', () => {
  it('schedules the clock alarm and shows urgent runs on the badge after each write', async () => {
    // Created 50 minutes ago: first response (1 h) due in 10 minutes.
    await send({
      type: 'run.open',
      ticket: ticket('soon', { createdAt: T0 - 50 * MIN }),
      actor: ana,
    });
    await send({ type: 'run.open', ticket: ticket('later'), actor: ana });
    await bg.clocks.refresh();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const alarm = await fakeBrowser.alarms.get(CLOCK_ALARM);
    // The soonest wake-up: "soon" is already inside its reminder window, so its due moment.
    expect(alarm?.scheduledTime).toBe(T0 + 10 * MIN);
  });

  it('sums up many notices at once (e.g. after the browser was closed) in one notification', async () => {
    for (const id of ['a', 'b', 'c', 'd']) {
      await send({ type: 'run.open', ticket: ticket(id), actor: ana });
    }
    now = T0 + 2 * 60 * MIN;
    await bg.clocks.tick();
    const notes = await fakeBrowser.notifications.getAll();
    expect(Object.keys(notes)).toEqual(['casebook-clock|summary']);
    expect(Object.values(notes)[0]).toMatchObject({
      title: '8 SLA clocks need attention',
      message: "Across 4 tickets. Open Casebook's popup for the list.",
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
  });

  it('notifies when the alarm fires and the clock still runs, then moves the alarm', async () => {
    const { run } = await send({ type: 'run.open', ticket: ticket('1'), actor: ana });
    await bg.clocks.refresh();
    expect((await fakeBrowser.alarms.get(CLOCK_ALARM))?.scheduledTime).toBe(T0 + 45 * MIN);

    now = T0 + 45 * MIN;
    await fakeBrowser.alarms.onAlarm.trigger({ name: CLOCK_ALARM, scheduledTime: now });
    let notes: Record<string, unknown> = {};
    for (let i = 0; i < 100 && Object.keys(notes).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      notes = await fakeBrowser.notifications.getAll();
    }
    await bg.clocks.refresh();
    expect(Object.keys(notes)).toEqual([`casebook-clock|${run.id}|first-response|reminder`]);
    expect(Object.values(notes)[0]).toMatchObject({ title: 'First response: due soon' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect((await fakeBrowser.alarms.get(CLOCK_ALARM))?.scheduledTime).toBe(T0 + 60 * MIN);

    // Acknowledged before the due moment: no breach notice, no alarm left.
    await send({
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      actor: ana,
    });
    now = T0 + 61 * MIN;
    await bg.clocks.tick();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
    expect(await fakeBrowser.alarms.get(CLOCK_ALARM)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

/** A one-entry HAR whose request carries `authorization`: a secret the sanitizer removes. */
function harWithAuthorization(authorization: string, url: string) {
  return harDocument([
    harEntry({ url, headers: [{ name: 'Authorization', value: authorization }], status: 500 }),
  ]);
}
