/**
 * Every read and write of team data. Pushes of one team are serialized by
 * an advisory lock taken inside their transaction, so a team's sequence
 * numbers commit in order: a reader that has seen seq N will never later
 * find a committed seq below N (the cursor loses nothing).
 */
import { canonicalJson } from '../lib/workflow/versioning';
import type { RunEvent, WorkflowTemplate } from '../lib/workflow/schema';
import { DEFAULT_PRIVACY, type PrivacyPolicy } from '../lib/team/protocol';
import type {
  AgentInfo,
  Presence,
  PublishedTemplate,
  PullReply,
  PushReply,
  ServerEvent,
  TeamEvent,
  TeamRunSummary,
} from '../lib/team/protocol';
import type { Database, Queryable } from './db';

export const EVENTS_CHANNEL = 'casebook_events';
export const MEMBERS_CHANNEL = 'casebook_members';
export const PRESENCE_CHANNEL = 'casebook_presence';
export const TEMPLATES_CHANNEL = 'casebook_templates';
export const PRESENCE_TTL_SECONDS = 45;

export class StoreError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface EventRow {
  seq: string | number;
  id: string;
  run_id: string;
  agent_id: string;
  body: RunEvent;
}

export function toServerEvent(row: EventRow): ServerEvent {
  const { seq: _seq, ...body } = row.body as RunEvent & { id?: string };
  return {
    ...body,
    id: row.id,
    runId: row.run_id,
    serverSeq: Number(row.seq),
    agentId: row.agent_id,
  };
}

async function notify(tx: Queryable, channel: string, payload: object): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
}

export function subjectOf(event: TeamEvent): string | undefined {
  const source =
    event.type === 'run-created' ? (event.new as { ticket?: unknown })?.ticket : event.new;
  const subject = (source as { subject?: unknown } | undefined)?.subject;
  return typeof subject === 'string' ? subject.slice(0, 500) : undefined;
}

export async function pushEvents(
  db: Database,
  agent: AgentInfo,
  events: TeamEvent[],
  templates: WorkflowTemplate[],
): Promise<PushReply> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [agent.team]);
    for (const t of templates) {
      await tx.query(
        'INSERT INTO templates (team, id, version, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [agent.team, t.id, t.version, JSON.stringify(t)],
      );
    }
    const runIds = [...new Set(events.map((e) => e.runId))];
    const known = new Set(
      (
        await tx.query<{ run_id: string }>(
          'SELECT run_id FROM runs WHERE team = $1 AND run_id = ANY($2)',
          [agent.team, runIds],
        )
      ).map((r) => r.run_id),
    );
    const accepted: PushReply['accepted'] = [];
    const needsHistory = new Set<string>();
    const joined = new Set<string>();
    let first: number | undefined;
    let last: number | undefined;
    for (const event of events) {
      if (!known.has(event.runId)) {
        if (event.type !== 'run-created') {
          needsHistory.add(event.runId);
          continue;
        }
        await tx.query(
          `INSERT INTO runs (team, run_id, created_by, subject, updated_at) VALUES ($1, $2, $3, $4, $5)`,
          [agent.team, event.runId, agent.id, subjectOf(event) ?? null, event.at],
        );
        known.add(event.runId);
      }
      // The server names who did it: the authenticated agent, not what the client said.
      const body = { ...event, by: { name: agent.name, email: agent.email } };
      const inserted = await tx.query<{ seq: string }>(
        `INSERT INTO events (id, team, run_id, agent_id, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING RETURNING seq`,
        [event.id, agent.team, event.runId, agent.id, JSON.stringify(body)],
      );
      let seq: number;
      if (inserted[0]) {
        seq = Number(inserted[0].seq);
        first ??= seq;
        last = seq;
        await tx.query(
          `UPDATE runs SET updated_at = GREATEST(updated_at, $3),
             closed = CASE WHEN $4 = 'run-closed' THEN true WHEN $4 = 'run-reopened' THEN false ELSE closed END,
             subject = COALESCE($5, subject)
           WHERE team = $1 AND run_id = $2`,
          [
            agent.team,
            event.runId,
            event.at,
            event.type,
            event.type === 'ticket-updated' ? (subjectOf(event) ?? null) : null,
          ],
        );
      } else {
        const existing = await tx.query<{ seq: string; team: string }>(
          'SELECT seq, team FROM events WHERE id = $1',
          [event.id],
        );
        if (existing[0]?.team !== agent.team)
          throw new StoreError(409, `Event id ${event.id} is taken.`);
        seq = Number(existing[0].seq);
      }
      accepted.push({ id: event.id, serverSeq: seq });
      if (!joined.has(event.runId)) {
        joined.add(event.runId);
        const added = await tx.query(
          'INSERT INTO run_members (team, run_id, agent_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING run_id',
          [agent.team, event.runId, agent.id],
        );
        // Members first: an instance must know who follows a run before its events arrive.
        if (added.length > 0)
          await notify(tx, MEMBERS_CHANNEL, {
            team: agent.team,
            agentId: agent.id,
            runId: event.runId,
          });
      }
    }
    if (first !== undefined && last !== undefined) {
      await notify(tx, EVENTS_CHANNEL, { team: agent.team, to: last });
    }
    return { accepted, needsHistory: [...needsHistory] };
  });
}

