/**
 * Runs as CSV for spreadsheets: RFC 4180 (CRLF rows, fields quoted when they
 * hold a comma, quote, CR or LF; quotes doubled) and neutralised formula
 * injection, since ticket subjects and requester names are customer-written.
 */
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

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Spreadsheet apps run a cell that starts with = + - @ (or a tab/CR that
 * hides one) as a formula. A leading apostrophe makes it text (OWASP).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? neutraliseFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

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
