/**
 * The report page: a period, the charts (each with its table), the run
 * history, and a side panel listing the runs behind a figure and a run's
 * record. Props in, callbacks out.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { ChartModel, Report } from '../../lib/report/compute';
import type { BucketUnit } from '../../lib/report/period';
import { ChartCard } from './ChartCard';

export interface PeriodChoice {
  from: string;
  to: string;
  unit: BucketUnit;
}

export type ReportState =
  | { status: 'loading' }
  | { status: 'ready'; report: Report }
  | { status: 'error'; message: string };

export interface ReportViewProps {
  period: PeriodChoice;
  presets: ReadonlyArray<{ label: string; period: PeriodChoice }>;
  onPeriod: (period: PeriodChoice) => void;
  tab: 'report' | 'history';
  onTab: (tab: 'report' | 'history') => void;
  state: ReportState;
  onOpenCell: (chart: ChartModel, row: number, column: number) => void;
  onPrint: () => void;
  history: ReactNode;
  /** The side panel (runs behind a figure, or a run's record). */
  panel?: { title: string; body: ReactNode; onBack?: () => void; onClose: () => void };
}

function Panel({ panel }: { panel: NonNullable<ReportViewProps['panel']> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [panel.title]);
  return (
    <aside className="cb-panel" aria-labelledby="panel-heading">
      <div className="cb-panel__bar">
        {panel.onBack && (
          <button type="button" onClick={panel.onBack}>
            ← Back to the runs
          </button>
        )}
        <button type="button" className="cb-panel__close" onClick={panel.onClose}>
          Close the panel
        </button>
      </div>
      <h2 id="panel-heading" tabIndex={-1} ref={heading}>
        {panel.title}
      </h2>
      {panel.body}
    </aside>
  );
}

export function ReportView(props: ReportViewProps) {
  const { period, onPeriod, state } = props;
  const report = state.status === 'ready' ? state.report : undefined;
  return (
    <div className={props.panel ? 'cb-report cb-report--with-panel' : 'cb-report'}>
      <header className="cb-report__header">
        <div className="cb-report__title">
          <h1>Support trends</h1>
          {report && (
            <p className="cb-report__period">
              {report.period.fromDay} – {report.period.toDay} · compared with{' '}
              {report.period.previous.fromDay} – {report.period.previous.toDay} · this
              browser&apos;s runs
            </p>
          )}
        </div>
        <form className="cb-period" onSubmit={(e) => e.preventDefault()} aria-label="Period">
          <label className="cb-field">
            <span>From</span>
            <input
              type="date"
              value={period.from}
              max={period.to}
              onChange={(e) => e.target.value && onPeriod({ ...period, from: e.target.value })}
            />
          </label>
          <label className="cb-field">
            <span>To</span>
            <input
              type="date"
              value={period.to}
              min={period.from}
              onChange={(e) => e.target.value && onPeriod({ ...period, to: e.target.value })}
            />
          </label>
          <label className="cb-field">
            <span>Per</span>
            <select
              value={period.unit}
              onChange={(e) => onPeriod({ ...period, unit: e.target.value as BucketUnit })}
            >
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
          <div className="cb-presets" role="group" aria-label="Quick periods">
            {props.presets.map((p) => (
              <button
                key={p.label}
                type="button"
                aria-pressed={p.period.from === period.from && p.period.to === period.to}
                onClick={() => onPeriod(p.period)}
              >
                {p.label}
              </button>
            ))}
          </div>
          <button type="button" className="cb-print" onClick={props.onPrint}>
            Print / save as PDF
          </button>
        </form>
        <nav className="cb-tabs" aria-label="Views">
          <button
            type="button"
            aria-current={props.tab === 'report' ? 'page' : undefined}
            onClick={() => props.onTab('report')}
          >
            Report
          </button>
          <button
            type="button"
            aria-current={props.tab === 'history' ? 'page' : undefined}
            onClick={() => props.onTab('history')}
          >
            Run history
          </button>
        </nav>
      </header>
      <main className="cb-report__main">
        {props.tab === 'history' ? (
          props.history
        ) : state.status === 'loading' ? (
          <p className="cb-loading">Computing the report…</p>
        ) : state.status === 'error' ? (
          <p className="cb-notice cb-notice--error" role="alert">
            {state.message}
          </p>
        ) : (
          <>
            {report && report.runsRead === 0 && (
              <p className="cb-empty">No run was created or closed in this period.</p>
            )}
            <div className="cb-charts">
              {report?.charts.map((chart) => (
                <ChartCard key={chart.id} chart={chart} onOpen={props.onOpenCell} />
              ))}
            </div>
          </>
        )}
      </main>
      {props.panel && <Panel panel={props.panel} />}
    </div>
  );
}
