/**
 * Wording for the popup: urgency of an open run, counts like the badge's,
 * and what a severity change did to the run.
 */
import type { OpenRunSummary } from '../../lib/messaging/runs';
import type { Severity, WorkflowTemplate } from '../../lib/workflow/schema';
import type { RunView } from '../../lib/workflow/view';
import { formatAgo, formatRemaining, timeTitle } from '../panel/clock-format';

export const DUE_SOON_MS = 15 * 60_000;

/** Performance mark the popup sets once the open-runs list is on screen (read by bench/popup). */
export const OPEN_RUNS_PAINTED_MARK = 'casebook:open-runs-painted';
/** Performance mark set when the React app starts mounting (after the first paint; bench/popup). */
export const POPUP_APP_MOUNT_MARK = 'casebook:popup-app-mount';

/** The open-runs list's geometry, shared by the React list and the pre-React first paint. */
/** Three lines a row: ticket and severity, the due phrase, the subject. */
export const ROW_HEIGHT = 72;
export const VIEWPORT_ROWS = 5;
export const OVERSCAN = 4;

export function optionId(listId: string, index: number): string {
  return `${listId}-opt-${index}`;
}

/** The counts line before the counts have arrived (they follow the first rows). */
export const COUNTING = 'Counting open runs…';

/** The counts line under "Open runs", as the popup and its first paint show it. */
export function countsText(counts: { open: number; breached: number; dueSoon: number }): {
  urgent: string;
  rest: string;
} {
  return {
    urgent: `${badgeCount(counts)} urgent`,
    rest: ` (${counts.breached} breached, ${counts.dueSoon} due ≤ 15 min) · ${counts.open} open`,
  };
}

export type Urgency = 'breached' | 'due-soon' | 'running' | 'idle';

export function urgencyOf(item: OpenRunSummary, now: number): Urgency {
  if (item.nextDueAt === undefined) return 'idle';
  const left = item.nextDueAt - now;
  if (left <= 0) return 'breached';
  if (left <= DUE_SOON_MS) return 'due-soon';
  return 'running';
}

/** "First response breached 12m ago" / "First response due in 42:10" / "No clock running". */
export function urgencyText(item: OpenRunSummary, now: number): string {
  const label = item.nextClockLabel ?? 'Next clock';
  if (item.nextDueAt === undefined) return 'No clock running';
  const left = item.nextDueAt - now;
  return left <= 0
    ? `${label} breached ${formatAgo(-left)}`
    : `${label} due in ${formatRemaining(left)}`;
}

/** Hover text of the due phrase: when, in the agent's zone and in UTC. */
export function dueTitle(item: OpenRunSummary, now: number, timeZone?: string): string | undefined {
  return item.nextDueAt === undefined
    ? undefined
    : `Due ${timeTitle(item.nextDueAt, now, timeZone)}`;
}

/** The toolbar badge counts runs breached or due within 15 minutes. */
export function badgeCount(counts: { breached: number; dueSoon: number }): number {
  return counts.breached + counts.dueSoon;
}

/** Steps (1-based template numbers) applicable in `after` but not in `before`. */
export function stepsAdded(before: RunView, after: RunView): number[] {
  const was = new Set(
    before.sections.flatMap((s) => s.steps.filter((st) => st.applicable).map((st) => st.step.id)),
  );
  return after.sections
    .flatMap((s) => s.steps)
    .filter((st) => st.applicable && !was.has(st.step.id))
    .map((st) => st.number);
}

export function stepsRemoved(before: RunView, after: RunView): number[] {
  return stepsAdded(after, before);
}

function list(numbers: number[]): string {
  return numbers.length === 1 ? `step ${numbers[0]}` : `steps ${numbers.join(', ')}`;
}

/**
 * What choosing a severity did, e.g. "SEV1: page on-call now — steps 4, 13,
 * 16 added". Worded from the template's policy and the steps that changed.
 */
export function severityChangeMessage(
  template: WorkflowTemplate,
  severity: Severity,
  before: RunView,
  after: RunView,
): string {
  const policy = template.policy.severities.find((s) => s.id === severity);
  const added = stepsAdded(before, after);
  const removed = stepsRemoved(before, after);
  const parts: string[] = [];
  if (added.length) parts.push(`${list(added)} added`);
  if (removed.length) parts.push(`${list(removed)} no longer apply`);
  const head = policy?.pageImmediately ? `${severity}: page on-call now` : `${severity} set`;
  return parts.length ? `${head} — ${parts.join('; ')}` : head;
}
