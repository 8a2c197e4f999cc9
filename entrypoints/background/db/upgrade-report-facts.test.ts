import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockKeysOf, reportRow } from '../../../lib/report/blocks';
import { resolvePeriod } from '../../../lib/report/period';
import type { Run, RunEvent } from '../../../lib/workflow/schema';
import { rowsOfPeriod } from './report-queries';
import { CasebookDB, declareVersions } from './db';
import { wipeRunData, deleteExpiredRuns } from './repo/data';
import { mutateRun, openRun } from './repo/runs';
import { DB_VERSION, DB_VERSIONS } from './schema';
import { skipOpenSteps } from './testing';
import type { EventRecord, TemplateRecord } from './types';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

interface Fixture {
  tables: { templates: TemplateRecord[]; runs: Run[]; events: RunEvent[] } & Record<
    string,
    unknown[]
  >;
}
const v1 = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/db/v1.json'), 'utf8'),
) as Fixture;

/** The v1 fixture, upgraded to v2 by the shipped v2 upgrade, then closed. */
async function createAtV2(name: string): Promise<void> {
  const old = new Dexie(name);
  declareVersions(
    old,
    DB_VERSIONS.filter((v) => v.version <= 1),
  );
  await old.open();
  for (const [table, rows] of Object.entries(v1.tables)) {
    if (rows.length) await old.table(table).bulkAdd(rows);
  }
  old.close();
  const v2 = new Dexie(name);
  declareVersions(
    v2,
    DB_VERSIONS.filter((v) => v.version <= 2),
  );
  await v2.open();
  expect(v2.verno).toBe(2);
  v2.close();
}

describe('report facts (v6) and report blocks (v7)', () => {
  it('gives every run its facts row, keeps runs and events, and answers the report indexes', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    await createAtV2(name);
    const db = new CasebookDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    // Events are kept as they were, with the id team sync gave each (v3).
    const events = (await db.events.toArray()) as EventRecord[];
    expect(events.map(({ id: _id, ...rest }) => rest)).toEqual(v1.tables.events);
    for (const e of events) expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    const facts = await db.runFacts.toArray();
    expect(facts.map((f) => f.runId).sort()).toEqual(v1.tables.runs.map((r) => r.id).sort());
    expect(await db.runFacts.get('zendesk:1001')).toMatchObject({
      severity: 'SEV1',
      plan: 'paid',
      helpdesk: 'zendesk',
    });
    // The closed run is found by closure time; the run whose template is missing still lists.
    const closed = await db.runFacts.where('closedAt').above(0).primaryKeys();
    expect(closed).toEqual(['helpscout:3003']);
    expect(await db.runFacts.get('zendesk:4004')).toMatchObject({ helpdesk: 'zendesk' });
    // v7: every run is in the week block of its creation, the closed one in its closure's too.
    const blocks = await db.reportBlocks.toArray();
    const runsIn = (basis: string) =>
      blocks
        .filter((b) => b.key.startsWith(`${basis}:`))
        .flatMap((b) => Object.keys(JSON.parse(b.rows) as object))
        .sort();
    expect(runsIn('created')).toEqual(v1.tables.runs.map((r) => r.id).sort());
    expect(runsIn('closed')).toEqual(['helpscout:3003']);
    const closedRun = facts.find((f) => f.runId === 'helpscout:3003')!;
    expect(blocks.map((b) => b.key)).toContain(blockKeysOf(closedRun)[1]);
    db.close();
  });
});

describe('facts kept by the repo', () => {
  it('rewrites the facts row with every change, and removes it with the run', async () => {
    const db = new CasebookDB(`facts-${Math.random()}`);
    const actor = { name: 'Ana Agent' };
    const { run } = await openRun(
      db,
      {
        helpdesk: 'zendesk',
        ticketId: '7',
        url: 'https://a.zendesk.com/agent/tickets/7',
        createdAt: T0,
      },
      actor,
      T0,
    );
    expect(await db.runFacts.get(run.id)).toMatchObject({ runId: run.id, createdAt: T0 });
    const set = (stepId: string, fieldId: string, value: string, at: number) =>
      mutateRun(db, run.id, { type: 'set-field', stepId, fieldId, value }, actor, at);
    await set('assign-severity', 'severity', 'SEV1', T0 + MIN);
    await set('status-page-updates', 'last-update', 'investigating', T0 + 20 * MIN);
    await set('status-page-updates', 'last-update', 'resolved', T0 + 70 * MIN);
    await set('close', 'root-cause', 'auth', T0 + 80 * MIN);
    // A run closes only when its other required steps are done or skipped.
    await skipOpenSteps(db, run.id, actor, T0 + 85 * MIN);
    await mutateRun(
      db,
      run.id,
      { type: 'set-step-status', stepId: 'close', status: 'done' },
      actor,
      T0 + 90 * MIN,
    );
    // The cadence comes from the run's events: 1→20 kept, 20→70 missed.
    expect(await db.runFacts.get(run.id)).toMatchObject({
      severity: 'SEV1',
      rootCause: 'auth',
      closedAt: T0 + 90 * MIN,
      resolveMs: 90 * MIN,
      agent: 'Ana Agent',
      statusPage: { kept: 1, missed: 1, updates: 2 },
    });
    // The report's blocks hold the run once, with what the figures read and no ticket text.
    const period = resolvePeriod({
      from: '2026-11-01',
      to: '2026-11-30',
      unit: 'week',
      timeZone: 'UTC',
    });
    const rows = await rowsOfPeriod(db, period);
    expect(rows).toEqual([reportRow((await db.runFacts.get(run.id))!)]);
    expect(rows[0]).not.toHaveProperty('url');
    expect(await db.reportBlocks.count()).toBe(2);
    expect(await deleteExpiredRuns(db, 1, T0 + 3 * 24 * 60 * MIN)).toMatchObject({ runs: 1 });
    expect(await db.runFacts.count()).toBe(0);
    expect(await db.reportBlocks.count()).toBe(0);
    expect(await rowsOfPeriod(db, period)).toEqual([]);
    await openRun(
      db,
      { helpdesk: 'zendesk', ticketId: '8', url: 'https://a.zendesk.com/agent/tickets/8' },
      actor,
      T0,
    );
    expect(await db.runFacts.count()).toBe(1);
    expect(await db.reportBlocks.count()).toBe(1);
    await wipeRunData(db);
    expect(await db.runFacts.count()).toBe(0);
    expect(await db.reportBlocks.count()).toBe(0);
  });
});
