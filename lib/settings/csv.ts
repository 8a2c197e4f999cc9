/**
 * Every run as CSV for spreadsheets (the options page's export), written by
 * the shared RFC 4180 writer in lib/csv.ts (formula-injection safe).
 */
import { toCsv, type CsvCell } from '../csv';
import type { Run } from '../workflow/schema';
import type { RunView } from '../workflow/view';

export const RUN_CSV_COLUMNS = [
  'run id',
  'helpdesk',
  'ticket id',
  'subject',
  'requester',
  'plan',
  'severity',
  'status',
  'created',
  'closed',
  'first response due',
  'first response met',
  'root cause',
  'bug URL',
  'progress',
] as const;

export { csvField, neutraliseFormula, toCsv, type CsvCell } from '../csv';

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

function stringValue(run: Run, stepId: string, fieldId: string): string {
  const value = run.values[stepId]?.[fieldId]?.value;
  return typeof value === 'string' ? value : '';
}

/** The first-response clock: by id in the default template, else by label. */
function firstResponseClock(view: RunView) {
  return (
    view.clocks.find((c) => c.id === 'first-response') ??
    view.clocks.find((c) => /first[- ]response/i.test(c.label))
  );
}

export function runCsvRow(run: Run, view: RunView): CsvCell[] {
  const requester = [
    run.ticket.requesterName,
    run.ticket.requesterEmail && `<${run.ticket.requesterEmail}>`,
  ]
    .filter(Boolean)
    .join(' ');
  const clock = firstResponseClock(view);
  const met = clock
    ? clock.state === 'met' || clock.state === 'stopped'
      ? clock.stoppedAt !== undefined && clock.dueAt !== undefined
        ? clock.stoppedAt <= clock.dueAt
          ? 'yes'
          : 'late'
        : 'yes'
      : clock.state === 'breached'
        ? 'no (breached)'
        : 'not yet'
    : '';
  const status = view.closed ? 'closed' : view.breached ? 'open (breached)' : 'open';
  return [
    run.id,
    run.helpdesk,
    run.ticket.displayId ?? run.ticketId,
    run.ticket.subject ?? '',
    requester,
    view.plan ?? '',
    view.severity ?? '',
    status,
    iso(run.createdAt),
    iso(run.closedAt),
    iso(clock?.dueAt),
    met,
    stringValue(run, 'close', 'root-cause'),
    stringValue(run, 'file-bug', 'bug-url'),
    `${view.progress.done}/${view.progress.applicable} (${view.progress.percent}%)`,
  ];
}

export function runsToCsv(rows: readonly { run: Run; view: RunView }[]): string {
  return toCsv(
    RUN_CSV_COLUMNS,
    rows.map(({ run, view }) => runCsvRow(run, view)),
  );
}
