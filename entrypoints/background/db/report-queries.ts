/**
 * The report's reads: the period's week blocks of report rows for the
 * figures, the runFacts store through its indexes (createdAt, closedAt,
 * updatedAt) for the runs behind a figure and the history. Never the runs
 * or their events.
 */
import { blockKeysForPeriod, rowsForPeriod, type ReportRow } from '../../../lib/report/blocks';
import type { RunFacts } from '../../../lib/report/facts';
import { basisTime, matchesFilter, type RunFilter } from '../../../lib/report/filter';
import { matchesHistory, type HistoryQuery } from '../../../lib/report/history';
import type { Period } from '../../../lib/report/period';
import type { CasebookDB } from './db';

/**
 * The report rows of runs created in the period or closed in it or in the
 * previous period, from the period's week blocks (a year: ~160 records).
 */
export async function rowsOfPeriod(db: CasebookDB, period: Period): Promise<ReportRow[]> {
  const blocks = await db.reportBlocks.bulkGet(blockKeysForPeriod(period));
  return rowsForPeriod(blocks, period);
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
