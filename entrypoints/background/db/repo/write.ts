/**
 * The one way a run is written, inside a caller's read-write transaction:
 * each change re-reads the run, applies the engine's mutation and writes the
 * run, its open-runs row, its events and its report facts together, so
 * concurrent edits from two tabs are serialized by IndexedDB and each
 * applies to the latest state. Inside a transaction only IndexedDB work is
 * awaited (the engine is synchronous), and nothing is caught: any throw
 * aborts the whole change.
 */
import { ProtocolFailure } from '../../../../lib/messaging/envelope';
import { ESCALATING, recordSlaTransitions } from '../../../../lib/sla/transitions';
import type { Run, RunEvent, WorkflowTemplate } from '../../../../lib/workflow/schema';
import type { RunView } from '../../../../lib/workflow/view';
import type { CasebookDB } from '../db';
import { factsStores, putRunFacts } from '../facts-store';
import { buildRunRecord, type RunRecord } from '../records';

export interface RunChange {
  run: Run;
  template: WorkflowTemplate;
  view: RunView;
  events: RunEvent[];
}

/**
 * The stores a change of one run writes (the run, its open-runs row, its
 * events, its report facts) and reads (its template), for the caller's
 * read-write transaction; a change that touches more adds its own.
 */
export function runChangeStores(db: CasebookDB) {
  return [db.runs, db.openRuns, db.events, ...factsStores(db), db.templates];
}

export async function readRun(db: CasebookDB, runId: string): Promise<RunRecord> {
  const record = await db.runs.get(runId);
  if (!record) throw new ProtocolFailure('not-found', `No run "${runId}".`);
  return record;
}

export async function appendEvents(db: CasebookDB, events: RunEvent[]): Promise<void> {
  if (events.length === 0) return;
  // `seq` is the store's auto-increment key.
  await db.events.bulkAdd(events.map(({ seq: _seq, ...event }) => event as RunEvent));
}

export async function writeRun(
  db: CasebookDB,
  template: WorkflowTemplate,
  run: Run,
  events: RunEvent[],
  now: number,
  previousAlarmAt: number | undefined,
): Promise<RunChange> {
  // Clock starts, pauses, resumes and stops go on the record with the change
  // that caused them; warnings and breaches are the clock tick's (takeDueClocks).
  const sla = recordSlaTransitions(template, run, now, (kind) => !ESCALATING.has(kind));
  run = sla.run;
  events = [...events, ...sla.events];
  const { record, entry, view } = buildRunRecord(template, run, now, previousAlarmAt);
  await db.runs.put(record);
  await db.openRuns.where('runId').equals(run.id).delete();
  if (entry) await db.openRuns.add(entry);
  await appendEvents(db, events);
  await putRunFacts(db, template, run, now);
  return { run, template, view, events };
}
