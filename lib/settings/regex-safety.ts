/**
 * Team value patterns are refused at save time when they can backtrack
 * catastrophically (exponential or polynomial time on some input): the
 * sanitizer runs them on every value of a HAR, and one such pattern can hang
 * it on one crafted or unlucky value. The check is recheck's (automaton
 * analysis plus fuzzing), loaded only when a pattern changes. A pattern it
 * cannot decide in time is accepted: the sanitizer frame's per-job stall
 * deadline (entrypoints/har-sanitizer/main.ts) still stops it.
 */
import type { RedactionSettings } from './schema';

type Pattern = RedactionSettings['patterns'][number];

export interface UnsafePattern extends Pattern {
  complexity: 'exponential' | 'polynomial';
  /** A short input that shows the blow-up. */
  attack: string;
}

/** How long one pattern may be analysed. */
const CHECK_TIMEOUT_MS = 3_000;

/** The patterns of `next` not in `previous` that can backtrack catastrophically. */
export async function unsafePatterns(
  next: readonly Pattern[],
  previous: readonly Pattern[] = [],
): Promise<UnsafePattern[]> {
  const known = new Set(previous.map((p) => p.pattern));
  const changed = next.filter((p) => !known.has(p.pattern));
  if (changed.length === 0) return [];
  // The synchronous checker: the asynchronous one starts a worker from a blob
  // URL, which a service worker cannot make. Bounded by CHECK_TIMEOUT_MS each.
  const { checkSync } = await import('recheck');
  const unsafe: UnsafePattern[] = [];
  for (const p of changed) {
    const result = checkSync(p.pattern, 'u', { timeout: CHECK_TIMEOUT_MS });
    if (result.status !== 'vulnerable') continue;
    unsafe.push({
      ...p,
      complexity: result.complexity.type,
      attack: result.attack.string.slice(0, 40),
    });
  }
  return unsafe;
}

export function describeUnsafe(p: UnsafePattern): string {
  return `The value pattern "${p.name}" (${p.pattern}) can backtrack catastrophically (${p.complexity} time on input like "${p.attack}…"): the sanitizer would hang on such a value. Rewrite it without nested or overlapping repetition, e.g. (a|aa)+ → a+.`;
}
