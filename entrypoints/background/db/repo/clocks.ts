/**
 * The store's side of SLA clocks: the badge count, the next wake-up over all
 * runs, and the pass that records and reports every clock moment that has
 * come (entrypoints/background/clocks.ts schedules it and notifies).
 */
import { clockAlarmTimes, type ClockAlarm } from '../../../../lib/workflow/derive';
import { recordSlaTransitions } from '../../../../lib/sla/transitions';
import type { TicketInfo } from '../../../../lib/workflow/schema';
import type { CasebookDB } from '../db';
import { buildRunRecord, DUE_SOON_MS, nextWakeAfter, runFromRecord } from '../records';
import { dueBy } from './open-runs';
import { templateVersionCache } from './templates';
import { appendEvents } from './write';

export interface DueClocks {
  notices: DueNotice[];
  /** Runs whose breach asks for a re-page (each breach once). */
  repages: string[];
}

export interface DueNotice extends ClockAlarm {
  runId: string;
  ticket: TicketInfo;
}

/** Runs breached or due within 15 minutes: the toolbar badge. */
export function countUrgentRuns(db: CasebookDB, now: number): Promise<number> {
  return db.openRuns
    .where(':id')
    .belowOrEqual(dueBy(now + DUE_SOON_MS))
    .count();
}

/** The earliest pending clock moment over all runs, if any. */
export async function nextClockAlarm(db: CasebookDB): Promise<number | undefined> {
  const [first] = await db.runs.orderBy('alarmAt').limit(1).keys();
  return typeof first === 'number' ? first : undefined;
}

/**
 * Handle every run whose wake-up time has come: re-derive it from the stored
 * state, report the reminder/due moments between its last wake-up time and
 * now whose clock still runs, and move its wake-up time to the next one.
 */
export function takeDueClocks(db: CasebookDB, now: number): Promise<DueClocks> {
  return db.transaction('rw', [db.runs, db.openRuns, db.events, db.templates], async () => {
    const due = await db.runs.where('alarmAt').belowOrEqual(now).toArray();
    const templateOf = templateVersionCache(db);
    const notices: DueNotice[] = [];
    const repages: string[] = [];
    for (const record of due) {
      const template = await templateOf(record);
      // Warnings, breaches and re-pages are recorded once, here; each one
      // recorded now is notified now (and never again).
      const sla = recordSlaTransitions(template, runFromRecord(record), now);
      const run = sla.run;
      const { record: next, view } = buildRunRecord(template, run, now);
      const running = new Set(
        view.clocks.filter((c) => c.stoppedAt === undefined && c.state !== 'met').map((c) => c.id),
      );
      for (const t of sla.fresh) {
        if (t.kind === 'repage') repages.push(run.id);
        if ((t.kind === 'warned' || t.kind === 'breached') && running.has(t.clockId)) {
          notices.push({
            clockId: t.clockId,
            label: t.label,
            kind: t.kind === 'warned' ? 'reminder' : 'due',
            at: t.at,
            dueAt: t.dueAt ?? t.at,
            runId: run.id,
            ticket: run.ticket,
          });
        }
      }
      // Legacy clocks without a policy warn by the reminder lead, not by a transition.
      const since = record.alarmAt ?? now;
      for (const alarm of clockAlarmTimes(template, run, since - 1)) {
        if (alarm.kind !== 'reminder' || alarm.at > now || !running.has(alarm.clockId)) continue;
        if (sla.fresh.some((t) => t.clockId === alarm.clockId && t.kind === 'warned')) continue;
        const warnsByPolicy = view.clocks.some(
          (c) => c.id === alarm.clockId && c.warnAt !== undefined,
        );
        if (!warnsByPolicy) notices.push({ ...alarm, runId: run.id, ticket: run.ticket });
      }
      const wake = view.closed ? undefined : nextWakeAfter(template, run, view, now);
      if (wake === undefined) delete next.alarmAt;
      else next.alarmAt = wake;
      await db.runs.put(next);
      await appendEvents(db, sla.events);
    }
    return { notices, repages };
  });
}
