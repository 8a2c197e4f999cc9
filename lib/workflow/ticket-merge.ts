/**
 * The one rule for merging what a helpdesk page shows of a ticket into what
 * a run recorded: a field the page could not read (absent or empty) says
 * nothing about it, so the recorded value stays; anything else the page shows
 * wins. The panel's header, `run.open` and the `update-ticket` mutation all
 * merge with it. Zod-free: the content scripts use it.
 */
import type { TicketInfo } from './schema';

/** Deep equality of field values (objects by their defined keys, arrays in order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

export interface TicketMerge {
  merged: TicketInfo;
  /** Before and after of each field the page changed; empty when nothing changed. */
  old: Record<string, unknown>;
  new: Record<string, unknown>;
}

export function mergeTicketInfo(known: TicketInfo, seen: TicketInfo): TicketMerge {
  const merged: Record<string, unknown> = { ...known };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(seen)) {
    if (value === undefined || value === '') continue;
    const recorded = (known as Record<string, unknown>)[key];
    if (sameValue(recorded, value)) continue;
    before[key] = recorded ?? null;
    after[key] = value;
    merged[key] = value;
  }
  return { merged: merged as TicketInfo, old: before, new: after };
}
