import { describe, expect, it } from 'vitest';
import { countOpenRuns, listOpenRuns } from './open-runs';
import { mutateRun, openRun } from './runs';
import { ana, freshDb, MIN, T0, ticket } from './testing';

describe('listOpenRuns', () => {
  it('lists breached first, then due soonest, then runs without a clock by recency, with counts', async () => {
    const db = freshDb();
    // First response (1 h, plan unknown) from each ticket's creation.
    await openRun(db, ticket('late', { createdAt: T0 - 2 * 60 * MIN }), ana, T0);
    await openRun(db, ticket('soon', { createdAt: T0 - 50 * MIN }), ana, T0);
    await openRun(db, ticket('later', { createdAt: T0 }), ana, T0);
    const idle = await openRun(db, ticket('idle', { createdAt: T0 }), ana, T0);
    await mutateRun(
      db,
      idle.run.id,
      { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      ana,
      T0 + 1,
    );
    const idle2 = await openRun(db, ticket('idle2', { createdAt: T0 }), ana, T0);
    await mutateRun(
      db,
      idle2.run.id,
      { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      ana,
      T0 + 2,
    );

    const page = await listOpenRuns(db, T0 + 3);
    expect(page.items.map((i) => i.ticketId)).toEqual(['late', 'soon', 'later', 'idle2', 'idle']);
    expect(page.counts).toEqual({ open: 5, breached: 1, dueSoon: 1 });
    expect(page.items[0]).toMatchObject({
      breached: true,
      dueSoon: false,
      nextClockLabel: 'First response',
    });
    expect(page.items[1]).toMatchObject({ breached: false, dueSoon: true });
    expect(page.items[3]?.nextDueAt).toBeUndefined();

    expect((await listOpenRuns(db, T0 + 3, { limit: 2 })).items.map((i) => i.ticketId)).toEqual([
      'late',
      'soon',
    ]);
    expect(
      (await listOpenRuns(db, T0 + 3, { query: 'IDLE' })).items.map((i) => i.ticketId),
    ).toEqual(['idle2', 'idle']);

    // The popup's first screen: the same rows without the counts, and the
    // counts on their own, as the badge and the full list count them.
    const rowsOnly = await listOpenRuns(db, T0 + 3, { limit: 2, counts: false });
    expect(rowsOnly).toEqual({ items: page.items.slice(0, 2) });
    expect(await countOpenRuns(db, T0 + 3)).toEqual(page.counts);
    // An hour on, "soon" and "later" have breached too.
    expect(await countOpenRuns(db, T0 + 61 * MIN)).toEqual({ open: 5, breached: 3, dueSoon: 0 });
  });
});
