import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import { CALENDAR_TEMPLATE } from '../../../lib/workflow/testing';
import { WorkflowError } from '../../../lib/workflow/errors';
import type { Actor, TicketInfo } from '../../../lib/workflow/schema';
import { CasebookDB } from './db';
import { skipOpenSteps } from './testing';
import { DUE_SOON_MS } from './records';
import {
  countUrgentRuns,
  getRun,
  listEvents,
  countOpenRuns,
  listOpenRuns,
  migrateRunTo,
  mutateRun,
  nextClockAlarm,
  openRun,
  putAttachment,
  getAttachment,
  saveTemplate,
  takeDueClocks,
  wipeRunData,
} from './repo';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const ana: Actor = { name: 'Ana Agent', email: 'ana@example.com' };
const bo: Actor = { name: 'Bo Agent' };

let n = 0;
/** A database whose default template counts calendar time (round numbers for the store's keys). */
function freshDb(): CasebookDB {
  n += 1;
  const db = new CasebookDB(`repo-test-${n}-${Math.random()}`);
  void db.templates.add({
    id: CALENDAR_TEMPLATE.id,
    version: CALENDAR_TEMPLATE.version,
    savedAt: 0,
    template: CALENDAR_TEMPLATE,
  });
  return db;
}

function ticket(id: string, extra: Partial<TicketInfo> = {}): TicketInfo {
  return {
    helpdesk: 'zendesk',
    ticketId: id,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    subject: `Ticket ${id}`,
    createdAt: T0,
    ...extra,
  };
}

async function snapshot(db: CasebookDB) {
  return {
    runs: await db.runs.toArray(),
    events: await db.events.toArray(),
    attachments: await db.attachments.count(),
    templates: await db.templates.count(),
  };
}

describe('openRun', () => {
  it('creates the run on the active template, seeding the default template on first use', async () => {
    const db = freshDb();
    const opened = await openRun(db, ticket('1001'), ana, T0);
    expect(opened.created).toBe(true);
    expect(opened.run.id).toBe('zendesk:1001');
    expect(opened.run.templateId).toBe(DEFAULT_TEMPLATE.id);
    expect(opened.run.templateVersion).toBe(DEFAULT_TEMPLATE.version);
    expect(await db.templates.count()).toBe(1);
    const events = await listEvents(db, 'zendesk:1001');
    // The first-response clock started with the run, on the record.
    expect(events.map((e) => e.type)).toEqual(['run-created', 'sla']);
    expect(events[0]!.seq).toBeGreaterThan(0);
  });

  it('returns the same run for the same ticket and records changed metadata once', async () => {
    const db = freshDb();
    await openRun(db, ticket('1001'), ana, T0);
    const again = await openRun(db, ticket('1001'), ana, T0 + MIN);
    expect(again.created).toBe(false);
    expect(again.changed).toBe(false);
    expect(await db.runs.count()).toBe(1);

    const renamed = await openRun(
      db,
      ticket('1001', { subject: 'Checkout fails' }),
      bo,
      T0 + 2 * MIN,
    );
    expect(renamed.changed).toBe(true);
    expect(renamed.run.ticket.subject).toBe('Checkout fails');
    expect(renamed.run.revision).toBe(again.run.revision + 1);
    const types = (await listEvents(db, 'zendesk:1001')).map((e) => e.type);
    expect(types).toEqual(['run-created', 'sla', 'ticket-updated']);
  });

  it('keeps what it knew when a later page read misses a field', async () => {
    const db = freshDb();
    await openRun(db, ticket('7', { requesterName: 'Cy' }), ana, T0);
    const partial = await openRun(db, ticket('7', { requesterName: undefined }), ana, T0 + MIN);
    expect(partial.changed).toBe(false);
    expect(partial.run.ticket.requesterName).toBe('Cy');
  });

  it('pins existing runs to their version when a new template version is saved', async () => {
    const db = freshDb();
    const first = await openRun(db, ticket('1'), ana, T0);
    const saved = await saveTemplate(db, { ...DEFAULT_TEMPLATE, name: 'Support v2' }, T0 + MIN);
    expect(saved.changed).toBe(true);
    expect(saved.template.version).toBe(2);
    const second = await openRun(db, ticket('2'), ana, T0 + 2 * MIN);
    expect(second.run.templateVersion).toBe(2);
    expect((await getRun(db, first.run.id)).run.templateVersion).toBe(1);

    const migrated = await migrateRunTo(db, first.run.id, 2, ana, T0 + 3 * MIN);
    expect(migrated.run.templateVersion).toBe(2);
    expect((await listEvents(db, first.run.id)).map((e) => e.type)).toContain('template-migrated');
  });
});

