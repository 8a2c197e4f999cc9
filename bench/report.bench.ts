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
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../scripts/find-browser.mjs';
import { seedBenchStore } from './report-seed';

const REPEAT = 10;
const WARMUP = 2;
const EXTENSION_DIR = resolve(
  process.env.CASEBOOK_EXTENSION_DIR ?? resolve(import.meta.dirname, '../.output/chrome-mv3'),
);
const MONTH = 'from=2026-11-01&to=2026-11-30&unit=week';
const YEAR = 'from=2026-01-01&to=2026-12-31&unit=month';

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

    await seedBenchStore(page);
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
