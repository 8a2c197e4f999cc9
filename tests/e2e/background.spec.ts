/**
 * The background as the single writer, in Chromium with the built
 * extension: runs survive a stopped service worker, concurrent edits of
 * different fields from two pages both land, and a port subscriber sees a
 * change made from another page (also after the worker restarted).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { call, expect, test } from './support/extension';

const actorA = { name: 'Ana Agent', email: 'ana@example.com' };
const actorB = { name: 'Bo Agent' };

function ticket(id: string) {
  return {
    helpdesk: 'zendesk',
    ticketId: id,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    subject: `Browser test ticket ${id}`,
    createdAt: Date.now() - 10 * 60_000,
  };
}

interface RunShape {
  id: string;
  revision: number;
  values: Record<string, Record<string, { value: unknown; by: { name: string } }>>;
}
interface EventShape {
  type: string;
  stepId?: string;
  fieldId?: string;
  new?: unknown;
  by: { name: string };
}

/**
 * Stops the extension's service worker over CDP (`ServiceWorker.stopWorker`;
 * `stopAllWorkers` leaves extension workers running in Chromium 156) and
 * follows its running status. The CDP session lives on a blank page so no
 * extension page keeps reconnecting to the worker.
 */
async function workerControl(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  const history: string[] = [];
  let versionId: string | undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      versionId = v.versionId;
      if (history.at(-1) !== v.runningStatus) history.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => history.at(-1)).toBe('running');
  return {
    history,
    /** Resolves once the worker has stopped (a connected page may start it again at once). */
    async stop() {
      const from = history.length;
      await cdp.send('ServiceWorker.stopWorker', { versionId: versionId! });
      await expect.poll(() => history.slice(from)).toContain('stopped');
    },
    async waitRunning() {
      await expect.poll(() => history.at(-1)).toBe('running');
    },
  };
}

test('a run written through the background survives a stopped and restarted service worker', async ({
  context,
  serviceWorker,
  extensionId,
  extensionPage,
}) => {
  const writer = await extensionPage('popup.html');
  const { run } = await call<{ run: RunShape }>(writer, {
    type: 'run.open',
    ticket: ticket('e2e-restart'),
    actor: actorA,
  });
  await call(writer, {
    type: 'run.mutate',
    runId: run.id,
    mutation: { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV2' },
    actor: actorA,
  });
  await writer.close();

  // A mark in the worker's memory tells the old instance from a new one.
  await serviceWorker.evaluate(() => {
    (globalThis as unknown as { __casebookMark: number }).__casebookMark = 1;
  });
  const worker = await workerControl(context, extensionId);
  await worker.stop();

  const reader = await extensionPage('popup.html');
  const after = await call<{ run: RunShape }>(reader, { type: 'run.get', runId: run.id });
  await worker.waitRunning();
  expect(worker.history).toEqual(['running', 'stopping', 'stopped', 'starting', 'running']);
  const current = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  expect(
    await current!.evaluate(
      () => (globalThis as unknown as { __casebookMark?: number }).__casebookMark,
    ),
  ).toBeUndefined();

  expect(after.run.values['assign-severity']?.severity?.value).toBe('SEV2');
  const { events } = await call<{ events: EventShape[] }>(reader, {
    type: 'run.events',
    runId: run.id,
  });
  // SLA clock transitions ('sla') are the clocks' own record, not the edit under test.
  expect(events.map((e) => e.type).filter((t) => t !== 'sla')).toEqual([
    'run-created',
    'field-set',
  ]);
});

test('two pages editing different fields of one run at once both keep their edits', async ({
  extensionPage,
}) => {
  const pageA = await extensionPage('popup.html');
  const pageB = await extensionPage('popup.html');
  const { run } = await call<{ run: RunShape }>(pageA, {
    type: 'run.open',
    ticket: ticket('e2e-concurrent'),
    actor: actorA,
  });

  const edits = {
    A: [
      ['collect-repro', 'browser', 'Chrome 156'],
      ['collect-repro', 'os', 'macOS 15.2'],
      ['collect-repro', 'url', 'https://app.example.com/billing'],
      ['assign-severity', 'impact', 'Invoices cannot be downloaded by any admin.'],
    ],
    B: [
      ['collect-repro', 'workspace-id', 'ws_4821'],
      ['collect-repro', 'request-id', 'req_9f1c2e'],
      ['collect-repro', 'repro-steps', '1. Open Billing\n2. Click Download'],
      ['verify-account', 'plan', 'enterprise'],
    ],
  } as const;
  // Each page fires all its edits without waiting, both pages at once.
  const fire = (
    page: Page,
    list: ReadonlyArray<readonly [string, string, string]>,
    actor: object,
  ) =>
    page.evaluate(
      ({ runId, list, actor }) => {
        const runtime = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
          }
        ).chrome.runtime;
        return Promise.all(
          list.map(([stepId, fieldId, value]) =>
            runtime.sendMessage({
              type: 'run.mutate',
              runId,
              mutation: { type: 'set-field', stepId, fieldId, value },
              actor,
            }),
          ),
        );
      },
      { runId: run.id, list, actor },
    );
  const [repliesA, repliesB] = await Promise.all([
    fire(pageA, edits.A, actorA),
    fire(pageB, edits.B, actorB),
  ]);
  expect([...repliesA, ...repliesB].every((r) => r.ok)).toBe(true);

  const { run: after } = await call<{ run: RunShape }>(pageB, { type: 'run.get', runId: run.id });
  for (const [stepId, fieldId, value] of [...edits.A, ...edits.B]) {
    expect(after.values[stepId]?.[fieldId]?.value, `${stepId}/${fieldId}`).toBe(value);
  }
  expect(after.revision).toBe(run.revision + 8);

  // The same field from both pages: the later write wins, both are in the log.
  await Promise.all([
    call(pageA, {
      type: 'run.mutate',
      runId: run.id,
      mutation: {
        type: 'set-field',
        stepId: 'assign-severity',
        fieldId: 'severity',
        value: 'SEV3',
      },
      actor: actorA,
    }),
    call(pageB, {
      type: 'run.mutate',
      runId: run.id,
      mutation: {
        type: 'set-field',
        stepId: 'assign-severity',
        fieldId: 'severity',
        value: 'SEV1',
      },
      actor: actorB,
    }),
  ]);
  const { events } = await call<{ events: EventShape[] }>(pageA, {
    type: 'run.events',
    runId: run.id,
  });
  const severityEvents = events.filter((e) => e.fieldId === 'severity');
  expect(severityEvents.map((e) => e.new).sort()).toEqual(['SEV1', 'SEV3']);
  const { run: final } = await call<{ run: RunShape }>(pageA, { type: 'run.get', runId: run.id });
  expect(final.values['assign-severity']?.severity?.value).toBe(severityEvents.at(-1)?.new);
  expect(events.filter((e) => e.type === 'field-set')).toHaveLength(10);
});

