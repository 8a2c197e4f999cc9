/**
 * Group commit for pushes. A team's pushes are serialized (its advisory
 * lock keeps sequence numbers committing in order), so one transaction per
 * push caps a team at one round-trip chain per push: under the load script
 * (200 agents, an edit a second each) pushes queued for seconds. Here the
 * pushes of a team that arrive while its transaction runs wait together and
 * go as the next transaction, written with set-based statements: about ten
 * statements and one commit (one WAL flush, one NOTIFY) for the whole
 * batch, whatever its size.
 *
 * Each push keeps its own answer. If the batch fails for any reason, each
 * of its pushes is retried alone through `pushEvents`, which gives that push
 * its own error and the others their results.
 */
import type { WorkflowTemplate } from '../lib/workflow/schema';
import type { AgentInfo, PushReply, TeamEvent } from '../lib/team/protocol';
import type { Database, Queryable } from './db';
import { EVENTS_CHANNEL, MEMBERS_CHANNEL, pushEvents, StoreError, subjectOf } from './store';

interface PendingPush {
  agent: AgentInfo;
  events: TeamEvent[];
  templates: WorkflowTemplate[];
  resolve: (reply: PushReply) => void;
  reject: (error: unknown) => void;
}

/** A batch stops growing here; the rest waits for the next transaction. */
const MAX_BATCH_EVENTS = 2_000;

export interface PushBatcher {
  push(agent: AgentInfo, events: TeamEvent[], templates: WorkflowTemplate[]): Promise<PushReply>;
}

export function createPushBatcher(db: Database): PushBatcher {
  const queues = new Map<string, PendingPush[]>();
  const running = new Set<string>();

  async function drain(team: string): Promise<void> {
    running.add(team);
    try {
      for (;;) {
        const queue = queues.get(team) ?? [];
        if (queue.length === 0) break;
        let size = 0;
        let take = 0;
        while (
          take < queue.length &&
          (take === 0 || size + queue[take]!.events.length <= MAX_BATCH_EVENTS)
        ) {
          size += queue[take]!.events.length;
          take++;
        }
        const batch = queue.splice(0, take);
        try {
          const replies = await db.transaction((tx) => writeBatch(tx, team, batch));
          batch.forEach((p, i) => {
            const reply = replies[i]!;
            if (reply instanceof StoreError) p.reject(reply);
            else p.resolve(reply);
          });
        } catch {
          for (const p of batch) {
            await pushEvents(db, p.agent, p.events, p.templates).then(p.resolve, p.reject);
          }
        }
      }
    } finally {
      running.delete(team);
      queues.delete(team);
    }
  }

  return {
    push(agent, events, templates) {
      return new Promise<PushReply>((resolve, reject) => {
        const queue = queues.get(agent.team) ?? [];
        queue.push({ agent, events, templates, resolve, reject });
        queues.set(agent.team, queue);
        if (!running.has(agent.team)) void drain(agent.team);
      });
    },
  };
}

interface RunChange {
  run_id: string;
  at: number;
  closed: boolean | null;
  subject: string | null;
}

