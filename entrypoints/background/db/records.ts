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

export type RunRecord = Run & {
  /** Earliest due time of a running clock; undefined for closed runs and runs without one. */
  nextDueAt?: number;
  /** The next moment a clock reminder or breach notification is due for this run. */
  alarmAt?: number;
};

/**
 * One row per open run in the `openRuns` store: the open-runs list and its
 * counts read this store by primary key, `[dueKey, recency, runId]`, which
 * sorts breached first, then due soonest, then runs without a running clock
 * (`dueKey` Infinity) by most recent update (`recency` = -updatedAt).
 * Primary-key range counts stay cheap in Chromium where index counts do not
 * (bench/store.bench.ts), and the rows are small summaries, not whole runs.
 */
export interface OpenRunEntry {
  dueKey: number;
  recency: number;
  runId: string;
  helpdesk: Run['helpdesk'];
  ticketId: string;
  displayId?: string;
  subject?: string;
  requesterName?: string;
  requesterEmail?: string;
  organization?: string;
  url: string;
  severity?: Severity;
  plan?: PlanTier;
  progress: { done: number; applicable: number; percent: number };
  currentStepId?: string;
  currentStepTitle?: string;
  nextDueAt?: number;
  nextClockLabel?: string;
  updatedAt: number;
}

export type OpenRunKey = [number, number, string];

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

function ticketFields(run: Run) {
  const t = run.ticket;
  return {
    runId: run.id,
    helpdesk: run.helpdesk,
    ticketId: run.ticketId,
    displayId: t.displayId,
    subject: t.subject,
    requesterName: t.requesterName,
    requesterEmail: t.requesterEmail,
    organization: t.organization,
    url: t.url,
    updatedAt: run.updatedAt,
    recency: -run.updatedAt,
  };
}

/** The open-runs row of an open run; undefined once it is closed. */
export function openRunEntry(run: Run, view: RunView): OpenRunEntry | undefined {
  if (view.closed || run.closedAt !== undefined) return undefined;
  let currentStepTitle: string | undefined;
  for (const section of view.sections) {
    const step = section.steps.find((s) => s.step.id === view.currentStepId);
    if (step) currentStepTitle = step.step.title;
  }
  const next = activeClocks(view).find((c) => c.dueAt === view.nextDueAt);
  return {
    ...ticketFields(run),
    dueKey: view.nextDueAt ?? Infinity,
    severity: view.severity,
    plan: view.plan,
    progress: view.progress,
    currentStepId: view.currentStepId,
    currentStepTitle,
    nextDueAt: view.nextDueAt,
    nextClockLabel: next?.label,
  };
}

/** The row of an open run that cannot be derived (its template version is missing). */
export function underivedOpenRunEntry(run: Run): OpenRunEntry {
  return {
    ...ticketFields(run),
    dueKey: Infinity,
    progress: { done: 0, applicable: 0, percent: 0 },
  };
}

/**
 * The stored form of `run`, its open-runs row, and the view they were
 * derived from (callers reuse it). A wake-up time that passed before the
 * clock tick handled it (alarms fire late) is kept, so the tick still
 * notifies about it.
 */
export function buildRunRecord(
  template: WorkflowTemplate,
  run: Run,
  now: number,
  previousAlarmAt?: number,
): { record: RunRecord; entry: OpenRunEntry | undefined; view: RunView } {
  const view = deriveRunView(template, run, now);
  const record: RunRecord = { ...run };
  const entry = openRunEntry(run, view);
  if (entry) {
    if (view.nextDueAt !== undefined) record.nextDueAt = view.nextDueAt;
    const alarmAt =
      previousAlarmAt !== undefined && previousAlarmAt <= now
        ? previousAlarmAt
        : nextWakeAfter(template, run, view, now);
    if (alarmAt !== undefined) record.alarmAt = alarmAt;
  }
  return { record, entry, view };
}

/** The run without the store's derived keys. */
export function runFromRecord(record: RunRecord): Run {
  const { nextDueAt: _n, alarmAt: _a, ...run } = record;
  return run;
}
