import { describe, expect, it } from 'vitest';
import { DUE_SOON_MS } from '../records';
import { countUrgentRuns, nextClockAlarm, takeDueClocks } from './clocks';
import { listEvents, mutateRun, openRun } from './runs';
import { ana, freshDb, MIN, T0, ticket } from './testing';

describe('clock wake-ups', () => {
  it('reports the reminder and the breach once each, while the clock still runs', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    expect(await nextClockAlarm(db)).toBe(T0 + 45 * MIN);
    expect((await takeDueClocks(db, T0 + 44 * MIN)).notices).toEqual([]);

    const reminder = (await takeDueClocks(db, T0 + 45 * MIN + 5)).notices;
    expect(reminder.map((r) => [r.runId, r.clockId, r.kind])).toEqual([
      [run.id, 'first-response', 'reminder'],
    ]);
    expect(await nextClockAlarm(db)).toBe(T0 + 60 * MIN);
    expect((await takeDueClocks(db, T0 + 46 * MIN)).notices).toEqual([]);

    // The alarm fires late: the breach is still reported, once.
    const breach = (await takeDueClocks(db, T0 + 70 * MIN)).notices;
    expect(breach.map((r) => r.kind)).toEqual(['due']);
    expect((await takeDueClocks(db, T0 + 80 * MIN)).notices).toEqual([]);
    // …and on the run's record, once, after the clock's start.
    const sla = (await listEvents(db, run.id)).filter((e) => e.type === 'sla');
    expect(sla.map((e) => (e.new as { transition: string }).transition)).toEqual([
      'started',
      'breached',
    ]);
  });

  it('does not report a clock that stopped before its moment was handled', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    // The reminder moment passes, then the agent acknowledges before the tick runs.
    await mutateRun(
      db,
      run.id,
      { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      ana,
      T0 + 46 * MIN,
    );
    expect((await db.runs.get(run.id))?.alarmAt).toBe(T0 + 45 * MIN);
    expect((await takeDueClocks(db, T0 + 47 * MIN)).notices).toEqual([]);
    expect((await db.runs.get(run.id))?.alarmAt).toBeUndefined();
  });

  it('counts runs breached or due within 15 minutes for the badge', async () => {
    const db = freshDb();
    await openRun(db, ticket('a', { createdAt: T0 - 2 * 60 * MIN }), ana, T0);
    await openRun(db, ticket('b', { createdAt: T0 - 50 * MIN }), ana, T0);
    await openRun(db, ticket('c', { createdAt: T0 }), ana, T0);
    expect(await countUrgentRuns(db, T0)).toBe(2);
    expect(await countUrgentRuns(db, T0 + 60 * MIN - DUE_SOON_MS)).toBe(3);
  });
});
