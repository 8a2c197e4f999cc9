/**
 * `npm run -s server:load -- --agents 200 --seconds 60`
 *
 * N simulated agents against one team server and its database, all on
 * 127.0.0.1: each keeps a live stream open like the extension does, opens
 * runs shared with a few colleagues (same tickets), edits fields about once
 * a second, closes runs and opens others. At the end every agent pulls what
 * it should have seen by cursor, and the script prints events pushed,
 * events delivered to other agents, duplicates, losses and the edit-to-seen
 * latency (push sent → another agent's stream has it). Exits 1 on any loss
 * or duplicate. With DATABASE_URL it uses that PostgreSQL (a fresh schema);
 * otherwise an embedded PGlite in a temporary directory.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createTeamClient, type TeamClient } from '../../lib/team/client';
import type { TeamEvent } from '../../lib/team/protocol';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { createRun } from '../../lib/workflow/engine';
import { addAgent } from '../agents';
import { buildApp } from '../app';
import { openPglite, openPostgres, type Database } from '../db';
import { migrate } from '../migrations';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'per-run': { type: 'string', default: '4' },
    'edit-ms': { type: 'string', default: '1000' },
  },
});
const AGENTS = Math.min(1000, Math.max(2, Number(values.agents)));
const SECONDS = Math.min(600, Math.max(1, Number(values.seconds)));
const PER_RUN = Math.max(2, Number(values['per-run']));
const EDIT_MS = Math.max(50, Number(values['edit-ms']));
const FIELDS = ['repro-steps', 'expected', 'actual', 'browser', 'os'];

interface Sim {
  name: string;
  client: TeamClient;
  startCursor: number;
  /** event id → times seen on the stream */
  seen: Map<string, number>;
  /** event ids received with a run's history on open */
  opened: Set<string>;
  latencies: number[];
  abort: AbortController;
  done?: Promise<void>;
}

