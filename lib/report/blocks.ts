/**
 * The report's read path: runs' report rows packed into week blocks, so a
 * period's report reads a few dozen records, not one per run (per-record
 * cost dominates IndexedDB reads: 10,000 facts rows took seconds where one
 * packed block per week of a year takes tens of milliseconds).
 *
 * A run is in the block of the week it was created in and, once closed, in
 * the block of the week it was closed in (`created:<week>`, `closed:<week>`,
 * weeks counted from the epoch in UTC, so blocks never depend on the
 * reader's zone). A period reads the created blocks its range touches and
 * the closed blocks of its range and the previous one, then keeps exactly
 * the runs created in the period or closed in it or the previous one.
 */
import type { RunFacts } from './facts';
import type { Period } from './period';

/** What the figures read of a run: its facts without ticket text. */
export type ReportRow = Omit<
  RunFacts,
  | 'ticketId'
  | 'displayId'
  | 'subject'
  | 'requester'
  | 'organization'
  | 'url'
  | 'bugUrl'
  | 'confirmation'
  | 'satisfaction'
  | 'updatedAt'
>;

/** A stored block: its runs' rows as one JSON string (one value for IndexedDB to copy). */
export interface ReportBlock {
  key: string;
  /** JSON of `Record<runId, ReportRow>`. */
  rows: string;
}

const WEEK_MS = 7 * 86_400_000;

export function reportRow(f: RunFacts): ReportRow {
  const {
    ticketId: _t,
    displayId: _d,
    subject: _s,
    requester: _r,
    organization: _o,
    url: _u,
    bugUrl: _b,
    confirmation: _c,
    satisfaction: _sat,
    updatedAt: _up,
    ...row
  } = f;
  return row;
}

const week = (t: number) => Math.floor(t / WEEK_MS);

/** The blocks a run's row lives in. */
export function blockKeysOf(row: Pick<RunFacts, 'createdAt' | 'closedAt'>): string[] {
  const keys = [`created:${week(row.createdAt)}`];
  if (row.closedAt !== undefined) keys.push(`closed:${week(row.closedAt)}`);
  return keys;
}

function weeks(basis: 'created' | 'closed', from: number, to: number): string[] {
  const keys: string[] = [];
  for (let w = week(from); w <= week(to - 1); w++) keys.push(`${basis}:${w}`);
  return keys;
}

/** The blocks a period's report reads. */
export function blockKeysForPeriod(period: Period): string[] {
  if (period.to <= period.from) return [];
  return [
    ...weeks('created', period.from, period.to),
    ...weeks('closed', period.previous.from, period.to),
  ];
}

/** The rows a period's report counts, from its blocks: each run once. */
export function rowsForPeriod(
  blocks: ReadonlyArray<ReportBlock | undefined>,
  period: Period,
): ReportRow[] {
  const seen = new Set<string>();
  const out: ReportRow[] = [];
  for (const block of blocks) {
    if (!block) continue;
    for (const row of Object.values(JSON.parse(block.rows) as Record<string, ReportRow>)) {
      if (seen.has(row.runId)) continue;
      const created = row.createdAt >= period.from && row.createdAt < period.to;
      const closed =
        row.closedAt !== undefined &&
        row.closedAt >= period.previous.from &&
        row.closedAt < period.to;
      if (!created && !closed) continue;
      seen.add(row.runId);
      out.push(row);
    }
  }
  return out;
}

/** A block with a run's row put in (`row`) or taken out (undefined); undefined when left empty. */
export function withRow(
  block: ReportBlock | undefined,
  key: string,
  runId: string,
  row: ReportRow | undefined,
): ReportBlock | undefined {
  const rows = block ? (JSON.parse(block.rows) as Record<string, ReportRow>) : {};
  if (row) rows[runId] = row;
  else delete rows[runId];
  return Object.keys(rows).length ? { key, rows: JSON.stringify(rows) } : undefined;
}

/** Every block of a set of facts rows (building the blocks from scratch). */
export function blocksOf(facts: readonly RunFacts[]): ReportBlock[] {
  const byKey = new Map<string, Record<string, ReportRow>>();
  for (const f of facts) {
    const row = reportRow(f);
    for (const key of blockKeysOf(f)) {
      const rows = byKey.get(key) ?? {};
      rows[f.runId] = row;
      byKey.set(key, rows);
    }
  }
  return [...byKey].map(([key, rows]) => ({ key, rows: JSON.stringify(rows) }));
}
