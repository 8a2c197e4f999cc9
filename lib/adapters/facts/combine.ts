/**
 * Several independent ways to each fact, tried in order of trust: the first
 * strategy that reads a value wins, the others cross-check it. A strategy
 * that found the element but no value ("unassigned") makes the fact known to
 * be empty; a fact no strategy found is missing (the panel says so).
 */
import type { FieldRead, ReadKey, TicketReads } from '../result';

export interface StrategyReads {
  /** Short and stable: recorded in the selector-health counters. */
  strategy: string;
  reads: TicketReads;
}

export interface CombinedReads {
  reads: TicketReads;
  /** Which strategy gave each value. */
  sources: Partial<Record<ReadKey, string>>;
  /** Facts where a less trusted strategy read another value than the one kept. */
  conflicts: ReadKey[];
}

/**
 * The form two readings are compared in: case, spacing and a "Group/" prefix
 * do not make a difference (categories and keys are compared as read).
 */
export function comparable(value: unknown): string {
  return String(value).replace(/^.*\//, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function combine(strategies: readonly StrategyReads[]): CombinedReads {
  const reads: TicketReads = {};
  const sources: CombinedReads['sources'] = {};
  const conflicts: ReadKey[] = [];
  const keys = new Set<ReadKey>();
  for (const { reads: r } of strategies) for (const k of Object.keys(r) as ReadKey[]) keys.add(k);
  for (const key of keys) {
    let chosen: { value: unknown; strategy: string } | undefined;
    let seen = false;
    for (const { strategy, reads: r } of strategies) {
      const read = r[key] as FieldRead<unknown> | undefined;
      if (!read?.found) continue;
      seen = true;
      if (read.value === undefined) continue;
      if (!chosen) chosen = { value: read.value, strategy };
      else if (comparable(read.value) !== comparable(chosen.value)) {
        if (!conflicts.includes(key)) conflicts.push(key);
      }
    }
    if (chosen) {
      (reads as Record<ReadKey, FieldRead<unknown>>)[key] = { found: true, value: chosen.value };
      sources[key] = chosen.strategy;
    } else {
      (reads as Record<ReadKey, FieldRead<unknown>>)[key] = seen
        ? { found: true }
        : { found: false };
    }
  }
  return { reads, sources, conflicts };
}
