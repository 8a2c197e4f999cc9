/**
 * The support trends report on a seeded store: every chart's table against
 * the numbers worked out by hand for the run set (lib/report/fixtures.ts,
 * the same answers as lib/report/compute.test.ts), a bar to the runs behind
 * it, a run to its record, the CSV of a view, the run history, and axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { NOVEMBER_STORIES } from '../../lib/report/fixtures';
import { call, expect, test } from './support/extension';
import { seedRows, seedStore } from './support/report-seed';

// Days and weeks start at the reader's midnight: read the fixture's UTC days in UTC.
process.env.TZ = 'UTC';

const NOVEMBER = 'report.html?from=2026-11-01&to=2026-11-30&unit=week';

async function seeded(extensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const page = await extensionPage('manifest.json');
  // The background opens the database (current version) and stores the default template.
  await call(page, { type: 'template.getActive' });
  await seedStore(page, seedRows(NOVEMBER_STORIES, Date.now()));
  await page.goto(page.url().replace('manifest.json', NOVEMBER));
  await expect(page.locator('[data-chart]')).toHaveCount(10);
  return page;
}

async function tableOf(page: Page, chart: string): Promise<string[][]> {
  return page
    .locator(`[data-chart="${chart}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
}

const weeks = ['2026-11-01', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'];

test('each chart of the November report shows the expected numbers in its table', async ({
  extensionPage,
}) => {
  const page = await seeded(extensionPage);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support trends');

  const trend = [
    [0, 0, 0, 0, 0, 0],
    [1, 1, 1, 0, 0, 0],
    [0, 0, 0, 1, 0, 0],
    [0, 0, 0, 0, 1, 0],
    [0, 0, 1, 0, 0, 0],
    [0, 0, 0, 0, 0, 0],
  ];
  expect(await tableOf(page, 'root-cause-trend')).toEqual(
    weeks.map((w, i) => [`Week of ${w}`, ...trend[i]!.map(String)]),
  );
  expect(await tableOf(page, 'root-cause-compare')).toEqual([
    ['Auth', '1', '1', '0'],
    ['Billing', '0', '1', '+1'],
    ['Integration', '0', '2', '+2'],
    ['Performance', '0', '1', '+1'],
    ['UI', '0', '1', '+1'],
    ['Untagged', '0', '0', '0'],
  ]);
  const firstResponse = await tableOf(page, 'first-response');
  // Enterprise's unanswered ticket is still breaching: its breach grows with the clock.
  expect(firstResponse[0]!.slice(0, 4)).toEqual(['Enterprise', '0', '2', '0%']);
  expect(firstResponse[0]![5]).toMatch(/^\d+ d( \d+ h)?$/);
  expect(firstResponse.slice(1)).toEqual([
    ['Paid', '5', '0', '100%', '—', '—'],
    ['Trial', '0', '1', '0%', '1 h', '1 h'],
    ['Free', '0', '1', '0%', '10 min', '10 min'],
    ['Plan not set', '0', '0', '—', '—', '—'],
  ]);
  expect(await tableOf(page, 'engineering-ack')).toEqual([
    ['SEV1', '2', '1', '67%', '16 min', '35 min'],
    ['SEV2', '1', '0', '100%', '30 min', '30 min'],
    ['SEV3', '0', '1', '0%', '8 h 20 min', '8 h 20 min'],
  ]);
  expect(await tableOf(page, 'resolve-by-severity')).toEqual([
    ['SEV1', '2', '30 h', '2 d'],
    ['SEV2', '1', '2 d', '2 d'],
    ['SEV3', '2', '3 d', '5 d'],
    ['SEV4', '1', '10 h', '10 h'],
    ['Severity not set', '0', '—', '—'],
  ]);
  expect(await tableOf(page, 'resolve-by-root-cause')).toEqual([
    ['Auth', '1', '2 d', '2 d'],
    ['Billing', '1', '24 h', '24 h'],
    ['Integration', '2', '2 d 18 h', '5 d'],
    ['Performance', '1', '2 d', '2 d'],
    ['UI', '1', '10 h', '10 h'],
    ['Untagged', '0', '—', '—'],
  ]);
  expect(await tableOf(page, 'incidents')).toEqual([
    ['SEV1', '3', '1', '2', '17 min', '40 min'],
    ['SEV2', '2', '0', '0', '30 min', '30 min'],
  ]);
  const escalations = [
    [0, 0, 0, 0],
    [1, 1, 1, 0],
    [1, 1, 0, 1],
    [1, 0, 0, 0],
    [2, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  expect(await tableOf(page, 'escalations')).toEqual(
    weeks.map((w, i) => [`Week of ${w}`, ...escalations[i]!.map(String)]),
  );
  expect(await tableOf(page, 'customers')).toEqual([
    ['Dissatisfied customers', '2'],
    ['Follow-ups done', '1'],
    ['Enterprise summaries owed', '1'],
    ['Enterprise summaries written', '1'],
  ]);
  expect(await tableOf(page, 'helpdesks')).toEqual([
    ['Zendesk', '8', '6', '50%', '36 h'],
    ['Intercom', '1', '0', '100%', '—'],
    ['Help Scout', '0', '0', '—', '—'],
  ]);
});

test('a bar opens the runs behind it, a run opens its record, and the view downloads as CSV', async ({
  extensionPage,
}) => {
  const page = await seeded(extensionPage);
  // Billing, week of Nov 2: one run (ticket 1001).
  await page
    .locator('[data-chart="root-cause-trend"] [data-chart-bar="2026-11-02/billing"]')
    .click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(
    'Week of 2026-11-02 · Billing',
  );
  await expect(panel.getByText('1 run', { exact: true })).toBeVisible();
  await expect(panel.locator('tbody tr')).toHaveCount(1);
  await expect(panel.locator('tbody tr')).toHaveAttribute('data-run-id', 'zendesk:1001');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toMatch(/^run id,helpdesk,ticket id,subject,/);
  expect(lines).toHaveLength(3); // header, one run, the final CRLF
  expect(lines[1]).toContain('zendesk:1001,zendesk,1001,');
  // The customer's formula is text in a spreadsheet, and RFC 4180-quoted.
  expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"",""Invoice"")"`);
  expect(lines[1]).toContain(',billing,1440,met,');

  // The table's cell opens the same runs from the keyboard.
  await page.getByRole('button', { name: 'Close the panel' }).click();
  const cell = page.getByRole('button', { name: '3: SEV1, Incidents. Show the runs.' });
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(panel.locator('tbody tr')).toHaveCount(3);
  await panel.getByRole('button', { name: 'Zendesk #1003' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Run zendesk:1003');
  const record = panel.getByRole('article');
  await expect(record.getByLabel('Hand-off')).toContainText('Ticket 1003');
  await expect(record.getByRole('heading', { name: /Timeline \(\d+ events\)/ })).toBeVisible();
  // The field change, not the step's other events ("Assign severity and priority · status").
  await expect(record.locator('.cb-timeline li', { hasText: 'Severity:' })).toContainText(
    '(empty) → SEV1',
  );
  await expect(
    record.locator('.cb-timeline li', { hasText: 'Monitoring → Resolved' }),
  ).toContainText('Ada Agent (ada@example.com)');
  await panel.getByRole('button', { name: '← Back to the runs' }).click();
  await expect(panel.locator('tbody tr')).toHaveCount(3);
});

test('run history searches and filters every run, and opens a run with its timeline', async ({
  extensionPage,
}) => {
  const page = await seeded(extensionPage);
  await page.getByRole('button', { name: 'Run history' }).click();
  const rows = page.locator('.cb-history tbody tr');
  await expect(rows).toHaveCount(NOVEMBER_STORIES.length);
  await page.getByLabel('Status').selectOption('open');
  await expect(rows).toHaveCount(4);
  await page.getByLabel('Severity').selectOption('SEV1');
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-run-id', 'zendesk:1007');
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Severity').selectOption('');
  await page.getByRole('searchbox').fill('1008');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button').click();
  const record = page.getByRole('complementary').getByRole('article');
  await expect(
    record.locator('.cb-timeline li', { hasText: /Root cause: \(empty\) → Integration/ }),
  ).toHaveCount(1);
});

test('axe finds no serious or critical violation on the report page', async ({ extensionPage }) => {
  // Three whole-page axe runs over ten charts and their tables.
  test.setTimeout(150_000);
  const page = await seeded(extensionPage);
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  };
  await check();
  await page.locator('[data-chart="incidents"] [data-chart-bar="SEV1/count"]').click();
  await expect(page.getByRole('complementary').locator('tbody tr')).toHaveCount(3);
  await check();
  await page.getByRole('button', { name: 'Run history' }).click();
  await expect(page.locator('.cb-history tbody tr')).toHaveCount(NOVEMBER_STORIES.length);
  await check();
});

test('the options page and the popup lead to the report', async ({ extensionPage, context }) => {
  const options = await extensionPage('options.html');
  await options.getByRole('link', { name: 'Support trends report and run history' }).click();
  await expect(options).toHaveURL(/\/report\.html/);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Support trends');

  const popup = await extensionPage('popup.html');
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Report' }).click(),
  ]);
  await expect(tab).toHaveURL(/\/report\.html/);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Support trends');
});

/** Bottom-axis labels that run into the next one, on every chart ("left | right"). */
function overlappingAxisLabels(page: Page): Promise<string[]> {
  return page.locator('[data-chart] svg.cb-chart__svg').evaluateAll((charts) =>
    charts.flatMap((svg) => {
      const labels = [...svg.querySelectorAll('.visx-axis-bottom .visx-axis-tick text')].map(
        (t) => {
          const box = (t as SVGTextElement).getBBox();
          return { text: t.textContent, left: box.x, right: box.x + box.width };
        },
      );
      return labels.slice(1).flatMap((label, i) => {
        const before = labels[i]!;
        return before.right > label.left ? [`${before.text} | ${label.text}`] : [];
      });
    }),
  );
}

