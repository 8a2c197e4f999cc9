/**
 * The report's facts rows: rewritten with the run in the same transaction,
 * so a row is never older than its run. Only a run with a status-page
 * cadence has its events read (the cadence's history lives there).
 */
import Dexie from 'dexie';
import { blockKeysOf, reportRow, withRow } from '../../../lib/report/blocks';
import { needsEvents, runFacts, type RunFacts } from '../../../lib/report/facts';
import type { Run, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { CasebookDB } from './db';

/** Inside the caller's transaction, which must include `factsStores` and events, after the events are written. */
export async function putRunFacts(
  db: CasebookDB,
  template: WorkflowTemplate,
  run: Run,
  now: number,
): Promise<void> {
  const events = needsEvents(template, run)
    ? await db.events
        .where('[runId+seq]')
        .between([run.id, Dexie.minKey], [run.id, Dexie.maxKey])
        .toArray()
    : [];
  const facts = runFacts(template, run, events, now);
  const before = await db.runFacts.get(run.id);
  await db.runFacts.put(facts);
  await moveInBlocks(db, run.id, before, facts);
}

/**
 * Keep a run's row in its report blocks (inside the caller's transaction,
 * which must include reportBlocks): out of blocks it left, in (or replaced
 * in) the blocks it is in. Nothing is written when the row is unchanged.
 */
async function moveInBlocks(
  db: CasebookDB,
  runId: string,
  before: RunFacts | undefined,
  after: RunFacts | undefined,
): Promise<void> {
  const oldKeys = before ? blockKeysOf(before) : [];
  const newKeys = after ? blockKeysOf(after) : [];
  const row = after && reportRow(after);
  if (
    before &&
    row &&
    oldKeys.join() === newKeys.join() &&
    JSON.stringify(reportRow(before)) === JSON.stringify(row)
  ) {
    return;
  }
  const keys = [...new Set([...oldKeys, ...newKeys])];
  const blocks = await db.reportBlocks.bulkGet(keys);
  for (const [i, key] of keys.entries()) {
    const next = withRow(blocks[i], key, runId, newKeys.includes(key) ? row : undefined);
    if (next) await db.reportBlocks.put(next);
    else await db.reportBlocks.delete(key);
  }
}

/** Take runs out of the facts and the report blocks (inside a transaction with both). */
export async function deleteRunFacts(db: CasebookDB, runIds: readonly string[]): Promise<void> {
  const rows = await db.runFacts.bulkGet([...runIds]);
  for (const [i, before] of rows.entries()) {
    if (before) await moveInBlocks(db, runIds[i]!, before, undefined);
  }
  await db.runFacts.bulkDelete([...runIds]);
}

/** The stores a transaction that writes report facts must include. */
export const factsStores = (db: CasebookDB) => [db.runFacts, db.reportBlocks];
