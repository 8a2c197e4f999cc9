/**
 * DB upgrades as pure per-record functions, so each can be tested from a
 * fixture of the earlier version without a browser.
 */
import { runFacts, ticketFacts, type RunFacts } from '../../../lib/report/facts';
import type { Run, RunEvent, WorkflowTemplate } from '../../../lib/workflow/schema';
import {
  buildRunRecord,
  underivedOpenRunEntry,
  type OpenRunEntry,
  type RunRecord,
} from './records';

/**
 * v1 → v2: runs gain the derived keys the clocks read (`nextDueAt`,
 * `alarmAt`), and each open run gets its row in the new `openRuns` store.
 * A run whose template version is missing cannot be derived; it still lists
 * as open (after the runs with a due clock) and gets its keys on its next write.
 */
export function upgradeRunV1toV2(
  run: Run,
  template: WorkflowTemplate | undefined,
  now: number,
): { record: RunRecord; entry: OpenRunEntry | undefined } {
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
 * v2 → v3: every run gets its report facts row. A run whose template
 * version is missing gets the facts its ticket alone gives (created, closed),
 * so it still lists in the run history.
 */
export function upgradeRunV2toV3(
  run: Run & { nextDueAt?: number; alarmAt?: number },
  template: WorkflowTemplate | undefined,
  events: readonly RunEvent[],
  now: number,
): RunFacts {
  const { nextDueAt: _n, alarmAt: _a, ...plain } = run;
  return template ? runFacts(template, plain, events, now) : ticketFacts(plain);
}
