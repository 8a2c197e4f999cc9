import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../lib/settings/schema';
import type { Actor } from '../../lib/workflow/schema';
import { CasebookDB } from './db/db';
import { mutateRun, openRun } from './db/repo';
import { skipOpenSteps } from './db/testing';
import { createEffects } from './effects';
import { registerRetention, RETENTION_ALARM } from './retention';
import { writeSettings } from './settings/store';
import type { SyncHub } from './sync';

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const ana: Actor = { name: 'Ana Agent' };

let n = 0;
function freshDb(): CasebookDB {
  n += 1;
  return new CasebookDB(`retention-bg-test-${n}-${Math.random()}`);
}

async function closedRun(db: CasebookDB, id: string, closedAt: number): Promise<string> {
  const { run } = await openRun(
    db,
    { helpdesk: 'zendesk', ticketId: id, url: `https://acme.zendesk.com/agent/tickets/${id}` },
    ana,
    closedAt,
  );
  await skipOpenSteps(db, run.id, ana, closedAt);
  await mutateRun(
    db,
    run.id,
    { type: 'set-field', stepId: 'close', fieldId: 'root-cause', value: 'auth' },
    ana,
    closedAt,
  );
  await mutateRun(
    db,
    run.id,
    { type: 'set-step-status', stepId: 'close', status: 'done' },
    ana,
    closedAt,
  );
  return run.id;
}

/** The effects the wipe handler uses, over a hub that records what it pushes. */
function recordingEffects() {
  const pushed: unknown[] = [];
  const hub = { publish: (message: unknown) => pushed.push(message) } as unknown as SyncHub;
  const refresh = vi.fn(async () => undefined);
  return { effects: createEffects(hub, { refresh }), pushed, refresh };
}

describe('retention in the background', () => {
  it('schedules the daily alarm at first start and runs a pass then, telling views', async () => {
    const db = freshDb();
    const now = T0 + 400 * DAY;
    const old = await closedRun(db, 'old', T0);
    const recent = await closedRun(db, 'recent', now - DAY);
    const { effects, pushed, refresh } = recordingEffects();

    const { ready } = registerRetention(db, effects, { now: () => now });
    await ready;

    const alarm = await fakeBrowser.alarms.get(RETENTION_ALARM);
    expect(alarm?.periodInMinutes).toBe(24 * 60);
    expect(await db.runs.get(old)).toBeUndefined();
    expect(await db.runs.get(recent)).toBeDefined();
    expect(pushed).toEqual([{ type: 'run-removed', runId: old }, { type: 'open-runs-changed' }]);
    expect(refresh).toHaveBeenCalled();
  });

  it('leaves a scheduled pass to its alarm, reading the retention period from settings each time', async () => {
    const db = freshDb();
    const now = T0 + 100 * DAY;
    const runId = await closedRun(db, 'closed', T0);
    await fakeBrowser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60 });
    await writeSettings({ ...defaultSettings(), retentionDays: 365 });
    const { effects, pushed } = recordingEffects();

    const { ready } = registerRetention(db, effects, { now: () => now });
    await ready;
    // Scheduled already: nothing ran at start.
    expect(await db.runs.get(runId)).toBeDefined();

    // The alarm's listener returns its pass: awaiting the trigger awaits the pass.
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: now });
    // 100 days old, kept for 365.
    expect(await db.runs.get(runId)).toBeDefined();
    expect(pushed).toEqual([]);

    await writeSettings({ ...defaultSettings(), retentionDays: 30 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: now });
    expect(await db.runs.get(runId)).toBeUndefined();
    expect(await db.events.where('runId').equals(runId).count()).toBe(0);
    expect(pushed).toEqual([{ type: 'run-removed', runId }, { type: 'open-runs-changed' }]);
  });

  it('ignores other alarms', async () => {
    const db = freshDb();
    const runId = await closedRun(db, 'closed', T0);
    await fakeBrowser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60 });
    const { effects } = recordingEffects();
    const { retention, ready } = registerRetention(db, effects, {
      now: () => T0 + 1000 * DAY,
      retentionDays: async () => 1,
    });
    await ready;
    await retention.onAlarm({ name: 'casebook-clocks' });
    expect(await db.runs.get(runId)).toBeDefined();
    await retention.onAlarm({ name: RETENTION_ALARM });
    expect(await db.runs.get(runId)).toBeUndefined();
  });
});
