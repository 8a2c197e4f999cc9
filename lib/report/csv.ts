/**
 * The runs behind any report view (or the run history) as CSV: one row per
 * run, the columns documented in docs/report.md. Times are ISO 8601 UTC,
 * durations whole minutes, so a spreadsheet can sort and sum them.
 */
import { toCsv, type CsvCell } from '../csv';
import type { ClockFacts, RunFacts } from './facts';
import { breachMs, cadenceMissed, clockState, pageToAckMs } from './filter';

export const REPORT_CSV_COLUMNS = [
  'run id',
  'helpdesk',
  'ticket id',
  'subject',
  'requester',
  'organization',
  'agent',
  'status',
  'created',
  'closed',
  'severity',
  'plan',
  'root cause',
  'minutes to resolve',
  'first response',
  'first response minutes late',
  'engineering ack',
  'minutes to engineering ack',
  'minutes paging to ack',
  'status-page updates',
  'status-page intervals missed',
  'escalated',
  'bug URL',
  'satisfaction',
  'confirmation',
  'dissatisfied',
  'follow-up done',
  'incident summary',
  'ticket URL',
] as const;

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());
const minutes = (ms: number | undefined) => (ms === undefined ? '' : Math.round(ms / 60_000));
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function clockWord(clock: ClockFacts | undefined, now: number): string {
  return clockState(clock, now) ?? '';
}

export function reportCsvRow(f: RunFacts, now: number): CsvCell[] {
  const missed = f.statusPage
    ? f.statusPage.missed + (cadenceMissed(f, now) && f.statusPage.missed === 0 ? 1 : 0)
    : undefined;
  return [
    f.runId,
    f.helpdesk,
    f.displayId ?? f.ticketId,
    f.subject ?? '',
    f.requester ?? '',
    f.organization ?? '',
    f.agent ?? '',
    f.closedAt === undefined ? 'open' : 'closed',
    iso(f.createdAt),
    iso(f.closedAt),
    f.severity ?? '',
    f.plan ?? '',
    f.rootCause ?? '',
    minutes(f.resolveMs),
    clockWord(f.firstResponse, now),
    minutes(breachMs(f.firstResponse, now)),
    clockWord(f.engineeringAck, now),
    minutes(f.engineeringAck?.elapsedMs),
    minutes(pageToAckMs(f)),
    f.statusPage?.updates ?? '',
    missed ?? '',
    yesNo(f.escalated),
    f.bugUrl ?? '',
    f.satisfaction ?? '',
    f.confirmation ?? '',
    yesNo(f.dissatisfied),
    f.dissatisfied ? yesNo(f.followUpDone) : '',
    f.incidentSummaryRequired ? (f.incidentSummaryWritten ? 'written' : 'missing') : '',
    f.url,
  ];
}

export function factsToCsv(rows: readonly RunFacts[], now: number): string {
  return toCsv(
    REPORT_CSV_COLUMNS,
    rows.map((f) => reportCsvRow(f, now)),
  );
}