test('a subscriber sees a change made from another page, also after the worker restarted', async ({
  context,
  extensionId,
  extensionPage,
}) => {
  const watcher = await extensionPage('popup.html');
  const editor = await extensionPage('popup.html');
  const { run } = await call<{ run: RunShape }>(editor, {
    type: 'run.open',
    ticket: ticket('e2e-subscribe'),
    actor: actorA,
  });

  // The watcher subscribes over a raw `casebook-sync` port and, like the
  // messaging client, reconnects and re-subscribes when the port drops.
  await watcher.evaluate((runId) => {
    type Port = {
      postMessage(m: unknown): void;
      onMessage: { addListener(f: (m: unknown) => void): void };
      onDisconnect: { addListener(f: () => void): void };
    };
    const g = globalThis as unknown as {
      chrome: { runtime: { connect(i: { name: string }): Port } };
      pushes: unknown[];
      disconnects: number;
    };
    g.pushes = [];
    g.disconnects = 0;
    const connect = () => {
      const port = g.chrome.runtime.connect({ name: 'casebook-sync' });
      port.onMessage.addListener((m) => g.pushes.push(m));
      port.onDisconnect.addListener(() => {
        g.disconnects += 1;
        connect();
      });
      port.postMessage({ type: 'subscribe', topic: { kind: 'run', runId } });
      port.postMessage({ type: 'subscribe', topic: { kind: 'open-runs' } });
    };
    connect();
  }, run.id);

  const pushes = () =>
    watcher.evaluate(
      () => (globalThis as unknown as { pushes: Array<{ type: string; run?: RunShape }> }).pushes,
    );
  const setField = (fieldId: string, value: string) =>
    call(editor, {
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'set-field', stepId: 'collect-repro', fieldId, value },
      actor: actorB,
    });

  // Subscriptions travel over the port; retry the edit until one is seen.
  await expect
    .poll(async () => {
      await setField('browser', 'Firefox 140');
      return (await pushes()).some((p) => p.type === 'run-changed');
    })
    .toBe(true);
  const first = (await pushes()).find((p) => p.type === 'run-changed');
  expect(first?.run?.values['collect-repro']?.browser?.value).toBe('Firefox 140');
  expect((await pushes()).some((p) => p.type === 'open-runs-changed')).toBe(true);

  await editor.close();
  const worker = await workerControl(context, extensionId);
  await worker.stop();
  // Stopping the worker drops the port; the watcher reconnects, which starts it again.
  await expect
    .poll(() =>
      watcher.evaluate(() => (globalThis as unknown as { disconnects: number }).disconnects),
    )
    .toBeGreaterThanOrEqual(1);
  await worker.waitRunning();

  const editor2 = await extensionPage('popup.html');
  await expect
    .poll(async () => {
      await call(editor2, {
        type: 'run.mutate',
        runId: run.id,
        mutation: {
          type: 'set-field',
          stepId: 'collect-repro',
          fieldId: 'os',
          value: 'Windows 11',
        },
        actor: actorB,
      });
      return (await pushes()).some(
        (p) =>
          p.type === 'run-changed' && p.run?.values['collect-repro']?.os?.value === 'Windows 11',
      );
    })
    .toBe(true);
});
