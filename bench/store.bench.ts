/**
 * Run store benchmark in real Chromium with the built extension.
 *
 * Seeds 10,000 runs and 200,000 events into the extension's own IndexedDB
 * (from an extension page, in the exact stored shape the background writes:
 * runs built by the workflow engine, derived keys by `buildRunRecord`), then
 * measures through the protocol, as a view would:
 *   - `runs.listOpen` (open runs ordered by next due clock, first page of 50)
 *   - `run.get` + `run.events` for one run (its state and its whole log)
 * and, in the same run, the same answers computed in the page directly from
 * IndexedDB: through the indexes the store uses, and by a full table scan +
 * sort (the baseline an unindexed store would need).
 *
 *   npm run build && npm run bench store     (or: npx tsx bench/store.bench.ts)
 */
import { openRequiredSteps } from '../lib/workflow/close-rules';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildRunRecord,
  type OpenRunEntry,
  type RunRecord,
} from '../entrypoints/background/db/records';
import { DEFAULT_TEMPLATE } from '../lib/workflow/default-template';
import { applyMutation, createRun, type Mutation } from '../lib/workflow/engine';
import type { Actor, Helpdesk, RunEvent } from '../lib/workflow/schema';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../scripts/find-browser.mjs';

const RUNS = 10_000;
const EVENTS = 200_000;
const REPEAT = 40;
const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

const MIN = 60_000;
const agents: Actor[] = [
  { name: 'Ana Agent', email: 'ana@example.com' },
  { name: 'Bo Agent' },
  { name: 'Cy Agent', email: 'cy@example.com' },
];
const helpdesks: Helpdesk[] = ['zendesk', 'intercom', 'helpscout'];
const plans = ['enterprise', 'paid', 'paid', 'trial', 'free'];
const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV3', 'SEV4', 'SEV4'];
const rootCauses = ['auth', 'billing', 'integration', 'performance', 'ui'];

/** Deterministic pseudo-random numbers so every run of the bench seeds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * One run through the engine: triage, some reproduction data, repeated edits
 * and notes up to its share of the 200,000 events; 40% are closed.
 */
function seedRun(i: number, eventBudget: number, now: number, rand: () => number) {
  const helpdesk = helpdesks[i % 3]!;
  const createdAt = now - Math.floor(rand() * 6 * 60) * MIN;
  const actor = agents[i % agents.length]!;
  const ticket = {
    helpdesk,
    ticketId: String(100_000 + i),
    url:
      helpdesk === 'zendesk'
        ? `https://acme.zendesk.com/agent/tickets/${100_000 + i}`
        : helpdesk === 'intercom'
          ? `https://app.intercom.com/a/inbox/acme/inbox/conversation/${100_000 + i}`
          : `https://secure.helpscout.net/conversation/${100_000 + i}/${i}`,
    subject: `Customer ${i % 700}: ${['checkout fails', 'SSO loop', 'webhook retries', 'slow reports', 'invoice PDF blank'][i % 5]}`,
    requesterName: `Requester ${i % 900}`,
    createdAt,
  };
  let t = createdAt;
  const created = createRun(DEFAULT_TEMPLATE, ticket, actor, t);
  let run = created.run;
  const all: RunEvent[] = [...created.events];
  const apply = (m: Mutation) => {
    t += Math.floor(rand() * 4 * MIN) + 1;
    const r = applyMutation(
      DEFAULT_TEMPLATE,
      run,
      m,
      agents[Math.floor(rand() * 3)]!,
      Math.min(t, now),
    );
    run = r.run;
    all.push(...r.events);
  };
  const set = (stepId: string, fieldId: string, value: string) =>
    apply({ type: 'set-field', stepId, fieldId, value });
  set('verify-account', 'plan', plans[i % plans.length]!);
  set('assign-severity', 'severity', severities[Math.floor(rand() * severities.length)]!);
  if (rand() < 0.5) apply({ type: 'set-step-status', stepId: 'acknowledge', status: 'done' });
  set('collect-repro', 'browser', `Chrome ${120 + (i % 37)}`);
  set('collect-repro', 'workspace-id', `ws_${i}`);
  const closing = i % 5 < 2;
  // A run closes only once its required steps are done or skipped: one event each.
  const toSkip = closing ? openRequiredSteps(DEFAULT_TEMPLATE, run, 'close') : [];
  while (all.length < eventBudget - (closing ? 2 + toSkip.length : 0)) {
    if (rand() < 0.5) {
      set('collect-repro', 'repro-steps', `Step list revision ${all.length} for ticket ${i}`);
    } else {
      apply({ type: 'record-action', action: 'note', note: `Checked logs (${all.length})` });
    }
  }
  if (closing) {
    for (const open of toSkip)
      apply({
        type: 'set-step-status',
        stepId: open.stepId,
        status: 'skipped',
        skipReason: 'Not needed for this ticket',
      });
    set('close', 'root-cause', rootCauses[i % rootCauses.length]!);
    apply({ type: 'set-step-status', stepId: 'close', status: 'done' });
  }
  return { run, events: all.map(({ seq: _seq, ...e }) => e) };
}

