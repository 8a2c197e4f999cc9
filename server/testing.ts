/**
 * Test helpers: a fresh database of each kind the server supports, and a
 * server listening on a free port. With DATABASE_URL set, the PostgreSQL
 * cases run in a schema of their own; in CI they must run (see backends()).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { addAgent } from './agents';
import { buildApp } from './app';
import { openPglite, openPostgres, type Database, type DatabaseKind } from './db';
import { migrate } from './migrations';
import type { Role } from '../lib/team/protocol';

export function backends(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
}

export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const url = process.env.DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openPostgres(url, { schema });
  await migrate(db);
  const close = db.close;
  db.close = async () => {
    await close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
    await cleanup.end();
  };
  return db;
}

export async function startServer(
  db: Database,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { app } = await buildApp(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A random team, so tests sharing a PostgreSQL never see each other's notifications as their own. */
export function randomTeam(): string {
  return `team-${randomBytes(4).toString('hex')}`;
}

export async function agent(db: Database, name: string, team: string, role: Role = 'agent') {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`;
  return addAgent(db, { name, email, role, team });
}
