import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../../../lib/workflow/default-template';
import { WorkflowError } from '../../../../lib/workflow/errors';
import type { Actor } from '../../../../lib/workflow/schema';
import { skipOpenSteps } from '../testing';
import { listOpenRuns } from './open-runs';
import { getRun, listEvents, migrateRunTo, mutateRun, openRun } from './runs';
import { saveTemplate } from './templates';
import { ana, bo, freshDb, MIN, snapshot, T0, ticket } from './testing';

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
