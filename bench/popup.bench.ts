/**
 * Popup benchmark in real Chromium with the built extension: time from
 * opening `popup.html` to the first paint of the open-runs list (the
 * popup's own `casebook:open-runs-painted` performance mark, set in the
 * requestAnimationFrame callback of the first frame after the rows are in
 * the DOM — drawn by the pre-React first-paint path or by React, whichever
 * came first), with 10,000 open runs stored, against the same measurement
 * on an empty store in the same run. The machine may be shared: read the
 * medians and the ratio, not single runs.
 *
 * Runs are built by the workflow engine and written in the exact stored
 * shape (`buildRunRecord`) into the extension's IndexedDB from an extension
 * page, as bench/store.bench.ts does.
 *
 *   npm run build && npm run bench popup     (or: npx tsx bench/popup.bench.ts)
 *   CASEBOOK_EXTENSION_DIR=/path/to/chrome-mv3 npx tsx bench/popup.bench.ts
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildRunRecord } from '../entrypoints/background/db/records';
import { OPEN_RUNS_PAINTED_MARK, POPUP_APP_MOUNT_MARK } from '../components/popup/format';
import { FIRST_COUNTS_REQUEST, FIRST_PAGE_REQUEST } from '../entrypoints/popup/first-requests';
import { DEFAULT_TEMPLATE } from '../lib/workflow/default-template';
import { applyMutation, createRun } from '../lib/workflow/engine';
import type { Helpdesk } from '../lib/workflow/schema';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../scripts/find-browser.mjs';

const RUNS = 10_000;
const REPEAT = 25;
const WARMUP = 3;
// CASEBOOK_EXTENSION_DIR: measure a build made elsewhere (e.g. with an outDir
// override) so a shared `.output` being rebuilt does not change mid-run.
const EXTENSION_DIR = resolve(
  process.env.CASEBOOK_EXTENSION_DIR ?? resolve(import.meta.dirname, '../.output/chrome-mv3'),
);
const MIN = 60_000;
const helpdesks: Helpdesk[] = ['zendesk', 'intercom', 'helpscout'];
const plans = ['enterprise', 'paid', 'trial', 'free'];
const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** Open runs with first-response clocks spread from 3 h overdue to 4 h ahead. */
function seed(now: number) {
  const actor = { name: 'Bench Agent' };
  const runs: unknown[] = [];
  const entries: unknown[] = [];
  for (let i = 0; i < RUNS; i++) {
    const helpdesk = helpdesks[i % 3]!;
    const ticketId = String(100_000 + i);
    const createdAt = now - ((i * 7919) % (7 * 60)) * MIN;
    let { run } = createRun(
      DEFAULT_TEMPLATE,
      {
        helpdesk,
        ticketId,
        url: `https://bench.example/${helpdesk}/${ticketId}`,
        subject: `Customer report ${i}: export fails for workspace ${i % 97}`,
        requesterName: `Requester ${i}`,
        createdAt,
      },
      actor,
      createdAt,
    );
    for (const [fieldId, stepId, value] of [
      ['plan', 'verify-account', plans[i % 4]!],
      ['severity', 'assign-severity', severities[(i * 3) % 4]!],
    ] as const) {
      run = applyMutation(
        DEFAULT_TEMPLATE,
        run,
        { type: 'set-field', stepId, fieldId, value },
        actor,
        createdAt,
      ).run;
    }
    const { record, entry } = buildRunRecord(DEFAULT_TEMPLATE, run, now);
    runs.push(record);
    if (entry) entries.push(entry);
  }
  return { runs, entries };
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
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-popup-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    args: [...extensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, dir, id: new URL(worker.url()).host };
}

interface Sample {
  /** Navigation start → open-runs list painted. */
  painted: number;
  /** Navigation start → DOMContentLoaded done (the popup's small entry evaluated). */
  scripts: number;
  /** Navigation start → React app mounting (react-dom and the protocol loaded). */
  app: number;
}

/** Open the popup REPEAT times. */
async function measure(
  context: BrowserContext,
  id: string,
  expectRows: boolean,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let k = 0; k < WARMUP + REPEAT; k++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.evaluate('globalThis.__name = (f) => f');
    const at = await page.evaluate(
      ({ mark, appMark }) =>
        new Promise<Sample>((ok, fail) => {
          const found = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
          const start = performance.now();
          const poll = () => {
            const t = found(mark);
            const app = found(appMark);
            const nav = performance.getEntriesByType(
              'navigation',
            )[0] as PerformanceNavigationTiming;
            if (t !== undefined && app !== undefined)
              ok({ painted: t, scripts: nav.domContentLoadedEventEnd, app });
            else if (performance.now() - start > 20_000)
              fail(new Error('the open-runs list never painted'));
            else setTimeout(poll, 5);
          };
          poll();
        }),
      { mark: OPEN_RUNS_PAINTED_MARK, appMark: POPUP_APP_MOUNT_MARK },
    );
    const rows = await page.locator('[role=option]').count();
    if (expectRows !== rows > 0)
      throw new Error(`expected ${expectRows ? 'rows' : 'no rows'}, saw ${rows}`);
    if (k >= WARMUP) samples.push(at);
    await page.close();
  }
  return samples;
}

