/**
 * All run data at once: export, CSV rows, wiping, and the retention pass
 * that deletes closed runs past their age. Templates and settings stay.
 */
import type { Run, RunEvent } from '../../../../lib/workflow/schema';
import { deriveRunView } from '../../../../lib/workflow/derive';
import type { RunView } from '../../../../lib/workflow/view';
import type { CasebookDB } from '../db';
import { deleteRunFacts, factsStores } from '../facts-store';
import { runFromRecord } from '../records';
import { templateVersionCache } from './templates';

export function exportAllRuns(db: CasebookDB): Promise<{ runs: Run[]; events: RunEvent[] }> {
  return db.transaction('r', [db.runs, db.events], async () => ({
    runs: (await db.runs.toArray()).map(runFromRecord),
    events: await db.events.toArray(),
  }));
}

/** Every run with its view (derived at `now`), for CSV export. */
export function allRunsWithViews(
  db: CasebookDB,
  now: number,
): Promise<Array<{ run: Run; view: RunView }>> {
  return db.transaction('r', [db.runs, db.templates], async () => {
    const templateOf = templateVersionCache(db);
    const rows: Array<{ run: Run; view: RunView }> = [];
    for (const record of await db.runs.toArray()) {
      const template = await templateOf(record);
      const run = runFromRecord(record);
      rows.push({ run, view: deriveRunView(template, run, now) });
    }
    return rows;
  });
}

/** Delete every run, event and attachment. Templates and settings stay. */
export function wipeRunData(
  db: CasebookDB,
): Promise<{ runIds: string[]; runs: number; events: number; attachments: number }> {
  return db.transaction(
    'rw',
    [db.runs, db.openRuns, db.events, db.attachments, ...factsStores(db)],
    async () => {
      const runIds = (await db.runs.toCollection().primaryKeys()) as string[];
      const events = await db.events.count();
      const attachments = await db.attachments.count();
      await Promise.all([
        db.runs.clear(),
        db.openRuns.clear(),
        db.events.clear(),
        db.attachments.clear(),
        db.runFacts.clear(),
        db.reportBlocks.clear(),
      ]);
      return { runIds, runs: runIds.length, events, attachments };
    },
  );
}

const DAY_MS = 24 * 60 * 60_000;

/** Runs read per retention transaction: a pass never holds the stores for long. */
export const RETENTION_BATCH = 200;

/**
 * Delete closed runs whose `closedAt` is more than `retentionDays` before
 * `now`, with their events, attachments and open-runs rows. Runs have no
 * `closedAt` index, so the pass walks them by primary key, `batchSize` per
 * read-write transaction, re-reading each batch inside its transaction so a
 * run reopened meanwhile is kept. Open runs (no `closedAt`) are never
 * deleted; `retentionDays` 0 keeps everything.
 */
export async function deleteExpiredRuns(
  db: CasebookDB,
  retentionDays: number,
  now: number,
  batchSize: number = RETENTION_BATCH,
): Promise<{ runIds: string[]; runs: number; events: number; attachments: number }> {
  const removed = { runIds: [] as string[], runs: 0, events: 0, attachments: 0 };
  if (!(retentionDays > 0)) return removed;
  const cutoff = now - retentionDays * DAY_MS;
  let after: string | undefined;
  for (;;) {
    const batch = await db.transaction(
      'rw',
      [db.runs, db.openRuns, db.events, db.attachments, ...factsStores(db)],
      async () => {
        const page = await (
          after === undefined ? db.runs.orderBy(':id') : db.runs.where(':id').above(after)
        )
          .limit(batchSize)
          .toArray();
        const expired = page
          .filter((r) => r.closedAt !== undefined && r.closedAt < cutoff)
          .map((r) => r.id);
        let events = 0;
        let attachments = 0;
        if (expired.length > 0) {
          events = await db.events.where('runId').anyOf(expired).delete();
          attachments = await db.attachments.where('runId').anyOf(expired).delete();
          await db.openRuns.where('runId').anyOf(expired).delete();
          await deleteRunFacts(db, expired);
          await db.runs.bulkDelete(expired);
        }
        return {
          last: page[page.length - 1]?.id,
          full: page.length === batchSize,
          expired,
          events,
          attachments,
        };
      },
    );
    removed.runIds.push(...batch.expired);
    removed.events += batch.events;
    removed.attachments += batch.attachments;
    if (!batch.full || batch.last === undefined) break;
    after = batch.last;
  }
  removed.runs = removed.runIds.length;
  return removed;
}
