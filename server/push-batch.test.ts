import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamClient, type TeamClient } from '../lib/team/client';
import type { StreamMessage, TeamEvent } from '../lib/team/protocol';
import { DEFAULT_TEMPLATE } from '../lib/workflow/default-template';
import { createRun } from '../lib/workflow/engine';
import { AGENT, T0, ticket } from '../lib/workflow/testing';
import { buildApp } from './app';
import type { Database, DatabaseKind } from './db';
import { createPushBatcher } from './push-batch';
import { agent, backends, freshDatabase, randomTeam } from './testing';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
const databases = new Map<DatabaseKind, Database>();
beforeAll(async () => {
  for (const kind of backends()) databases.set(kind, await freshDatabase(kind));
}, 120_000);
afterAll(async () => {
  for (const db of databases.values()) await db.close();
});

function newRun(ticketId: string): TeamEvent[] {
  const created = createRun(DEFAULT_TEMPLATE, ticket({ ticketId }), AGENT, T0);
  return created.events.map((e) => ({ ...e, id: randomUUID() })) as TeamEvent[];
}

function edit(runId: string, value: string): TeamEvent {
  return {
    id: randomUUID(),
    runId,
    at: T0 + 1000,
    by: AGENT,
    type: 'field-set',
    stepId: 'collect-repro',
    fieldId: 'repro-steps',
    old: null,
    new: value,
  } as TeamEvent;
}

