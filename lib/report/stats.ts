/**
 * The statistics the report shows, defined once so the page, the CSV and a
 * team server agree: the median of an even count is the mean of the middle
 * two; p90 is the nearest-rank percentile (the smallest value with at least
 * 90% of the values at or below it).
 */

/** The values in ascending order (a numeric sort without a comparator call per pair). */
export function sorted(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

export function medianOfSorted(s: ArrayLike<number>): number | undefined {
  if (s.length === 0) return undefined;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile of ascending values, `p` in (0, 100]. */
export function percentileOfSorted(s: ArrayLike<number>, p: number): number | undefined {
  if (s.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number | undefined {
  return medianOfSorted(sorted(values));
}

/** Nearest-rank percentile, `p` in (0, 100]. */
export function percentile(values: readonly number[], p: number): number | undefined {
  return percentileOfSorted(sorted(values), p);
}

/** met / (met + breached), or undefined when nothing was measured. */
export function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}
