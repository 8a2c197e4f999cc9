/**
 * The worker-restart path against a real team server (PGlite): an MV3
 * worker that was stopped (its fetches die with it) and started again
 * catches up by cursor from IndexedDB before it answers a view, so the view
 * shows what colleagues did meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTeamClient } from '../../../lib/team/client';
import type { TeamEvent } from '../../../lib/team/protocol';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import { createRun } from '../../../lib/workflow/engine';
import { AGENT, T0, ticket } from '../../../lib/workflow/testing';
import type { Database } from '../../../server/db';
import { agent, freshDatabase, randomTeam, startServer } from '../../../server/testing';
import { CasebookDB } from '../db/db';
import { getRunWithEvents } from '../db/repo/runs';
import { createTeamSync } from './sync';

let server: Database;
let http: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  server = await freshDatabase('pglite');
  http = await startServer(server);
}, 120_000);
afterAll(async () => {
  await http.close();
  await server.close();
});

/** A fetch that dies with the worker: in-flight requests abort, later ones fail. */
function workerFetch() {
  const controllers = new Set<AbortController>();
  let dead = false;
  const doFetch: typeof fetch = (input, init) => {
    if (dead) return Promise.reject(new TypeError('worker stopped'));
    const controller = new AbortController();
    controllers.add(controller);
    init?.signal?.addEventListener('abort', () => controller.abort());
    return fetch(input, { ...init, signal: controller.signal }).finally(() =>
      controllers.delete(controller),
    );
  };
  return {
    fetch: doFetch,
    stop() {
      dead = true;
      for (const c of controllers) c.abort();
    },
  };
}

function edit(runId: string, value: string): TeamEvent {
  return {
    id: randomUUID(),
    runId,
    at: T0 + 60_000,
    by: AGENT,
    type: 'field-set',
    stepId: 'collect-repro',
    fieldId: 'repro-steps',
    old: null,
    new: value,
  } as TeamEvent;
}

it(
  'a restarted worker catches up by cursor before it answers a view',
  { timeout: 60_000 },
  async () => {
    const team = randomTeam();
    const ana = await agent(server, 'Ana Agent', team);
    const bo = createTeamClient({
      url: http.url,
      token: (await agent(server, 'Bo Agent', team)).token,
    });
    const created = createRun(DEFAULT_TEMPLATE, ticket({ ticketId: 'R1' }), AGENT, T0);
    const runId = created.run.id;
    await bo.push({
      events: created.events.map((e) => ({ ...e, id: randomUUID() })) as TeamEvent[],
      templates: [DEFAULT_TEMPLATE],
    });

    const db = new CasebookDB(`team-restart-${Math.random()}`);
    const first = workerFetch();
    const before = createTeamSync({
      db,
      now: () => Date.now(),
      runsChanged: () => undefined,
      fetch: first.fetch,
    });
    await before.ready;
    await before.connect(http.url, ana.token);
    await before.beforeRunView(runId);
    expect((await getRunWithEvents(db, runId)).events.length).toBeGreaterThan(0);

    // The worker stops; Bo edits the shared run meanwhile.
    first.stop();
    const meanwhile = edit(runId, 'Bo: export fails after 10k rows');
    await bo.push({ events: [meanwhile] });

    // A new worker on the same IndexedDB: nothing in memory, only the stored connection and cursor.
    const after = createTeamSync({ db, now: () => Date.now(), runsChanged: () => undefined });
    await after.ready;
    // Caught up by cursor (not by opening the run) before any view asked.
    const { events } = await getRunWithEvents(db, runId);
    expect(events.filter((e) => e.type === 'field-set').map((e) => e.new)).toEqual([
      'Bo: export fails after 10k rows',
    ]);
    await after.beforeRunView(runId);
    const again = await getRunWithEvents(db, runId);
    // Once: the catch-up and the run's history on open did not duplicate it.
    expect(again.events.filter((e) => e.type === 'field-set')).toHaveLength(1);
    await after.disconnect();
    db.close();
  },
);
