/**
 * The report benchmark's store: 10,000 tickets spread over 2026 (80 %
 * closed; a mix of plans, severities, escalations and incidents) played
 * through the workflow engine, their logs padded to 200,000 events, written
 * into the extension's IndexedDB in the shape the background writes.
 */
import type { Page } from '@playwright/test';
import type { RunStory } from '../lib/report/testing';
import type { RunEvent } from '../lib/workflow/schema';
import { putRows, seedRows } from '../tests/e2e/support/report-seed';

export const RUNS = 10_000;
export const EVENTS = 200_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 10,000 tickets over the year: 80% closed, a mix of plans, severities, escalations and incidents. */
export function stories(): RunStory[] {
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

/** Seed the extension's store (`page` is an extension page); logs what it did. */
export async function seedBenchStore(page: Page): Promise<void> {
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
  await putRows(page, 'reportBlocks', rows.reportBlocks);
  console.log(
    `Written to the extension's IndexedDB in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  );
}
