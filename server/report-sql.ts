/**
 * The report's cells in SQL. `buildReport` (lib/report/compute.ts) defines
 * every figure as questions to a `CellSource` — the count, or the median,
 * p90 or maximum of a named duration, over the runs a `RunFilter` matches.
 * Here each question becomes one aggregate over the `run_facts` table, with
 * the same meaning as lib/report/filter.ts and lib/report/select.ts:
 * clock states judged at the report's `now`, "none" as NULL, the median as
 * `percentile_cont(0.5)` (mean of the middle two) and p90 as
 * `percentile_disc(0.9)` (nearest rank). Values are always bound
 * parameters, never spliced into the text.
 */
import { NONE, type Outcome, type RunFilter } from '../lib/report/filter';
import type { MeasureId, StatKind } from '../lib/report/select';

export interface CellQuery {
  filter: RunFilter;
  kind: 'count' | StatKind;
  measure?: MeasureId;
}

/** Bound parameters of one statement: `add` returns the placeholder. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The report time as a placeholder, bound on first use (PostgreSQL cannot
 * type a parameter the statement never mentions).
 */
export function nowParam(p: Params, now: number): () => string {
  let placeholder: string | undefined;
  return () => (placeholder ??= `${p.add(now)}::bigint`);
}

const COLUMN: Record<'rootCause' | 'severity' | 'plan' | 'helpdesk' | 'agent', string> = {
  rootCause: 'root_cause',
  severity: 'severity',
  plan: 'plan',
  helpdesk: 'helpdesk',
  agent: 'agent',
};

/** A deadline clock's state at `now` (filter.ts `clockState`), for the columns of one clock. */
function clockMet(prefix: 'fr' | 'ack'): string {
  return `(${prefix}_stopped IS NOT NULL AND ${prefix}_stopped <= ${prefix}_due)`;
}
function clockBreached(prefix: 'fr' | 'ack', now: () => string): string {
  return `(${prefix}_due IS NOT NULL AND ((${prefix}_stopped IS NOT NULL AND ${prefix}_stopped > ${prefix}_due) OR (${prefix}_stopped IS NULL AND NOT ${prefix}_paused AND ${now()} > ${prefix}_due)))`;
}
function cadenceMissed(now: () => string): string {
  return `(sp_kept IS NOT NULL AND (sp_missed > 0 OR COALESCE(${now()} > sp_open_due, false)))`;
}

export function outcomeSql(outcome: Outcome, now: () => string): string {
  switch (outcome) {
    case 'first-response-met':
      return clockMet('fr');
    case 'first-response-breached':
      return clockBreached('fr', now);
    case 'ack-met':
      return clockMet('ack');
    case 'ack-breached':
      return clockBreached('ack', now);
    case 'acknowledged':
      return '(ack_elapsed IS NOT NULL AND ack_at IS NOT NULL)';
    case 'incident':
      return "(severity IN ('SEV1', 'SEV2'))";
    case 'cadence-kept':
      return `(sp_kept IS NOT NULL AND NOT ${cadenceMissed(now)})`;
    case 'cadence-missed':
      return cadenceMissed(now);
    case 'escalated':
      return 'escalated';
    case 'bug-filed':
      return '(bug_tracker IS NOT NULL)';
    case 'bug-jira':
      return "(bug_tracker = 'jira')";
    case 'bug-linear':
      return "(bug_tracker = 'linear')";
    case 'dissatisfied':
      return 'dissatisfied';
    case 'follow-up-done':
      return 'follow_up_done';
    case 'summary-required':
      return 'summary_required';
    case 'summary-written':
      return 'summary_written';
    case 'closed':
      return '(closed_at IS NOT NULL)';
  }
}

/** The duration a measure reads (select.ts `MEASURES`), NULL where a run has none. */
export function measureSql(measure: MeasureId, now: () => string): string {
  switch (measure) {
    case 'first-response-breach':
      return `(CASE WHEN ${clockBreached('fr', now)} THEN COALESCE(fr_stopped, ${now()}) - fr_due END)`;
    case 'ack-elapsed':
      return 'ack_elapsed';
    case 'resolve':
      return 'resolve_ms';
    case 'page-to-ack':
      return '(CASE WHEN paged_at IS NOT NULL AND ack_at IS NOT NULL AND ack_at >= paged_at THEN ack_at - paged_at END)';
  }
}

/** filter.ts `matchesFilter` as a WHERE condition. */
export function filterSql(filter: RunFilter, p: Params, now: () => string): string {
  const time = filter.basis === 'created' ? 'created_at' : 'closed_at';
  const parts = [`${time} >= ${p.add(filter.from)}`, `${time} < ${p.add(filter.to)}`];
  for (const [key, column] of Object.entries(COLUMN) as Array<[keyof typeof COLUMN, string]>) {
    const wanted = filter[key];
    if (wanted === undefined) continue;
    parts.push(wanted === NONE ? `${column} IS NULL` : `${column} = ${p.add(wanted)}`);
  }
  if (filter.outcome) parts.push(outcomeSql(filter.outcome, now));
  return parts.join(' AND ');
}

/** One cell's aggregate, as a select-list expression yielding a double (or NULL). */
export function aggregateSql(q: CellQuery, p: Params, now: () => string): string {
  const where = `FILTER (WHERE ${filterSql(q.filter, p, now)})`;
  if (q.kind === 'count') return `count(*) ${where}`;
  const value = `(${measureSql(q.measure!, now)})::float8`;
  if (q.kind === 'median') return `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value}) ${where}`;
  if (q.kind === 'p90') return `percentile_disc(0.9) WITHIN GROUP (ORDER BY ${value}) ${where}`;
  return `max(${value}) ${where}`;
}