const pushedAt = new Map<string, { at: number; author: string }>();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function openStore(): Promise<{ db: Database; cleanup: () => Promise<void>; label: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `load_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = await openPostgres(url, { schema });
    return {
      db,
      label: 'PostgreSQL',
      cleanup: async () => {
        await db.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'casebook-load-'));
  const db = await openPglite(dir);
  return {
    db,
    label: 'PGlite',
    cleanup: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })),
  };
}

async function main(): Promise<void> {
  const { db, cleanup, label } = await openStore();
  await migrate(db);
  const { app } = await buildApp(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  console.log(
    `load: ${AGENTS} agents, ${SECONDS} s, runs shared by ${PER_RUN}, an edit every ~${EDIT_MS} ms per agent, ${label} at ${url}`,
  );

  const sims: Sim[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const name = `Agent ${i}`;
    const { token } = await addAgent(db, { name, email: `agent${i}@load.example`, team: 'load' });
    const client = createTeamClient({ url, token, timeoutMs: 30_000 });
    sims.push({
      name,
      client,
      startCursor: 0,
      seen: new Map(),
      opened: new Set(),
      latencies: [],
      abort: new AbortController(),
    });
  }
  // Streams first, as connected extensions would have.
  for (const s of sims) {
    s.startCursor = (await s.client.me()).cursor;
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    s.done = s.client
      .stream(
        s.startCursor,
        (m) => {
          if (m.type === 'ready') ready();
          if (m.type !== 'events') return;
          const now = performance.now();
          for (const e of m.events) {
            s.seen.set(e.id, (s.seen.get(e.id) ?? 0) + 1);
            const p = pushedAt.get(e.id);
            if (p && p.author !== s.name && s.seen.get(e.id) === 1) s.latencies.push(now - p.at);
          }
        },
        s.abort.signal,
      )
      .catch((error: unknown) => {
        if (!s.abort.signal.aborted) console.error(`${s.name}: stream failed`, error);
      });
    await isReady;
  }

  let pushed = 0;
  let runSeq = 0;
  const deadline = performance.now() + SECONDS * 1000;
  // Groups of PER_RUN agents work the same ticket; each group moves on after closing it.
  const groups: Sim[][] = [];
  for (let i = 0; i < sims.length; i += PER_RUN) groups.push(sims.slice(i, i + PER_RUN));

  async function push(s: Sim, events: TeamEvent[], templates = false): Promise<void> {
    const at = performance.now();
    for (const e of events) pushedAt.set(e.id, { at, author: s.name });
    const reply = await s.client.push({
      events,
      ...(templates ? { templates: [DEFAULT_TEMPLATE] } : {}),
    });
    pushed += reply.accepted.length;
  }

  async function workGroup(group: Sim[]): Promise<void> {
    while (performance.now() < deadline) {
      const ticketId = `L${++runSeq}`;
      const first = group[0]!;
      const created = createRun(
        DEFAULT_TEMPLATE,
        {
          helpdesk: 'zendesk',
          ticketId,
          url: `https://load.zendesk.com/agent/tickets/${ticketId}`,
          subject: `Load ${ticketId}`,
        },
        { name: first.name },
        Date.now(),
      );
      const runId = created.run.id;
      await push(
        first,
        created.events.map((e) => ({ ...e, id: randomUUID() })),
        true,
      );
      for (const s of group)
        for (const e of (await s.client.openRun(runId)).events) s.opened.add(e.id);
      // Everyone edits for a while; then one closes it.
      const until = Math.min(deadline, performance.now() + 5_000 + Math.random() * 10_000);
      await Promise.all(
        group.map(async (s) => {
          while (performance.now() < until) {
            await new Promise((r) => setTimeout(r, EDIT_MS * (0.5 + Math.random())));
            const fieldId = FIELDS[Math.floor(Math.random() * FIELDS.length)]!;
            await push(s, [
              {
                id: randomUUID(),
                runId,
                at: Date.now(),
                by: { name: s.name },
                type: 'field-set',
                stepId: 'collect-repro',
                fieldId,
                old: null,
                new: `${s.name} ${Date.now()}`,
              },
            ]);
          }
        }),
      );
      const closer = group[Math.floor(Math.random() * group.length)]!;
      await push(closer, [
        {
          id: randomUUID(),
          runId,
          at: Date.now(),
          by: { name: closer.name },
          type: 'run-closed',
          stepId: 'close',
          new: Date.now(),
        },
      ]);
    }
  }
  await Promise.all(groups.map(workGroup));

  // Let the last deliveries land, then compare each agent's stream with what it may see.
  const drainUntil = performance.now() + 10_000;
  let lost = 0;
  let duplicates = 0;
  let delivered = 0;
  const truths = new Map<Sim, Set<string>>();
  for (const s of sims) {
    const truth = new Set<string>();
    let cursor = s.startCursor;
    for (;;) {
      const page = await s.client.pull(cursor, 1000);
      for (const e of page.events) truth.add(e.id);
      cursor = page.cursor;
      if (!page.more) break;
    }
    truths.set(s, truth);
  }
  const missing = (s: Sim) =>
    [...truths.get(s)!].filter((id) => !s.seen.has(id) && !s.opened.has(id));
  while (performance.now() < drainUntil && sims.some((s) => missing(s).length > 0)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const s of sims) {
    lost += missing(s).length;
    for (const [id, n] of s.seen) {
      if (n > 1) duplicates += n - 1;
      if (pushedAt.get(id)?.author !== s.name) delivered++;
    }
    s.abort.abort();
  }
  const stored = Number(
    (await db.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE team = 'load'"))[0]!.n,
  );
  const notStored = pushedAt.size - stored;
  const latencies = sims.flatMap((s) => s.latencies).sort((a, b) => a - b);
  await Promise.all(sims.map((s) => s.done));
  await app.close();
  await cleanup();

  console.log(
    `events pushed:                 ${pushed} (${stored} stored, ${notStored} sent but not stored)`,
  );
  console.log(`events delivered to others:    ${delivered}`);
  console.log(`duplicates:                    ${duplicates}`);
  console.log(`losses:                        ${lost + Math.max(0, notStored)}`);
  console.log(
    `edit-to-seen latency:          p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms (${latencies.length} deliveries)`,
  );
  if (lost > 0 || duplicates > 0 || notStored !== 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
