import { describe, expect, it, vi } from 'vitest';
import type { RunExtras } from '../../lib/messaging/run-extras';
import type { ServerPortMessage } from '../../lib/messaging/sync';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { createRun } from '../../lib/workflow/engine';
import type { Run } from '../../lib/workflow/schema';
import { createEffects } from './effects';

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
});
