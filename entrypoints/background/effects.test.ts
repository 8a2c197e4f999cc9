import { describe, expect, it, vi } from 'vitest';
import type { RunExtras } from '../../lib/messaging/run-extras';
import type { ServerPortMessage } from '../../lib/messaging/sync';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { createRun } from '../../lib/workflow/engine';
import type { Run } from '../../lib/workflow/schema';
import type { Browser } from '#imports';
import { SYNC_PORT_NAME } from '../../lib/messaging/wire';
import { createEffects } from './effects';
import type { ViewSender } from './same-view';
import { createSyncHub } from './sync';

const T0 = Date.UTC(2026, 11, 4, 9, 0);

function runAt(revision: number): Run {
  const { run } = createRun(
    DEFAULT_TEMPLATE,
    { helpdesk: 'zendesk', ticketId: '77', url: 'https://acme.zendesk.com/agent/tickets/77' },
    { name: 'Ana' },
    T0,
  );
  return { ...run, revision };
}

function change(revision: number) {
  const run = runAt(revision);
  return { run, view: deriveRunView(DEFAULT_TEMPLATE, run, T0), template: DEFAULT_TEMPLATE };
}

function extrasFor(revision: number): RunExtras {
  return {
    drafts: { revision } as RunExtras['drafts'],
    page: {
      state: { status: 'idle', pagesAccepted: 0 },
      readiness: {
        routingKeySet: false,
        endpointHost: 'events.pagerduty.com',
        permissionGranted: false,
      },
    } as RunExtras['page'],
    team: { shared: false, others: [], conflicts: [] },
  };
}

describe('effects: one push per change, carrying what views show', () => {
  it('pushes a run’s changes in order with their extras, even when the later extras are ready first', async () => {
    const pushed: ServerPortMessage[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const effects = createEffects(
      { publish: (m) => pushed.push(m), subscriberCount: () => 1 },
      { refresh: async () => undefined },
      {
        extrasOf: async (run) => {
          if (run.revision === 1) await slow;
          return extrasFor(run.revision);
        },
        openRuns: async () => ({ items: [], counts: { open: 0, breached: 0, dueSoon: 0 } }),
      },
    );
    effects.runChanged(change(1));
    effects.runChanged(change(2));
    release();
    await vi.waitFor(() => expect(pushed.filter((m) => m.type === 'run-changed')).toHaveLength(2));
    const runs = pushed.filter((m) => m.type === 'run-changed');
    expect(runs.map((m) => [m.run.revision, m.extras?.drafts.revision])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const lists = pushed.filter((m) => m.type === 'open-runs-changed');
    expect(lists).toHaveLength(2);
    expect(lists.every((m) => m.list?.counts.open === 0)).toBe(true);
  });

  it('works nothing out for a run or list nobody follows', async () => {
    const pushed: ServerPortMessage[] = [];
    const extrasOf = vi.fn(async () => extrasFor(1));
    const openRuns = vi.fn(async () => ({
      items: [],
      counts: { open: 0, breached: 0, dueSoon: 0 },
    }));
    const effects = createEffects(
      { publish: (m) => pushed.push(m), subscriberCount: () => 0 },
      { refresh: async () => undefined },
      { extrasOf, openRuns },
    );
    effects.runChanged(change(1));
    await vi.waitFor(() => expect(pushed).toHaveLength(2));
    expect(extrasOf).not.toHaveBeenCalled();
    expect(openRuns).not.toHaveBeenCalled();
    expect(pushed.map((m) => m.type).sort()).toEqual(['open-runs-changed', 'run-changed']);
    expect(pushed.some((m) => 'extras' in m || 'list' in m)).toBe(false);
  });

  it('a change its requester was answered: the push reuses the reply’s extras and skips that view', async () => {
    const pushed: Array<{ message: ServerPortMessage; except: unknown }> = [];
    const extrasOf = vi.fn(async () => extrasFor(9));
    const effects = createEffects(
      {
        publish: (message, except) => pushed.push({ message, except }),
        subscriberCount: () => 1,
      },
      { refresh: async () => undefined },
      { extrasOf },
    );
    const requester = {
      tab: { id: 3 },
      frameId: 0,
      url: 'https://acme.zendesk.com/agent/tickets/77',
    };
    effects.runChanged(change(1), { extras: extrasFor(1), requester });
    await vi.waitFor(() => expect(pushed.map((p) => p.message.type)).toContain('run-changed'));
    const run = pushed.find((p) => p.message.type === 'run-changed')!;
    expect(run.except).toBe(requester);
    expect(run.message.type === 'run-changed' && run.message.extras?.drafts.revision).toBe(1);
    expect(extrasOf).not.toHaveBeenCalled();
  });
});

describe('the hub skips the requesting view', () => {
  it('pushes to every subscribed port but the one of the view that asked', async () => {
    const hub = createSyncHub(async () => true);
    const ticket = 'https://acme.zendesk.com/agent/tickets/77';
    const ports = [
      { tab: { id: 1 }, frameId: 0, url: ticket },
      { tab: { id: 2 }, frameId: 0, url: ticket },
      { url: 'chrome-extension://x/popup.html' },
    ].map((sender) => fakePort(sender));
    for (const port of ports) hub.attach(port.port);
    for (const port of ports)
      port.emit({ type: 'subscribe', topic: { kind: 'run', runId: 'zendesk:77' } });
    await vi.waitFor(() => expect(hub.subscriberCount('run:zendesk:77')).toBe(3));
    const { run, view } = change(2);
    hub.publish(
      { type: 'run-changed', run: { ...run, id: 'zendesk:77' }, view },
      ports[0]!.port.sender,
    );
    expect(ports.map((p) => p.sent.length)).toEqual([0, 1, 1]);
  });
});

function fakePort(sender: ViewSender) {
  const sent: unknown[] = [];
  let listener: ((m: unknown) => void) | undefined;
  const port = {
    name: SYNC_PORT_NAME,
    sender,
    postMessage: (m: unknown) => sent.push(m),
    onMessage: { addListener: (l: (m: unknown) => void) => (listener = l) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return { port, sent, emit: (m: unknown) => listener?.(m) };
}
