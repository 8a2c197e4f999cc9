/**
 * The report page's container: asks the background for the report of the
 * chosen period (computed there from the run-facts store), the runs behind
 * a figure, the run history and a run's record, and saves CSV files.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { HistoryView } from '../../components/report/HistoryView';
import { RunList } from '../../components/report/RunList';
import { RunRecord } from '../../components/report/RunRecord';
import {
  ReportView,
  type PeriodChoice,
  type ReportState,
} from '../../components/report/ReportView';
import { REPORT_PAINTED_MARK } from '../../components/report/format';
import { timelineLines, type TimelineLine } from '../../components/report/timeline';
import type { ChartModel } from '../../lib/report/compute';
import type { RunFacts } from '../../lib/report/facts';
import type { RunFilter } from '../../lib/report/filter';
import type { HistoryQuery } from '../../lib/report/history';
import { addDays, dayOf, thisMonth } from '../../lib/report/period';
import { send, settle } from '../../platform/messaging/report-client';
import { errorMessage } from '../../lib/errors';
import { computeRequest, takeFirstReport, timeZone } from './first-report';

function presets(now: number): Array<{ label: string; period: PeriodChoice }> {
  const month = thisMonth(now, timeZone);
  const last = thisMonth(Date.parse(`${addDays(month.from, -1)}T12:00:00Z`), timeZone);
  const today = dayOf(now, timeZone);
  return [
    { label: 'This month', period: { ...month, unit: 'week' } },
    { label: 'Last month', period: { ...last, unit: 'week' } },
    { label: 'Last 90 days', period: { from: addDays(today, -89), to: today, unit: 'month' } },
    {
      label: 'This year',
      period: {
        from: `${today.slice(0, 4)}-01-01`,
        to: `${today.slice(0, 4)}-12-31`,
        unit: 'month',
      },
    },
  ];
}

function save(text: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type PanelState =
  | {
      kind: 'runs';
      title: string;
      filter: RunFilter;
      team: boolean;
      rows?: RunFacts[];
      total?: number;
      now: number;
      error?: string;
    }
  | {
      kind: 'record';
      runId: string;
      title: string;
      from?: PanelState;
      markdown?: string;
      filename?: string;
      timeline?: TimelineLine[];
      error?: string;
    };

export function ReportApp({ now, initialPeriod }: { now: number; initialPeriod: PeriodChoice }) {
  const [period, setPeriod] = useState<PeriodChoice>(initialPeriod);
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  const [tab, setTab] = useState<'report' | 'history'>(
    new URLSearchParams(location.search).get('view') === 'history' ? 'history' : 'report',
  );
  const [panel, setPanel] = useState<PanelState | undefined>();
  const [query, setQuery] = useState<HistoryQuery>({});
  const [history, setHistory] = useState<{ rows?: RunFacts[]; more: boolean; now: number }>({
    more: false,
    now,
  });
  const [rootCauses, setRootCauses] = useState<Array<{ value: string; label: string }>>([]);

  useEffect(() => {
    let live = true;
    // Already 'loading' on the first screen: no second render for nothing.
    setState((s) => (s.status === 'loading' ? s : { status: 'loading' }));
    const params = new URLSearchParams({ from: period.from, to: period.to, unit: period.unit });
    // Rewriting the same address is a same-document navigation the first frame waits for.
    const search = `?${params.toString()}`;
    if (location.search !== search) window.history.replaceState(null, '', search);
    // The entry asked for the first screen's report before the app loaded.
    const early = takeFirstReport(period);
    (early ? settle('report.compute', early) : send(computeRequest(period)))
      .then(({ report, scope, notice }) => {
        if (!live) return;
        setState({ status: 'ready', report, scope, ...(notice ? { notice } : {}) });
        const causes = report.charts.find((c) => c.id === 'root-cause-compare');
        if (causes)
          setRootCauses(
            causes.rows
              .filter((r) => r.key !== 'none')
              .map((r) => ({ value: r.key, label: r.label })),
          );
      })
      .catch((e: unknown) => live && setState({ status: 'error', message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [period]);

  // The benchmark's mark: the first frame after the charts are in the DOM.
  useLayoutEffect(() => {
    if (state.status !== 'ready') return;
    requestAnimationFrame(() => performance.mark(REPORT_PAINTED_MARK));
  }, [state]);

  const loadHistory = useCallback((q: HistoryQuery, offset: number) => {
    send({ type: 'runs.history', query: q, offset, limit: 100 })
      .then((page) =>
        setHistory((prev) => ({
          rows: offset === 0 ? page.rows : [...(prev.rows ?? []), ...page.rows],
          more: page.more,
          now: page.now,
        })),
      )
      .catch((e: unknown) => setState({ status: 'error', message: errorMessage(e) }));
  }, []);

  useEffect(() => {
    if (tab === 'history') loadHistory(query, 0);
  }, [tab, query, loadHistory]);

  const openRun = (runId: string, from?: PanelState) => {
    const title = `Run ${runId}`;
    setPanel({ kind: 'record', runId, title, from });
    Promise.all([
      send({ type: 'run.export', runId, format: 'handoff-md' }),
      send({ type: 'run.events', runId }),
      send({ type: 'run.get', runId }).catch(() => undefined),
    ])
      .then(([md, { events }, got]) =>
        setPanel((p) =>
          p?.kind === 'record' && p.runId === runId
            ? {
                ...p,
                markdown: md.text,
                filename: md.filename,
                timeline: timelineLines(events, got?.template),
              }
            : p,
        ),
      )
      .catch((e: unknown) =>
        setPanel((p) =>
          p?.kind === 'record' && p.runId === runId ? { ...p, error: errorMessage(e) } : p,
        ),
      );
  };

  const onOpenCell = (chart: ChartModel, row: number, column: number) => {
    const cell = chart.rows[row]?.cells[column];
    if (!cell?.filter) return;
    const filter = cell.filter;
    const fromTeam = state.status === 'ready' && state.scope !== 'browser';
    const title = `${chart.title}: ${chart.rows[row]!.label} · ${chart.columns[column]!.label}`;
    setPanel({ kind: 'runs', title, filter, team: fromTeam, now });
    send({ type: 'report.runs', filter, team: fromTeam })
      .then((r) =>
        setPanel((p) =>
          p?.kind === 'runs' && p.filter === filter
            ? { ...p, rows: r.rows, total: r.total, now: r.now }
            : p,
        ),
      )
      .catch((e: unknown) =>
        setPanel((p) =>
          p?.kind === 'runs' && p.filter === filter ? { ...p, error: errorMessage(e) } : p,
        ),
      );
  };

  const csv = (request: { filter?: RunFilter; history?: HistoryQuery; team?: boolean }) =>
    send({ type: 'report.csv', ...request })
      .then((r) => save(r.text, r.filename, r.mimeType))
      .catch((e: unknown) => setState({ status: 'error', message: errorMessage(e) }));

  let panelProps: Parameters<typeof ReportView>[0]['panel'];
  if (panel?.kind === 'runs') {
    const p = panel;
    panelProps = {
      title: p.title,
      onClose: () => setPanel(undefined),
      body: p.error ? (
        <p className="cb-notice cb-notice--error" role="alert">
          {p.error}
        </p>
      ) : !p.rows ? (
        <p className="cb-loading">Loading the runs…</p>
      ) : (
        <>
          <div className="cb-panel__summary">
            <p>
              {p.total === 1 ? '1 run' : `${p.total} runs`}
              {p.total !== undefined && p.total > p.rows.length
                ? ` (showing ${p.rows.length})`
                : ''}
            </p>
            <button type="button" onClick={() => void csv({ filter: p.filter, team: p.team })}>
              Download CSV
            </button>
          </div>
          <RunList rows={p.rows} now={p.now} caption={p.title} onOpenRun={(id) => openRun(id, p)} />
        </>
      ),
    };
  } else if (panel?.kind === 'record') {
    const p = panel;
    panelProps = {
      title: p.title,
      onClose: () => setPanel(undefined),
      ...(p.from ? { onBack: () => setPanel(p.from) } : {}),
      body: p.error ? (
        <p className="cb-notice cb-notice--error" role="alert">
          {p.error}
        </p>
      ) : p.markdown === undefined || !p.timeline ? (
        <p className="cb-loading">Loading the record…</p>
      ) : (
        <RunRecord
          title={p.title}
          markdown={p.markdown}
          timeline={p.timeline}
          onDownload={() =>
            save(p.markdown ?? '', p.filename ?? 'handoff.md', 'text/markdown;charset=utf-8')
          }
        />
      ),
    };
  }

  return (
    <ReportView
      period={period}
      presets={presets(now)}
      onPeriod={setPeriod}
      tab={tab}
      onTab={setTab}
      state={state}
      onOpenCell={onOpenCell}
      onPrint={() => window.print()}
      panel={panelProps}
      history={
        <HistoryView
          query={query}
          onQuery={setQuery}
          rows={history.rows}
          more={history.more}
          now={history.now}
          rootCauses={rootCauses}
          onMore={() => loadHistory(query, history.rows?.length ?? 0)}
          onCsv={() => void csv({ history: query })}
          onOpenRun={(id) => openRun(id)}
        />
      }
    />
  );
}