/** A request the popup sends first, timed from an extension page. */
async function roundTrips(page: Page, request: unknown): Promise<Stats> {
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

async function main() {
  const { context, dir, id } = await launch();
  try {
    const page: Page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    // tsx keeps function names with an `__name` helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const send = (request: unknown) =>
      page.evaluate(async (r) => {
        const reply = (await (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
          }
        ).chrome.runtime.sendMessage(r)) as { ok: boolean; error?: unknown };
        if (!reply.ok) throw new Error(JSON.stringify(reply.error));
        return reply;
      }, request);
    // The background creates the database and seeds the default template.
    await send({ type: 'template.getActive' });

    console.log(`Empty store: opening the popup ${REPEAT} times (after ${WARMUP} warm-ups)…`);
    const emptySamples = await measure(context, id, false);
    const empty = stats(emptySamples.map((x) => x.painted));
    const emptyScripts = stats(emptySamples.map((x) => x.scripts));
    const emptyApp = stats(emptySamples.map((x) => x.app));
    const emptyList = await roundTrips(page, FIRST_PAGE_REQUEST);
    const emptyCounts = await roundTrips(page, FIRST_COUNTS_REQUEST);

    const now = Date.now();
    const t0 = performance.now();
    const { runs, entries } = seed(now);
    console.log(
      `Seeded ${runs.length.toLocaleString('en')} open runs through the engine in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const put = (store: string, rows: unknown[]) =>
      page.evaluate(
        async ({ store, json }) => {
          const rows = JSON.parse(json, (_k, v: unknown) =>
            v === '\u0000Infinity' ? Infinity : v,
          ) as unknown[];
          const db = await new Promise<IDBDatabase>((ok, fail) => {
            const req = indexedDB.open('casebook');
            req.onsuccess = () => ok(req.result);
            req.onerror = () => fail(req.error);
          });
          await new Promise<void>((ok, fail) => {
            const tx = db.transaction(store, 'readwrite');
            const os = tx.objectStore(store);
            for (const row of rows) os.put(row);
            tx.oncomplete = () => ok();
            tx.onerror = () => fail(tx.error);
          });
          db.close();
        },
        {
          store,
          json: JSON.stringify(rows, (_k, v: unknown) => (v === Infinity ? '\u0000Infinity' : v)),
        },
      );
    for (let i = 0; i < runs.length; i += 1000) await put('runs', runs.slice(i, i + 1000));
    await put('openRuns', entries);
    const listed = (await send({ type: 'runs.listOpen', limit: 1 })) as unknown as {
      data: { counts: { open: number } };
    };
    if (listed.data.counts.open !== RUNS)
      throw new Error(`expected ${RUNS} open runs, the store has ${listed.data.counts.open}`);

    console.log(`10,000 open runs: opening the popup ${REPEAT} times (after ${WARMUP} warm-ups)…`);
    const fullSamples = await measure(context, id, true);
    const full = stats(fullSamples.map((x) => x.painted));
    const fullScripts = stats(fullSamples.map((x) => x.scripts));
    const fullApp = stats(fullSamples.map((x) => x.app));
    const fullList = await roundTrips(page, FIRST_PAGE_REQUEST);
    const fullCounts = await roundTrips(page, FIRST_COUNTS_REQUEST);

    console.log('\nFirst paint of the open-runs list (navigation start → list on screen):');
    console.log(
      `  empty store      median ${ms(empty.median)}  p95 ${ms(empty.p95)}  min ${ms(empty.min)}`,
    );
    console.log(
      `  10,000 open runs median ${ms(full.median)}  p95 ${ms(full.p95)}  min ${ms(full.min)}`,
    );
    console.log(
      `  ratio to the empty store: median ${(full.median / empty.median).toFixed(2)}×, p95 ${(full.p95 / empty.p95).toFixed(2)}×  (target: ≤ 100 ms with 10,000 runs)`,
    );
    console.log(
      'The popup’s small entry evaluated, first request sent (navigation start → DOMContentLoaded):',
    );
    console.log(
      `  empty store      median ${ms(emptyScripts.median)}  p95 ${ms(emptyScripts.p95)}`,
    );
    console.log(`  10,000 open runs median ${ms(fullScripts.median)}  p95 ${ms(fullScripts.p95)}`);
    console.log(
      'React app mounting, after the first paint (navigation start → react-dom and protocol loaded):',
    );
    console.log(`  empty store      median ${ms(emptyApp.median)}  p95 ${ms(emptyApp.p95)}`);
    console.log(`  10,000 open runs median ${ms(fullApp.median)}  p95 ${ms(fullApp.p95)}`);
    console.log(
      'The background’s answers, round trip from an extension page: the first screen’s rows (runs.listOpen {limit: 30, counts: false}, what the first paint waits for)',
    );
    console.log(`  empty store      median ${ms(emptyList.median)}  p95 ${ms(emptyList.p95)}`);
    console.log(`  10,000 open runs median ${ms(fullList.median)}  p95 ${ms(fullList.p95)}`);
    console.log('and the counts (runs.countOpen, drawn when they arrive):');
    console.log(`  empty store      median ${ms(emptyCounts.median)}  p95 ${ms(emptyCounts.p95)}`);
    console.log(`  10,000 open runs median ${ms(fullCounts.median)}  p95 ${ms(fullCounts.p95)}`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
