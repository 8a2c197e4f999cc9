/**
 * A shared run's state is a fold of its events in one order: the team
 * server's sequence numbers, then this browser's unsent events in the order
 * they were made. Every browser and the server fold the same events in the
 * same order, so they agree on the run, its clocks, its gates and its paging
 * state (derived from the same events).
 *
 * Two agents editing the same field: the later event in the team's order
 * wins; both stay in the history. An edit whose author had not seen the value
 * it replaced (its `old` differs from what it overwrote) is a conflict, and
 * the agent whose value was overwritten is told (`conflicts`).
 */
import { sameValue } from '../workflow/ticket-merge';
import type {
  Actor,
  ClockPause,
  FieldState,
  FieldValue,
  Run,
  RunEvent,
  StepState,
  TicketInfo,
} from '../workflow/schema';

export interface FieldConflict {
  stepId: string;
  fieldId: string;
  /** The edit that was overwritten without its author's knowledge. */
  lost: { value: unknown; by: Actor; at: number; eventId?: string };
  /** The edit that replaced it. */
  won: { value: unknown; by: Actor; at: number; eventId?: string };
}

export interface FoldResult {
  run: Run | undefined;
  conflicts: FieldConflict[];
}

type FoldEvent = RunEvent & { id?: string };

function sameActor(a: Actor, b: Actor): boolean {
  return a.name === b.name && (a.email ?? '') === (b.email ?? '');
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Sort events into the fold order: sequenced ones by `serverSeq`, then the
 * rest by their local `seq` (or as given). Stable for equal keys.
 */
export function foldOrder<E extends FoldEvent & { serverSeq?: number }>(events: readonly E[]): E[] {
  const sequenced = events.filter((e) => e.serverSeq !== undefined);
  const pending = events.filter((e) => e.serverSeq === undefined);
  sequenced.sort((a, b) => a.serverSeq! - b.serverSeq!);
  pending.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return [...sequenced, ...pending];
}

/** Fold events (already in fold order) into the run they describe. */
export function foldRun(events: readonly FoldEvent[]): FoldResult {
  let run: Run | undefined;
  const conflicts: FieldConflict[] = [];
  // Who set each field last and with which event, to name the loser of a conflict.
  const setBy = new Map<string, FoldEvent>();
  let applied = 0;

  for (const e of events) {
    if (e.type === 'run-created') {
      // The first creation in the team's order makes the run; a second one
      // (two agents opening the ticket offline) stays in the history only.
      if (run) continue;
      const created = record(e.new);
      const ticket = created.ticket as TicketInfo;
      run = {
        id: e.runId,
        helpdesk: ticket.helpdesk,
        ticketId: ticket.ticketId,
        templateId: String(created.templateId),
        templateVersion: Number(created.templateVersion),
        ticket,
        createdAt: e.at,
        updatedAt: e.at,
        steps: {},
        values: {},
        pauses: [],
        revision: 1,
      };
      applied = 1;
      continue;
    }
    // Events of a run whose creation has not arrived yet wait for it.
    if (!run) continue;
    applied++;
    run = { ...run, updatedAt: Math.max(run.updatedAt, e.at), revision: applied };
    switch (e.type) {
      case 'field-set': {
        if (!e.stepId || !e.fieldId) break;
        const key = `${e.stepId}/${e.fieldId}`;
        const previous = run.values[e.stepId]?.[e.fieldId];
        const previousEvent = setBy.get(key);
        if (
          previous &&
          previousEvent &&
          !sameActor(previousEvent.by, e.by) &&
          !sameValue(e.old ?? null, previous.value) &&
          !sameValue(e.new, previous.value)
        ) {
          conflicts.push({
            stepId: e.stepId,
            fieldId: e.fieldId,
            lost: {
              value: previous.value,
              by: previous.by,
              at: previous.at,
              eventId: previousEvent.id,
            },
            won: { value: e.new, by: e.by, at: e.at, eventId: e.id },
          });
        }
        const value = e.new as FieldValue;
        const unchanged = previous !== undefined && sameValue(previous.value, value);
        const state: FieldState = {
          value,
          at: e.at,
          by: e.by,
          since: unchanged ? previous.since : e.at,
        };
        run.values = { ...run.values, [e.stepId]: { ...run.values[e.stepId], [e.fieldId]: state } };
        setBy.set(key, e);
        break;
      }
      case 'step-status': {
        if (!e.stepId) break;
        const status = e.new as StepState['status'];
        const state: StepState = {
          status,
          at: e.at,
          by: e.by,
          ...(status === 'skipped' && e.note ? { skipReason: e.note } : {}),
        };
        run.steps = { ...run.steps, [e.stepId]: state };
        break;
      }
      case 'run-closed':
        run.closedAt = typeof e.new === 'number' ? e.new : e.at;
        break;
      case 'run-reopened': {
        const { closedAt: _closed, ...rest } = run;
        run = rest;
        break;
      }
      case 'clock-paused': {
        const p = record(e.new);
        const pause: ClockPause = {
          clockId: String(p.clockId),
          from: Number(p.from),
          ...(e.note ? { reason: e.note } : {}),
        };
        run.pauses = [...run.pauses, pause];
        break;
      }
      case 'clock-resumed': {
        const p = record(e.new);
        const index = run.pauses.findIndex((x) => x.clockId === p.clockId && x.to === undefined);
        if (index >= 0) {
          run.pauses = run.pauses.map((x, i) => (i === index ? { ...x, to: Number(p.to) } : x));
        }
        break;
      }
      case 'ticket-updated':
        run.ticket = { ...run.ticket, ...(record(e.new) as Partial<TicketInfo>) };
        break;
      case 'template-migrated': {
        const to = record(e.new);
        const dropped = record(record(e.old).dropped);
        const droppedPauses = new Set(
          (record(to.report).droppedPauses as string[] | undefined) ?? [],
        );
        const steps = { ...run.steps };
        for (const stepId of Object.keys(record(dropped.steps))) delete steps[stepId];
        const values: Run['values'] = {};
        for (const [stepId, fields] of Object.entries(run.values)) {
          for (const [fieldId, state] of Object.entries(fields)) {
            if (`${stepId}/${fieldId}` in record(dropped.values)) continue;
            values[stepId] = { ...values[stepId], [fieldId]: state };
          }
        }
        run.templateId = String(to.templateId);
        run.templateVersion = Number(to.templateVersion);
        run.steps = steps;
        run.values = values;
        run.pauses = run.pauses.filter((p) => !droppedPauses.has(p.clockId));
        break;
      }
      case 'action':
        break;
    }
  }
  return { run, conflicts };
}

/** Conflicts in which `agent` lost an edit. */
export function conflictsLostBy(
  conflicts: readonly FieldConflict[],
  agent: Actor,
): FieldConflict[] {
  return conflicts.filter(
    (c) => sameActor(c.lost.by, agent) || (!!agent.email && c.lost.by.email === agent.email),
  );
}
