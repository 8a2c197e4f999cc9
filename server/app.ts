/**
 * The team server's HTTP API (Fastify). Every route but /healthz needs an
 * agent's bearer token; browsers may call it only from an extension origin.
 * Bodies and queries are checked with the zod schemas in lib/team/protocol.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  presenceRequestSchema,
  privacyPolicySchema,
  pushRequestSchema,
  type AgentInfo,
  type StreamMessage,
} from '../lib/team/protocol';
import { templateSchema } from '../lib/workflow/schema';
import { agentForToken, hashToken } from './agents';
import type { Database } from './db';
import { createFanout, type Fanout } from './fanout';
import {
  listRuns,
  maxSeq,
  openRun,
  publishedTemplates,
  publishTemplate,
  privacyPolicy,
  pullEvents,
  pushEvents,
  setPrivacyPolicy,
  setPresence,
  StoreError,
  templateVersion,
} from './store';

export const SERVER_VERSION = '1';
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/;
const AUTH_CACHE_MS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    agent?: AgentInfo;
  }
}

function agentOf(request: FastifyRequest): AgentInfo {
  if (!request.agent) throw new StoreError(401, 'Not signed in.');
  return request.agent;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new StoreError(400, z.prettifyError(parsed.error));
  return parsed.data;
}

const runIdBody = z.object({ runId: z.string().min(3).max(200) });
const afterQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export async function buildApp(
  db: Database,
  options: { logger?: boolean } = {},
): Promise<{ app: FastifyInstance; fanout: Fanout }> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 8 * 1024 * 1024 });
  const fanout = await createFanout(db);
  // A short cache of token → agent: revocation takes effect within AUTH_CACHE_MS.
  const authCache = new Map<string, { agent: AgentInfo | undefined; until: number }>();

  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && EXTENSION_ORIGIN.test(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    // Fail closed: a web page's origin never reaches a handler.
    if (origin !== undefined && !EXTENSION_ORIGIN.test(origin)) {
      return reply.code(403).send({ error: 'Only the Casebook extension may call this server.' });
    }
    if (request.method === 'OPTIONS' || request.url === '/healthz') return;
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token)
      return reply
        .code(401)
        .send({ error: 'An access token is required (Authorization: Bearer …).' });
    const key = hashToken(token);
    const now = Date.now();
    let cached = authCache.get(key);
    if (!cached || cached.until < now) {
      cached = { agent: await agentForToken(db, token), until: now + AUTH_CACHE_MS };
      authCache.set(key, cached);
    }
    if (!cached.agent)
      return reply.code(401).send({ error: 'This access token is unknown or revoked.' });
    request.agent = cached.agent;
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof StoreError) return reply.code(error.status).send({ error: error.message });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.code(status).send({ error: (error as Error).message });
    console.error('[casebook-server]', error);
    return reply.code(500).send({ error: 'Internal error.' });
  });

  app.get('/healthz', async () => ({ ok: true, database: db.kind, version: SERVER_VERSION }));

  app.get('/v1/me', async (request) => {
    const agent = agentOf(request);
    return { agent, cursor: await maxSeq(db, agent.team) };
  });

  app.post('/v1/events', async (request) => {
    const body = parse(pushRequestSchema, request.body);
    return pushEvents(db, agentOf(request), body.events, body.templates);
  });

  app.get('/v1/events', async (request) => {
    const q = parse(afterQuery, request.query);
    return pullEvents(db, agentOf(request), q.after, q.limit);
  });

  app.post('/v1/runs/open', async (request) =>
    openRun(db, agentOf(request), parse(runIdBody, request.body).runId),
  );

  app.post('/v1/runs/presence', async (request) => {
    const body = parse(runIdBody.extend(presenceRequestSchema.shape), request.body);
    return setPresence(db, agentOf(request), body.runId, body.open);
  });

  app.get('/v1/runs', async (request) => {
    const { scope } = parse(
      z.object({ scope: z.enum(['team', 'mine']).default('mine') }),
      request.query,
    );
    return { runs: await listRuns(db, agentOf(request), scope) };
  });

  app.get('/v1/templates', async (request) => ({
    published: await publishedTemplates(db, agentOf(request).team),
  }));

  app.get('/v1/templates/:id/:version', async (request, reply) => {
    const p = parse(
      z.object({ id: z.string().max(64), version: z.coerce.number().int().positive() }),
      request.params,
    );
    const template = await templateVersion(db, agentOf(request).team, p.id, p.version);
    if (!template)
      return reply.code(404).send({ error: `No template ${p.id} version ${p.version}.` });
    return { template };
  });

  app.post('/v1/templates', async (request) => {
    const { template } = parse(z.object({ template: templateSchema }), request.body);
    return publishTemplate(db, agentOf(request), template);
  });

  app.get('/v1/policy', async (request) => ({
    privacy: await privacyPolicy(db, agentOf(request).team),
  }));

  app.post('/v1/policy', async (request) => {
    const { privacy } = parse(z.object({ privacy: privacyPolicySchema }), request.body);
    return { privacy: await setPrivacyPolicy(db, agentOf(request), privacy) };
  });

  // Open streams would hold a closing server forever: end them first (clients reconnect elsewhere).
  const streams = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => {
    for (const raw of streams) raw.end();
  });
  app.get('/v1/stream', async (request, reply) => stream(request, reply, fanout, streams));

  return { app, fanout };
}

/** Server-sent events: one JSON message per `data:` line, a comment every 15 s keeps proxies open. */
async function stream(
  request: FastifyRequest,
  reply: FastifyReply,
  fanout: Fanout,
  streams: Set<import('node:http').ServerResponse>,
): Promise<void> {
  const { after } = parse(afterQuery, request.query);
  const agent = agentOf(request);
  const origin = request.headers.origin;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    ...(origin && EXTENSION_ORIGIN.test(origin)
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
      : {}),
  });
  const send = (message: StreamMessage) => {
    if (!raw.destroyed) raw.write(`data: ${JSON.stringify(message)}\n\n`);
  };
  streams.add(raw);
  const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
  let closed = false;
  let onClose = () => {
    closed = true;
  };
  request.raw.on('close', () => {
    streams.delete(raw);
    clearInterval(keepAlive);
    onClose();
  });
  const detach = await fanout.attach({ agent, send }, after);
  if (closed) detach();
  else onClose = detach;
}