export async function maxSeq(db: Queryable, team: string): Promise<number> {
  const rows = await db.query<{ max: string | null }>(
    'SELECT max(seq) AS max FROM events WHERE team = $1',
    [team],
  );
  return Number(rows[0]?.max ?? 0);
}

/** Events after `after` that `agent` may see: leads every run of the team, agents the runs they follow. */
export async function pullEvents(
  db: Queryable,
  agent: AgentInfo,
  after: number,
  limit = 500,
  upTo?: number,
): Promise<PullReply> {
  const top = upTo ?? (await maxSeq(db, agent.team));
  const rows =
    agent.role === 'lead'
      ? await db.query<EventRow>(
          `SELECT seq, id, run_id, agent_id, body FROM events
           WHERE team = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
          [agent.team, after, top, limit],
        )
      : // Driven from the agent's runs, one index range per run: a join led by the team's
        // event range re-scanned the membership table per event when statistics were missing
        // (PGlite never analyzes): 2 s per pull at 12,000 events, 9 ms this way.
        await db.query<EventRow>(
          `WITH mine AS MATERIALIZED (SELECT run_id FROM run_members WHERE team = $1 AND agent_id = $5)
           SELECT e.seq, e.id, e.run_id, e.agent_id, e.body FROM mine, LATERAL (
             SELECT seq, id, run_id, agent_id, body FROM events
             WHERE team = $1 AND run_id = mine.run_id AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4
           ) e ORDER BY e.seq LIMIT $4`,
          [agent.team, after, top, limit, agent.id],
        );
  const events = rows.map(toServerEvent);
  const more = rows.length === limit;
  return {
    events,
    cursor: more ? events[events.length - 1]!.serverSeq : Math.max(top, after),
    more,
  };
}

export async function presenceOf(db: Queryable, team: string, runId: string): Promise<Presence> {
  const rows = await db.query<{ agent_id: string; name: string; email: string }>(
    `SELECT p.agent_id, a.name, a.email FROM presence p JOIN agents a ON a.id = p.agent_id
     WHERE p.team = $1 AND p.run_id = $2 AND p.until > now() AND a.revoked_at IS NULL ORDER BY a.name`,
    [team, runId],
  );
  return {
    runId,
    agents: rows.map((r) => ({ agentId: r.agent_id, name: r.name, email: r.email })),
  };
}

export async function setPresence(
  db: Database,
  agent: AgentInfo,
  runId: string,
  open: boolean,
): Promise<Presence> {
  return db.transaction(async (tx) => {
    if (open) {
      await tx.query(
        `INSERT INTO presence (team, run_id, agent_id, until) VALUES ($1, $2, $3, now() + make_interval(secs => $4))
         ON CONFLICT (team, run_id, agent_id) DO UPDATE SET until = EXCLUDED.until`,
        [agent.team, runId, agent.id, PRESENCE_TTL_SECONDS],
      );
    } else {
      await tx.query('DELETE FROM presence WHERE team = $1 AND run_id = $2 AND agent_id = $3', [
        agent.team,
        runId,
        agent.id,
      ]);
    }
    await notify(tx, PRESENCE_CHANNEL, { team: agent.team, runId });
    return presenceOf(tx, agent.team, runId);
  });
}

/** Follow a run and mark it open: its whole history, and who else has it open. */
export async function openRun(
  db: Database,
  agent: AgentInfo,
  runId: string,
): Promise<{ events: ServerEvent[]; presence: Presence }> {
  await db.transaction(async (tx) => {
    const added = await tx.query(
      'INSERT INTO run_members (team, run_id, agent_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING run_id',
      [agent.team, runId, agent.id],
    );
    if (added.length > 0)
      await notify(tx, MEMBERS_CHANNEL, { team: agent.team, agentId: agent.id, runId });
  });
  const presence = await setPresence(db, agent, runId, true);
  const rows = await db.query<EventRow>(
    'SELECT seq, id, run_id, agent_id, body FROM events WHERE team = $1 AND run_id = $2 ORDER BY seq',
    [agent.team, runId],
  );
  return { events: rows.map(toServerEvent), presence };
}

export async function followedRuns(db: Queryable, agent: AgentInfo): Promise<string[]> {
  const rows = await db.query<{ run_id: string }>(
    'SELECT run_id FROM run_members WHERE agent_id = $1',
    [agent.id],
  );
  return rows.map((r) => r.run_id);
}

export async function listRuns(
  db: Queryable,
  agent: AgentInfo,
  scope: 'team' | 'mine',
): Promise<TeamRunSummary[]> {
  if (scope === 'team' && agent.role !== 'lead')
    throw new StoreError(403, 'Only leads see every run of the team.');
  const rows = await db.query<{
    run_id: string;
    subject: string | null;
    updated_at: string;
    closed: boolean;
    opened_by: string;
    members: string[];
  }>(
    `SELECT r.run_id, r.subject, r.updated_at, r.closed, c.name AS opened_by,
       ARRAY(SELECT a.name FROM run_members m JOIN agents a ON a.id = m.agent_id
             WHERE m.team = r.team AND m.run_id = r.run_id ORDER BY a.name) AS members
     FROM runs r JOIN agents c ON c.id = r.created_by
     WHERE r.team = $1 AND NOT r.closed
       AND ($2 = 'team' OR EXISTS (SELECT 1 FROM run_members m WHERE m.team = r.team AND m.run_id = r.run_id AND m.agent_id = $3))
     ORDER BY r.updated_at DESC LIMIT 200`,
    [agent.team, scope, agent.id],
  );
  return rows.map((r) => ({
    runId: r.run_id,
    openedBy: r.opened_by,
    ...(r.subject ? { subject: r.subject } : {}),
    updatedAt: Number(r.updated_at),
    closed: r.closed,
    members: r.members,
  }));
}

interface TemplateRow {
  body: WorkflowTemplate;
  published_by: string | null;
  published_at: Date | string | null;
}

function toPublished(row: TemplateRow & { publisher: string | null }): PublishedTemplate {
  return {
    template: row.body,
    publishedBy: row.publisher ?? '',
    publishedAt: row.published_at ? new Date(row.published_at).getTime() : 0,
  };
}

/** Publish a template: the same content as the latest version keeps it; changed content is the next version. */
export async function publishTemplate(
  db: Database,
  agent: AgentInfo,
  template: WorkflowTemplate,
): Promise<PublishedTemplate> {
  if (agent.role !== 'lead') throw new StoreError(403, 'Only leads publish templates.');
  const published = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1 || $2))', [agent.team, template.id]);
    const stored = await tx.query<{ version: number; body: WorkflowTemplate }>(
      'SELECT version, body FROM templates WHERE team = $1 AND id = $2 ORDER BY version DESC',
      [agent.team, template.id],
    );
    const key = (t: WorkflowTemplate) => canonicalJson({ ...t, version: 0 });
    // The latest version with the same content is kept; anything else (even an older version's content) is next.
    const latest = stored[0];
    const version =
      latest && key(latest.body) === key(template)
        ? latest.version
        : Math.max(template.version, (latest?.version ?? 0) + 1);
    const body = { ...template, version };
    await tx.query(
      `INSERT INTO templates (team, id, version, body, published_by, published_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (team, id, version) DO UPDATE SET published_by = EXCLUDED.published_by, published_at = EXCLUDED.published_at`,
      [agent.team, template.id, version, JSON.stringify(body), agent.id],
    );
    await notify(tx, TEMPLATES_CHANNEL, { team: agent.team, id: template.id, version });
    return { template: body, publishedBy: agent.name, publishedAt: Date.now() };
  });
  return published;
}

/** The latest published version of each template of the team. */
export async function publishedTemplates(
  db: Queryable,
  team: string,
): Promise<PublishedTemplate[]> {
  const rows = await db.query<TemplateRow & { publisher: string | null }>(
    `SELECT DISTINCT ON (t.id) t.body, t.published_by, t.published_at, a.name AS publisher
     FROM templates t LEFT JOIN agents a ON a.id = t.published_by
     WHERE t.team = $1 AND t.published_at IS NOT NULL ORDER BY t.id, t.version DESC`,
    [team],
  );
  return rows.map(toPublished);
}

export async function templateVersion(
  db: Queryable,
  team: string,
  id: string,
  version: number,
): Promise<WorkflowTemplate | undefined> {
  const rows = await db.query<{ body: WorkflowTemplate }>(
    'SELECT body FROM templates WHERE team = $1 AND id = $2 AND version = $3',
    [team, id, version],
  );
  return rows[0]?.body;
}

export async function privacyPolicy(db: Queryable, team: string): Promise<PrivacyPolicy> {
  const rows = await db.query<{ privacy: PrivacyPolicy }>(
    'SELECT privacy FROM team_settings WHERE team = $1',
    [team],
  );
  return rows[0]?.privacy ?? DEFAULT_PRIVACY;
}

export async function setPrivacyPolicy(
  db: Queryable,
  agent: AgentInfo,
  privacy: PrivacyPolicy,
): Promise<PrivacyPolicy> {
  if (agent.role !== 'lead') throw new StoreError(403, 'Only leads mark fields private.');
  await db.query(
    `INSERT INTO team_settings (team, privacy, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (team) DO UPDATE SET privacy = EXCLUDED.privacy, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [agent.team, JSON.stringify(privacy), agent.id],
  );
  return privacy;
}
