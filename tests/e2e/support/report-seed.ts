/**
 * Fill the built extension's IndexedDB with runs told as stories, in the
 * exact stored shape the background writes (run records, open-runs rows,
 * events, report facts), from an extension page. Shared by the report's
 * browser test and its benchmark.
 */
import type { Page } from '@playwright/test';
import { buildRunRecord } from '../../../entrypoints/background/db/records';
import { runFacts } from '../../../lib/report/facts';
import { playStory, type RunStory } from '../../../lib/report/testing';
// The report's known answers are calendar-time answers (see lib/report/compute.test.ts).
import { CALENDAR_TEMPLATE } from '../../../lib/workflow/testing';
import type { RunEvent } from '../../../lib/workflow/schema';

export interface SeedRows {
  runs: unknown[];
  openRuns: unknown[];
  events: RunEvent[];
  runFacts: unknown[];
}

export function seedRows(stories: readonly RunStory[], now: number): SeedRows {
  const rows: SeedRows = { runs: [], openRuns: [], events: [], runFacts: [] };
  for (const story of stories) {
    const { run, events } = playStory(story);
    const { record, entry } = buildRunRecord(CALENDAR_TEMPLATE, run, now);
    rows.runs.push(record);
    if (entry) rows.openRuns.push(entry);
    rows.events.push(...events);
    rows.runFacts.push(runFacts(CALENDAR_TEMPLATE, run, events, now));
  }
  return rows;
}

/** Rows per page round trip: large batches keep 200,000 events to a few dozen trips. */
const BATCH = 10_000;

/** Write rows into one store of the extension's database (the page must be an extension page). */
export async function putRows(page: Page, store: string, rows: readonly unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH), (_k, v: unknown) =>
      v === Infinity ? '\u0000Infinity' : v,
    );
    await page.evaluate(
      async ({ store, json }) => {
        const batch = JSON.parse(json, (_k, v: unknown) =>
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
          for (const row of batch) os.put(row);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      },
      { store, json },
    );
  }
}

export async function seedStore(page: Page, rows: SeedRows): Promise<void> {
  await putRows(page, 'runs', rows.runs);
  await putRows(page, 'openRuns', rows.openRuns);
  await putRows(page, 'events', rows.events);
  await putRows(page, 'runFacts', rows.runFacts);
}
