/**
 * Every SLA clock transition that has happened by `now` — started, paused,
 * resumed, warned (75 %), breached, met, stopped — with a stable key, so the
 * background (the single writer) appends each one to the run's record exactly
 * once however often it re-derives: on every write and at every clock tick.
 * Escalations are keyed the same way, so a breach re-pages at most once.
 */
import { clockCycles, type ClockCycle } from '../workflow/clocks';
import { readSeverity } from '../workflow/conditions';
import type { Actor, Run, RunEvent, WorkflowTemplate } from '../workflow/schema';

export type SlaTransitionKind =
  'started' | 'paused' | 'resumed' | 'warned' | 'breached' | 'met' | 'stopped' | 'repage';

export interface SlaTransition {
  key: string;
  clockId: string;
  label: string;
  cycle: number;
  kind: SlaTransitionKind;
  at: number;
  dueAt?: number;
}

/**
 * Escalating transitions: recorded only by the clock tick, which also
 * notifies and re-pages for them, so a write that happens to come first
 * cannot swallow a notification.
 */
export const ESCALATING: ReadonlySet<SlaTransitionKind> = new Set(['warned', 'breached', 'repage']);

/** Who the record names for what the clocks did by themselves. */
export const SLA_ACTOR: Actor = { name: 'Casebook SLA' };

/** Severities whose breach of a re-paging target pages on-call again. */
const REPAGE_SEVERITIES = new Set(['SEV1', 'SEV2']);

function cycleTransitions(c: ClockCycle, now: number, repage: boolean): SlaTransition[] {
  // A cadence has one open interval at a time; each interval is its own cycle.
  const cycleKey = c.clock.kind === 'cadence' ? `@${c.startedAt}` : String(c.cycle);
  const base = { clockId: c.clock.id, label: c.clock.label, cycle: c.cycle };
  const key = (kind: SlaTransitionKind, at?: number) =>
    `${c.clock.id}|${cycleKey}|${kind}${at !== undefined ? `|${at}` : ''}`;
  const out: SlaTransition[] = [];
  const add = (kind: SlaTransitionKind, at: number, keyed?: number) => {
    if (at <= now) out.push({ ...base, key: key(kind, keyed), kind, at, dueAt: c.dueAt });
  };
  add('started', c.startedAt);
  for (const p of c.pauses) {
    add('paused', p.from, p.from);
    // A pause clipped by the stop is not a resume.
    if (Number.isFinite(p.to) && p.to !== c.stoppedAt) add('resumed', p.to, p.from);
  }
  const end = c.stoppedAt ?? Infinity;
  if (c.warnAt !== undefined && c.warnAt < end) add('warned', c.warnAt);
  const breached = c.dueAt !== undefined && c.dueAt < end;
  if (breached && c.dueAt !== undefined) {
    add('breached', c.dueAt);
    if (repage && c.repage) add('repage', c.dueAt);
  }
  if (c.stoppedAt !== undefined)
    add(c.stopKind === 'met' && !breached ? 'met' : 'stopped', c.stoppedAt);
  return out;
}

export function slaTransitions(template: WorkflowTemplate, run: Run, now: number): SlaTransition[] {
  const severity = readSeverity(template, run);
  const repage = severity !== undefined && REPAGE_SEVERITIES.has(severity);
  const out: SlaTransition[] = [];
  for (const clock of template.clocks) {
    for (const c of clockCycles(template, run, clock, now))
      out.push(...cycleTransitions(c, now, repage));
  }
  return out.sort((a, b) => a.at - b.at);
}

const WORDS: Record<SlaTransitionKind, string> = {
  started: 'started',
  paused: 'paused (waiting on the customer or paused by hand)',
  resumed: 'resumed',
  warned: 'is 75 % through its target',
  breached: 'breached',
  met: 'met',
  stopped: 'stopped',
  repage: 're-page of on-call requested (breach escalation)',
};

/**
 * The transitions not recorded yet, as events, and the run with their keys
 * added. The run's revision is unchanged: nothing a view edits changed.
 */
export function recordSlaTransitions(
  template: WorkflowTemplate,
  run: Run,
  now: number,
  only: (kind: SlaTransitionKind) => boolean = () => true,
): { run: Run; events: RunEvent[]; fresh: SlaTransition[] } {
  const recorded = new Set(run.slaRecorded ?? []);
  const fresh = slaTransitions(template, run, now).filter(
    (t) => !recorded.has(t.key) && only(t.kind),
  );
  if (fresh.length === 0) return { run, events: [], fresh };
  const events: RunEvent[] = fresh.map((t) => ({
    runId: run.id,
    at: Math.max(t.at, 0),
    by: SLA_ACTOR,
    type: 'sla',
    note: `${t.label}${t.cycle > 1 ? ` (#${t.cycle})` : ''} ${WORDS[t.kind]}`,
    new: {
      clockId: t.clockId,
      cycle: t.cycle,
      transition: t.kind,
      at: t.at,
      ...(t.dueAt !== undefined ? { dueAt: t.dueAt } : {}),
    },
  }));
  // Keep the newest keys if a very long-running ticket reaches the cap.
  const keys = [...recorded, ...fresh.map((t) => t.key)].slice(-10_000);
  return { run: { ...run, slaRecorded: keys }, events, fresh };
}
