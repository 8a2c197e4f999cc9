/**
 * The team side of the local database: the outbox of unsent events, the
 * events the team server sent, and the runs refolded from them. Each
 * function is one Dexie transaction; the background stays the only writer.
 */
import { factsStores, putRunFacts } from '../db/facts-store';
import Dexie, { type Table } from 'dexie';
import { foldOrder, foldRun, type FieldConflict } from '../../../lib/team/fold';
import type { ServerEvent, TeamEvent } from '../../../lib/team/protocol';
import type { Run, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { RunView } from '../../../lib/workflow/view';
import type { CasebookDB } from '../db/db';
import { buildRunRecord } from '../db/records';
import type { EventRecord } from '../db/types';
import { redactForTeam, type PrivacyPolicy } from './privacy';

export const CURSOR_KEY = 'team.cursor';

export interface Refolded {
  run: Run;
  view: RunView;
  template: WorkflowTemplate;
  conflicts: FieldConflict[];
}

/** The events table with the team's columns typed. */
function ev(db: CasebookDB): Table<EventRecord, number> {
  return db.events as unknown as Table<EventRecord, number>;
}

function eventsOf(db: CasebookDB, runId: string): Promise<EventRecord[]> {
  return ev(db)
    .where('[runId+seq]')
    .between([runId, Dexie.minKey], [runId, Dexie.maxKey])
    .toArray();
}

/** Template versions these events need that are not stored here. */
export async function missingTemplates(
  db: CasebookDB,
  events: readonly ServerEvent[],
): Promise<Array<{ id: string; version: number }>> {
  const wanted = new Map<string, { id: string; version: number }>();
  for (const e of events) {
    if (e.type !== 'run-created' && e.type !== 'template-migrated') continue;
    const ref = e.new as { templateId?: unknown; templateVersion?: unknown } | undefined;
    if (typeof ref?.templateId === 'string' && typeof ref.templateVersion === 'number') {
      wanted.set(`${ref.templateId}@${ref.templateVersion}`, {
        id: ref.templateId,
        version: ref.templateVersion,
      });
    }
  }
  const missing = [];
  for (const ref of wanted.values()) {
    if (!(await db.templates.get([ref.id, ref.version]))) missing.push(ref);
  }
  return missing;
}

/** Store template versions from the team (a version already here is kept). */
export async function storeTemplates(
  db: CasebookDB,
  templates: readonly WorkflowTemplate[],
  now: number,
): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    for (const t of templates) {
      if (!(await db.templates.get([t.id, t.version]))) {
        await db.templates.add({ id: t.id, version: t.version, savedAt: now, template: t });
      }
    }
  });
}

/** Refold one run from its events inside the caller's transaction; undefined if it cannot be shown yet. */
async function refold(db: CasebookDB, runId: string, now: number): Promise<Refolded | undefined> {
  const { run: folded, conflicts } = foldRun(foldOrder(await eventsOf(db, runId)));
  if (!folded) return undefined;
  const stored = await db.templates.get([folded.templateId, folded.templateVersion]);
  if (!stored) return undefined;
  const existing = await db.runs.get(runId);
  // Views drop updates whose revision is not newer.
  const run = { ...folded, revision: Math.max(folded.revision, (existing?.revision ?? 0) + 1) };
  const { record, entry, view } = buildRunRecord(stored.template, run, now, existing?.alarmAt);
  await db.runs.put(record);
  await db.openRuns.where('runId').equals(runId).delete();
  if (entry) await db.openRuns.add(entry);
  // The report counts team runs this browser holds like its own.
  await putRunFacts(db, stored.template, run, now);
  return { run, view, conflicts, template: stored.template };
}

/**
 * Take events from the server: new ones are added, ours get their sequence
 * number (the body we hold stays: it may have private values the server never
 * had); every run touched is refolded. `cursor` moves in the same transaction.
 */
