/**
 * The schema, as numbered SQL migrations applied in order at start-up, each
 * in its own transaction and recorded in `schema_migrations`. Never edit a
 * shipped migration; add the next one. An advisory lock keeps two instances
 * starting together from applying the same migration twice.
 */
import type { Database } from './db';

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'agents, events, runs, presence, templates',
    sql: `
      CREATE TABLE agents (
        id text PRIMARY KEY,
        team text NOT NULL DEFAULT 'default',
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('agent', 'lead')),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX agents_team_email ON agents (team, lower(email)) WHERE revoked_at IS NULL;

      -- One row per run of a team: run identity is team + helpdesk + ticket id.
      CREATE TABLE runs (
        team text NOT NULL,
        run_id text NOT NULL,
        created_by text NOT NULL REFERENCES agents (id),
        subject text,
        updated_at bigint NOT NULL,
        closed boolean NOT NULL DEFAULT false,
        PRIMARY KEY (team, run_id)
      );

      -- The append-only log. seq is the team-wide order every client folds in.
      CREATE TABLE events (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        team text NOT NULL,
        run_id text NOT NULL,
        agent_id text NOT NULL REFERENCES agents (id),
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX events_team_seq ON events (team, seq);
      CREATE INDEX events_run ON events (team, run_id, seq);

      -- Who follows a run (opened it or pushed to it): what an agent pulls.
      CREATE TABLE run_members (
        team text NOT NULL,
        run_id text NOT NULL,
        agent_id text NOT NULL REFERENCES agents (id),
        PRIMARY KEY (team, run_id, agent_id)
      );
      CREATE INDEX run_members_agent ON run_members (agent_id);

      CREATE TABLE presence (
        team text NOT NULL,
        run_id text NOT NULL,
        agent_id text NOT NULL REFERENCES agents (id),
        until timestamptz NOT NULL,
        PRIMARY KEY (team, run_id, agent_id)
      );

      -- Template versions: published by a lead, or carried by a run-created
      -- event so others can show that run.
      CREATE TABLE templates (
        team text NOT NULL,
        id text NOT NULL,
        version integer NOT NULL,
        body jsonb NOT NULL,
        published_by text REFERENCES agents (id),
        published_at timestamptz,
        PRIMARY KEY (team, id, version)
      );
    `,
  },
  {
    version: 2,
    name: 'team privacy policy',
    sql: `
      -- What a lead keeps in the agents' browsers (ticket facts, fields).
      CREATE TABLE team_settings (
        team text PRIMARY KEY,
        privacy jsonb NOT NULL,
        updated_by text REFERENCES agents (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

const MIGRATION_LOCK = 81_873_001;

export async function migrate(db: Database): Promise<number[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (rows.length > 0) return false;
      for (const statement of m.sql
        .split(/;\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
