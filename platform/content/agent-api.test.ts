// The Zendesk agent API strategy with a fake fetch: used first when it
// answers; the page's strategies take over when it does not (offline,
// 401, HTML instead of JSON, another ticket's answer, a foreign origin).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiStrategy } from '../../lib/adapters/agent-api';
import { loadPage, type LoadedPage } from '../../lib/adapters/testing/load-page';
import { zendesk } from '../../lib/adapters/zendesk';
import { readAgentApi } from './agent-api';

const ORIGIN = 'https://acme.zendesk.com';
const ref = zendesk.parseTicketUrl(new URL(`${ORIGIN}/agent/tickets/7310`))!;
const answer = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../tests/fixtures/zendesk-api/ticket-7310.json'),
    'utf8',
  ),
) as { ticket: Record<string, unknown>; organizations: Record<string, unknown>[] };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function readWith(fetchImpl: (url: string, init: RequestInit) => Promise<Response>) {
  page = await loadPage('zendesk/agent-2026-ja');
  const root = zendesk.ticketRoot(page.document, ref)!;
  const outcome = await readAgentApi(
    zendesk.api!,
    ref,
    ORIGIN,
    new AbortController().signal,
    fetchImpl,
  );
  return { outcome, ...zendesk.readTicket(root, ref, apiStrategy(outcome.reads)) };
}

describe('Zendesk agent API strategy', () => {
  it('asks the page’s own origin for the ticket with its sideloads, as a GET with the session', async () => {
    const fake = vi.fn(async () => json(answer));
    await readWith(fake);
    expect(fake).toHaveBeenCalledWith(
      `${ORIGIN}/api/v2/tickets/7310.json?include=users,organizations,groups`,
      expect.objectContaining({ method: 'GET', credentials: 'same-origin' }),
    );
  });

  it('is used first when it answers, and the page cross-checks it', async () => {
    // The API knows a newer subject than the page shows: the API wins, the difference is noted.
    const newer = {
      ...answer,
      ticket: { ...answer.ticket, raw_subject: 'Audit export misses late events' },
    };
    const { outcome, ticket, sources, conflicts, missing } = await readWith(async () =>
      json(newer),
    );
    expect(outcome.state).toBe('used');
    expect(ticket).toMatchObject({
      subject: 'Audit export misses late events',
      requesterName: 'Léa Fontaine',
      requesterEmail: 'lea.fontaine@contoso-example.fr',
      status: 'open',
      // The helpdesk's word comes from the page (the API has only the key).
      statusLabel: 'オープン',
      priority: 'high',
      assignee: 'Marcus Webb',
      assigneeGroup: 'Tier 2 Support',
      organization: 'Contoso Pharma',
      plan: 'Enterprise',
      createdAt: Date.parse('2026-11-27T08:12:40Z'),
    });
    expect(sources).toMatchObject({
      subject: 'api',
      requesterEmail: 'api',
      plan: 'api',
      createdAt: 'api',
    });
    expect(conflicts).toEqual(['subject']);
    expect(missing).toEqual([]);
  });

  const domOnly = async () => {
    const p = await loadPage('zendesk/agent-2026-ja');
    try {
      const read = zendesk.readTicket(zendesk.ticketRoot(p.document, ref)!, ref);
      return read.ticket;
    } finally {
      await p.close();
    }
  };

  it.each([
    ['offline', async () => Promise.reject(new TypeError('Failed to fetch')), 'offline'],
    ['401', async () => json({ error: 'Couldn’t authenticate you' }, 401), 'unauthorized'],
    [
      'HTML instead of JSON',
      async () =>
        new Response('<!doctype html><title>Sign in</title>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
      'not-json',
    ],
    [
      'another ticket’s answer',
      async () => json({ ...answer, ticket: { ...answer.ticket, id: 9911 } }),
      'other-ticket',
    ],
    ['a 500', async () => json({ error: 'oops' }, 500), 'status'],
  ] as const)('leaves it to the page’s strategies when %s', async (_name, fake, state) => {
    const { outcome, ticket, sources, missing } = await readWith(fake);
    expect(outcome).toEqual({ reads: null, state });
    expect(Object.values(sources ?? {})).not.toContain('api');
    expect(missing).toEqual([]);
    expect(ticket).toEqual(await domOnly());
    expect(ticket.plan).toBe('Enterprise');
  });

  it('never calls another origin', async () => {
    const fake = vi.fn(async () => json(answer));
    const outcome = await readAgentApi(
      zendesk.api!,
      ref,
      'https://evil.example',
      new AbortController().signal,
      fake,
    );
    expect(outcome.state).toBe('cross-origin');
    expect(fake).not.toHaveBeenCalled();
  });
});
