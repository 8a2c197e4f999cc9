/**
 * The popup at its real width (400 px) on a seeded store with breached, due
 * and paused runs: body text at least 13 px, nothing below 12 px, no text
 * that overflows its box, and no word said twice in a row.
 */
import type { Page, Worker } from '@playwright/test';
import { call, expect, test } from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const actor = { name: 'Readable Tester' };

/** Small print that may be 12 px (never less): kicker, term labels, key caps, tags, key hints. */
const SMALL_PRINT = [
  '.cb-ticket__desk',
  '.cb-ticket__meta dt',
  'kbd',
  '.cb-tag',
  '.cb-keys',
  '.cb-legend-hint',
];

interface TextBox {
  where: string;
  text: string;
  fontSize: number;
  small: boolean;
  overflowX: boolean;
  overflowY: boolean;
  title: string | null;
}

/** Every element that holds text of its own, as laid out. */
async function textBoxes(page: Page): Promise<TextBox[]> {
  return page.evaluate((smallPrint) => {
    const out: TextBox[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (['SCRIPT', 'STYLE', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION'].includes(el.tagName))
        continue;
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!own) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      out.push({
        where: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
        text: (el.textContent ?? '').trim().slice(0, 80),
        fontSize: parseFloat(style.fontSize),
        small: smallPrint.some((s) => el.matches(s)),
        overflowX: el.scrollWidth > el.clientWidth + 1,
        overflowY: style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1,
        title: el.getAttribute('title'),
      });
    }
    return out;
  }, SMALL_PRINT);
}

/**
 * Text blocks with a word said twice in a row ("breached breached"). The parts
 * of a block (flex items, spans) are joined with a space, as they read.
 */
async function repeatedWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const blocks = document.body.querySelectorAll<HTMLElement>(
      'li, p, dd, dt, button, label, h1, h2, legend, [role="option"] > div',
    );
    for (const block of blocks) {
      const parts: string[] = [];
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
      const text = parts.join(' ').replace(/\s+/g, ' ').trim();
      if (/\b(\p{L}+)\s+\1\b/iu.test(text)) out.push(text);
    }
    return out;
  });
}

async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  const id = await serviceWorker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
    };
    return (await chrome.tabs.query({})).find((t) => t.url === url)?.id;
  }, page.url());
  if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
  return id;
}

test('the popup reads at its real width: font sizes, no overflow, no repeated words', async ({
  context,
  serviceWorker,
  extensionPage,
}) => {
  const site = SITES.zendesk;
  await serveHelpdesk(context, site);
  const setup = await extensionPage('popup.html');
  // Open around the clock, so the due times do not depend on when this runs;
  // free-plan first responses pause while the ticket waits on the customer.
  const { template } = await call<{
    template: {
      policy: {
        sla: {
          schedules: Array<{ week: Record<string, unknown> }>;
          targets: Array<Record<string, unknown>>;
        };
      };
    };
  }>(setup, { type: 'template.getActive' });
  const allDay = [{ from: '00:00', to: '24:00' }];
  template.policy.sla.schedules[0]!.week = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]),
  );
  template.policy.sla.targets.unshift({
    metric: 'first-response',
    plans: ['free'],
    minutes: 240,
    time: 'calendar',
    pauseWhileWaiting: true,
  });
  await call(setup, { type: 'template.save', template });
  const now = Date.now();
  const runs = [
    {
      id: '9101',
      plan: 'paid',
      ago: 9 * DAY + 3 * 60 * MIN,
      subject:
        'Export to CSV fails for workspaces with more than 10,000 rows since the 4.2 release; the customer is blocked on quarter close',
    },
    {
      id: '9102',
      plan: 'paid',
      ago: 50 * MIN,
      subject: 'SSO login loops back to the sign-in page',
    },
    {
      id: '9103',
      plan: 'free',
      ago: 30 * MIN,
      status: 'pending',
      subject: 'Waiting on the customer for a HAR file',
    },
    { id: '9104', plan: 'enterprise', ago: 20 * MIN, subject: 'Webhooks delayed by 20 minutes' },
  ];
  for (const r of runs) {
    const opened = await call<{ run: { id: string } }>(setup, {
      type: 'run.open',
      ticket: {
        helpdesk: 'zendesk',
        ticketId: r.id,
        url: `${site.origin}/agent/tickets/${r.id}`,
        subject: r.subject,
        createdAt: now - r.ago,
        ...(r.status ? { status: r.status } : {}),
      },
      actor,
    });
    await call(setup, {
      type: 'run.mutate',
      runId: opened.run.id,
      mutation: { type: 'set-field', stepId: 'verify-account', fieldId: 'plan', value: r.plan },
      actor,
    });
  }
  await call(setup, {
    type: 'run.mutate',
    runId: 'zendesk:9101',
    mutation: { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV1' },
    actor,
  });
  await setup.close();

  // Bound to a ticket whose clocks breached days ago, as the toolbar popup opens.
  const ticketPage = await openTicket(context, site);
  await PanelObject.for(ticketPage, site, site.first).ready(site.first.subject, site.first.label);
  const popup = await extensionPage(`popup.html?tab=${await tabIdOf(serviceWorker, ticketPage)}`);
  // The toolbar popup is as wide as its content (400 px); the tab is no wider.
  await popup.setViewportSize({ width: 400, height: 800 });
  await expect(popup.locator('[data-clock-id="first-response"]')).toContainText(/breached/);
  await expect(popup.getByRole('option')).toHaveCount(5);
  await expect(popup.locator('[data-run-id="zendesk:9101"]')).toContainText(/breached 9d/);
  await expect(popup.locator('[data-run-id="zendesk:9102"]')).toContainText(/due in/);

  const boxes = await textBoxes(popup);
  expect(boxes.length).toBeGreaterThan(20);
  const describe = (b: TextBox) => `${b.where} ${b.fontSize}px "${b.text}"`;
  expect(boxes.filter((b) => b.fontSize < 12).map(describe)).toEqual([]);
  expect(boxes.filter((b) => !b.small && b.fontSize < 13).map(describe)).toEqual([]);
  expect(boxes.filter((b) => b.overflowX).map(describe)).toEqual([]);
  // Only a subject may be cut to its lines, and then it carries the whole text.
  expect(
    boxes
      .filter((b) => b.overflowY && !(b.where.includes('cb-run__subject') && b.title))
      .map(describe),
  ).toEqual([]);
  expect(await repeatedWords(popup)).toEqual([]);
});
