/**
 * The support trends report as a pure function of run facts: the same rows
 * this browser keeps in IndexedDB, or a team server's rows for the whole
 * team. Each chart is a table (rows × columns) whose cells carry the filter
 * of the runs behind them; the numbers are computed over exactly those runs.
 */
import { HELPDESKS, PLAN_TIERS, SEVERITIES } from '../workflow/vocabulary';
import type { RunFacts } from './facts';
import { breachMs, matchesFilter, NONE, pageToAckMs, type Outcome, type RunFilter } from './filter';
import type { Period } from './period';
import { median, percentile, ratio } from './stats';

export type ValueFormat = 'count' | 'duration' | 'percent' | 'delta';

export interface ChartColumn {
  key: string;
  label: string;
  format: ValueFormat;
  /** Drawn as a bar; other columns are in the table only. */
  chart: boolean;
}

export interface ChartCell {
  /** null: nothing to measure (no runs, no breaches). */
  value: number | null;
  /** The runs behind the cell; absent for derived cells (ratios, changes). */
  filter?: RunFilter;
}

export interface ChartRow {
  key: string;
  label: string;
  cells: ChartCell[];
}

export interface ChartModel {
  id: string;
  title: string;
  /** Which runs the chart counts, in a sentence. */
  basis: string;
  columns: ChartColumn[];
  rows: ChartRow[];
}

export interface Report {
  period: Period;
  /** Runs the report read (created or closed in this or the previous period). */
  runsRead: number;
  charts: ChartModel[];
}

export interface ReportLabels {
  /** The template's root-cause tags, in the order to show them. */
  rootCauses: ReadonlyArray<{ value: string; label: string }>;
  /** Team mode: split by agent too. */
  byAgent?: boolean;
}

const PLAN_LABELS: Record<string, string> = {
  enterprise: 'Enterprise',
  paid: 'Paid',
  trial: 'Trial',
  free: 'Free',
};
const HELPDESK_LABELS: Record<string, string> = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  helpscout: 'Help Scout',
};

type Metric = (f: RunFacts, now: number) => number | undefined;

const DIMENSIONS = ['rootCause', 'severity', 'plan', 'helpdesk', 'agent'] as const;

/**
 * Facts matching a filter. A period's runs are scanned once per time range
 * and grouped by each dimension on first use, and each distinct filter is
 * answered once: a year's report touches each run a few times, not once per
 * cell.
 */
class Selector {
  private readonly byRange = new Map<string, RunFacts[]>();
  private readonly byGroup = new Map<string, RunFacts[]>();
  private readonly byFilter = new Map<string, RunFacts[]>();
  constructor(
    private readonly facts: readonly RunFacts[],
    private readonly now: number,
  ) {}

  private inRange(filter: RunFilter): RunFacts[] {
    const key = `${filter.basis}:${filter.from}:${filter.to}`;
    let rows = this.byRange.get(key);
    if (!rows) {
      const range = { basis: filter.basis, from: filter.from, to: filter.to };
      rows = this.facts.filter((f) => matchesFilter(f, range, this.now));
      this.byRange.set(key, rows);
    }
    return rows;
  }

  select(filter: RunFilter): RunFacts[] {
    const key = JSON.stringify(filter);
    const known = this.byFilter.get(key);
    if (known) return known;
    let rows = this.inRange(filter);
    // Start from the group of the first dimension the filter names.
    const dim = DIMENSIONS.find((d) => filter[d] !== undefined);
    if (dim) {
      const groupKey = `${filter.basis}:${filter.from}:${filter.to}:${dim}=${filter[dim]}`;
      let group = this.byGroup.get(groupKey);
      if (!group) {
        const only = { basis: filter.basis, from: filter.from, to: filter.to, [dim]: filter[dim] };
        group = rows.filter((f) => matchesFilter(f, only, this.now));
        this.byGroup.set(groupKey, group);
      }
      rows = group;
    }
    const result = rows.filter((f) => matchesFilter(f, filter, this.now));
    this.byFilter.set(key, result);
    return result;
  }

  count(filter: RunFilter): ChartCell {
    return { value: this.select(filter).length, filter };
  }

  stat(filter: RunFilter, metric: Metric, stat: 'median' | 'p90' | 'max'): ChartCell {
    const values = this.select(filter)
      .map((f) => metric(f, this.now))
      .filter((v): v is number => v !== undefined);
    const value =
      stat === 'median'
        ? median(values)
        : stat === 'p90'
          ? percentile(values, 90)
          : values.length
            ? Math.max(...values)
            : undefined;
    return { value: value ?? null, filter };
  }
}

const col = (key: string, label: string, format: ValueFormat, chart = true): ChartColumn => ({
  key,
  label,
  format,
  chart,
});

const attainment = (met: ChartCell, breached: ChartCell): ChartCell => ({
  value: ratio(met.value ?? 0, (met.value ?? 0) + (breached.value ?? 0)) ?? null,
});

