/**
 * The report's reads, all from the runFacts store through its indexes: the
 * runs created in the period (createdAt) and the runs closed in it or the
 * previous period (closedAt). Never the runs or their events.
 */
import type { RunFacts } from '../../../lib/report/facts';
import { basisTime, matchesFilter, type RunFilter } from '../../../lib/report/filter';
import { matchesHistory, type HistoryQuery } from '../../../lib/report/history';
import type { Period } from '../../../lib/report/period';
import type { CasebookDB } from './db';

/**
 * Facts of runs created in the period or closed in it or in the previous
 * period. The closed runs are found by key first: most were created in the
 * period too, so only the others are read (a year's report reads each run once).
 */
export function factsForPeriod(db: CasebookDB, period: Period): Promise<RunFacts[]> {
  return db.transaction('r', db.runFacts, async () => {
    const [created, closedKeys] = await Promise.all([
      db.runFacts.where('createdAt').between(period.from, period.to, true, false).toArray(),
      db.runFacts
        .where('closedAt')
        .between(period.previous.from, period.to, true, false)
        .primaryKeys(),
    ]);
    const seen = new Set(created.map((f) => f.runId));
    const others = await db.runFacts.bulkGet(closedKeys.filter((k) => !seen.has(k)));
    return [...created, ...others.filter((f): f is RunFacts => f !== undefined)];
  });
}

/** The runs behind a figure, most recent first. */
export async function factsForFilter(
  db: CasebookDB,
  filter: RunFilter,
  now: number,
  limit = Infinity,
): Promise<{ rows: RunFacts[]; total: number }> {
  const index = filter.basis === 'created' ? 'createdAt' : 'closedAt';
  const inRange = await db.runFacts
    .where(index)
    .between(filter.from, filter.to, true, false)
    .toArray();
  const matching = inRange
    .filter((f) => matchesFilter(f, filter, now))
    .sort((a, b) => (basisTime(b, filter.basis) ?? 0) - (basisTime(a, filter.basis) ?? 0));
  return { rows: matching.slice(0, limit), total: matching.length };
}

/** Run history, most recently changed first; `more` when another page follows. */
export async function historyPage(
  db: CasebookDB,
  query: HistoryQuery,
  offset: number,
  limit: number,
): Promise<{ rows: RunFacts[]; more: boolean }> {
  const rows = await db.runFacts
    .orderBy('updatedAt')
    .reverse()
    .filter((f) => matchesHistory(f, query))
    .offset(offset)
    .limit(limit + 1)
    .toArray();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** Every run a history search matches (its CSV). */
export function historyAll(db: CasebookDB, query: HistoryQuery): Promise<RunFacts[]> {
  return db.runFacts
    .orderBy('updatedAt')
    .reverse()
    .filter((f) => matchesHistory(f, query))
    .toArray();
}
