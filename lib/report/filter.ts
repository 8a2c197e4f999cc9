/**
 * Which runs stand behind a figure. Every chart cell carries a `RunFilter`,
 * and the cell's number is computed over exactly the runs the filter
 * matches, so "open the runs behind this bar" lists the runs that made it
 * (and the CSV of that view has the same rows).
 */
import type { ClockFacts, RunFacts } from './facts';

export const OUTCOMES = [
  'first-response-met',
  'first-response-breached',
  'ack-met',
  'ack-breached',
  'acknowledged',
  'incident',
  'cadence-kept',
  'cadence-missed',
  'escalated',
  'bug-filed',
  'bug-jira',
  'bug-linear',
  'dissatisfied',
  'follow-up-done',
  'summary-required',
  'summary-written',
  'closed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** "untagged" / "unknown" select runs without a root cause / plan / severity. */
export const NONE = 'none';

export interface RunFilter {
  /** Which time puts a run in the range: ticket creation or closure. */
  basis: 'created' | 'closed';
  from: number;
  /** Exclusive. */
  to: number;
  rootCause?: string;
  severity?: string;
  plan?: string;
  helpdesk?: string;
  agent?: string;
  outcome?: Outcome;
}

export type ClockState = 'met' | 'breached' | 'pending';

/** A deadline at `now`: met or breached once stopped; breached while running past due. */
export function clockState(clock: ClockFacts | undefined, now: number): ClockState | undefined {
  if (!clock) return undefined;
  if (clock.stoppedAt !== undefined) return clock.stoppedAt <= clock.dueAt ? 'met' : 'breached';
  return !clock.paused && now > clock.dueAt ? 'breached' : 'pending';
}

/** How late a breached clock was (stopped) or is (still running); undefined when not breached. */
export function breachMs(clock: ClockFacts | undefined, now: number): number | undefined {
  if (clockState(clock, now) !== 'breached' || !clock) return undefined;
  return (clock.stoppedAt ?? now) - clock.dueAt;
}

/** The status-page cadence missed at least once (an open interval past due counts). */
export function cadenceMissed(f: RunFacts, now: number): boolean {
  const c = f.statusPage;
  if (!c) return false;
  return c.missed > 0 || (c.openDueAt !== undefined && now > c.openDueAt);
}

export function pageToAckMs(f: RunFacts): number | undefined {
  return f.pagedAt !== undefined && f.ackAt !== undefined && f.ackAt >= f.pagedAt
    ? f.ackAt - f.pagedAt
    : undefined;
}

function outcomeHolds(f: RunFacts, outcome: Outcome, now: number): boolean {
  switch (outcome) {
    case 'first-response-met':
      return clockState(f.firstResponse, now) === 'met';
    case 'first-response-breached':
      return clockState(f.firstResponse, now) === 'breached';
    case 'ack-met':
      return clockState(f.engineeringAck, now) === 'met';
    case 'ack-breached':
      return clockState(f.engineeringAck, now) === 'breached';
    case 'acknowledged':
      return f.engineeringAck?.elapsedMs !== undefined && f.ackAt !== undefined;
    case 'incident':
      return f.severity === 'SEV1' || f.severity === 'SEV2';
    case 'cadence-kept':
      return f.statusPage !== undefined && !cadenceMissed(f, now);
    case 'cadence-missed':
      return cadenceMissed(f, now);
    case 'escalated':
      return f.escalated;
    case 'bug-filed':
      return f.bugUrl !== undefined;
    case 'bug-jira':
      return f.bugTracker === 'jira';
    case 'bug-linear':
      return f.bugTracker === 'linear';
    case 'dissatisfied':
      return f.dissatisfied;
    case 'follow-up-done':
      return f.followUpDone;
    case 'summary-required':
      return f.incidentSummaryRequired;
    case 'summary-written':
      return f.incidentSummaryWritten;
    case 'closed':
      return f.closedAt !== undefined;
  }
}

const same = (wanted: string | undefined, actual: string | undefined) =>
  wanted === undefined || (wanted === NONE ? actual === undefined : wanted === actual);

export function basisTime(f: RunFacts, basis: RunFilter['basis']): number | undefined {
  return basis === 'created' ? f.createdAt : f.closedAt;
}

export function matchesFilter(f: RunFacts, filter: RunFilter, now: number): boolean {
  const t = basisTime(f, filter.basis);
  if (t === undefined || t < filter.from || t >= filter.to) return false;
  return (
    same(filter.rootCause, f.rootCause) &&
    same(filter.severity, f.severity) &&
    same(filter.plan, f.plan) &&
    same(filter.helpdesk, f.helpdesk) &&
    same(filter.agent, f.agent) &&
    (filter.outcome === undefined || outcomeHolds(f, filter.outcome, now))
  );
}