test('axis labels are laid out without measuring text in the page, and long names wrap within their band', async ({
  extensionPage,
}) => {
  const page = await seeded(extensionPage);
  // A forced layout per measured word was a fifth of the first screen's script time.
  await page.addInitScript(() => {
    const counted = globalThis as unknown as { measured: number };
    counted.measured = 0;
    const proto = SVGTextContentElement.prototype;
    const length = proto.getComputedTextLength;
    proto.getComputedTextLength = function (this: SVGTextContentElement) {
      counted.measured++;
      return length.call(this);
    };
  });
  await page.reload();
  await expect(page.locator('[data-chart]')).toHaveCount(10);
  expect(await page.evaluate(() => (globalThis as unknown as { measured: number }).measured)).toBe(
    0,
  );

  // Bottom-axis labels of every chart: side by side, none runs into the next.
  expect(await overlappingAxisLabels(page)).toEqual([]);
  const customers = page.locator('[data-chart="customers"] .visx-axis-bottom text', {
    hasText: 'Enterprise summaries written',
  });
  await expect(customers.locator('tspan')).not.toHaveCount(1);

  // Twelve months (single words that cannot wrap) label every other band instead.
  await page.goto(page.url().replace(/\?.*$/, '?from=2026-01-01&to=2026-12-31&unit=month'));
  await expect(page.locator('[data-chart]')).toHaveCount(10);
  await expect(page.locator('[data-chart="root-cause-trend"] tbody tr')).toHaveCount(12);
  expect(await overlappingAxisLabels(page)).toEqual([]);
  await expect(
    page.locator('[data-chart="root-cause-trend"] .visx-axis-bottom text', { hasText: '2026-01' }),
  ).toHaveCount(1);
});
