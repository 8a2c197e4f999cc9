/**
 * Opening, changing, migrating and reading one run and its event log. Every
 * change is one read-write transaction through `writeRun` (./write.ts).
 */
import Dexie from 'dexie';
import { ProtocolFailure } from '../../../../lib/messaging/envelope';
import {
  applyMutation,
  createRun,
  migrateRun,
  type Mutation,
} from '../../../../lib/workflow/engine';
import { mergeTicketInfo } from '../../../../lib/workflow/ticket-merge';
import type {
  Actor,
  Run,
  RunEvent,
  TicketInfo,
  WorkflowTemplate,
} from '../../../../lib/workflow/schema';
import type { CasebookDB } from '../db';
import { buildRunRecord, runFromRecord } from '../records';
import { activeTemplate, templateVersion } from './templates';
import { readRun, runChangeStores, writeRun, type RunChange } from './write';

/** The ticket merged with what the page shows now; undefined when the page changed nothing. */
function ticketUpdate(known: TicketInfo, seen: TicketInfo): TicketInfo | undefined {
  const { merged, new: changed } = mergeTicketInfo(known, seen);
  return Object.keys(changed).length > 0 ? merged : undefined;
}

/**
 * Get or create the run for the ticket, pinned to the active template
 * version, and record changed ticket metadata as an `update-ticket` change.
 */
export function openRun(
  db: CasebookDB,
  ticket: TicketInfo,
  actor: Actor,
  now: number,
): Promise<RunChange & { created: boolean; changed: boolean }> {
  return db.transaction('rw', [...runChangeStores(db), db.settings], async () => {
    const existing = await db.runs
      .where('[helpdesk+ticketId]')
      .equals([ticket.helpdesk, ticket.ticketId])
      .first();
    if (!existing) {
      const { template } = await activeTemplate(db, now);
      const created = createRun(template, ticket, actor, now);
      const change = await writeRun(db, template, created.run, created.events, now, undefined);
      return { ...change, created: true, changed: true };
    }
    const template = await templateVersion(db, existing.templateId, existing.templateVersion);
    const run = runFromRecord(existing);
    const update = ticketUpdate(run.ticket, ticket);
    if (!update) {
      const { view } = buildRunRecord(template, run, now, existing.alarmAt);
      return { run, template, view, events: [], created: false, changed: false };
    }
    const next = applyMutation(
      template,
      run,
      { type: 'update-ticket', ticket: update },
      actor,
      now,
    );
    const change = await writeRun(db, template, next.run, next.events, now, existing.alarmAt);
    return { ...change, created: false, changed: true };
  });
}

export function mutateRun(
  db: CasebookDB,
  runId: string,
  mutation: Mutation,
  actor: Actor,
  now: number,
): Promise<RunChange> {
  return db.transaction('rw', runChangeStores(db), async () => {
    const record = await readRun(db, runId);
    const template = await templateVersion(db, record.templateId, record.templateVersion);
    const next = applyMutation(template, runFromRecord(record), mutation, actor, now);
    return writeRun(db, template, next.run, next.events, now, record.alarmAt);
  });
}

export function migrateRunTo(
  db: CasebookDB,
  runId: string,
  toVersion: number,
  actor: Actor,
  now: number,
): Promise<RunChange> {
  return db.transaction('rw', runChangeStores(db), async () => {
    const record = await readRun(db, runId);
    const from = await templateVersion(db, record.templateId, record.templateVersion);
    const to = await templateVersion(db, record.templateId, toVersion);
    const next = migrateRun(runFromRecord(record), from, to, actor, now);
    return writeRun(db, to, next.run, next.events, now, record.alarmAt);
  });
}

export function getRun(
  db: CasebookDB,
  runId: string,
): Promise<{ run: Run; template: WorkflowTemplate }> {
  return db.transaction('r', [db.runs, db.templates], async () => {
    const record = await readRun(db, runId);
    const template = await templateVersion(db, record.templateId, record.templateVersion);
    return { run: runFromRecord(record), template };
  });
}

export function listEvents(db: CasebookDB, runId: string, stepId?: string): Promise<RunEvent[]> {
  return db.transaction('r', [db.runs, db.events], async () => {
    if ((await db.runs.where('id').equals(runId).count()) === 0) {
      throw new ProtocolFailure('not-found', `No run "${runId}".`);
    }
    const events = await db.events
      .where('[runId+seq]')
      .between([runId, Dexie.minKey], [runId, Dexie.maxKey])
      .toArray();
    return stepId === undefined ? events : events.filter((e) => e.stepId === stepId);
  });
}

/** A run with its template and every event, for exports. */
export function getRunWithEvents(
  db: CasebookDB,
  runId: string,
): Promise<{ run: Run; template: WorkflowTemplate; events: RunEvent[] }> {
  return db.transaction('r', [db.runs, db.templates, db.events], async () => {
    const record = await readRun(db, runId);
    const template = await templateVersion(db, record.templateId, record.templateVersion);
    const events = await db.events
      .where('[runId+seq]')
      .between([runId, Dexie.minKey], [runId, Dexie.maxKey])
      .toArray();
    return { run: runFromRecord(record), template, events };
  });
}
