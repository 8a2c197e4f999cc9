/**
 * The derived state of a run: what views show. Every value here is a pure
 * function of (template, run, now) — computed by `deriveRunView` in
 * `derive.ts`, never stored.
 */
import type { OpenStep } from './close-rules';
import type { Schedule } from '../time/business-hours';
import type { Field, FieldState, PlanTier, Severity, Step, StepStatus } from './schema';

export interface FieldView {
  field: Field;
  /** False while the field's own `when` does not hold: hidden, not validated. */
  visible: boolean;
  state: FieldState | undefined;
  /** Validation message for the current value, if it is invalid or missing but required. */
  error: string | undefined;
}

export interface GateView {
  id: string;
  open: boolean;
  /** Why the gate blocks, in words an agent understands. */
  message: string;
}

export interface StepView {
  step: Step;
  sectionId: string;
  /** 1-based position in the template, as in the workflow spec ("step 12"). */
  number: number;
  status: StepStatus;
  applicable: boolean;
  fields: FieldView[];
  gates: GateView[];
  /** Can the step be marked done right now? If not, `blockedBy` says why. */
  canComplete: boolean;
  blockedBy: string[];
}

export interface SectionView {
  id: string;
  title: string;
  steps: StepView[];
  done: number;
  applicable: number;
}

/**
 * - running / due-soon (within policy.reminderLeadMinutes) / breached (past due)
 * - paused: an open pause; the remaining time is frozen, paused time never counts
 * - met: the stop condition held on time (stoppedAt ≤ dueAt)
 * - stopped: the stop condition held late, or the run was closed first
 * Clocks that do not apply (appliesWhen) or have not started (e.g. the
 * engineering clock before the escalation page) are absent from RunView.clocks.
 */
export type ClockState = 'running' | 'due-soon' | 'breached' | 'paused' | 'stopped' | 'met';

export interface ClockView {
  id: string;
  label: string;
  kind: 'deadline' | 'cadence';
  state: ClockState;
  startedAt: number;
  /** When it is (or was) due; absent for stopped clocks without a target. */
  dueAt: number | undefined;
  /** ms until due (negative once breached). */
  remainingMs: number | undefined;
  /** When the clock stopped (the obligation was met), if it did. */
  stoppedAt: number | undefined;
  targetMinutes: number;
  /** `business`: the target counts the schedule's open hours. Absent on views from older builds. */
  time?: 'business' | 'calendar';
  /** The schedule business time follows (so views can say "due in 2 business hours"). */
  schedule?: Schedule;
  /** When the warning falls due (75 % of the target used), for SLA-policy clocks. */
  warnAt?: number;
  /** 1, 2, …: next response starts a new cycle on each customer message after a reply. */
  cycle?: number;
}

export interface RunView {
  runId: string;
  severity: Severity | undefined;
  plan: PlanTier | undefined;
  sections: SectionView[];
  /** Applicable steps, done or skipped / applicable. */
  progress: { done: number; applicable: number; percent: number };
  /** The first applicable pending step, in template order. */
  currentStepId: string | undefined;
  clocks: ClockView[];
  /** The earliest due time of a running clock: the run's urgency. */
  nextDueAt: number | undefined;
  breached: boolean;
  closed: boolean;
  /** Applicable required steps still open: the closing step waits for these. */
  openBeforeClose?: OpenStep[];
}
