/**
 * Every read and write of runs, events, attachments and templates. Each
 * change is ONE Dexie read-write transaction that re-reads the run, applies
 * the engine's mutation, writes the run and appends its events: concurrent
 * edits from two tabs are serialized by IndexedDB and each applies to the
 * latest state, so edits of different fields both survive. Inside a
 * transaction only IndexedDB work is awaited (the engine is synchronous),
 * and nothing is caught: any throw aborts the whole change.
 */
import Dexie from 'dexie';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import type { OpenRunSummary } from '../../../lib/messaging/runs';
import type { TemplateSummary } from '../../../lib/messaging/templates';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import { applyMutation, createRun, migrateRun, type Mutation } from '../../../lib/workflow/engine';
import type {
  Actor,
  FileRef,
  Run,
  RunEvent,
  TicketInfo,
  WorkflowTemplate,
  WorkflowTemplateInput,
} from '../../../lib/workflow/schema';
import { nextTemplateVersion } from '../../../lib/workflow/versioning';
import { ESCALATING, recordSlaTransitions } from '../../../lib/sla/transitions';
import type { RunView } from '../../../lib/workflow/view';
import type { CasebookDB } from './db';
import { clockAlarmTimes, deriveRunView, type ClockAlarm } from '../../../lib/workflow/derive';
import {
  buildRunRecord,
  DUE_SOON_MS,
  nextWakeAfter,
  runFromRecord,
  type OpenRunEntry,
  type RunRecord,
} from './records';
import { putRunFacts } from './facts-store';
import type { AttachmentRecord, TemplateRecord } from './types';

export const ACTIVE_TEMPLATE_KEY = 'activeTemplateId';

export interface RunChange {
  run: Run;
  template: WorkflowTemplate;
  view: RunView;
  events: RunEvent[];
}

// ---------------------------------------------------------------------------
// Helpers that run inside a caller's transaction
// ---------------------------------------------------------------------------

async function latestTemplate(db: CasebookDB, id: string): Promise<TemplateRecord | undefined> {
  return db.templates.where('[id+version]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last();
}

async function templateVersion(
  db: CasebookDB,
  id: string,
  version: number,
): Promise<WorkflowTemplate> {
  const record = await db.templates.get([id, version]);
  if (!record)
    throw new ProtocolFailure('not-found', `Template "${id}" version ${version} is not stored.`);
  return record.template;
}

/** The active template; the built-in default is stored on first use. Needs templates + settings rw. */
async function activeTemplate(db: CasebookDB, now: number): Promise<TemplateRecord> {
  const setting = await db.settings.get(ACTIVE_TEMPLATE_KEY);
  const activeId = typeof setting?.value === 'string' ? setting.value : DEFAULT_TEMPLATE.id;
  const active =
    (await latestTemplate(db, activeId)) ?? (await latestTemplate(db, DEFAULT_TEMPLATE.id));
  if (active) return active;
  const seeded: TemplateRecord = {
    id: DEFAULT_TEMPLATE.id,
    version: DEFAULT_TEMPLATE.version,
    savedAt: now,
    template: DEFAULT_TEMPLATE,
  };
  await db.templates.add(seeded);
  return seeded;
}

async function readRun(db: CasebookDB, runId: string): Promise<RunRecord> {
  const record = await db.runs.get(runId);
  if (!record) throw new ProtocolFailure('not-found', `No run "${runId}".`);
  return record;
}

async function appendEvents(db: CasebookDB, events: RunEvent[]): Promise<void> {
  if (events.length === 0) return;
  // `seq` is the store's auto-increment key.
  await db.events.bulkAdd(events.map(({ seq: _seq, ...event }) => event as RunEvent));
}

async function writeRun(
  db: CasebookDB,
  template: WorkflowTemplate,
  run: Run,
  events: RunEvent[],
  now: number,
  previousAlarmAt: number | undefined,
): Promise<RunChange> {
  // Clock starts, pauses, resumes and stops go on the record with the change
  // that caused them; warnings and breaches are the clock tick's (takeDueClocks).
  const sla = recordSlaTransitions(template, run, now, (kind) => !ESCALATING.has(kind));
  run = sla.run;
  events = [...events, ...sla.events];
  const { record, entry, view } = buildRunRecord(template, run, now, previousAlarmAt);
  await db.runs.put(record);
  await db.openRuns.where('runId').equals(run.id).delete();
  if (entry) await db.openRuns.add(entry);
  await appendEvents(db, events);
  await putRunFacts(db, template, run, now);
  return { run, template, view, events };
}

/** Fields the page reported that differ from what the run knows. Missing ones are not news. */
function ticketUpdate(known: TicketInfo, seen: TicketInfo): TicketInfo | undefined {
  const merged: Record<string, unknown> = { ...known };
  let changed = false;
  for (const [key, value] of Object.entries(seen)) {
    if (value !== undefined && known[key as keyof TicketInfo] !== value) {
      merged[key] = value;
      changed = true;
    }
  }
  return changed ? (merged as TicketInfo) : undefined;
}

// ---------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------

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
  return db.transaction(
    'rw',
    [db.runs, db.openRuns, db.events, db.runFacts, db.templates, db.settings],
    async () => {
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
    },
  );
}

