/**
 * The retention period: closed runs older than `retentionDays` (settings)
 * are deleted with their events and attachments by a daily alarm. The
 * setting is read on every pass, so a change applies to the next one.
 *
 * The worker starts many times a day and each pass reads every run, so the
 * start-up pass runs only when the daily alarm is not scheduled: the first
 * start, or after the browser dropped its alarms (Firefox does on restart).
 * A pass that came due while the browser was closed fires on start anyway.
 */
import { browser } from '#imports';
import type { CasebookDB } from './db/db';
import { deleteExpiredRuns } from './db/repo';
import type { Effects } from './handlers/context';
import { readSettings } from './settings/store';

export const RETENTION_ALARM = 'casebook-retention';
const DAY_MINUTES = 24 * 60;

export interface Retention {
  /** Delete what the retention period allows now; resolves to the number of runs removed. */
  run(): Promise<number>;
  onAlarm(alarm: { name: string }): Promise<void>;
}

export function createRetention(
  db: CasebookDB,
  effects: Pick<Effects, 'runsRemoved'>,
  options: { now?: () => number; retentionDays?: () => Promise<number> } = {},
): Retention {
  const now = options.now ?? Date.now;
  const retentionDays = options.retentionDays ?? (async () => (await readSettings()).retentionDays);
  // One pass at a time: an alarm during the start-up pass joins it.
  let running: Promise<number> | undefined;

  async function pass(): Promise<number> {
    const { runIds } = await deleteExpiredRuns(db, await retentionDays(), now());
    if (runIds.length > 0) effects.runsRemoved(runIds);
    return runIds.length;
  }

  function run(): Promise<number> {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    run,
    async onAlarm(alarm) {
      if (alarm.name === RETENTION_ALARM) await run();
    },
  };
}

/**
 * Register the alarm listener (synchronously, at worker start, next to the
 * other listeners) and schedule the daily pass if it is not scheduled,
 * running one now in that case. Settles when that start-up work is done.
 */
export function registerRetention(
  db: CasebookDB,
  effects: Pick<Effects, 'runsRemoved'>,
  options: { now?: () => number; retentionDays?: () => Promise<number> } = {},
): { retention: Retention; ready: Promise<void> } {
  const retention = createRetention(db, effects, options);
  // The pass is returned so whoever dispatches the alarm can await it (tests do).
  browser.alarms.onAlarm.addListener((alarm) =>
    retention.onAlarm(alarm).catch((error: unknown) => {
      console.error('[casebook] retention pass failed', error);
    }),
  );
  const ready = (async () => {
    if (await browser.alarms.get(RETENTION_ALARM)) return;
    await browser.alarms.create(RETENTION_ALARM, {
      delayInMinutes: DAY_MINUTES,
      periodInMinutes: DAY_MINUTES,
    });
    await retention.run();
  })().catch((error: unknown) => {
    console.error('[casebook] retention start-up pass failed', error);
  });
  return { retention, ready };
}
