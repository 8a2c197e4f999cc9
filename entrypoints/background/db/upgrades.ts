/**
 * DB upgrades as pure per-record functions, so each can be tested from a
 * fixture of the earlier version without a browser.
 */
import { runFacts, ticketFacts, type RunFacts } from '../../../lib/report/facts';
import type { Run, RunEvent, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { EventRecord } from './types';
import {
  buildRunRecord,
  underivedOpenRunEntry,
  type OpenRunEntry,
  type RunRecord,
} from './records';
import { unreadableRun } from './quarantine';

/**
 * v1 → v2: runs gain the derived keys the clocks read (`nextDueAt`,
 * `alarmAt`), and each open run gets its row in the new `openRuns` store.
 * A run whose template version is missing cannot be derived; it still lists
 * as open (after the runs with a due clock) and gets its keys on its next write.
 * A record that is not a readable run gives undefined: the upgrade leaves it
 * as it was and the next version sets it aside (quarantine.ts).
 */
export function upgradeRunV1toV2(
  run: Run,
  template: WorkflowTemplate | undefined,
  now: number,
): { record: RunRecord; entry: OpenRunEntry | undefined } | undefined {
  if (unreadableRun(run, template, now) !== undefined) return undefined;
  if (template) {
    const { record, entry } = buildRunRecord(template, run, now);
    return { record, entry };
  }
  return {
    record: { ...run },
    entry: run.closedAt === undefined ? underivedOpenRunEntry(run) : undefined,
  };
}

/**
 * v2 → v3: every event gets an id. Events written before team sync are not
 * in the outbox: they leave the browser only if their run is later shared
 * (the server then asks for the run's history).
 */
export function upgradeEventV2toV3(event: RunEvent, newId: () => string): EventRecord {
  const record = event as EventRecord;
  return record.id ? record : { ...event, id: newId() };
}

/**
 * v5 → v6: every run gets its report facts row. A run whose template
 * version is missing gets the facts its ticket alone gives (created, closed),
 * so it still lists in the run history.
 */
export function runFactsOf(
  run: Run & { nextDueAt?: number; alarmAt?: number },
  template: WorkflowTemplate | undefined,
  events: readonly RunEvent[],
  now: number,
): RunFacts {
  const { nextDueAt: _n, alarmAt: _a, ...plain } = run;
  return template ? runFacts(template, plain, events, now) : ticketFacts(plain);
}