function seedData(now: number): {
  runs: RunRecord[];
  openRuns: OpenRunEntry[];
  events: RunEvent[];
} {
  const rand = rng(42);
  const runs: RunRecord[] = [];
  const openRuns: OpenRunEntry[] = [];
  const events: RunEvent[] = [];
  for (let i = 0; i < RUNS; i++) {
    // 5 to 35 events per run (20 on average); the last runs take what is left
    // so the log holds the full 200,000.
    const left = EVENTS - events.length;
    const budget = i === RUNS - 1 ? left : Math.min(5 + ((i * 7) % 31), left - (RUNS - 1 - i) * 5);
    const seeded = seedRun(i, budget, now, rand);
    const { record, entry } = buildRunRecord(DEFAULT_TEMPLATE, seeded.run, now);
    runs.push(record);
    if (entry) openRuns.push(entry);
    events.push(...seeded.events);
  }
  return { runs, openRuns, events };
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
const ms = (v: number) => `${v.toFixed(2).padStart(8)} ms`;

async function launch(): Promise<{ context: BrowserContext; dir: string }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    args: [...extensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
  });
  return { context, dir };
}

async function main() {
  const now = Date.now();
  console.log(`Seeding ${RUNS.toLocaleString('en')} runs through the workflow engine…`);
  const t0 = performance.now();
  const { runs, openRuns, events } = seedData(now);
  const open = openRuns.length;
  console.log(
    `  ${runs.length.toLocaleString('en')} runs (${open.toLocaleString('en')} open), ` +
      `${events.length.toLocaleString('en')} events built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const { context, dir } = await launch();
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    // An extension page with no app of its own: the extension origin's
    // IndexedDB and chrome.runtime, nothing else running.
    const page: Page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
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

    const t1 = performance.now();
    const CHUNK_RUNS = 1000;
    const CHUNK_EVENTS = 20_000;
    // Rows travel as one JSON string: Playwright's structured argument
    // serialization is far slower for megabytes of nested objects. JSON has
    // no Infinity (the `dueKey` of open runs without a running clock), so it
    // travels as a marker.
    const put = (store: 'runs' | 'openRuns' | 'events', rows: unknown[]) =>
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
    for (let i = 0; i < runs.length; i += CHUNK_RUNS) {
      await put('runs', runs.slice(i, i + CHUNK_RUNS));
    }
    await put('openRuns', openRuns);
    for (let i = 0; i < events.length; i += CHUNK_EVENTS) {
      await put('events', events.slice(i, i + CHUNK_EVENTS));
    }
    console.log(
      `  written to the extension's IndexedDB in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );

    // Runs to read one at a time: spread over the table.
    const sampleIds = Array.from({ length: REPEAT }, (_, k) => runs[(k * 2477) % runs.length]!.id);

    const timed = (fn: string, args: unknown) =>
      page.evaluate(
        async ({ fn, args }) => {
          type G = {
            chrome: {
              runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data: unknown }> };
            };
          };
          const g = globalThis as unknown as G;
          const openDb = () =>
            new Promise<IDBDatabase>((ok, fail) => {
              const req = indexedDB.open('casebook');
              req.onsuccess = () => ok(req.result);
              req.onerror = () => fail(req.error);
            });
          const done = <T>(req: IDBRequest<T>) =>
            new Promise<T>((ok, fail) => {
              req.onsuccess = () => ok(req.result);
              req.onerror = () => fail(req.error);
            });
          type Rec = { id: string; nextDueAt?: number; closedAt?: number; updatedAt: number };
          const order = (a: Rec, b: Rec) =>
            a.nextDueAt !== undefined || b.nextDueAt !== undefined
              ? a.nextDueAt === undefined
                ? 1
                : b.nextDueAt === undefined
                  ? -1
                  : a.nextDueAt - b.nextDueAt || b.updatedAt - a.updatedAt
              : b.updatedAt - a.updatedAt;
          const db = await openDb();
          const out: number[] = [];
          const { repeat, ids } = args as { repeat: number; ids: string[] };
          for (let k = 0; k < repeat; k++) {
            const runId = ids[k % ids.length]!;
            const start = performance.now();
            if (fn === 'protocol-list') {
              const r = await g.chrome.runtime.sendMessage({ type: 'runs.listOpen' });
              if (!r.ok || (r.data as { items: unknown[] }).items.length !== 50) {
                throw new Error(`runs.listOpen: ${JSON.stringify(r).slice(0, 400)}`);
              }
            } else if (fn === 'protocol-run') {
              const [a, b] = await Promise.all([
                g.chrome.runtime.sendMessage({ type: 'run.get', runId }),
                g.chrome.runtime.sendMessage({ type: 'run.events', runId }),
              ]);
              if (!a.ok || !b.ok) throw new Error('run');
            } else if (fn === 'index-list') {
              // What the background does: the first 50 open-runs rows + three counts.
              const os = db.transaction('openRuns').objectStore('openRuns');
              const now = Date.now();
              await Promise.all([
                done(os.count()),
                done(os.count(IDBKeyRange.upperBound([now, Infinity]))),
                done(os.count(IDBKeyRange.bound([now, Infinity], [now + 900_000, Infinity], true))),
                done(os.getAll(null, 50)),
              ]);
            } else if (fn === 'index-run') {
              const tx = db.transaction(['runs', 'events']);
              await Promise.all([
                done(tx.objectStore('runs').get(runId)),
                done(
                  tx
                    .objectStore('events')
                    .index('[runId+seq]')
                    .getAll(IDBKeyRange.bound([runId, 0], [runId, Infinity])),
                ),
              ]);
            } else if (fn === 'scan-list') {
              const all = (await done(
                db.transaction('runs').objectStore('runs').getAll(),
              )) as Rec[];
              const openRuns = all.filter((r) => r.closedAt === undefined).sort(order);
              if (openRuns.slice(0, 50).length !== 50) throw new Error('scan');
            } else if (fn === 'scan-run') {
              const tx = db.transaction(['runs', 'events']);
              const all = (await done(tx.objectStore('runs').getAll())) as Rec[];
              const evs = (await done(tx.objectStore('events').getAll())) as Array<{
                runId: string;
              }>;
              if (!all.find((r) => r.id === runId) || !evs.some((e) => e.runId === runId)) {
                throw new Error('scan-run');
              }
            }
            out.push(performance.now() - start);
          }
          db.close();
          return out;
        },
        { fn, args },
      );

    const measure = async (fn: string, repeat = REPEAT) => {
      await timed(fn, { repeat: 3, ids: sampleIds }); // warm-up
      return stats(await timed(fn, { repeat, ids: sampleIds }));
    };

    const list = await measure('protocol-list');
    const listIndex = await measure('index-list');
    const listScan = await measure('scan-list', 10);
    const one = await measure('protocol-run');
    const oneIndex = await measure('index-run');
    const oneScan = await measure('scan-run', 5);

    const row = (label: string, s: Stats, target?: number) =>
      console.log(
        `  ${label.padEnd(52)} median ${ms(s.median)}   p95 ${ms(s.p95)}   min ${ms(s.min)}` +
          (target ? `   target ≤ ${target} ms: ${s.median <= target ? 'met' : 'MISSED'}` : ''),
      );
    console.log(`\nOpen-runs list, first page of 50 ordered by next due clock (+ counts):`);
    row('runs.listOpen over runtime messaging', list, 50);
    row('  the same IndexedDB reads (openRuns keys), in the page', listIndex);
    row('  baseline: full scan of runs + sort, in the page', listScan);
    console.log(
      `  ratio baseline / protocol: ${(listScan.median / list.median).toFixed(1)}×` +
        `   baseline / index: ${(listScan.median / listIndex.median).toFixed(1)}×`,
    );
    console.log(`\nOne run with its events (run.get + run.events in parallel):`);
    row('run.get + run.events over runtime messaging', one, 10);
    row('  the same IndexedDB reads (key + index), in the page', oneIndex);
    row('  baseline: full scan of runs + events, in the page', oneScan);
    console.log(
      `  ratio baseline / protocol: ${(oneScan.median / one.median).toFixed(1)}×` +
        `   baseline / index: ${(oneScan.median / oneIndex.median).toFixed(1)}×`,
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
