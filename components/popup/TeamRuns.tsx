/**
 * The team's open runs in the popup (team mode only): the agent's own runs,
 * or, for a lead, the whole team's. Props in, callbacks out.
 */
import type { TeamRunSummary } from '../../lib/team/protocol';

export type TeamRunsScope = 'mine' | 'team';

export interface TeamRunsProps {
  /** Leads may see every run of the team; agents only the runs they follow. */
  isLead: boolean;
  scope: TeamRunsScope;
  /** Undefined while loading. */
  runs: TeamRunSummary[] | undefined;
  error?: string;
  onScope: (scope: TeamRunsScope) => void;
}

export function TeamRuns({ isLead, scope, runs, error, onScope }: TeamRunsProps) {
  const shown = isLead ? scope : 'mine';
  return (
    <section className="team-runs" aria-labelledby="team-runs-title">
      <h2 id="team-runs-title">{shown === 'team' ? "Team's open runs" : 'My open team runs'}</h2>
      {isLead && (
        <div role="group" aria-label="Whose runs">
          <button type="button" aria-pressed={shown === 'mine'} onClick={() => onScope('mine')}>
            Mine
          </button>
          <button type="button" aria-pressed={shown === 'team'} onClick={() => onScope('team')}>
            Whole team
          </button>
        </div>
      )}
      {error ? (
        <p role="alert">{error}</p>
      ) : runs === undefined ? (
        <p>Loading…</p>
      ) : runs.length === 0 ? (
        <p>No open runs.</p>
      ) : (
        <ul>
          {runs.map((r) => (
            <li key={r.runId}>
              <strong>{r.subject ?? r.runId}</strong>
              <span>
                {' '}
                opened by {r.openedBy}
                {r.members.length > 1 ? ` · with ${r.members.join(', ')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
