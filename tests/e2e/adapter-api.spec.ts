/**
 * The Zendesk agent API strategy in the built extension: the content script
 * asks the page's own origin for the ticket; when that answers, its facts
 * win (here a subject newer than the page's); when it does not (offline,
 * 401, a sign-in page in HTML), the page's strategies give the facts.
 * The API URL is routed with context.route; the page is the Japanese 2026
 * fixture, so nothing here leans on English UI text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Route } from '@playwright/test';
import { expect, test } from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

const site = SITES.zendesk;
const ticket = {
  id: '7310',
  subject: 'Audit log export misses events after 23:00 UTC',
  label: '#7310',
  path: '/agent/tickets/7310',
};
const API =
  /^https:\/\/acme\.zendesk\.com\/api\/v2\/tickets\/7310\.json\?include=users,organizations/;
const answer = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/zendesk-api/ticket-7310.json'), 'utf8'),
) as { ticket: Record<string, unknown> };
const NEWER = 'Audit export misses late events (API)';

const cases: [string, (route: Route) => Promise<void>, string][] = [
  [
    'answers: its facts are recorded',
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ ...answer, ticket: { ...answer.ticket, raw_subject: NEWER } }),
      }),
    NEWER,
  ],
  [
    'is offline: the page’s strategies take over',
    (route) => route.abort('internetdisconnected'),
    ticket.subject,
  ],
  [
    'answers 401: the page’s strategies take over',
    (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: '{"error":"Couldn’t authenticate you"}',
      }),
    ticket.subject,
  ],
  [
    'answers HTML instead of JSON: the page’s strategies take over',
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Sign in</title>',
      }),
    ticket.subject,
  ],
];

for (const [name, respond, subject] of cases) {
  test(`zendesk agent API ${name}`, async ({ context }) => {
    await serveHelpdesk(context, site, 'zendesk/agent-2026-ja.html');
    const calls: string[] = [];
    // Registered last, so it runs before the fixture's catch-all route.
    await context.route(API, async (route) => {
      calls.push(route.request().url());
      await respond(route);
    });
    const page = await openTicket(context, site, ticket);
    const panel = PanelObject.for(page, site, ticket);
    await panel.ready(subject, ticket.label);
    // Asked once; a failed answer may be asked once more when the ticket re-renders.
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(name.startsWith('answers:') ? 1 : 2);
    expect(new Set(calls).size).toBe(1);
    // Every fact was read, by the API or the page: nothing to enter by hand.
    await expect(panel.host.locator('.cb-missing')).toHaveCount(0);
  });
}
