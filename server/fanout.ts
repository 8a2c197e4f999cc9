/**
 * Live delivery: every instance LISTENs on PostgreSQL and forwards what any
 * instance committed to the streams of its own connected agents. The only
 * state here is who is connected to this instance; everything sent is read
 * back from the database, so instances can come and go.
 *
 * Per team, an instance reads each committed range once (`seq > lastSent`,
 * which also covers notifications missed while the LISTEN connection was
 * down) and hands each stream the events its agent may see. A stream's
 * `cursor` says "everything visible to you up to here has been sent".
 */
import type { AgentInfo, Presence, StreamMessage } from '../lib/team/protocol';
import type { Database } from './db';
import {
  EVENTS_CHANNEL,
  followedRuns,
  maxSeq,
  MEMBERS_CHANNEL,
  presenceOf,
  PRESENCE_CHANNEL,
  publishedTemplates,
  pullEvents,
  TEMPLATES_CHANNEL,
} from './store';

export interface Stream {
  agent: AgentInfo;
  send(message: StreamMessage): void;
}

interface Connection extends Stream {
  follows: Set<string>;
  cursor: number;
  /** Until the backlog is sent, live events wait here. */
  live: boolean;
}

export interface Fanout {
  /** Register a stream, send its backlog after `after`, then keep it live. Returns the detach function. */
  attach(stream: Stream, after: number): Promise<() => void>;
  connections(): number;
}

export async function createFanout(db: Database): Promise<Fanout> {
  const connections = new Set<Connection>();
  const lastSent = new Map<string, number>();
  // One chain per instance: ranges are read and delivered in commit order.
  let chain: Promise<void> = Promise.resolve();
  const serially = (fn: () => Promise<void>) => {
    chain = chain
      .then(fn)
      .catch((error: unknown) => console.error('[casebook-server] fan-out failed', error));
    return chain;
  };

  async function deliver(team: string, to: number): Promise<void> {
    const from = lastSent.get(team) ?? 0;
    if (to <= from) return;
    const range = await pullEvents(
      db,
      { id: '', name: '', email: '', role: 'lead', team },
      from,
      100_000,
      to,
    );
    lastSent.set(team, to);
    for (const c of connections) {
      if (c.agent.team !== team || !c.live) continue;
      const visible = range.events.filter(
        (e) => e.serverSeq > c.cursor && (c.agent.role === 'lead' || c.follows.has(e.runId)),
      );
      c.cursor = Math.max(c.cursor, to);
      c.send({ type: 'events', events: visible, cursor: c.cursor });
    }
  }

  function sendPresence(team: string, presence: Presence): void {
    for (const c of connections) {
      if (
        c.agent.team === team &&
        c.live &&
        (c.agent.role === 'lead' || c.follows.has(presence.runId))
      ) {
        c.send({ type: 'presence', presence });
      }
    }
  }

  await db.listen(EVENTS_CHANNEL, (payload) => {
    const { team, to } = JSON.parse(payload) as { team: string; to: number };
    void serially(() => deliver(team, to));
  });
  await db.listen(MEMBERS_CHANNEL, (payload) => {
    // Synchronous, so a run's new follower is known before the events that follow the notification.
    const { team, agentId, runId } = JSON.parse(payload) as {
      team: string;
      agentId: string;
      runId: string;
    };
    for (const c of connections)
      if (c.agent.team === team && c.agent.id === agentId) c.follows.add(runId);
  });
  await db.listen(PRESENCE_CHANNEL, (payload) => {
    const { team, runId } = JSON.parse(payload) as { team: string; runId: string };
    void serially(async () => sendPresence(team, await presenceOf(db, team, runId)));
  });
  await db.listen(TEMPLATES_CHANNEL, (payload) => {
    const { team, id, version } = JSON.parse(payload) as {
      team: string;
      id: string;
      version: number;
    };
    void serially(async () => {
      const published = (await publishedTemplates(db, team)).find(
        (p) => p.template.id === id && p.template.version === version,
      );
      if (!published) return;
      for (const c of connections)
        if (c.agent.team === team && c.live) c.send({ type: 'template', template: published });
    });
  });

  return {
    async attach(stream, after) {
      const connection: Connection = { ...stream, follows: new Set(), cursor: after, live: false };
      connections.add(connection);
      const detach = () => {
        connections.delete(connection);
      };
      // The backlog goes out on the delivery chain, so no live range can overtake it.
      await serially(async () => {
        for (const runId of await followedRuns(db, stream.agent)) connection.follows.add(runId);
        let top = lastSent.get(stream.agent.team);
        if (top === undefined) {
          top = await maxSeq(db, stream.agent.team);
          lastSent.set(stream.agent.team, top);
        }
        for (;;) {
          const page = await pullEvents(db, stream.agent, connection.cursor, 500, top);
          connection.cursor = page.cursor;
          if (page.events.length > 0 || !page.more) {
            stream.send({ type: 'events', events: page.events, cursor: page.cursor });
          }
          if (!page.more) break;
        }
        connection.live = true;
        stream.send({ type: 'ready', cursor: connection.cursor });
      });
      return detach;
    },
    connections: () => connections.size,
  };
}
