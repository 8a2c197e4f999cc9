/**
 * Sentry and Datadog search links from the team's URL templates (settings),
 * e.g. `https://sentry.io/organizations/acme/issues/?query=workspace_id:{workspaceId}&start={start}&end={end}`.
 *
 * The window is ±15 minutes around the instant the customer reported (their
 * local time and zone converted to UTC, DST-correct). Placeholders:
 * `{workspaceId}`, `{requestId}`, `{start}` / `{end}` (UTC ISO,
 * `2026-03-08T07:15:00Z`), `{startMs}` / `{endMs}` (epoch milliseconds, as
 * Datadog's `from_ts` / `to_ts` take). Every value is percent-encoded.
 */
import { toUtcIso } from '../time/zoned';
import type { Refusal } from './bug-report';
import type { RunFacts } from './facts';

export const LOG_SEARCH_PLACEHOLDERS = [
  'workspaceId',
  'requestId',
  'start',
  'end',
  'startMs',
  'endMs',
] as const;
export type LogSearchPlaceholder = (typeof LOG_SEARCH_PLACEHOLDERS)[number];

export const DEFAULT_WINDOW_MINUTES = 15;

export interface LogSearchInput {
  workspaceId?: string;
  requestId?: string;
  /** The instant the customer saw the problem (UTC ms). */
  occurredAtMs?: number;
  windowMinutes?: number;
}

export function logSearchWindow(
  occurredAtMs: number,
  windowMinutes: number = DEFAULT_WINDOW_MINUTES,
): { start: number; end: number } {
  return {
    start: occurredAtMs - windowMinutes * 60_000,
    end: occurredAtMs + windowMinutes * 60_000,
  };
}

export function logSearchInputFromFacts(facts: RunFacts, windowMinutes?: number): LogSearchInput {
  return {
    workspaceId: facts.workspaceId,
    requestId: facts.requestId,
    occurredAtMs: facts.occurredAt?.epochMs,
    windowMinutes,
  };
}

const MISSING_REASON: Record<LogSearchPlaceholder, string> = {
  workspaceId: 'Add the workspace ID in the reproduction step first.',
  requestId: 'Add the request ID in the reproduction step first.',
  start:
    'Add when the customer saw the problem (with their time zone) in the reproduction step first.',
  end: 'Add when the customer saw the problem (with their time zone) in the reproduction step first.',
  startMs:
    'Add when the customer saw the problem (with their time zone) in the reproduction step first.',
  endMs:
    'Add when the customer saw the problem (with their time zone) in the reproduction step first.',
};

export type LogSearchResult = { ok: true; url: string } | Refusal;

export function buildLogSearchUrl(urlTemplate: string, input: LogSearchInput): LogSearchResult {
  const tpl = urlTemplate.trim();
  if (tpl === '') return { ok: false, reason: 'No search URL is configured in Casebook options.' };
  const window =
    input.occurredAtMs !== undefined && Number.isFinite(input.occurredAtMs)
      ? logSearchWindow(input.occurredAtMs, input.windowMinutes)
      : undefined;
  const values: Record<LogSearchPlaceholder, string | undefined> = {
    workspaceId: input.workspaceId?.trim() || undefined,
    requestId: input.requestId?.trim() || undefined,
    start: window && toUtcIso(window.start),
    end: window && toUtcIso(window.end),
    startMs: window && String(window.start),
    endMs: window && String(window.end),
  };
  let refusal: string | undefined;
  const url = tpl.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (!(LOG_SEARCH_PLACEHOLDERS as readonly string[]).includes(name)) {
      refusal ??= `The search URL template has an unknown placeholder ${whole}.`;
      return whole;
    }
    const v = values[name as LogSearchPlaceholder];
    if (v === undefined) {
      refusal ??= MISSING_REASON[name as LogSearchPlaceholder];
      return whole;
    }
    return encodeURIComponent(v);
  });
  if (refusal) return { ok: false, reason: refusal };
  try {
    if (new URL(url).protocol !== 'https:') throw new Error('not https');
  } catch {
    return { ok: false, reason: 'The search URL template is not an https:// URL.' };
  }
  return { ok: true, url };
}
