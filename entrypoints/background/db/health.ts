/**
 * Selector-health counters: one row per (UTC day, helpdesk, fact,
 * strategy), incremented in one transaction per report; days older than
 * HEALTH_DAYS are dropped on the way.
 */
import { HEALTH_DAYS, type HealthRow } from '../../../lib/messaging/health';
import type { Helpdesk } from '../../../lib/workflow/schema';
import type { CasebookDB } from './db';

const DAY_MS = 86_400_000;

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export async function recordHealth(
  db: CasebookDB,
  helpdesk: Helpdesk,
  reads: Record<string, string>,
  now: number,
): Promise<number> {
  const day = utcDay(now);
  const entries = Object.entries(reads);
  await db.transaction('rw', db.selectorHealth, async () => {
    for (const [fact, strategy] of entries) {
      const key: [string, string, string, string] = [day, helpdesk, fact, strategy];
      const row = await db.selectorHealth.get(key);
      await db.selectorHealth.put({ day, helpdesk, fact, strategy, count: (row?.count ?? 0) + 1 });
    }
    await db.selectorHealth
      .where('day')
      .below(utcDay(now - HEALTH_DAYS * DAY_MS))
      .delete();
  });
  return entries.length;
}

/** The last `days` days' counters, today included, oldest first. */
export async function readHealth(db: CasebookDB, days: number, now: number): Promise<HealthRow[]> {
  const from = utcDay(now - (days - 1) * DAY_MS);
  return db.selectorHealth.where('day').aboveOrEqual(from).sortBy('day');
}
