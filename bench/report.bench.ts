/**
 * Report benchmark in real Chromium with the built extension: 10,000 runs
 * spread over 2026 and 200,000 events in the extension's IndexedDB (runs
 * played through the workflow engine, stored in the exact shape the
 * background writes: run records, open-runs rows, events, report facts).
 * Measures opening `report.html` for one month and for the whole year,
 * navigation start → the first frame with every chart drawn (the page's
 * `casebook:report-painted` mark), against the same page over an empty
 * store in the same run, and the background's `report.compute` round trip.
 * Targets: month ≤ 300 ms, year ≤ 1 s. Not a pass/fail test.
 *
 *   npm run build && npm run bench -- report
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPORT_PAINTED_MARK } from '../components/report/format';
import type { RunStory } from '../lib/report/testing';
import type { RunEvent } from '../lib/workflow/schema';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../scripts/find-browser.mjs';
import { putRows, seedRows } from '../tests/e2e/support/report-seed';

const RUNS = 10_000;
const EVENTS = 200_000;
const REPEAT = 10;
const WARMUP = 2;
const EXTENSION_DIR = resolve(
  process.env.CASEBOOK_EXTENSION_DIR ?? resolve(import.meta.dirname, '../.output/chrome-mv3'),
);
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const MONTH = 'from=2026-11-01&to=2026-11-30&unit=week';
const YEAR = 'from=2026-01-01&to=2026-12-31&unit=month';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 10,000 tickets over the year: 80% closed, a mix of plans, severities, escalations and incidents. */
function stories(): RunStory[] {
  const rand = rng(16);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: RunStory[] = [];
  for (let i = 0; i < RUNS; i++) {
    const severity = pick(['SEV1', 'SEV2', 'SEV3', 'SEV3', 'SEV4', 'SEV4'] as const);
    const escalated = severity !== 'SEV4' && rand() < 0.6;
    const closed = rand() < 0.8;
    const closedAt = 60 + Math.floor(rand() * 6 * 24 * 60);
    out.push({
      ticketId: String(200_000 + i),
      helpdesk: pick(['zendesk', 'intercom', 'helpscout'] as const),
      subject: `Customer ${i % 700}: ${pick(['checkout fails', 'SSO loop', 'webhook retries', 'slow reports'])}`,
      createdAt: YEAR_START + Math.floor(rand() * (YEAR_MS - 7 * 86_400_000)),
      plan: pick(['enterprise', 'paid', 'paid', 'trial', 'free'] as const),
      severity,
      firstResponseAt: 5 + Math.floor(rand() * 300),
      ...(severity === 'SEV1'
        ? {
            pagedAt: 3,
            statusUpdates: [
              [20, 'investigating'],
              [55, 'identified'],
              [90, 'resolved'],
            ],
          }
        : {}),
      ...(escalated
        ? {
            escalatedAt: 40,
            engineeringAckAt: 40 + Math.floor(rand() * 200),
            ...(rand() < 0.5 ? { bugUrl: `https://acme.atlassian.net/browse/ENG-${i}` } : {}),
          }
        : {}),
      ...(closed
        ? {
            satisfaction: 1 + Math.floor(rand() * 5),
            rootCause: pick(['auth', 'billing', 'integration', 'performance', 'ui']),
            closedAt: Math.max(closedAt, 300),
          }
        : {}),
    } as RunStory);
  }
  return out;
}

interface Stats {
  median: number;
  p95: number;
  min: number;
}
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]! };
}
const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;

async function launch(): Promise<{ context: BrowserContext; dir: string; id: string }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-report-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...extensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, dir, id: new URL(worker.url()).host };
}

