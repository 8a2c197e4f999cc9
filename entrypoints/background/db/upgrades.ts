/**
 * DB upgrades as pure per-record functions, so each can be tested from a
 * fixture of the earlier version without a browser.
 */
import type { Run, WorkflowTemplate } from '../../../lib/workflow/schema';
import { buildRunRecord, type RunRecord } from './records';

/**
 * v1 → v2: runs gain the derived keys the open-runs list and the clocks
 * read from indexes (`nextDueAt`, `openUpdatedAt`, `alarmAt`) and the list
 * summary. A run whose template version is missing cannot be derived; it
 * still lists as open (by recency) and gets its keys on its next write.
 */
export function upgradeRunV1toV2(
  run: Run,
  template: WorkflowTemplate | undefined,
  now: number,
): RunRecord {
  if (template) return buildRunRecord(template, run, now).record;
  const record: RunRecord = { ...run };
  if (run.closedAt === undefined) record.openUpdatedAt = run.updatedAt;
  return record;
}
