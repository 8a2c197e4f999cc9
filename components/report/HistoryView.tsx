/** Run history: every run, open and closed, searchable and filtered, most recently changed first. */
import type { HistoryQuery } from '../../lib/report/history';
import type { RunFacts } from '../../lib/report/facts';
import { RunList } from './RunList';

export interface HistoryViewProps {
  query: HistoryQuery;
  onQuery: (query: HistoryQuery) => void;
  rows: readonly RunFacts[] | undefined;
  more: boolean;
  now: number;
  rootCauses: ReadonlyArray<{ value: string; label: string }>;
  onMore: () => void;
  onCsv: () => void;
  onOpenRun: (runId: string) => void;
}

function Select(props: {
  label: string;
  value: string | undefined;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label className="cb-field">
      <span>{props.label}</span>
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">Any</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function HistoryView(props: HistoryViewProps) {
  const { query, onQuery } = props;
  const set = (patch: Partial<HistoryQuery>) => onQuery({ ...query, ...patch });
  return (
    <section className="cb-history" aria-labelledby="history-heading">
      <h2 id="history-heading">Run history</h2>
      <form className="cb-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="cb-field cb-field--grow">
          <span>Search</span>
          <input
            type="search"
            value={query.text ?? ''}
            placeholder="Ticket, subject, requester, organization, agent, bug"
            onChange={(e) => set({ text: e.target.value || undefined })}
          />
        </label>
        <Select
          label="Status"
          value={query.status}
          options={[
            ['open', 'Open'],
            ['closed', 'Closed'],
          ]}
          onChange={(v) => set({ status: v as HistoryQuery['status'] })}
        />
        <Select
          label="Severity"
          value={query.severity}
          options={['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((s) => [s, s] as const)}
          onChange={(v) => set({ severity: v })}
        />
        <Select
          label="Plan"
          value={query.plan}
          options={[
            ['enterprise', 'Enterprise'],
            ['paid', 'Paid'],
            ['trial', 'Trial'],
            ['free', 'Free'],
          ]}
          onChange={(v) => set({ plan: v })}
        />
        <Select
          label="Root cause"
          value={query.rootCause}
          options={props.rootCauses.map((c) => [c.value, c.label] as const)}
          onChange={(v) => set({ rootCause: v })}
        />
        <Select
          label="Helpdesk"
          value={query.helpdesk}
          options={[
            ['zendesk', 'Zendesk'],
            ['intercom', 'Intercom'],
            ['helpscout', 'Help Scout'],
          ]}
          onChange={(v) => set({ helpdesk: v })}
        />
        <button type="button" onClick={props.onCsv}>
          Download CSV
        </button>
      </form>
      {props.rows === undefined ? (
        <p className="cb-loading">Loading runs…</p>
      ) : props.rows.length === 0 ? (
        <p className="cb-empty">No run matches.</p>
      ) : (
        <>
          <RunList
            rows={props.rows}
            now={props.now}
            caption="Runs, most recently changed first"
            onOpenRun={props.onOpenRun}
          />
          {props.more && (
            <button type="button" className="cb-more" onClick={props.onMore}>
              Show more runs
            </button>
          )}
        </>
      )}
    </section>
  );
}