export function mutateRun(
  db: CasebookDB,
  runId: string,
  mutation: Mutation,
  actor: Actor,
  now: number,
): Promise<RunChange> {
  return db.transaction(
    'rw',
    [db.runs, db.openRuns, db.events, db.runFacts, db.templates],
    async () => {
      const record = await readRun(db, runId);
      const template = await templateVersion(db, record.templateId, record.templateVersion);
      const next = applyMutation(template, runFromRecord(record), mutation, actor, now);
      return writeRun(db, template, next.run, next.events, now, record.alarmAt);
    },
  );
}

export function migrateRunTo(
  db: CasebookDB,
  runId: string,
  toVersion: number,
  actor: Actor,
  now: number,
): Promise<RunChange> {
  return db.transaction(
    'rw',
    [db.runs, db.openRuns, db.events, db.runFacts, db.templates],
    async () => {
      const record = await readRun(db, runId);
      const from = await templateVersion(db, record.templateId, record.templateVersion);
      const to = await templateVersion(db, record.templateId, toVersion);
      const next = migrateRun(runFromRecord(record), from, to, actor, now);
      return writeRun(db, to, next.run, next.events, now, record.alarmAt);
    },
  );
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

// ---------------------------------------------------------------------------
// Open runs
// ---------------------------------------------------------------------------

export function toOpenRunSummary(entry: OpenRunEntry, now: number): OpenRunSummary {
  const { dueKey: _d, recency: _r, requesterEmail: _e, organization: _o, ...summary } = entry;
  const due = entry.nextDueAt;
  return {
    ...summary,
    breached: due !== undefined && due <= now,
    dueSoon: due !== undefined && due > now && due <= now + DUE_SOON_MS,
  };
}

function matches(entry: OpenRunEntry, needle: string): boolean {
  return [
    entry.ticketId,
    entry.displayId,
    entry.subject,
    entry.requesterName,
    entry.requesterEmail,
    entry.organization,
  ].some((v) => v !== undefined && v.toLowerCase().includes(needle));
}

/** Primary keys of open runs due at or before `at` (dueKey ≤ at; Infinity never is). */
function dueBy(at: number): [number, number] {
  return [at, Infinity];
}

export interface OpenRunCounts {
  open: number;
  breached: number;
  dueSoon: number;
}

export interface OpenRunsPage {
  items: OpenRunSummary[];
  /** Absent when asked for without counts. */
  counts?: OpenRunCounts;
}

/** Reads the counts inside the caller's transaction on `openRuns`. */
async function countOpenRunsIn(db: CasebookDB, now: number): Promise<OpenRunCounts> {
  // A count walks its key range in Chromium, so `open` is the breached
  // range plus the rest (each row walked once, not twice as with a
  // whole-store count), and the three counts go out together.
  const [breached, notBreached, dueSoon] = await Promise.all([
    db.openRuns.where(':id').belowOrEqual(dueBy(now)).count(),
    db.openRuns.where(':id').above(dueBy(now)).count(),
    db.openRuns
      .where(':id')
      .between(dueBy(now), dueBy(now + DUE_SOON_MS), false, true)
      .count(),
  ]);
  return { open: breached + notBreached, breached, dueSoon };
}

/** Every open run, breached ones, and those due within 15 minutes. */
export function countOpenRuns(db: CasebookDB, now: number): Promise<OpenRunCounts> {
  return db.transaction('r', db.openRuns, () => countOpenRunsIn(db, now));
}

/**
 * Breached first, then due soonest, then runs without a running clock by
 * most recent update: the `openRuns` primary-key order. Counts cover every
 * open run; `query` narrows the items only. `counts: false` skips the
 * counts, which walk every open run while the items read only a page.
 */
export function listOpenRuns(
  db: CasebookDB,
  now: number,
  options: { query?: string; limit?: number; counts?: boolean } = {},
): Promise<OpenRunsPage> {
  const limit = options.limit ?? 50;
  const needle = options.query?.trim().toLowerCase() ?? '';
  return db.transaction('r', db.openRuns, async () => {
    const [counts, entries] = await Promise.all([
      options.counts === false ? undefined : countOpenRunsIn(db, now),
      needle
        ? db.openRuns
            .filter((e) => matches(e, needle))
            .limit(limit)
            .toArray()
        : db.openRuns.limit(limit).toArray(),
    ]);
    const items = entries.map((e) => toOpenRunSummary(e, now));
    return counts ? { items, counts } : { items };
  });
}

// ---------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------

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
    const templates = new Map<string, WorkflowTemplate>();
    const notices: DueNotice[] = [];
    const repages: string[] = [];
    for (const record of due) {
      const key = `${record.templateId}@${record.templateVersion}`;
      let template = templates.get(key);
      if (!template) {
        template = await templateVersion(db, record.templateId, record.templateVersion);
        templates.set(key, template);
      }
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

// ---------------------------------------------------------------------------
// Attachments
// ---------------------------------------------------------------------------

function findField(template: WorkflowTemplate, stepId: string, fieldId: string) {
  for (const section of template.sections) {
    const step = section.steps.find((s) => s.id === stepId);
    if (step) return step.fields.find((f) => f.id === fieldId);
  }
  return undefined;
}

function isFileRef(value: unknown): value is FileRef {
  return typeof value === 'object' && value !== null && 'attachmentId' in value;
}

export interface NewAttachment {
  id: string;
  runId: string;
  stepId: string;
  fieldId: string;
  name: string;
  mimeType: string;
  blob: Blob;
  sanitized?: FileRef['sanitized'];
}

/** Store the file and append it to the file field, in one transaction. */
export function putAttachment(
  db: CasebookDB,
  file: NewAttachment,
  actor: Actor,
  now: number,
): Promise<RunChange & { file: FileRef }> {
  return db.transaction(
    'rw',
    [db.runs, db.openRuns, db.events, db.runFacts, db.templates, db.attachments],
    async () => {
      const record = await readRun(db, file.runId);
      const template = await templateVersion(db, record.templateId, record.templateVersion);
      const field = findField(template, file.stepId, file.fieldId);
      if (!field) {
        throw new ProtocolFailure(
          'not-found',
          `No field "${file.stepId}/${file.fieldId}" in this run's template.`,
        );
      }
      if (field.type !== 'file') {
        throw new ProtocolFailure('invalid-value', `"${field.label}" is not a file field.`);
      }
      const current = record.values[file.stepId]?.[file.fieldId]?.value;
      const files = Array.isArray(current) ? current.filter(isFileRef) : [];
      const ref: FileRef = {
        attachmentId: file.id,
        name: file.name,
        size: file.blob.size,
        type: file.mimeType,
        ...(file.sanitized ? { sanitized: file.sanitized } : {}),
      };
      const mutation: Mutation = {
        type: 'set-field',
        stepId: file.stepId,
        fieldId: file.fieldId,
        value: [...files, ref],
      };
      const next = applyMutation(template, runFromRecord(record), mutation, actor, now);
      const stored: AttachmentRecord = {
        id: file.id,
        runId: file.runId,
        stepId: file.stepId,
        fieldId: file.fieldId,
        name: file.name,
        mimeType: file.mimeType,
        size: file.blob.size,
        createdAt: now,
        blob: file.blob,
      };
      await db.attachments.add(stored);
      const change = await writeRun(db, template, next.run, next.events, now, record.alarmAt);
      return { ...change, file: ref };
    },
  );
}

export async function getAttachment(db: CasebookDB, id: string): Promise<AttachmentRecord> {
  const record = await db.attachments.get(id);
  if (!record) throw new ProtocolFailure('not-found', `No attachment "${id}".`);
  return record;
}

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

export function getActiveTemplate(db: CasebookDB, now: number): Promise<WorkflowTemplate> {
  return db.transaction(
    'rw',
    [db.templates, db.settings],
    async () => (await activeTemplate(db, now)).template,
  );
}

export function getTemplate(
  db: CasebookDB,
  id: string,
  version: number,
): Promise<WorkflowTemplate> {
  return db.transaction('r', db.templates, () => templateVersion(db, id, version));
}

export function listTemplates(db: CasebookDB, now: number): Promise<TemplateSummary[]> {
  return db.transaction('rw', [db.templates, db.settings], async () => {
    const active = await activeTemplate(db, now);
    const all = await db.templates.toArray();
    return all
      .sort((a, b) => (a.id === b.id ? b.version - a.version : a.id.localeCompare(b.id)))
      .map((r) => ({
        id: r.id,
        version: r.version,
        name: r.template.name,
        savedAt: r.savedAt,
        active: r.id === active.id && r.version === active.version,
      }));
  });
}

/** Store `input` as the next version of its template when it changed, and make it active. */
export function saveTemplate(
  db: CasebookDB,
  input: WorkflowTemplateInput,
  now: number,
): Promise<{ template: WorkflowTemplate; changed: boolean }> {
  return db.transaction('rw', [db.templates, db.settings], async () => {
    // Seeds the default first, so editing it starts from version 1.
    await activeTemplate(db, now);
    const latest = await latestTemplate(db, input.id);
    const result = nextTemplateVersion(latest?.template, input);
    if (result.changed) {
      await db.templates.add({
        id: result.template.id,
        version: result.template.version,
        savedAt: now,
        template: result.template,
      });
    }
    await db.settings.put({ key: ACTIVE_TEMPLATE_KEY, value: result.template.id });
    return result;
  });
}

/** The latest version of every stored template (settings export). */
export function latestTemplates(db: CasebookDB): Promise<WorkflowTemplate[]> {
  return db.transaction('r', db.templates, async () => {
    const latest = new Map<string, TemplateRecord>();
    for (const r of await db.templates.toArray()) {
      const known = latest.get(r.id);
      if (!known || known.version < r.version) latest.set(r.id, r);
    }
    return [...latest.values()].map((r) => r.template);
  });
}

export function resetTemplate(
  db: CasebookDB,
  now: number,
): Promise<{ template: WorkflowTemplate; changed: boolean }> {
  return saveTemplate(db, DEFAULT_TEMPLATE, now);
}

// ---------------------------------------------------------------------------
// All data
// ---------------------------------------------------------------------------

export function exportAllRuns(db: CasebookDB): Promise<{ runs: Run[]; events: RunEvent[] }> {
  return db.transaction('r', [db.runs, db.events], async () => ({
    runs: (await db.runs.toArray()).map(runFromRecord),
    events: await db.events.toArray(),
  }));
}

/** Every run with its view (derived at `now`), for CSV export. */
export function allRunsWithViews(
  db: CasebookDB,
  now: number,
): Promise<Array<{ run: Run; view: RunView }>> {
  return db.transaction('r', [db.runs, db.templates], async () => {
    const templates = new Map<string, WorkflowTemplate>();
    const rows: Array<{ run: Run; view: RunView }> = [];
    for (const record of await db.runs.toArray()) {
      const key = `${record.templateId}@${record.templateVersion}`;
      let template = templates.get(key);
      if (!template) {
        template = await templateVersion(db, record.templateId, record.templateVersion);
        templates.set(key, template);
      }
      const run = runFromRecord(record);
      rows.push({ run, view: deriveRunView(template, run, now) });
    }
    return rows;
  });
}

/** Delete every run, event and attachment. Templates and settings stay. */
export function wipeRunData(
  db: CasebookDB,
): Promise<{ runIds: string[]; runs: number; events: number; attachments: number }> {
  return db.transaction(
    'rw',
    [db.runs, db.openRuns, db.events, db.attachments, db.runFacts],
    async () => {
      const runIds = (await db.runs.toCollection().primaryKeys()) as string[];
      const events = await db.events.count();
      const attachments = await db.attachments.count();
      await Promise.all([
        db.runs.clear(),
        db.openRuns.clear(),
        db.events.clear(),
        db.attachments.clear(),
        db.runFacts.clear(),
      ]);
      return { runIds, runs: runIds.length, events, attachments };
    },
  );
}

const DAY_MS = 24 * 60 * 60_000;

/** Runs read per retention transaction: a pass never holds the stores for long. */
export const RETENTION_BATCH = 200;

/**
 * Delete closed runs whose `closedAt` is more than `retentionDays` before
 * `now`, with their events, attachments and open-runs rows. Runs have no
 * `closedAt` index, so the pass walks them by primary key, `batchSize` per
 * read-write transaction, re-reading each batch inside its transaction so a
 * run reopened meanwhile is kept. Open runs (no `closedAt`) are never
 * deleted; `retentionDays` 0 keeps everything.
 */
export async function deleteExpiredRuns(
  db: CasebookDB,
  retentionDays: number,
  now: number,
  batchSize: number = RETENTION_BATCH,
): Promise<{ runIds: string[]; runs: number; events: number; attachments: number }> {
  const removed = { runIds: [] as string[], runs: 0, events: 0, attachments: 0 };
  if (!(retentionDays > 0)) return removed;
  const cutoff = now - retentionDays * DAY_MS;
  let after: string | undefined;
  for (;;) {
    const batch = await db.transaction(
      'rw',
      [db.runs, db.openRuns, db.events, db.attachments, db.runFacts],
      async () => {
        const page = await (
          after === undefined ? db.runs.orderBy(':id') : db.runs.where(':id').above(after)
        )
          .limit(batchSize)
          .toArray();
        const expired = page
          .filter((r) => r.closedAt !== undefined && r.closedAt < cutoff)
          .map((r) => r.id);
        let events = 0;
        let attachments = 0;
        if (expired.length > 0) {
          events = await db.events.where('runId').anyOf(expired).delete();
          attachments = await db.attachments.where('runId').anyOf(expired).delete();
          await db.openRuns.where('runId').anyOf(expired).delete();
          await db.runFacts.bulkDelete(expired);
          await db.runs.bulkDelete(expired);
        }
        return {
          last: page[page.length - 1]?.id,
          full: page.length === batchSize,
          expired,
          events,
          attachments,
        };
      },
    );
    removed.runIds.push(...batch.expired);
    removed.events += batch.events;
    removed.attachments += batch.attachments;
    if (!batch.full || batch.last === undefined) break;
    after = batch.last;
  }
  removed.runs = removed.runIds.length;
  return removed;
}
