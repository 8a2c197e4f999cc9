import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Run, RunEvent, WorkflowTemplate } from '../../../lib/workflow/schema';
import { CasebookDB, declareVersions } from './db';
import { listOpenRuns } from './repo/open-runs';
import { DB_VERSION, DB_VERSIONS } from './schema';
import type { TemplateRecord } from './types';
import { upgradeEventV2toV3, upgradeRunV1toV2 } from './upgrades';
import { withKnownRoles } from '../../../lib/workflow/role-migration';
import { fieldRefByRole } from '../../../lib/workflow/roles';

const MIN = 60_000;

interface Fixture {
  version: number;
  tables: {
    templates: TemplateRecord[];
    runs: Run[];
    events: RunEvent[];
    attachments: unknown[];
    settings: Array<{ key: string; value: unknown }>;
  };
}

function loadFixture(version: number | string): Fixture {
  const path = resolve(import.meta.dirname, `../../../tests/fixtures/db/v${version}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Fixture;
}

/** A database at `version`, filled from its fixture, then closed. */
async function createAt(fixtureVersion: number | string, name: string): Promise<Fixture> {
  const fixture = loadFixture(fixtureVersion);
  const version = fixture.version;
  const old = new Dexie(name);
  declareVersions(
    old,
    DB_VERSIONS.filter((v) => v.version <= version),
  );
  await old.open();
  expect(old.verno).toBe(version);
  for (const [table, rows] of Object.entries(fixture.tables)) {
    if (rows.length) await old.table(table).bulkAdd(rows);
  }
  old.close();
  return fixture;
}

const v1 = loadFixture(1);
const template = v1.tables.templates[0]!.template as WorkflowTemplate;
const byId = (id: string) => v1.tables.runs.find((r) => r.id === id)!;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

describe('upgradeRunV1toV2 (pure)', () => {
  it('adds the next due clock and wake-up time to an open run, and its open-runs row', () => {
    const run = byId('zendesk:1001');
    const { record, entry } = upgradeRunV1toV2(run, template, T0 + 10 * MIN)!;
    // Paid plan: first response 1 h from ticket creation (T0 - 5 min); SEV1
    // status-page cadence 30 min from when severity was set (T0 + 2 min).
    expect(record.nextDueAt).toBe(T0 + 2 * MIN + 30 * MIN);
    expect(record.alarmAt).toBe(T0 + 2 * MIN + 15 * MIN);
    expect(entry).toMatchObject({
      dueKey: T0 + 32 * MIN,
      recency: -run.updatedAt,
      runId: run.id,
      severity: 'SEV1',
      plan: 'paid',
      currentStepId: 'acknowledge',
      nextClockLabel: 'Next status-page update',
    });
    // The run itself is untouched.
    const { nextDueAt: _n, alarmAt: _a, ...rest } = record;
    expect(rest).toEqual(run);
  });

  it('gives closed runs no open-runs row and no clock keys', () => {
    const { record, entry } = upgradeRunV1toV2(byId('helpscout:3003'), template, T0 + 60 * MIN)!;
    expect(entry).toBeUndefined();
    expect(record.nextDueAt).toBeUndefined();
    expect(record.alarmAt).toBeUndefined();
  });

  it('keeps a run whose template version is missing listed as open, after the due ones', () => {
    const run = byId('zendesk:4004');
    const { record, entry } = upgradeRunV1toV2(run, undefined, T0)!;
    expect(record).toEqual(run);
    expect(entry).toMatchObject({ dueKey: Infinity, recency: -run.updatedAt, runId: run.id });
  });
});

describe('opening a v1 database with the current schema', () => {
  it('upgrades every run, fills the open-runs store, keeps events, templates and settings', async () => {
    const name = `upgrade-v1-${Math.random()}`;
    const fixture = await createAt(1, name);
    const db = new CasebookDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    // v3: every event has an id; none of the old ones waits to be sent to a team.
    const events = await db.events.toArray();
    expect(events.map(({ id: _id, ...e }: RunEvent & { id?: string }) => e)).toEqual(
      fixture.tables.events,
    );
    const ids = events.map((e) => (e as RunEvent & { id?: string }).id);
    expect(ids.every((id) => typeof id === 'string' && id.length >= 8)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await db.events.where('outbox').equals(1).count()).toBe(0);
    // v8: the stored template gains the default's roles; nothing else of it changes.
    const templates = await db.templates.toArray();
    expect(templates).toEqual(
      fixture.tables.templates.map((r) => ({ ...r, template: withKnownRoles(r.template) })),
    );
    expect(fieldRefByRole(templates[0]!.template, 'request-id')).toEqual({
      stepId: 'collect-repro',
      fieldId: 'request-id',
    });
    expect(await db.settings.toArray()).toEqual(fixture.tables.settings);

    const runs = await db.runs.toArray();
    expect(runs).toHaveLength(fixture.tables.runs.length);
    expect((await db.openRuns.toArray()).map((e) => e.runId)).toEqual([
      'zendesk:1001',
      'intercom:2002',
      'zendesk:4004',
    ]);
    expect((await db.runs.get('zendesk:1001'))?.nextDueAt).toBe(T0 + 32 * MIN);
    // Upgraded today, every fixture clock moment is long past: no wake-ups pending.
    expect(await db.runs.orderBy('alarmAt').count()).toBe(0);

    // The upgraded store answers the open-runs query from its indexes.
    const page = await listOpenRuns(db, T0 + 10 * MIN);
    expect(page.items.map((i) => i.runId)).toEqual([
      'zendesk:1001',
      'intercom:2002',
      'zendesk:4004',
    ]);
    expect(page.counts).toEqual({ open: 3, breached: 0, dueSoon: 0 });
    db.close();
  });
});

describe('v3: event ids and the team outbox', () => {
  it('gives an event without an id a new one and keeps an existing id', () => {
    const event = v1.tables.events[0]!;
    expect(upgradeEventV2toV3(event, () => 'new-id-0001')).toEqual({ ...event, id: 'new-id-0001' });
    const withId = { ...event, id: 'kept-id-0001' };
    expect(upgradeEventV2toV3(withId, () => 'other')).toBe(withId);
  });

  it('puts a new local event in the outbox with an id, and an event from the team server not', async () => {
    const db = new CasebookDB(`outbox-${Math.random()}`);
    await db.open();
    const event = v1.tables.events[0]!;
    const { seq: _seq, ...local } = event;
    await db.events.add({ ...local } as RunEvent);
    await db.events.add({ ...local, id: 'from-team-01', serverSeq: 7 } as RunEvent);
    const [mine, theirs] = (await db.events.toArray()) as Array<
      RunEvent & { id: string; outbox?: number }
    >;
    expect(mine!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(mine!.outbox).toBe(1);
    expect(theirs).toMatchObject({ id: 'from-team-01', serverSeq: 7 });
    expect(theirs!.outbox).toBeUndefined();
    db.close();
  });
});

describe('a v1 database holding malformed records', () => {
  it('opens, sets the unreadable records aside with the reason, and keeps the rest', async () => {
    const name = `upgrade-v1-malformed-${Math.random()}`;
    const fixture = await createAt('1-malformed', name);
    const db = new CasebookDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    const aside = await db.quarantine.toArray();
    expect(aside.map((q) => `${q.table}:${q.key}`).sort()).toEqual([
      'events:99',
      'runs:intercom:9002',
      'runs:zendesk:9001',
      'templates:["broken",1]',
    ]);
    for (const q of aside) expect(q.reason.length).toBeGreaterThan(0);
    expect(aside.find((q) => q.key === 'intercom:9002')?.reason).toMatch(/values|updatedAt/);
    // Nothing is lost: each record is kept as it was stored.
    const stored = fixture.tables.runs.find((r) => r.id === 'zendesk:9001');
    expect(aside.find((q) => q.key === 'zendesk:9001')?.record).toEqual(stored);

    // The readable rest opened and upgraded as from a clean v1 database.
    expect((await db.runs.toArray()).map((r) => r.id).sort()).toEqual(
      v1.tables.runs.map((r) => r.id).sort(),
    );
    expect(await db.events.count()).toBe(v1.tables.events.length);
    expect(await db.templates.toArray()).toEqual(
      v1.tables.templates.map((r) => ({ ...r, template: withKnownRoles(r.template) })),
    );
    const page = await listOpenRuns(db, T0 + 10 * MIN);
    expect(page.items.map((i) => i.runId)).toEqual([
      'zendesk:1001',
      'intercom:2002',
      'zendesk:4004',
    ]);
    db.close();
  });

  it('the pure v1 → v2 step leaves an unreadable run to be set aside instead of throwing', () => {
    expect(upgradeRunV1toV2({ id: 'zendesk:9001' } as unknown as Run, template, T0)).toBe(
      undefined,
    );
  });
});
