/**
 * A paid-plan Zendesk ticket opened Friday 18:00 UTC (after closing on the
 * default Mon–Fri 09:00–17:00 UTC schedule): its 1-business-hour first
 * response is not breached on Saturday, warns at Monday 09:45, breaches at
 * Monday 10:00 — notified once however often the clock ticks — and a customer
 * message after the reply starts the next-response clock in the panel.
 *
 * Time: the background's `now` reads Date.now at each call, so the test
 * shifts it in the service worker; the panel's clock runs in the content
 * script's isolated world (page.clock only reaches the page's main world),
 * so the same shift is applied there over CDP. Alarms set for the fake time
 * would fire at the real one: the test fires the clock alarm itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page, Worker } from '@playwright/test';
import { call, expect, FIXTURES_DIR, test } from './support/extension';
import { PanelObject } from './support/helpdesk';

const FRIDAY_EVENING = Date.parse('2026-12-04T18:00:00Z');

// The agent works from New York: the chip says when in their time, UTC only on hover.
test.use({ timezoneId: 'America/New_York' });
const CREATED = '2026-12-04T18:00:00Z';
const TICKET = '6001';

/** Shift Date.now to `at` in the worker and in every isolated world of the page. */
async function setTime(worker: Worker, cdp: CDPSession, contexts: Set<number>, at: number) {
  const patch = (target: number) => {
    const g = globalThis as unknown as { __cbRealNow?: () => number; __cbOffset?: number };
    g.__cbRealNow ??= Date.now.bind(Date);
    g.__cbOffset = target - g.__cbRealNow();
    Date.now = () => (g.__cbRealNow as () => number)() + (g.__cbOffset ?? 0);
  };
  await worker.evaluate(patch, at);
  for (const contextId of contexts) {
    await cdp
      .send('Runtime.evaluate', { expression: `(${patch.toString()})(${at})`, contextId })
      .catch(() => contexts.delete(contextId));
  }
}

/** Fire the clock alarm now (real time): the tick re-derives everything at the fake time. */
async function tick(worker: Worker) {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __cbRealNow?: () => number };
    const real = g.__cbRealNow ?? Date.now;
    const { chrome } = globalThis as unknown as {
      chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } };
    };
    return chrome.alarms.create('casebook-clocks', { when: real() + 10 });
  });
}

async function slaEvents(extension: Page) {
  const { events } = await call<{ events: Array<{ type: string; new?: Record<string, unknown> }> }>(
    extension,
    { type: 'run.events', runId: `zendesk:${TICKET}` },
  );
  return events
    .filter((e) => e.type === 'sla')
    .map((e) => `${String(e.new?.clockId)}:${String(e.new?.transition)}`);
}

