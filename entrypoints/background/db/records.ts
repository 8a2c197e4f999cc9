/**
 * What a run looks like in the store: the run itself plus keys derived from
 * it on every write, so the queries the views make are index reads. Pure
 * functions (no Dexie): the repo, the DB upgrades and the bench share them.
 */
import { clockAlarmTimes, deriveRunView } from '../../../lib/workflow/derive';
import type { PlanTier, Run, Severity, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { ClockView, RunView } from '../../../lib/workflow/view';

/** The badge counts runs breached or due within this window; reminders fire this early. */
export const DUE_SOON_MS = 15 * 60_000;

/** Shown in the open-runs list without deriving the run again. */
export interface RunSummaryCache {
  severity?: Severity;
  plan?: PlanTier;
  progress: { done: number; applicable: number; percent: number };
  currentStepId?: string;
  currentStepTitle?: string;
  nextClockLabel?: string;
}

export type RunRecord = Run & {
  /**
   * Earliest due time of a running clock. Undefined for closed runs and runs
   * with no running clock, which keeps them out of the `nextDueAt` index.
   */
  nextDueAt?: number;
  /** `updatedAt` while the run is open; undefined once closed (out of the index). */
  openUpdatedAt?: number;
  /** The next moment a clock reminder or breach notification is due for this run. */
  alarmAt?: number;
  summary?: RunSummaryCache;
};

/** Clocks that still count toward a deadline: not paused, stopped or met. */
function activeClocks(view: RunView): Array<ClockView & { dueAt: number }> {
  return view.clocks.filter(
    (c): c is ClockView & { dueAt: number } =>
      (c.state === 'running' || c.state === 'due-soon' || c.state === 'breached') &&
      c.dueAt !== undefined,
  );
}

/**
 * When the run next needs the clock tick: the engine's reminder and due
 * moments, plus the moment its earliest clock enters the badge's 15-minute
 * window (the template's reminder lead may differ from it).
 */
export function nextWakeAfter(
  template: WorkflowTemplate,
  run: Run,
  view: RunView,
  after: number,
): number | undefined {
  let next = clockAlarmTimes(template, run, after)[0]?.at;
  const badgeAt = view.nextDueAt === undefined ? undefined : view.nextDueAt - DUE_SOON_MS;
  if (badgeAt !== undefined && badgeAt > after && (next === undefined || badgeAt < next)) {
    next = badgeAt;
  }
  return next;
}

export function summarize(view: RunView): RunSummaryCache {
  let currentStepTitle: string | undefined;
  for (const section of view.sections) {
    const step = section.steps.find((s) => s.step.id === view.currentStepId);
    if (step) currentStepTitle = step.step.title;
  }
  const next = activeClocks(view).find((c) => c.dueAt === view.nextDueAt);
  return {
    severity: view.severity,
    plan: view.plan,
    progress: view.progress,
    currentStepId: view.currentStepId,
    currentStepTitle,
    nextClockLabel: view.closed ? undefined : next?.label,
  };
}

/**
 * The stored form of `run`, and the view it was derived from (callers reuse
 * it). A wake-up time that passed before the clock tick handled it (alarms
 * fire late) is kept, so the tick still notifies about it.
 */
export function buildRunRecord(
  template: WorkflowTemplate,
  run: Run,
  now: number,
  previousAlarmAt?: number,
): { record: RunRecord; view: RunView } {
  const view = deriveRunView(template, run, now);
  const record: RunRecord = { ...run, summary: summarize(view) };
  if (!view.closed) {
    if (view.nextDueAt !== undefined) record.nextDueAt = view.nextDueAt;
    record.openUpdatedAt = run.updatedAt;
    const alarmAt =
      previousAlarmAt !== undefined && previousAlarmAt <= now
        ? previousAlarmAt
        : nextWakeAfter(template, run, view, now);
    if (alarmAt !== undefined) record.alarmAt = alarmAt;
  }
  return { record, view };
}

/** The run without the store's derived keys. */
export function runFromRecord(record: RunRecord): Run {
  const { nextDueAt: _n, openUpdatedAt: _o, alarmAt: _a, summary: _s, ...run } = record;
  return run;
}