export function computeReport(
  facts: readonly RunFacts[],
  period: Period,
  labels: ReportLabels,
  now: number,
): Report {
  const sel = new Selector(facts, now);
  const created = (extra: Partial<RunFilter> = {}): RunFilter => ({
    basis: 'created',
    from: period.from,
    to: period.to,
    ...extra,
  });
  const closed = (extra: Partial<RunFilter> = {}): RunFilter => ({
    basis: 'closed',
    from: period.from,
    to: period.to,
    ...extra,
  });
  const causes = [...labels.rootCauses, { value: NONE, label: 'Untagged' }];
  const unit =
    period.buckets.length > 0 && period.buckets[0]!.label.length === 7 ? 'month' : 'week';
  const bucketLabel = (label: string) => (unit === 'month' ? label : `Week of ${label}`);
  const firstResponseOf: Metric = (f, n) => breachMs(f.firstResponse, n);
  const ackElapsed: Metric = (f) => f.engineeringAck?.elapsedMs;
  const resolve: Metric = (f) => f.resolveMs;

  const charts: ChartModel[] = [];

  charts.push({
    id: 'root-cause-trend',
    title: `Closed tickets by root cause, per ${unit}`,
    basis: 'Runs closed in the period, by the root cause tagged at closure.',
    columns: causes.map((c) => col(c.value, c.label, 'count')),
    rows: period.buckets.map((b) => ({
      key: b.label,
      label: bucketLabel(b.label),
      cells: causes.map((c) =>
        sel.count({ basis: 'closed', from: b.start, to: b.end, rootCause: c.value }),
      ),
    })),
  });

  charts.push({
    id: 'root-cause-compare',
    title: 'Root causes compared with the previous period',
    basis: `Runs closed ${period.previous.fromDay} – ${period.previous.toDay} (previous) and ${period.fromDay} – ${period.toDay} (this period).`,
    columns: [
      col('previous', 'Previous period', 'count'),
      col('current', 'This period', 'count'),
      col('change', 'Change', 'delta', false),
    ],
    rows: causes.map((c) => {
      const prev = sel.count({
        basis: 'closed',
        from: period.previous.from,
        to: period.previous.to,
        rootCause: c.value,
      });
      const cur = sel.count(closed({ rootCause: c.value }));
      return {
        key: c.value,
        label: c.label,
        cells: [prev, cur, { value: (cur.value ?? 0) - (prev.value ?? 0) }],
      };
    }),
  });

  const slaRows = (
    keys: readonly string[],
    names: Record<string, string>,
    field: 'plan' | 'severity',
    met: Outcome,
    breached: Outcome,
    extra: (filter: RunFilter) => ChartCell[],
  ): ChartRow[] =>
    keys.map((k) => {
      const m = sel.count(created({ [field]: k, outcome: met }));
      const b = sel.count(created({ [field]: k, outcome: breached }));
      return {
        key: k,
        label: names[k] ?? k,
        cells: [m, b, attainment(m, b), ...extra(created({ [field]: k, outcome: breached }))],
      };
    });

  charts.push({
    id: 'first-response',
    title: 'First-response SLA by plan tier',
    basis:
      'Runs created in the period whose first response was made or is overdue; pauses do not count against the SLA.',
    columns: [
      col('met', 'Met', 'count'),
      col('breached', 'Breached', 'count'),
      col('attainment', 'Attainment', 'percent', false),
      col('median-breach', 'Median breach', 'duration', false),
      col('max-breach', 'Longest breach', 'duration', false),
    ],
    rows: slaRows(
      [...PLAN_TIERS, NONE],
      { ...PLAN_LABELS, [NONE]: 'Plan not set' },
      'plan',
      'first-response-met',
      'first-response-breached',
      (f) => [sel.stat(f, firstResponseOf, 'median'), sel.stat(f, firstResponseOf, 'max')],
    ),
  });

  const ackSeverities = SEVERITIES.filter((s) => s !== 'SEV4');
  charts.push({
    id: 'engineering-ack',
    title: 'Engineering acknowledgement by severity',
    basis: 'Runs created in the period that were escalated to engineering.',
    columns: [
      col('met', 'Met', 'count'),
      col('breached', 'Breached', 'count'),
      col('attainment', 'Attainment', 'percent', false),
      col('median', 'Median time to ack', 'duration', false),
      col('p90', 'p90 time to ack', 'duration', false),
    ],
    rows: slaRows(ackSeverities, {}, 'severity', 'ack-met', 'ack-breached', (f) => {
      const acked = { ...f, outcome: 'acknowledged' as const };
      return [sel.stat(acked, ackElapsed, 'median'), sel.stat(acked, ackElapsed, 'p90')];
    }),
  });

  const resolveColumns = [
    col('closed', 'Closed', 'count', false),
    col('median', 'Median', 'duration'),
    col('p90', 'p90', 'duration'),
  ];
  const resolveRow = (key: string, label: string, filter: RunFilter): ChartRow => ({
    key,
    label,
    cells: [
      sel.count(filter),
      sel.stat(filter, resolve, 'median'),
      sel.stat(filter, resolve, 'p90'),
    ],
  });
  charts.push({
    id: 'resolve-by-severity',
    title: 'Time to resolve by severity',
    basis: 'Runs closed in the period: ticket created → run closed.',
    columns: resolveColumns,
    rows: [...SEVERITIES, NONE].map((s) =>
      resolveRow(s, s === NONE ? 'Severity not set' : s, closed({ severity: s })),
    ),
  });
  charts.push({
    id: 'resolve-by-root-cause',
    title: 'Time to resolve by root cause',
    basis: 'Runs closed in the period: ticket created → run closed.',
    columns: resolveColumns,
    rows: causes.map((c) => resolveRow(c.value, c.label, closed({ rootCause: c.value }))),
  });

  charts.push({
    id: 'incidents',
    title: 'SEV1 / SEV2 incidents',
    basis:
      'Runs created in the period at SEV1 or SEV2. Paging → ack: first page of on-call to engineering acknowledgement. Status-page cadence applies to SEV1.',
    columns: [
      col('count', 'Incidents', 'count'),
      col('cadence-kept', 'Cadence kept', 'count'),
      col('cadence-missed', 'Cadence missed', 'count'),
      col('median', 'Median paging → ack', 'duration', false),
      col('p90', 'p90 paging → ack', 'duration', false),
    ],
    rows: (['SEV1', 'SEV2'] as const).map((s) => {
      const all = created({ severity: s, outcome: 'incident' });
      return {
        key: s,
        label: s,
        cells: [
          sel.count(all),
          sel.count(created({ severity: s, outcome: 'cadence-kept' })),
          sel.count(created({ severity: s, outcome: 'cadence-missed' })),
          sel.stat(all, pageToAckMs, 'median'),
          sel.stat(all, pageToAckMs, 'p90'),
        ],
      };
    }),
  });

  charts.push({
    id: 'escalations',
    title: `Escalations to engineering and bugs filed, per ${unit}`,
    basis: 'Runs created in the period; bugs are the Jira or Linear links filed from the run.',
    columns: [
      col('escalated', 'Escalated', 'count'),
      col('bugs', 'Bugs filed', 'count'),
      col('jira', 'Jira', 'count', false),
      col('linear', 'Linear', 'count', false),
    ],
    rows: period.buckets.map((b) => {
      const f = (outcome: Outcome): RunFilter => ({
        basis: 'created',
        from: b.start,
        to: b.end,
        outcome,
      });
      return {
        key: b.label,
        label: bucketLabel(b.label),
        cells: [
          sel.count(f('escalated')),
          sel.count(f('bug-filed')),
          sel.count(f('bug-jira')),
          sel.count(f('bug-linear')),
        ],
      };
    }),
  });

  charts.push({
    id: 'customers',
    title: 'Dissatisfied customers and follow-ups',
    basis:
      'Runs closed in the period. Dissatisfied: not fixed, or satisfaction 3 or lower; enterprise customers are owed a written incident summary.',
    columns: [col('runs', 'Runs', 'count')],
    rows: (
      [
        ['dissatisfied', 'Dissatisfied customers'],
        ['follow-up-done', 'Follow-ups done'],
        ['summary-required', 'Enterprise summaries owed'],
        ['summary-written', 'Enterprise summaries written'],
      ] as const
    ).map(([outcome, label]) => ({
      key: outcome,
      label,
      cells: [sel.count(closed({ outcome }))],
    })),
  });

  const splitRows = (
    field: 'helpdesk' | 'agent',
    keys: readonly string[],
    names: Record<string, string>,
  ) =>
    keys.map((k) => {
      const m = sel.count(created({ [field]: k, outcome: 'first-response-met' }));
      const b = sel.count(created({ [field]: k, outcome: 'first-response-breached' }));
      const done = closed({ [field]: k });
      return {
        key: k,
        label: names[k] ?? k,
        cells: [
          sel.count(created({ [field]: k })),
          sel.count(done),
          attainment(m, b),
          sel.stat(done, resolve, 'median'),
        ],
      };
    });
  const splitColumns = [
    col('created', 'Created', 'count'),
    col('closed', 'Closed', 'count'),
    col('attainment', 'First-response attainment', 'percent', false),
    col('median', 'Median time to resolve', 'duration', false),
  ];
  charts.push({
    id: 'helpdesks',
    title: 'By helpdesk',
    basis: 'Runs created or closed in the period, by the helpdesk of the ticket.',
    columns: splitColumns,
    rows: splitRows('helpdesk', HELPDESKS, HELPDESK_LABELS),
  });
  if (labels.byAgent) {
    const agents = [...new Set(facts.map((f) => f.agent).filter((a): a is string => !!a))].sort();
    charts.push({
      id: 'agents',
      title: 'By agent',
      basis:
        'Runs created or closed in the period, by the agent who closed (or last worked) the run.',
      columns: splitColumns,
      rows: splitRows('agent', agents, {}),
    });
  }

  return { period, runsRead: facts.length, charts };
}
