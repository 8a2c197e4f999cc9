import { describe, expect, it, vi } from 'vitest';
import type { Actor, TicketInfo } from '../../../lib/workflow/schema';
import { CasebookDB } from './db';
import { skipOpenSteps } from './testing';
import { putAttachment } from './repo/attachments';
import { deleteExpiredRuns } from './repo/data';
import { mutateRun, openRun } from './repo/runs';

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const ana: Actor = { name: 'Ana Agent' };

let n = 0;
function freshDb(): CasebookDB {
  n += 1;
  return new CasebookDB(`retention-test-${n}-${Math.random()}`);
}

function ticket(id: string): TicketInfo {
  return {
    helpdesk: 'zendesk',
    ticketId: id,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    subject: `Ticket ${id}`,
    createdAt: T0,
  };
}

async function openAt(db: CasebookDB, id: string, at: number): Promise<string> {
  const { run } = await openRun(db, ticket(id), ana, at);
  await putAttachment(
    db,
    {
      id: `att-${id}`,
      runId: run.id,
      stepId: 'request-artifacts',
      fieldId: 'files',
      name: 'console.log',
      mimeType: 'text/plain',
      blob: new Blob([`log of ${id}`]),
    },
    ana,
    at,
  );
  return run.id;
}

async function closeAt(db: CasebookDB, runId: string, at: number): Promise<void> {
  await skipOpenSteps(db, runId, ana, at);
  await mutateRun(
    db,
    runId,
    { type: 'set-field', stepId: 'close', fieldId: 'root-cause', value: 'billing' },
    ana,
    at,
  );
  await mutateRun(db, runId, { type: 'set-step-status', stepId: 'close', status: 'done' }, ana, at);
}

async function rowsOf(db: CasebookDB, runId: string) {
  return {
    run: await db.runs.get(runId),
    events: await db.events.where('runId').equals(runId).count(),
    attachments: await db.attachments.where('runId').equals(runId).count(),
    openRuns: await db.openRuns.where('runId').equals(runId).count(),
  };
}

describe('deleteExpiredRuns', () => {
  it('deletes closed runs past the period with their events and attachments, and keeps the rest', async () => {
    const db = freshDb();
    const now = T0 + 100 * DAY;
    const oldClosed = await openAt(db, 'old-closed', T0);
    await closeAt(db, oldClosed, T0 + DAY);
    const recentClosed = await openAt(db, 'recent-closed', T0);
    await closeAt(db, recentClosed, now - 10 * DAY);
    const oldOpen = await openAt(db, 'old-open', T0);
    // Closed long ago, then reopened: open again, so kept however old.
    const reopened = await openAt(db, 'reopened', T0);
    await closeAt(db, reopened, T0 + DAY);
    await mutateRun(
      db,
      reopened,
      { type: 'set-step-status', stepId: 'close', status: 'pending' },
      ana,
      T0 + 2 * DAY,
    );

    const before = await rowsOf(db, oldClosed);
    expect(before.events).toBeGreaterThan(0);
    expect(before.attachments).toBe(1);
    const kept = {
      [recentClosed]: await rowsOf(db, recentClosed),
      [oldOpen]: await rowsOf(db, oldOpen),
      [reopened]: await rowsOf(db, reopened),
    };
    expect(kept[oldOpen]?.openRuns).toBe(1);

    const removed = await deleteExpiredRuns(db, 30, now);
    expect(removed).toEqual({
      runIds: [oldClosed],
      runs: 1,
      events: before.events,
      attachments: 1,
    });
    expect(await rowsOf(db, oldClosed)).toEqual({
      run: undefined,
      events: 0,
      attachments: 0,
      openRuns: 0,
    });
    for (const [runId, rows] of Object.entries(kept)) {
      expect(await rowsOf(db, runId)).toEqual(rows);
    }
  });

  it('never deletes an open run, however old', async () => {
    const db = freshDb();
    const open = await openAt(db, 'ancient', T0);
    const removed = await deleteExpiredRuns(db, 1, T0 + 3000 * DAY);
    expect(removed.runs).toBe(0);
    expect((await rowsOf(db, open)).run?.id).toBe(open);
  });

  it('follows the retention period it is given; 0 keeps everything', async () => {
    const db = freshDb();
    const runId = await openAt(db, 'closed', T0);
    await closeAt(db, runId, T0);
    const now = T0 + 90 * DAY;
    expect((await deleteExpiredRuns(db, 0, now)).runs).toBe(0);
    expect((await deleteExpiredRuns(db, 365, now)).runs).toBe(0);
    // Exactly at the cutoff is not older than it.
    expect((await deleteExpiredRuns(db, 90, now)).runs).toBe(0);
    expect(await db.runs.get(runId)).toBeDefined();
    expect((await deleteExpiredRuns(db, 89, now)).runIds).toEqual([runId]);
    expect(await db.runs.count()).toBe(0);
  });

  it('walks the runs in bounded batches, one transaction each', async () => {
    const db = freshDb();
    const closed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const runId = await openAt(db, `c${i}`, T0);
      await closeAt(db, runId, T0);
      closed.push(runId);
    }
    await openAt(db, 'o1', T0);
    await openAt(db, 'o2', T0);
    const transaction = vi.spyOn(db, 'transaction');

    const removed = await deleteExpiredRuns(db, 7, T0 + 30 * DAY, 2);

    expect(removed.runIds.sort()).toEqual(closed.sort());
    // 7 runs, 2 per batch: four reads, the last one short.
    expect(transaction).toHaveBeenCalledTimes(4);
    expect((await db.runs.toArray()).map((r) => r.ticketId).sort()).toEqual(['o1', 'o2']);
    expect(await db.openRuns.count()).toBe(2);
    expect(await db.attachments.count()).toBe(2);
  });
});
