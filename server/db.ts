/**
 * One small interface over the two stores the server runs on: a real
 * PostgreSQL (DATABASE_URL, through `pg`) or an embedded PGlite (a lead's
 * first try, no install). Both speak the same SQL and both deliver
 * LISTEN/NOTIFY, which is how several server instances hear each other.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Database extends Queryable {
  kind: DatabaseKind;
  /** Run `fn` in one transaction; a throw rolls it back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir);
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await q.query<R>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    listen: async (channel, onPayload) => {
      await db.listen(channel, onPayload);
    },
    close: () => db.close(),
  };
}

export async function openPostgres(
  url: string,
  options: { schema?: string } = {},
): Promise<Database> {
  // A schema of its own (tests sharing one database) is set on every connection.
  const extra = options.schema ? { options: `-c search_path=${options.schema}` } : {};
  const pool = new pg.Pool({ connectionString: url, max: 10, ...extra });
  // One connection of its own for LISTEN: pooled ones come and go.
  const listener = new pg.Client({ connectionString: url, ...extra });
  await listener.connect();
  const handlers = new Map<string, Array<(payload: string) => void>>();
  listener.on('notification', (n) => {
    for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as R[];
    },
  });
  return {
    kind: 'postgresql',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    async listen(channel, onPayload) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`Bad channel name "${channel}".`);
      const list = handlers.get(channel) ?? [];
      if (list.length === 0) await listener.query(`LISTEN ${channel}`);
      handlers.set(channel, [...list, onPayload]);
    },
    async close() {
      await listener.end();
      await pool.end();
    },
  };
}

export function openDatabase(options: { url?: string; dataDir?: string }): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}