/** Open the report REPEAT times: navigation start → every chart drawn. */
async function measure(context: BrowserContext, id: string, query: string): Promise<number[]> {
  const samples: number[] = [];
  for (let k = 0; k < WARMUP + REPEAT; k++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/report.html?${query}`);
    await page.evaluate('globalThis.__name = (f) => f');
    const at = await page.evaluate(
      (mark) =>
        new Promise<number>((ok, fail) => {
          const start = performance.now();
          const poll = () => {
            const t = performance.getEntriesByName(mark)[0]?.startTime;
            if (t !== undefined) ok(t);
            else if (performance.now() - start > 30_000)
              fail(new Error('the report never painted'));
            else setTimeout(poll, 5);
          };
          poll();
        }),
      REPORT_PAINTED_MARK,
    );
    if ((await page.locator('[data-chart]').count()) !== 10) throw new Error('charts missing');
    if (k >= WARMUP) samples.push(at);
    await page.close();
  }
  return samples;
}

async function roundTrip(page: Page, request: unknown): Promise<Stats> {
  const samples = await page.evaluate(
    async ({ repeat, request }) => {
      const g = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
      };
      const out: number[] = [];
      for (let k = 0; k < repeat; k++) {
        const start = performance.now();
        const reply = await g.chrome.runtime.sendMessage(request);
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        out.push(performance.now() - start);
      }
      return out;
    },
    { repeat: REPEAT, request },
  );
  return stats(samples);
}

const compute = (query: string) => ({
  type: 'report.compute',
  ...Object.fromEntries(new URLSearchParams(query)),
  timeZone: 'UTC',
});

async function main() {
  process.env.TZ = 'UTC';
  const { context, dir, id } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    await page.evaluate('globalThis.__name = (f) => f');
    const reply = await page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ type: 'template.getActive' }),
    );
    if (!(reply as { ok: boolean }).ok) throw new Error(JSON.stringify(reply));

    console.log(
      `Empty store: opening the report ${REPEAT} times per period (after ${WARMUP} warm-ups)…`,
    );
    const emptyMonth = stats(await measure(context, id, MONTH));
    const emptyYear = stats(await measure(context, id, YEAR));

    const t0 = performance.now();
    const rows = seedRows(stories(), Date.UTC(2027, 0, 1));
    // Pad every run's log to 20 events on average (notes and actions an agent records).
    const padding: RunEvent[] = [];
    const runs = rows.runs as Array<{ id: string; createdAt: number }>;
    for (let i = 0; rows.events.length + padding.length < EVENTS; i++) {
      const run = runs[i % runs.length]!;
      padding.push({
        runId: run.id,
        at: run.createdAt + (i % 500) * 60_000,
        by: { name: 'Bench Agent' },
        type: 'action',
        action: 'copy-slack-mention',
        note: `note ${i}`,
      });
    }
    console.log(
      `Seeded ${runs.length.toLocaleString('en')} runs and ${(rows.events.length + padding.length).toLocaleString('en')} events through the engine in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const t1 = performance.now();
    await putRows(page, 'runs', rows.runs);
    await putRows(page, 'openRuns', rows.openRuns);
    await putRows(page, 'events', [...rows.events, ...padding]);
    await putRows(page, 'runFacts', rows.runFacts);
    console.log(
      `Written to the extension's IndexedDB in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );

    console.log(
      `10,000 runs: opening the report ${REPEAT} times per period (after ${WARMUP} warm-ups)…`,
    );
    const month = stats(await measure(context, id, MONTH));
    console.log(`  month: median ${ms(month.median)}`);
    const year = stats(await measure(context, id, YEAR));
    console.log(`  year:  median ${ms(year.median)}`);
    const monthCompute = await roundTrip(page, compute(MONTH));
    const yearCompute = await roundTrip(page, compute(YEAR));

    console.log('\nReport rendered (navigation start → every chart drawn), 1280×800:');
    console.log(
      `  month, empty store      median ${ms(emptyMonth.median)}  p95 ${ms(emptyMonth.p95)}`,
    );
    console.log(
      `  month, 10,000 runs      median ${ms(month.median)}  p95 ${ms(month.p95)}  min ${ms(month.min)}  (target ≤ 300 ms)`,
    );
    console.log(
      `  year,  empty store      median ${ms(emptyYear.median)}  p95 ${ms(emptyYear.p95)}`,
    );
    console.log(
      `  year,  10,000 runs      median ${ms(year.median)}  p95 ${ms(year.p95)}  min ${ms(year.min)}  (target ≤ 1000 ms)`,
    );
    console.log(
      `  ratio to the empty store: month ${(month.median / emptyMonth.median).toFixed(2)}×, year ${(year.median / emptyYear.median).toFixed(2)}×`,
    );
    console.log('The background’s report.compute, round trip from an extension page:');
    console.log(
      `  month                   median ${ms(monthCompute.median)}  p95 ${ms(monthCompute.p95)}`,
    );
    console.log(
      `  year                    median ${ms(yearCompute.median)}  p95 ${ms(yearCompute.p95)}`,
    );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