test('Friday evening ticket on business hours: not breached Saturday, breaches Monday 10:00 once', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  // Ticket 6001 (Paid) with its only message, from the customer, on Friday 18:00 UTC.
  const html = readFileSync(resolve(FIXTURES_DIR, 'zendesk/ticket.html'), 'utf8').replace(
    '2026-11-26T01:30:09Z',
    CREATED,
  );
  await context.route(/^https:\/\/acme\.zendesk\.com\//, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 204, body: '' }),
  );
  // Notifications are recorded, not shown (headless).
  await serviceWorker.evaluate(() => {
    const g = globalThis as unknown as {
      __cbNotes: string[];
      chrome: { notifications: { create: (id: string) => Promise<string> } };
    };
    g.__cbNotes = [];
    g.chrome.notifications.create = (id: string) => {
      g.__cbNotes.push(id);
      return Promise.resolve(id);
    };
  });
  const notes = () =>
    serviceWorker.evaluate(() => (globalThis as unknown as { __cbNotes: string[] }).__cbNotes);

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const isolated = new Set<number>();
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    const aux = c.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated') isolated.add(c.id);
  });
  await cdp.send('Runtime.enable');
  await setTime(serviceWorker, cdp, isolated, FRIDAY_EVENING + 5 * 60_000);
  await page.goto(`https://acme.zendesk.com/agent/tickets/${TICKET}`);
  const panel = new PanelObject(page, 'zendesk', TICKET);
  await panel.ready('Invoice PDF shows wrong VAT number', '#6001');
  await expect.poll(() => isolated.size).toBeGreaterThan(0);
  await setTime(serviceWorker, cdp, isolated, FRIDAY_EVENING + 5 * 60_000);

  const chip = panel.host.locator('.cb-chip[data-clock-id="first-response"]');
  const extension = await extensionPage('popup.html');

  // Saturday noon: nothing is due before Monday.
  await setTime(serviceWorker, cdp, isolated, Date.parse('2026-12-05T12:00:00Z'));
  await tick(serviceWorker);
  await expect(chip).toHaveAttribute('data-state', 'running');
  // Due Monday 10:00 UTC (the team's UTC schedule) = 05:00 in New York.
  await expect(chip).toContainText('due in 1 business hour (Mon 05:00)');
  await expect(chip).not.toContainText('UTC');
  await expect(chip).toHaveAttribute('title', /due Mon 05:00 your time · 2026-12-07 10:00 UTC$/);
  await expect.poll(() => slaEvents(extension)).toContain('first-response:started');
  expect(await slaEvents(extension)).not.toContain('first-response:breached');

  // Monday 09:50: 75 % of the hour is used: warned once.
  await setTime(serviceWorker, cdp, isolated, Date.parse('2026-12-07T09:50:00Z'));
  await tick(serviceWorker);
  await expect.poll(() => slaEvents(extension)).toContain('first-response:warned');
  await expect(chip).toHaveAttribute('data-state', 'due-soon');
  expect(await slaEvents(extension)).not.toContain('first-response:breached');

  // Monday 09:59:30: still not breached.
  await setTime(serviceWorker, cdp, isolated, Date.parse('2026-12-07T09:59:30Z'));
  await expect(chip).toHaveAttribute('data-state', 'due-soon');

  // Monday 10:00:01: breached, notified once however often the clock ticks.
  await setTime(serviceWorker, cdp, isolated, Date.parse('2026-12-07T10:00:01Z'));
  await tick(serviceWorker);
  await expect.poll(() => slaEvents(extension)).toContain('first-response:breached');
  await expect(chip).toHaveAttribute('data-state', 'breached');
  for (const at of ['2026-12-07T10:05:00Z', '2026-12-07T11:00:00Z']) {
    await setTime(serviceWorker, cdp, isolated, Date.parse(at));
    await tick(serviceWorker);
  }
  await expect
    .poll(async () => (await notes()).filter((id) => id.endsWith('|first-response|due')))
    .toHaveLength(1);
  expect((await slaEvents(extension)).filter((e) => e === 'first-response:breached')).toHaveLength(
    1,
  );
  expect((await notes()).filter((id) => id.endsWith('|first-response|reminder'))).toHaveLength(1);

  // The agent's public reply appears, then the customer writes back:
  // first response stays breached (late), next response starts in the panel.
  const addComment = (id: number, role: 'agent' | 'end-user', at: string) =>
    page.evaluate(
      ({ id, role, at }) => {
        const log = document.querySelector(
          '.ticket-panes-grid-layout.active [data-test-id="omni-log-container"]',
        );
        if (!log) throw new Error('no conversation log');
        log.insertAdjacentHTML(
          'beforeend',
          `<article data-test-id="omni-log-comment-item" data-comment-id="${id}">` +
            `<header><time data-test-id="timestamp-relative" datetime="${at}"></time></header>` +
            `<div data-test-id="omni-log-item-message" type="${role}"><div class="zd-comment">…</div></div>` +
            `</article>`,
        );
      },
      { id, role, at },
    );
  await setTime(serviceWorker, cdp, isolated, Date.parse('2026-12-07T11:05:00Z'));
  await addComment(92002, 'agent', '2026-12-07T11:00:00Z');
  await expect(chip).toHaveAttribute('data-state', 'breached');
  await expect(chip).toContainText('late');
  await addComment(92003, 'end-user', '2026-12-07T11:02:00Z');
  const next = panel.host.locator('.cb-chip[data-clock-id="next-response"]');
  await expect(next).toHaveAttribute('data-state', 'running');
  await expect.poll(() => slaEvents(extension)).toContain('next-response:started');
});
