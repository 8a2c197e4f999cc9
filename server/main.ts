/**
 * `npm run server` — start the team server, or manage agents:
 *
 *   npm run server [-- --port 8787 --host 127.0.0.1 --data .casebook-server]
 *   npm run -s server -- agent add --name "Dana Whitfield" --email dana@example.com [--role lead] [--team T]
 *   npm run -s server -- agent list
 *   npm run -s server -- agent revoke <id or e-mail>
 *
 * With DATABASE_URL set it uses that PostgreSQL; otherwise an embedded
 * PGlite keeps its data under --data.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addAgent, listAgents, revokeAgent } from './agents';
import { buildApp } from './app';
import { openDatabase } from './db';
import { migrate } from './migrations';
import { roleSchema } from '../lib/team/protocol';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.casebook-server' },
    // Repeatable: `agent add --name A --email a --name B --email b` adds both.
    name: { type: 'string', multiple: true },
    email: { type: 'string', multiple: true },
    role: { type: 'string', default: 'agent' },
    team: { type: 'string', default: 'default' },
  },
});

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(values.data);
  if (!url) mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase({ url, dataDir });
  const applied = await migrate(db);
  const [command, sub, arg] = positionals;

  if (command === 'agent') {
    try {
      if (sub === 'add') {
        const role = roleSchema.parse(values.role);
        const names = (values.name ?? []) as string[];
        const emails = (values.email ?? []) as string[];
        if (names.length === 0 || names.length !== emails.length) {
          throw new Error('Give each agent a --name and an --email.');
        }
        for (const [i, name] of names.entries()) {
          const added = await addAgent(db, { name, email: emails[i]!, role, team: values.team });
          const { agent } = added;
          console.log(
            `Added ${agent.role} ${agent.name} <${agent.email}> (id ${agent.id}, team ${agent.team}).`,
          );
          console.log('Access token (shown once; paste it into Casebook → Options → Team):');
          console.log(added.token);
        }
      } else if (sub === 'list') {
        for (const a of await listAgents(db)) {
          console.log(
            [a.id, a.team, a.role, a.name, a.email, a.revoked ? 'revoked' : 'active'].join('\t'),
          );
        }
      } else if (sub === 'revoke' && arg) {
        const n = await revokeAgent(db, arg);
        if (n === 0) throw new Error(`No active agent "${arg}".`);
        console.log(`Revoked ${n} agent${n === 1 ? '' : 's'}.`);
      } else {
        throw new Error(
          'Usage: agent add --name N --email E [--role agent|lead] | agent list | agent revoke ID_OR_EMAIL',
        );
      }
    } finally {
      await db.close();
    }
    return;
  }
  if (command !== undefined) throw new Error(`Unknown command "${command}".`);

  const { app } = await buildApp(db);
  const port = Number(values.port);
  const address = await app.listen({ port, host: values.host });
  console.log(
    `Casebook team server on ${address} (${db.kind === 'pglite' ? `PGlite in ${dataDir}` : 'PostgreSQL'}${applied.length ? `, migrations ${applied.join(', ')} applied` : ''})`,
  );
  const stop = async () => {
    // Whatever is still open after 5 s is cut off.
    setTimeout(() => process.exit(0), 5_000).unref();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
