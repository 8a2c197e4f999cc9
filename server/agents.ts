/**
 * Agents and their access tokens. A token is 32 random bytes shown once;
 * only its SHA-256 is stored, so a copy of the database grants nothing.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AgentInfo, Role } from '../lib/team/protocol';
import type { Database, Queryable } from './db';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return `cbk_${randomBytes(32).toString('base64url')}`;
}

interface AgentRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  team: string;
  revoked_at: Date | string | null;
}

function toInfo(row: AgentRow): AgentInfo {
  return { id: row.id, name: row.name, email: row.email, role: row.role, team: row.team };
}

export async function addAgent(
  db: Database,
  input: { name: string; email: string; role?: Role; team?: string },
): Promise<{ agent: AgentInfo; token: string }> {
  const name = input.name.trim();
  const email = input.email.trim();
  if (!name) throw new Error('An agent needs a --name.');
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error(`"${email}" is not an e-mail address.`);
  const token = newToken();
  const id = randomUUID();
  const rows = await db.query<AgentRow>(
    `INSERT INTO agents (id, team, name, email, role, token_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING id, name, email, role, team, revoked_at`,
    [id, input.team ?? 'default', name, email, input.role ?? 'agent', hashToken(token)],
  );
  if (rows.length === 0) throw new Error(`An active agent with e-mail ${email} already exists.`);
  return { agent: toInfo(rows[0]!), token };
}

export async function listAgents(db: Database): Promise<Array<AgentInfo & { revoked: boolean }>> {
  const rows = await db.query<AgentRow>(
    'SELECT id, name, email, role, team, revoked_at FROM agents ORDER BY team, created_at',
  );
  return rows.map((r) => ({ ...toInfo(r), revoked: r.revoked_at !== null }));
}

/** Revoke by id or e-mail; returns how many were revoked. */
export async function revokeAgent(db: Database, idOrEmail: string): Promise<number> {
  const rows = await db.query(
    `UPDATE agents SET revoked_at = now()
     WHERE revoked_at IS NULL AND (id = $1 OR lower(email) = lower($1)) RETURNING id`,
    [idOrEmail],
  );
  return rows.length;
}

export async function agentForToken(db: Queryable, token: string): Promise<AgentInfo | undefined> {
  const rows = await db.query<AgentRow>(
    'SELECT id, name, email, role, team, revoked_at FROM agents WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  return rows[0] ? toInfo(rows[0]) : undefined;
}
