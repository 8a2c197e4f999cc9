import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamClient, type TeamClient } from '../lib/team/client';
import { foldOrder, foldRun } from '../lib/team/fold';
import type { StreamMessage, TeamEvent } from '../lib/team/protocol';
import { DEFAULT_TEMPLATE } from '../lib/workflow/default-template';
import { applyMutation, createRun } from '../lib/workflow/engine';
import type { Run } from '../lib/workflow/schema';
import { AGENT, MIN, T0, ticket } from '../lib/workflow/testing';
import { listAgents, revokeAgent } from './agents';
import type { Database, DatabaseKind } from './db';
import { migrate } from './migrations';
import { agent, backends, freshDatabase, randomTeam, startServer } from './testing';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// One database per backend for the file (PGlite takes seconds to start);
// each test works in a team of its own.
const databases = new Map<DatabaseKind, Database>();
beforeAll(async () => {
  for (const kind of backends()) databases.set(kind, await freshDatabase(kind));
}, 120_000);
afterAll(async () => {
  for (const db of databases.values()) await db.close();
});

async function setup(kind: DatabaseKind) {
  const db = databases.get(kind)!;
  const server = await startServer(db);
  cleanups.push(() => server.close());
  return { db, server };
}

const withIds = <E extends object>(events: E[]) => events.map((e) => ({ ...e, id: randomUUID() }));

