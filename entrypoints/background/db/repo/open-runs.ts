/**
 * The popup's list of open runs: one `openRuns` row per open run, keyed so
 * the store's own order is breached first, then due soonest, then by
 * recency; counts and pages read key ranges rather than every run.
 */
import type { OpenRunSummary } from '../../../../lib/messaging/runs';
import type { CasebookDB } from '../db';
import { DUE_SOON_MS, type OpenRunEntry } from '../records';

export function toOpenRunSummary(entry: OpenRunEntry, now: number): OpenRunSummary {
  const { dueKey: _d, recency: _r, requesterEmail: _e, organization: _o, ...summary } = entry;
  const due = entry.nextDueAt;
  return {
    ...summary,
    breached: due !== undefined && due <= now,
    dueSoon: due !== undefined && due > now && due <= now + DUE_SOON_MS,
  };
}

function matches(entry: OpenRunEntry, needle: string): boolean {
  return [
    entry.ticketId,
    entry.displayId,
    entry.subject,
    entry.requesterName,
    entry.requesterEmail,
    entry.organization,
  ].some((v) => v !== undefined && v.toLowerCase().includes(needle));
}

/** Primary keys of open runs due at or before `at` (dueKey ≤ at; Infinity never is). */
export function dueBy(at: number): [number, number] {
  return [at, Infinity];
}

export interface OpenRunCounts {
  open: number;
  breached: number;
  dueSoon: number;
}

export interface OpenRunsPage {
  items: OpenRunSummary[];
  /** Absent when asked for without counts. */
  counts?: OpenRunCounts;
}

/** Reads the counts inside the caller's transaction on `openRuns`. */
async function countOpenRunsIn(db: CasebookDB, now: number): Promise<OpenRunCounts> {
  // A count walks its key range in Chromium, so `open` is the breached
  // range plus the rest (each row walked once, not twice as with a
  // whole-store count), and the three counts go out together.
  const [breached, notBreached, dueSoon] = await Promise.all([
    db.openRuns.where(':id').belowOrEqual(dueBy(now)).count(),
    db.openRuns.where(':id').above(dueBy(now)).count(),
    db.openRuns
      .where(':id')
      .between(dueBy(now), dueBy(now + DUE_SOON_MS), false, true)
      .count(),
  ]);
  return { open: breached + notBreached, breached, dueSoon };
}

/** Every open run, breached ones, and those due within 15 minutes. */
export function countOpenRuns(db: CasebookDB, now: number): Promise<OpenRunCounts> {
  return db.transaction('r', db.openRuns, () => countOpenRunsIn(db, now));
}

/**
 * Breached first, then due soonest, then runs without a running clock by
 * most recent update: the `openRuns` primary-key order. Counts cover every
 * open run; `query` narrows the items only. `counts: false` skips the
 * counts, which walk every open run while the items read only a page.
 */
export function listOpenRuns(
  db: CasebookDB,
  now: number,
  options: { query?: string; limit?: number; counts?: boolean } = {},
): Promise<OpenRunsPage> {
  const limit = options.limit ?? 50;
  const needle = options.query?.trim().toLowerCase() ?? '';
  return db.transaction('r', db.openRuns, async () => {
    const [counts, entries] = await Promise.all([
      options.counts === false ? undefined : countOpenRunsIn(db, now),
      needle
        ? db.openRuns
            .filter((e) => matches(e, needle))
            .limit(limit)
            .toArray()
        : db.openRuns.limit(limit).toArray(),
    ]);
    const items = entries.map((e) => toOpenRunSummary(e, now));
    return counts ? { items, counts } : { items };
  });
}
