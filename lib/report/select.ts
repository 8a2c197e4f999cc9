/**
 * Where a report's cells get their numbers. A figure asks a `CellSource`
 * for the count, or a statistic of a named measure, over the runs a filter
 * matches. This browser answers from its facts rows (`FactsSelector`); a
 * team server answers the same questions in SQL, so both compute the same
 * figures from one definition (compute.ts).
 */
import type { ReportRow } from './blocks';
import {
  basisTime,
  breachMs,
  NONE,
  OUTCOMES,
  outcomeHolds,
  pageToAckMs,
  type RunFilter,
} from './filter';
import { medianOfSorted, percentileOfSorted, sorted } from './stats';

export interface ChartCell {
  /** null: nothing to measure (no runs, no breaches). */
  value: number | null;
  /** The runs behind the cell; absent for derived cells (ratios, changes). */
  filter?: RunFilter;
}

/** The durations a figure can summarize; undefined where a run has none. */
export const MEASURES = {
  /** How late the first response was (stopped) or is (running past due). */
  'first-response-breach': (f: ReportRow, now: number) => breachMs(f.firstResponse, now),
  /** Escalation → engineering acknowledgement, paused time excluded. */
  'ack-elapsed': (f: ReportRow) => f.engineeringAck?.elapsedMs,
  /** Ticket created → run closed. */
  resolve: (f: ReportRow) => f.resolveMs,
  /** First page of on-call → engineering acknowledgement. */
  'page-to-ack': (f: ReportRow) => pageToAckMs(f),
} satisfies Record<string, (f: ReportRow, now: number) => number | undefined>;
export type MeasureId = keyof typeof MEASURES;

export type StatKind = 'median' | 'p90' | 'max';

export interface CellSource {
  count(filter: RunFilter): ChartCell;
  stat(filter: RunFilter, measure: MeasureId, stat: StatKind): ChartCell;
}

/** The statistic of some values, as every source must define it (stats.ts). */
export function statOf(values: readonly number[], stat: StatKind): number | null {
  return statOfSorted(sorted(values), stat);
}

/** `statOf` over values already in ascending order. */
export function statOfSorted(s: ArrayLike<number>, stat: StatKind): number | null {
  const value =
    stat === 'median'
      ? medianOfSorted(s)
      : stat === 'p90'
        ? percentileOfSorted(s, 90)
        : s.length
          ? s[s.length - 1]
          : undefined;
  return value ?? null;
}

const DIMENSIONS = ['rootCause', 'severity', 'plan', 'helpdesk', 'agent'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/**
 * Facts matching a filter, without a scan per cell: each run's outcomes at
 * `now` are worked out once (a bit mask), each time range is cut once, and
 * each range is split by a dimension in one pass; a cell then walks only
 * its group. A year's report (hundreds of cells) touches each run a few
 * times.
 */
export class FactsSelector implements CellSource {
  private readonly masks: Uint32Array;
  private readonly byRange = new Map<string, number[]>();
  private readonly byGroup = new Map<string, Map<string, number[]>>();
  private readonly byFilter = new Map<string, number[]>();
  /** A measure's values over a filter's runs, sorted once for its median, p90 and maximum. */
  private readonly byMeasure = new Map<string, Float64Array>();
  constructor(
    private readonly facts: readonly ReportRow[],
    private readonly now: number,
  ) {
    this.masks = new Uint32Array(facts.length);
    facts.forEach((f, i) => {
      let mask = 0;
      OUTCOMES.forEach((o, bit) => {
        if (outcomeHolds(f, o, now)) mask |= 1 << bit;
      });
      this.masks[i] = mask;
    });
  }

  private inRange(filter: RunFilter): number[] {
    const key = `${filter.basis}:${filter.from}:${filter.to}`;
    let rows = this.byRange.get(key);
    if (!rows) {
      rows = [];
      for (let i = 0; i < this.facts.length; i++) {
        const t = basisTime(this.facts[i]!, filter.basis);
        if (t !== undefined && t >= filter.from && t < filter.to) rows.push(i);
      }
      this.byRange.set(key, rows);
    }
    return rows;
  }

  private group(filter: RunFilter, dim: Dimension): number[] {
    const key = `${filter.basis}:${filter.from}:${filter.to}:${dim}`;
    let groups = this.byGroup.get(key);
    if (!groups) {
      groups = new Map();
      for (const i of this.inRange(filter)) {
        const value = this.facts[i]![dim] ?? NONE;
        const list = groups.get(value);
        if (list) list.push(i);
        else groups.set(value, [i]);
      }
      this.byGroup.set(key, groups);
    }
    return groups.get(filter[dim]!) ?? [];
  }

  private indexes(filter: RunFilter): number[] {
    const key = JSON.stringify(filter);
    const known = this.byFilter.get(key);
    if (known) return known;
    const dims = DIMENSIONS.filter((d) => filter[d] !== undefined);
    const start = dims.length ? this.group(filter, dims[0]!) : this.inRange(filter);
    const rest = dims.slice(1);
    const bit = filter.outcome === undefined ? 0 : 1 << OUTCOMES.indexOf(filter.outcome);
    const result =
      rest.length === 0 && bit === 0
        ? start
        : start.filter(
            (i) =>
              (bit === 0 || (this.masks[i]! & bit) !== 0) &&
              rest.every((d) => (this.facts[i]![d] ?? NONE) === filter[d]),
          );
    this.byFilter.set(key, result);
    return result;
  }

  select(filter: RunFilter): ReportRow[] {
    return this.indexes(filter).map((i) => this.facts[i]!);
  }

  count(filter: RunFilter): ChartCell {
    return { value: this.indexes(filter).length, filter };
  }

  stat(filter: RunFilter, measure: MeasureId, stat: StatKind): ChartCell {
    const key = `${measure}:${JSON.stringify(filter)}`;
    let values = this.byMeasure.get(key);
    if (!values) {
      const of = MEASURES[measure];
      const found: number[] = [];
      for (const i of this.indexes(filter)) {
        const v = of(this.facts[i]!, this.now);
        if (v !== undefined) found.push(v);
      }
      values = sorted(found);
      this.byMeasure.set(key, values);
    }
    return { value: statOfSorted(values, stat), filter };
  }
}
