/**
 * The report's facts rows: rewritten with the run in the same transaction,
 * so a row is never older than its run. Only a run with a status-page
 * cadence has its events read (the cadence's history lives there).
 */
import Dexie from 'dexie';
import { needsEvents, runFacts } from '../../../lib/report/facts';
import type { Run, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { CasebookDB } from './db';

/** Inside the caller's transaction, which must include runFacts and events, after the events are written. */
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
  await db.runFacts.put(runFacts(template, run, events, now));
}