/** One transaction for pushes of one team; a push whose event id belongs to another team gets a 409 alone. */
async function writeBatch(
  tx: Queryable,
  team: string,
  batch: PendingPush[],
): Promise<Array<PushReply | StoreError>> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [team]);

  const templates = new Map<string, WorkflowTemplate>();
  for (const p of batch) for (const t of p.templates) templates.set(`${t.id}@${t.version}`, t);
  if (templates.size > 0) {
    await tx.query(
      `INSERT INTO templates (team, id, version, body)
       SELECT $1, t->>'id', (t->>'version')::int, t FROM jsonb_array_elements($2::jsonb) t
       ON CONFLICT DO NOTHING`,
      [team, JSON.stringify([...templates.values()])],
    );
  }

  const allIds = [...new Set(batch.flatMap((p) => p.events.map((e) => e.id)))];
  const existing = new Map<string, { team: string; seq: number }>();
  for (const row of await tx.query<{ id: string; team: string; seq: string }>(
    'SELECT id, team, seq FROM events WHERE id = ANY($1)',
    [allIds],
  ))
    existing.set(row.id, { team: row.team, seq: Number(row.seq) });

  const runIds = [...new Set(batch.flatMap((p) => p.events.map((e) => e.runId)))];
  const known = new Set(
    (
      await tx.query<{ run_id: string }>(
        'SELECT run_id FROM runs WHERE team = $1 AND run_id = ANY($2)',
        [team, runIds],
      )
    ).map((r) => r.run_id),
  );

  const replies: Array<PushReply | StoreError> = [];
  const plans: Array<{ accepted: string[]; needsHistory: Set<string> } | undefined> = [];
  const newRuns: Array<{ run_id: string; created_by: string; subject: string | null; at: number }> =
    [];
  const rows: Array<{ id: string; run_id: string; agent_id: string; body: unknown }> = [];
  const inBatch = new Set<string>();
  const changes = new Map<string, RunChange>();
  const members = new Map<string, { run_id: string; agent_id: string }>();

  for (const p of batch) {
    const foreign = p.events.find((e) => {
      const found = existing.get(e.id);
      return found !== undefined && found.team !== team;
    });
    if (foreign) {
      replies.push(new StoreError(409, `Event id ${foreign.id} is taken.`));
      plans.push(undefined);
      continue;
    }
    replies.push({ accepted: [], needsHistory: [] });
    const plan = { accepted: [] as string[], needsHistory: new Set<string>() };
    plans.push(plan);
    for (const event of p.events) {
      if (!known.has(event.runId)) {
        if (event.type !== 'run-created') {
          plan.needsHistory.add(event.runId);
          continue;
        }
        newRuns.push({
          run_id: event.runId,
          created_by: p.agent.id,
          subject: subjectOf(event) ?? null,
          at: event.at,
        });
        known.add(event.runId);
      }
      plan.accepted.push(event.id);
      members.set(`${event.runId}\n${p.agent.id}`, { run_id: event.runId, agent_id: p.agent.id });
      if (existing.has(event.id) || inBatch.has(event.id)) continue;
      inBatch.add(event.id);
      // The server names who did it: the authenticated agent, not what the client said.
      rows.push({
        id: event.id,
        run_id: event.runId,
        agent_id: p.agent.id,
        body: { ...event, by: { name: p.agent.name, email: p.agent.email } },
      });
      const change = changes.get(event.runId) ?? {
        run_id: event.runId,
        at: event.at,
        closed: null,
        subject: null,
      };
      change.at = Math.max(change.at, event.at);
      if (event.type === 'run-closed') change.closed = true;
      if (event.type === 'run-reopened') change.closed = false;
      if (event.type === 'ticket-updated') change.subject = subjectOf(event) ?? change.subject;
      changes.set(event.runId, change);
    }
  }

  if (newRuns.length > 0) {
    await tx.query(
      `INSERT INTO runs (team, run_id, created_by, subject, updated_at)
       SELECT $1, r->>'run_id', r->>'created_by', r->>'subject', (r->>'at')::bigint
       FROM jsonb_array_elements($2::jsonb) r ON CONFLICT DO NOTHING`,
      [team, JSON.stringify(newRuns)],
    );
  }
  const seqs = new Map<string, number>();
  for (const [id, found] of existing) seqs.set(id, found.seq);
  let last: number | undefined;
  if (rows.length > 0) {
    // Rows go in the batch's order, so sequence numbers follow the order the pushes were made in.
    const inserted = await tx.query<{ id: string; seq: string }>(
      `INSERT INTO events (id, team, run_id, agent_id, body)
       SELECT x.e->>'id', $1, x.e->>'run_id', x.e->>'agent_id', x.e->'body'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, ord) ORDER BY x.ord
       ON CONFLICT (id) DO NOTHING RETURNING id, seq`,
      [team, JSON.stringify(rows)],
    );
    // Another team took one of these ids meanwhile: let each push be tried alone.
    if (inserted.length !== rows.length) throw new Error('An event id was taken during the batch.');
    for (const r of inserted) {
      const seq = Number(r.seq);
      seqs.set(r.id, seq);
      last = Math.max(last ?? 0, seq);
    }
    await tx.query(
      `UPDATE runs r SET updated_at = GREATEST(r.updated_at, (u->>'at')::bigint),
         closed = COALESCE((u->>'closed')::boolean, r.closed),
         subject = COALESCE(u->>'subject', r.subject)
       FROM jsonb_array_elements($2::jsonb) u
       WHERE r.team = $1 AND r.run_id = u->>'run_id'`,
      [team, JSON.stringify([...changes.values()])],
    );
  }
  if (members.size > 0) {
    const added = await tx.query<{ run_id: string; agent_id: string }>(
      `INSERT INTO run_members (team, run_id, agent_id)
       SELECT $1, m->>'run_id', m->>'agent_id' FROM jsonb_array_elements($2::jsonb) m
       ON CONFLICT DO NOTHING RETURNING run_id, agent_id`,
      [team, JSON.stringify([...members.values()])],
    );
    // Members first: an instance must know who follows a run before its events arrive.
    if (added.length > 0) {
      await tx.query('SELECT pg_notify($1, x) FROM jsonb_array_elements_text($2::jsonb) x', [
        MEMBERS_CHANNEL,
        JSON.stringify(
          added.map((m) => JSON.stringify({ team, agentId: m.agent_id, runId: m.run_id })),
        ),
      ]);
    }
  }
  if (last !== undefined) {
    await tx.query('SELECT pg_notify($1, $2)', [
      EVENTS_CHANNEL,
      JSON.stringify({ team, to: last }),
    ]);
  }

  return replies.map((reply, i) => {
    const plan = plans[i];
    if (reply instanceof StoreError || !plan) return reply;
    return {
      accepted: plan.accepted.map((id) => ({ id, serverSeq: seqs.get(id)! })),
      needsHistory: [...plan.needsHistory],
    };
  });
}