/** Counts transactions, so a test can tell a batch from one transaction per push. */
function counting(db: Database): Database & { transactions: number } {
  const counted = Object.create(db) as Database & { transactions: number };
  counted.transactions = 0;
  counted.transaction = (fn) => {
    counted.transactions++;
    return db.transaction(fn);
  };
  return counted;
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function collect(client: TeamClient, after: number) {
  const messages: StreamMessage[] = [];
  const controller = new AbortController();
  const done = client
    .stream(after, (m) => messages.push(m), controller.signal)
    .catch(() => undefined);
  cleanups.push(async () => {
    controller.abort();
    await done;
  });
  return messages;
}

describe.each(backends())('pushes and fan-out on %s', { timeout: 60_000 }, (kind) => {
  it('writes concurrent pushes of a team as one batch, each push keeping its own answer', async () => {
    const db = counting(databases.get(kind)!);
    const batcher = createPushBatcher(db);
    const team = randomTeam();
    const other = randomTeam();
    const agents = await Promise.all(
      ['Ari Agent', 'Bo Agent', 'Cy Agent', 'Di Agent'].map(
        async (n) => (await agent(db, n, team)).agent,
      ),
    );
    const stranger = (await agent(db, 'Ed Other', other)).agent;
    const created = newRun('B1');
    const runId = created[0]!.runId;
    const taken = edit('other-run', 'elsewhere');
    await batcher.push(
      stranger,
      newRun('other-run').map((e) => ({ ...e, runId: 'other-run' })),
      [],
    );
    await batcher.push(stranger, [{ ...taken, runId: 'other-run' }], []);
    db.transactions = 0;

    const edits = agents.map((a, i) => edit(runId, `edit ${i}`));
    const orphan = edit('unknown-run', 'no history');
    const results = await Promise.allSettled([
      batcher.push(agents[0]!, created, [DEFAULT_TEMPLATE]),
      batcher.push(agents[1]!, [edits[1]!], []),
      batcher.push(agents[2]!, [edits[2]!, edits[2]!], []),
      // The same push again (a retry racing the first): no second copy.
      batcher.push(agents[1]!, [edits[1]!], []),
      // An id another team holds: this push alone is refused.
      batcher.push(agents[3]!, [edits[3]!, { ...taken, runId }], []),
      batcher.push(agents[3]!, [orphan], []),
    ]);
    // The first push goes alone (nothing waited yet); everything that arrived meanwhile is one more.
    expect(db.transactions).toBeLessThanOrEqual(2);

    const [first, second, third, retry, refused, orphaned] = results;
    expect(refused).toMatchObject({ status: 'rejected', reason: { status: 409 } });
    const ok = (r: PromiseSettledResult<unknown>) =>
      (
        r as PromiseFulfilledResult<{
          accepted: Array<{ id: string; serverSeq: number }>;
          needsHistory: string[];
        }>
      ).value;
    expect(ok(first!).accepted.map((a) => a.id)).toEqual(created.map((e) => e.id));
    expect(ok(second!).accepted).toEqual(ok(retry!).accepted);
    expect(ok(third!).accepted).toHaveLength(2);
    expect(ok(third!).accepted[0]).toEqual(ok(third!).accepted[1]);
    expect(ok(orphaned!)).toEqual({ accepted: [], needsHistory: ['unknown-run'] });

    const stored = await db.query<{ id: string; seq: string; agent_id: string }>(
      'SELECT id, seq, agent_id FROM events WHERE team = $1 ORDER BY seq',
      [team],
    );
    // In push order, once each; the refused push left nothing.
    expect(stored.map((r) => r.id)).toEqual([
      ...created.map((e) => e.id),
      edits[1]!.id,
      edits[2]!.id,
    ]);
    expect(stored.map((r) => r.agent_id)).toEqual([
      ...created.map(() => agents[0]!.id),
      agents[1]!.id,
      agents[2]!.id,
    ]);
    const members = await db.query<{ agent_id: string }>(
      'SELECT agent_id FROM run_members WHERE team = $1 AND run_id = $2 ORDER BY agent_id',
      [team, runId],
    );
    expect(members.map((m) => m.agent_id).sort()).toEqual(
      [agents[0]!.id, agents[1]!.id, agents[2]!.id].sort(),
    );
  });

  it('streams an agent only the ranges it may see, and tells it the advanced cursor later', async () => {
    const db = databases.get(kind)!;
    const serve = async (cursorRefreshMs?: number) => {
      const { app } = await buildApp(db, { cursorRefreshMs });
      await app.listen({ port: 0, host: '127.0.0.1' });
      cleanups.push(() => app.close());
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    };
    const url = await serve();
    const team = randomTeam();
    const aToken = (await agent(db, 'Ari Agent', team)).token;
    const bToken = (await agent(db, 'Bo Agent', team)).token;
    const a = createTeamClient({ url, token: aToken });
    const b = createTeamClient({ url, token: bToken });
    const notB = newRun('N1');
    const withB = newRun('N2');
    await a.push({ events: withB, templates: [DEFAULT_TEMPLATE] });
    await b.openRun(withB[0]!.runId);
    const seen = collect(b, (await b.me()).cursor);
    await until(() => seen.find((m) => m.type === 'ready'), 'ready');
    const readyAt = seen.length;

    await a.push({ events: notB });
    const later = edit(withB[0]!.runId, 'for both');
    await a.push({ events: [later] });
    await until(
      () => seen.find((m) => m.type === 'events' && m.events.some((e) => e.id === later.id)),
      "the edit on B's run",
    );
    // Ranges are delivered in order: nothing was written to B for the run it does not follow.
    const afterReady = seen.slice(readyAt).filter((m) => m.type === 'events');
    expect(afterReady).toHaveLength(1);
    expect(afterReady[0]).toMatchObject({ events: [{ id: later.id }] });

    // A range with nothing for B still moves B's cursor, told on the refresh tick.
    const quick = createTeamClient({ url: await serve(50), token: bToken });
    const told = collect(quick, (await b.me()).cursor);
    await until(() => told.find((m) => m.type === 'ready'), 'ready');
    const top = (await a.me()).cursor;
    await a.push({ events: [edit(notB[0]!.runId, 'not for B')] });
    const moved = (await a.me()).cursor;
    expect(moved).toBeGreaterThan(top);
    const refresh = await until(
      () => told.find((m) => m.type === 'events' && m.events.length === 0 && m.cursor >= moved),
      'the cursor refresh',
    );
    expect(refresh).toMatchObject({ type: 'events', events: [] });
  });
});