export function applyServerEvents(
  db: CasebookDB,
  events: readonly ServerEvent[],
  cursor: number | undefined,
  now: number,
): Promise<Refolded[]> {
  return db.transaction(
    'rw',
    [db.events, db.runs, db.openRuns, db.templates, db.settings, ...factsStores(db)],
    async () => {
      const touched = new Set<string>();
      for (const e of events) {
        const known = await ev(db).where('id').equals(e.id).first();
        if (known) {
          if (known.serverSeq === e.serverSeq) continue;
          await ev(db).update(known.seq!, { serverSeq: e.serverSeq, by: e.by, outbox: undefined });
        } else {
          const { agentId: _agent, ...event } = e;
          await ev(db).add(event as EventRecord);
        }
        touched.add(e.runId);
      }
      if (cursor !== undefined) {
        const current = await db.settings.get(CURSOR_KEY);
        if (typeof current?.value !== 'number' || current.value < cursor) {
          await db.settings.put({ key: CURSOR_KEY, value: cursor });
        }
      }
      const changed: Refolded[] = [];
      for (const runId of touched) {
        const result = await refold(db, runId, now);
        if (result) changed.push(result);
      }
      return changed;
    },
  );
}

export async function readCursor(db: CasebookDB): Promise<number> {
  const row = await db.settings.get(CURSOR_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** The next events to push, oldest first, redacted; private ones are marked local-only instead. */
export function outboxBatch(
  db: CasebookDB,
  policy: PrivacyPolicy,
  limit: number,
): Promise<{ events: TeamEvent[]; templates: WorkflowTemplate[] }> {
  return db.transaction('rw', [db.events, db.templates], async () => {
    const pending = await ev(db).where('outbox').equals(1).sortBy('seq');
    const events: TeamEvent[] = [];
    const templates = new Map<string, WorkflowTemplate>();
    for (const record of pending) {
      if (events.length >= limit) break;
      const outgoing = redactForTeam(record, policy);
      if (!outgoing) {
        await ev(db).update(record.seq!, { outbox: undefined, localOnly: 1 });
        continue;
      }
      events.push(outgoing);
      if (record.type === 'run-created') {
        const ref = record.new as { templateId: string; templateVersion: number };
        const stored = await db.templates.get([ref.templateId, ref.templateVersion]);
        if (stored) templates.set(`${stored.id}@${stored.version}`, stored.template);
      }
    }
    return { events, templates: [...templates.values()] };
  });
}

/** The server has these: out of the outbox, in the team's order. Refolds their runs. */
export function markPushed(
  db: CasebookDB,
  accepted: ReadonlyArray<{ id: string; serverSeq: number }>,
  now: number,
): Promise<Refolded[]> {
  return db.transaction('rw', [db.events, db.runs, db.openRuns, db.templates], async () => {
    const touched = new Set<string>();
    for (const a of accepted) {
      const record = await ev(db).where('id').equals(a.id).first();
      if (!record) continue;
      await ev(db).update(record.seq!, { serverSeq: a.serverSeq, outbox: undefined });
      touched.add(record.runId);
    }
    const changed: Refolded[] = [];
    for (const runId of touched) {
      const result = await refold(db, runId, now);
      if (result) changed.push(result);
    }
    return changed;
  });
}

/** The server asked for these runs' history: every unsent event of theirs goes back in the outbox. */
export function requeueHistory(db: CasebookDB, runIds: readonly string[]): Promise<number> {
  return db.transaction('rw', db.events, async () => {
    let n = 0;
    for (const runId of runIds) {
      for (const record of await eventsOf(db, runId)) {
        if (record.serverSeq === undefined && !record.outbox && !record.localOnly) {
          await ev(db).update(record.seq!, { outbox: 1 });
          n++;
        }
      }
    }
    return n;
  });
}

/** Connecting starts sharing from now: events made before stay local unless their run is shared later. */
export function clearOutbox(db: CasebookDB): Promise<number> {
  return ev(db).where('outbox').equals(1).modify({ outbox: undefined });
}

export async function outboxSize(db: CasebookDB): Promise<number> {
  return db.events.where('outbox').equals(1).count();
}

/** Field conflicts of a run, refolded from its events (for the panel). */
export async function runConflicts(
  db: CasebookDB,
  runId: string,
): Promise<{ conflicts: FieldConflict[]; shared: boolean }> {
  const events = await eventsOf(db, runId);
  return {
    conflicts: foldRun(foldOrder(events)).conflicts,
    shared: events.some((e) => e.serverSeq !== undefined && e.by !== undefined),
  };
}