/** A SEV1 run with a repro field set, as events with ids. */
function sev1Run(ticketId = '4821') {
  const created = createRun(DEFAULT_TEMPLATE, ticket({ ticketId }), AGENT, T0);
  const sev = applyMutation(
    DEFAULT_TEMPLATE,
    created.run,
    { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV1' },
    AGENT,
    T0 + MIN,
  );
  return { run: sev.run, events: withIds([...created.events, ...sev.events]) as TeamEvent[] };
}

function collect(client: TeamClient, after = 0) {
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

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

it('fails in CI without a PostgreSQL to test against', () => {
  // .ci/run starts one and sets DATABASE_URL; a CI run without it would skip half the checks.
  if (process.env.CI === 'true')
    expect(process.env.DATABASE_URL, 'DATABASE_URL in CI').toBeTruthy();
});

describe.each(backends())('team server on %s', { timeout: 60_000 }, (kind) => {
  it('says which database it runs on, and migrations run once', async () => {
    const { db, server } = await setup(kind);
    const health = await fetch(`${server.url}/healthz`).then((r) => r.json());
    expect(health).toEqual({ ok: true, database: kind, version: '1' });
    expect(await migrate(db)).toEqual([]);
  });

  it('stores tokens hashed, refuses unknown, revoked and web-page callers', async () => {
    const { db, server } = await setup(kind);
    const team = randomTeam();
    const dana = await agent(db, 'Dana Whitfield', team, 'lead');
    const dump = JSON.stringify(await db.query('SELECT * FROM agents WHERE team = $1', [team]));
    expect(dump).not.toContain(dana.token);
    expect((await listAgents(db)).find((a) => a.id === dana.agent.id)).toMatchObject({
      role: 'lead',
      revoked: false,
    });

    const me = await createTeamClient({ url: server.url, token: dana.token }).me();
    expect(me.agent).toMatchObject({ name: 'Dana Whitfield', role: 'lead', team });
    expect((await fetch(`${server.url}/v1/me`)).status).toBe(401);
    expect(
      (await fetch(`${server.url}/v1/me`, { headers: { Authorization: 'Bearer nope' } })).status,
    ).toBe(401);
    const fromPage = await fetch(`${server.url}/v1/me`, {
      headers: { Authorization: `Bearer ${dana.token}`, Origin: 'https://evil.example' },
    });
    expect(fromPage.status).toBe(403);
    const preflight = await fetch(`${server.url}/v1/events`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnop',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnop',
    );

    expect(await revokeAgent(db, dana.agent.email)).toBe(1);
    // A fresh instance has no cached token.
    const other = await startServer(db);
    cleanups.push(() => other.close());
    expect(
      (await fetch(`${other.url}/v1/me`, { headers: { Authorization: `Bearer ${dana.token}` } }))
        .status,
    ).toBe(401);
  });

  it('takes a push twice without duplicating it, stamps the author, asks for unknown runs history', async () => {
    const { db, server } = await setup(kind);
    const team = randomTeam();
    const a = await agent(db, 'Ari Agent', team);
    const client = createTeamClient({ url: server.url, token: a.token });
    const { events } = sev1Run();
    const first = await client.push({ events, templates: [DEFAULT_TEMPLATE] });
    const again = await client.push({ events });
    expect(again.accepted).toEqual(first.accepted);
    expect(
      (await db.query('SELECT count(*)::int AS n FROM events WHERE team = $1', [team]))[0],
    ).toEqual({ n: 2 });

    const pulled = await client.pull(0);
    expect(pulled.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(pulled.events[0]!.by).toEqual({ name: 'Ari Agent', email: 'ari.agent@example.com' });

    const orphan = sev1Run('999').events[1]!;
    expect(await client.push({ events: [orphan] })).toEqual({
      accepted: [],
      needsHistory: [orphan.runId],
    });
    const bad = await fetch(`${server.url}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [{ ...orphan, id: 'x' }] }),
    });
    expect(bad.status).toBe(400);
  });

  it('shares one run per ticket: the second agent gets its history on open and both see the same fold', async () => {
    const { db, server } = await setup(kind);
    const team = randomTeam();
    const a = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Ari Agent', team)).token,
    });
    const b = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Bo Agent', team)).token,
    });
    const lead = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Lee Lead', team, 'lead')).token,
    });
    const other = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Out Sider', randomTeam())).token,
    });
    const { events, run } = sev1Run();
    await a.push({ events, templates: [DEFAULT_TEMPLATE] });

    // Before opening it, B follows nothing; the lead sees every run; another team sees nothing.
    expect((await b.pull(0)).events).toEqual([]);
    expect((await lead.pull(0)).events).toHaveLength(2);
    expect((await other.pull(0)).events).toEqual([]);
    expect((await other.openRun(run.id)).events).toEqual([]);

    const opened = await b.openRun(run.id);
    expect(opened.presence.agents.map((p) => p.name)).toEqual(['Bo Agent']);
    const folded = foldRun(foldOrder(opened.events)).run as Run;
    expect(folded.values['assign-severity']!.severity!.value).toBe('SEV1');
    expect(folded.values['assign-severity']!.severity!.by.name).toBe('Ari Agent');
    expect((await b.runs('mine')).runs.map((r) => r.runId)).toEqual([run.id]);
    expect((await lead.runs('team')).runs[0]).toMatchObject({
      runId: run.id,
      openedBy: 'Ari Agent',
      members: ['Ari Agent', 'Bo Agent'],
    });
    await expect(b.runs('team')).rejects.toThrow(/Only leads/);
  });

  it("pulls an agent's runs only, in the team's order, page by page", async () => {
    const { db, server } = await setup(kind);
    const team = randomTeam();
    const a = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Ari Agent', team)).token,
    });
    const b = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Bo Agent', team)).token,
    });
    const runs = ['5001', '5002', '5003'].map((id) => sev1Run(id));
    // Interleaved across runs, so a run's events are not contiguous in the team's sequence.
    for (let i = 0; i < 2; i++) for (const r of runs) await a.push({ events: [r.events[i]!] });
    await b.openRun(runs[0]!.run.id);
    await b.openRun(runs[2]!.run.id);

    const pages: string[][] = [];
    let cursor = 0;
    for (;;) {
      const page = await b.pull(cursor, 2);
      pages.push(page.events.map((e) => e.id));
      expect(page.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    const r1 = runs[0]!.events.map((e) => e.id);
    const r3 = runs[2]!.events.map((e) => e.id);
    expect(pages.flat()).toEqual([r1[0], r3[0], r1[1], r3[1]]);
    expect(pages[0]).toEqual([r1[0], r3[0]]);
    // Nothing new after the last page.
    expect((await b.pull(cursor)).events).toEqual([]);
  });

  it('fans out through the database: an edit on one instance reaches a stream on another', async () => {
    const { db, server } = await setup(kind);
    // A second instance: for PostgreSQL with its own connections, as a second process would have.
    const second =
      kind === 'pglite'
        ? db
        : await (
            await import('./db')
          ).openPostgres(process.env.DATABASE_URL!, {
            schema: (await db.query<{ s: string }>('SELECT current_schema() AS s'))[0]!.s,
          });
    if (second !== db) cleanups.push(() => second.close());
    const other = await startServer(second);
    cleanups.push(() => other.close());
    const team = randomTeam();
    const aToken = (await agent(db, 'Ari Agent', team)).token;
    const bToken = (await agent(db, 'Bo Agent', team)).token;
    const a = createTeamClient({ url: server.url, token: aToken });
    const b = createTeamClient({ url: other.url, token: bToken });
    const { events, run } = sev1Run();
    await a.push({ events, templates: [DEFAULT_TEMPLATE] });
    await b.openRun(run.id);
    const seen = collect(b, (await b.pull(0)).cursor);
    await until(() => seen.find((m) => m.type === 'ready'), 'the stream to be ready');

    const more = applyMutation(
      DEFAULT_TEMPLATE,
      run,
      { type: 'set-field', stepId: 'collect-repro', fieldId: 'repro-steps', value: 'Click pay' },
      AGENT,
      T0 + 2 * MIN,
    );
    const [edit] = withIds(more.events) as TeamEvent[];
    await a.push({ events: [edit!] });
    const delivered = await until(
      () =>
        seen.flatMap((m) => (m.type === 'events' ? m.events : [])).find((e) => e.id === edit!.id),
      'the edit on the other instance',
    );
    expect(delivered).toMatchObject({
      fieldId: 'repro-steps',
      new: 'Click pay',
      by: { name: 'Ari Agent' },
    });
    // Presence travels the same way.
    await a.presence(run.id, true);
    const presence = await until(
      () =>
        seen
          .filter((m) => m.type === 'presence')
          .map((m) => (m.type === 'presence' ? m.presence : undefined))
          .find((p) => p?.agents.length === 2),
      'presence of both',
    );
    expect(presence.agents.map((p) => p.name)).toEqual(['Ari Agent', 'Bo Agent']);
  });

  it('a stream resumed from a cursor sends what was missed, once', async () => {
    const { db, server } = await setup(kind);
    const team = randomTeam();
    const a = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Ari Agent', team)).token,
    });
    const { events } = sev1Run();
    await a.push({ events: events.slice(0, 1), templates: [DEFAULT_TEMPLATE] });
    const cursor = (await a.pull(0)).cursor;
    await a.push({ events: events.slice(1) });
    const seen = collect(a, cursor);
    await until(() => seen.find((m) => m.type === 'ready'), 'ready');
    const ids = seen.flatMap((m) => (m.type === 'events' ? m.events.map((e) => e.id) : []));
    expect(ids).toEqual([events[1]!.id]);
  });

  it('publishes templates from leads only, and tells every connected agent', async () => {
    const { db, server } = await setup(kind);
    const team = randomTeam();
    const lead = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Lee Lead', team, 'lead')).token,
    });
    const ari = createTeamClient({
      url: server.url,
      token: (await agent(db, 'Ari Agent', team)).token,
    });
    await expect(ari.publish(DEFAULT_TEMPLATE)).rejects.toThrow(/Only leads/);
    const seen = collect(ari);
    await until(() => seen.find((m) => m.type === 'ready'), 'ready');
    const v1 = await lead.publish(DEFAULT_TEMPLATE);
    const changed = await lead.publish({ ...DEFAULT_TEMPLATE, name: 'Support ticket (team)' });
    expect(changed.template.version).toBe(v1.template.version + 1);
    // The latest content again keeps its version; an older version's content comes back as the next one.
    expect(
      (await lead.publish({ ...DEFAULT_TEMPLATE, name: 'Support ticket (team)' })).template.version,
    ).toBe(changed.template.version);
    const reverted = await lead.publish(DEFAULT_TEMPLATE);
    expect(reverted.template.version).toBe(changed.template.version + 1);
    const got = await until(
      () =>
        seen.find(
          (m) => m.type === 'template' && m.template.template.name === 'Support ticket (team)',
        ),
      'the published template',
    );
    expect(got).toMatchObject({ template: { publishedBy: 'Lee Lead' } });
    expect((await ari.publishedTemplates()).published.map((p) => p.template.version)).toEqual([
      reverted.template.version,
    ]);
    expect((await ari.template(DEFAULT_TEMPLATE.id, changed.template.version)).template.name).toBe(
      'Support ticket (team)',
    );
  });
});

/** Satisfies the type checker that Database stays the interface the tests use. */
export type { Database };
