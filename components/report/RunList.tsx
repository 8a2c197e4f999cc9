/** Runs as rows with their key facts; the ticket opens the run's record. */
import type { RunFacts } from '../../lib/report/facts';
import { clockState } from '../../lib/report/filter';
import { formatDateTime, formatDuration } from './format';

const HELPDESK: Record<string, string> = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  helpscout: 'Help Scout',
};

export interface RunListProps {
  rows: readonly RunFacts[];
  now: number;
  caption: string;
  onOpenRun: (runId: string) => void;
}

function firstResponse(f: RunFacts, now: number): string {
  const state = clockState(f.firstResponse, now);
  if (!state || !f.firstResponse) return '—';
  if (state === 'breached') {
    const late = (f.firstResponse.stoppedAt ?? now) - f.firstResponse.dueAt;
    return `breached by ${formatDuration(late)}`;
  }
  return state;
}

export function RunList({ rows, now, caption, onOpenRun }: RunListProps) {
  return (
    <div className="cb-runs-wrap">
      <table className="cb-runs">
        <caption className="cb-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Subject</th>
            <th scope="col">Severity</th>
            <th scope="col">Plan</th>
            <th scope="col">Created</th>
            <th scope="col">Closed</th>
            <th scope="col">Root cause</th>
            <th scope="col">First response</th>
            <th scope="col">Bug</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.runId} data-run-id={f.runId}>
              <th scope="row">
                <button type="button" className="cb-cell-link" onClick={() => onOpenRun(f.runId)}>
                  {HELPDESK[f.helpdesk] ?? f.helpdesk} #{f.displayId ?? f.ticketId}
                </button>
              </th>
              <td className="cb-runs__subject">{f.subject ?? '—'}</td>
              <td>{f.severity ?? '—'}</td>
              <td>{f.plan ?? '—'}</td>
              <td>{formatDateTime(f.createdAt)}</td>
              <td>{f.closedAt === undefined ? 'open' : formatDateTime(f.closedAt)}</td>
              <td>{f.rootCause ?? '—'}</td>
              <td>{firstResponse(f, now)}</td>
              <td>
                {f.bugUrl ? (
                  <a href={f.bugUrl} target="_blank" rel="noreferrer noopener">
                    {f.bugUrl.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, '')}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