describe('mutateRun', () => {
  it('keeps both edits when two tabs change different fields at once', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1001'), ana, T0);
    await Promise.all([
      mutateRun(
        db,
        run.id,
        { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV2' },
        ana,
        T0 + MIN,
      ),
      mutateRun(
        db,
        run.id,
        { type: 'set-field', stepId: 'collect-repro', fieldId: 'browser', value: 'Firefox 140' },
        bo,
        T0 + MIN,
      ),
      mutateRun(
        db,
        run.id,
        { type: 'set-field', stepId: 'verify-account', fieldId: 'plan', value: 'paid' },
        bo,
        T0 + MIN,
      ),
    ]);
    const stored = (await getRun(db, run.id)).run;
    expect(stored.values['assign-severity']?.severity?.value).toBe('SEV2');
    expect(stored.values['collect-repro']?.browser?.value).toBe('Firefox 140');
    expect(stored.values['verify-account']?.plan?.value).toBe('paid');
    expect(stored.revision).toBe(run.revision + 3);
    const fieldEvents = (await listEvents(db, run.id)).filter((e) => e.type === 'field-set');
    expect(fieldEvents).toHaveLength(3);
  });

  it('lets the later edit of the same field win and keeps both in the event log', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1001'), ana, T0);
    const set = (value: string, who: Actor, at: number) =>
      mutateRun(
        db,
        run.id,
        { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value },
        who,
        at,
      );
    await Promise.all([set('SEV3', ana, T0 + MIN), set('SEV1', bo, T0 + MIN + 1)]);
    const stored = (await getRun(db, run.id)).run;
    expect(stored.values['assign-severity']?.severity?.value).toBe('SEV1');
    expect(stored.values['assign-severity']?.severity?.by).toEqual(bo);
    const events = await listEvents(db, run.id, 'assign-severity');
    expect(events.map((e) => [e.old, e.new, e.by.name])).toEqual([
      [null, 'SEV3', 'Ana Agent'],
      ['SEV3', 'SEV1', 'Bo Agent'],
    ]);
  });

  it('changes nothing when the engine rejects the mutation', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1001'), ana, T0);
    const before = await snapshot(db);
    await expect(
      mutateRun(
        db,
        run.id,
        { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV9' },
        ana,
        T0 + MIN,
      ),
    ).rejects.toBeInstanceOf(WorkflowError);
    await expect(
      mutateRun(
        db,
        run.id,
        { type: 'set-step-status', stepId: 'close', status: 'done' },
        ana,
        T0 + MIN,
      ),
    ).rejects.toMatchObject({ code: 'blocked' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports an unknown run as not found', async () => {
    const db = freshDb();
    await expect(
      mutateRun(db, 'zendesk:404', { type: 'resume-clock', clockId: 'first-response' }, ana, T0),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(listEvents(db, 'zendesk:404')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('derived keys', () => {
  it('keeps one open-runs row per open run, keyed by its next due clock, and none once closed', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    let record = await db.runs.get(run.id);
    // Plan unknown: the strictest first-response SLA (1 h) applies.
    expect(record?.nextDueAt).toBe(T0 + 60 * MIN);
    expect(record?.alarmAt).toBe(T0 + 45 * MIN);
    expect(await db.openRuns.toCollection().primaryKeys()).toEqual([[T0 + 60 * MIN, -T0, run.id]]);

    await mutateRun(
      db,
      run.id,
      { type: 'set-field', stepId: 'verify-account', fieldId: 'plan', value: 'trial' },
      ana,
      T0 + MIN,
    );
    record = await db.runs.get(run.id);
    expect(record?.nextDueAt).toBe(T0 + 240 * MIN);
    expect(await db.openRuns.toCollection().primaryKeys()).toEqual([
      [T0 + 240 * MIN, -(T0 + MIN), run.id],
    ]);

    await mutateRun(
      db,
      run.id,
      { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      ana,
      T0 + 2 * MIN,
    );
    record = await db.runs.get(run.id);
    expect(record?.nextDueAt).toBeUndefined();
    expect(record?.alarmAt).toBeUndefined();
    expect(await db.openRuns.toCollection().primaryKeys()).toEqual([
      [Infinity, -(T0 + 2 * MIN), run.id],
    ]);

    await skipOpenSteps(db, run.id, ana, T0 + 3 * MIN);
    await mutateRun(
      db,
      run.id,
      { type: 'set-field', stepId: 'close', fieldId: 'root-cause', value: 'billing' },
      ana,
      T0 + 3 * MIN,
    );
    await mutateRun(
      db,
      run.id,
      { type: 'set-step-status', stepId: 'close', status: 'done' },
      ana,
      T0 + 4 * MIN,
    );
    expect((await getRun(db, run.id)).run.closedAt).toBe(T0 + 4 * MIN);
    expect(await db.openRuns.count()).toBe(0);
    expect((await listOpenRuns(db, T0 + 5 * MIN)).counts?.open).toBe(0);
  });
});

describe('listOpenRuns', () => {
  it('lists breached first, then due soonest, then runs without a clock by recency, with counts', async () => {
    const db = freshDb();
    // First response (1 h, plan unknown) from each ticket's creation.
    await openRun(db, ticket('late', { createdAt: T0 - 2 * 60 * MIN }), ana, T0);
    await openRun(db, ticket('soon', { createdAt: T0 - 50 * MIN }), ana, T0);
    await openRun(db, ticket('later', { createdAt: T0 }), ana, T0);
    const idle = await openRun(db, ticket('idle', { createdAt: T0 }), ana, T0);
    await mutateRun(
      db,
      idle.run.id,
      { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      ana,
      T0 + 1,
    );
    const idle2 = await openRun(db, ticket('idle2', { createdAt: T0 }), ana, T0);
    await mutateRun(
      db,
      idle2.run.id,
      { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      ana,
      T0 + 2,
    );

    const page = await listOpenRuns(db, T0 + 3);
    expect(page.items.map((i) => i.ticketId)).toEqual(['late', 'soon', 'later', 'idle2', 'idle']);
    expect(page.counts).toEqual({ open: 5, breached: 1, dueSoon: 1 });
    expect(page.items[0]).toMatchObject({
      breached: true,
      dueSoon: false,
      nextClockLabel: 'First response',
    });
    expect(page.items[1]).toMatchObject({ breached: false, dueSoon: true });
    expect(page.items[3]?.nextDueAt).toBeUndefined();

    expect((await listOpenRuns(db, T0 + 3, { limit: 2 })).items.map((i) => i.ticketId)).toEqual([
      'late',
      'soon',
    ]);
    expect(
      (await listOpenRuns(db, T0 + 3, { query: 'IDLE' })).items.map((i) => i.ticketId),
    ).toEqual(['idle2', 'idle']);

    // The popup's first screen: the same rows without the counts, and the
    // counts on their own, as the badge and the full list count them.
    const rowsOnly = await listOpenRuns(db, T0 + 3, { limit: 2, counts: false });
    expect(rowsOnly).toEqual({ items: page.items.slice(0, 2) });
    expect(await countOpenRuns(db, T0 + 3)).toEqual(page.counts);
    // An hour on, "soon" and "later" have breached too.
    expect(await countOpenRuns(db, T0 + 61 * MIN)).toEqual({ open: 5, breached: 3, dueSoon: 0 });
  });
});

describe('clock wake-ups', () => {
  it('reports the reminder and the breach once each, while the clock still runs', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    expect(await nextClockAlarm(db)).toBe(T0 + 45 * MIN);
    expect((await takeDueClocks(db, T0 + 44 * MIN)).notices).toEqual([]);

    const reminder = (await takeDueClocks(db, T0 + 45 * MIN + 5)).notices;
    expect(reminder.map((r) => [r.runId, r.clockId, r.kind])).toEqual([
      [run.id, 'first-response', 'reminder'],
    ]);
    expect(await nextClockAlarm(db)).toBe(T0 + 60 * MIN);
    expect((await takeDueClocks(db, T0 + 46 * MIN)).notices).toEqual([]);

    // The alarm fires late: the breach is still reported, once.
    const breach = (await takeDueClocks(db, T0 + 70 * MIN)).notices;
    expect(breach.map((r) => r.kind)).toEqual(['due']);
    expect((await takeDueClocks(db, T0 + 80 * MIN)).notices).toEqual([]);
    // …and on the run's record, once, after the clock's start.
    const sla = (await listEvents(db, run.id)).filter((e) => e.type === 'sla');
    expect(sla.map((e) => (e.new as { transition: string }).transition)).toEqual([
      'started',
      'breached',
    ]);
  });

  it('does not report a clock that stopped before its moment was handled', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    // The reminder moment passes, then the agent acknowledges before the tick runs.
    await mutateRun(
      db,
      run.id,
      { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      ana,
      T0 + 46 * MIN,
    );
    expect((await db.runs.get(run.id))?.alarmAt).toBe(T0 + 45 * MIN);
    expect((await takeDueClocks(db, T0 + 47 * MIN)).notices).toEqual([]);
    expect((await db.runs.get(run.id))?.alarmAt).toBeUndefined();
  });

  it('counts runs breached or due within 15 minutes for the badge', async () => {
    const db = freshDb();
    await openRun(db, ticket('a', { createdAt: T0 - 2 * 60 * MIN }), ana, T0);
    await openRun(db, ticket('b', { createdAt: T0 - 50 * MIN }), ana, T0);
    await openRun(db, ticket('c', { createdAt: T0 }), ana, T0);
    expect(await countUrgentRuns(db, T0)).toBe(2);
    expect(await countUrgentRuns(db, T0 + 60 * MIN - DUE_SOON_MS)).toBe(3);
  });
});

describe('attachments', () => {
  it('stores the bytes and appends the file to the field in one change', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    const put = (id: string, name: string) =>
      putAttachment(
        db,
        {
          id,
          runId: run.id,
          stepId: 'request-artifacts',
          fieldId: 'files',
          name,
          mimeType: 'text/plain',
          blob: new Blob([`${name} bytes`], { type: 'text/plain' }),
        },
        ana,
        T0 + MIN,
      );
    const a = await put('att-1', 'a.txt');
    await put('att-2', 'b.txt');
    expect(a.file).toEqual({ attachmentId: 'att-1', name: 'a.txt', size: 11, type: 'text/plain' });
    const value = (await getRun(db, run.id)).run.values['request-artifacts']?.files?.value;
    expect(Array.isArray(value) && value.map((f) => (f as { name: string }).name)).toEqual([
      'a.txt',
      'b.txt',
    ]);
    expect(await (await getAttachment(db, 'att-2')).blob.text()).toBe('b.txt bytes');
  });

  it('refuses a field that is not a file field and stores nothing', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    const before = await snapshot(db);
    await expect(
      putAttachment(
        db,
        {
          id: 'x',
          runId: run.id,
          stepId: 'assign-severity',
          fieldId: 'severity',
          name: 'a',
          mimeType: '',
          blob: new Blob(['a']),
        },
        ana,
        T0,
      ),
    ).rejects.toMatchObject({ code: 'invalid-value' });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('wipeRunData', () => {
  it('deletes runs, events and attachments but keeps templates', async () => {
    const db = freshDb();
    await openRun(db, ticket('1'), ana, T0);
    await openRun(db, ticket('2'), ana, T0);
    const wiped = await wipeRunData(db);
    // Each run: created, and its first-response clock started.
    expect(wiped).toMatchObject({ runs: 2, events: 4, attachments: 0 });
    expect(wiped.runIds.sort()).toEqual(['zendesk:1', 'zendesk:2']);
    expect(await db.runs.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.templates.count()).toBe(1);
  });
});
