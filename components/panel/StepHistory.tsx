import { useState } from 'react';
import type { RunEvent, Step } from '../../lib/workflow/schema';
import { errorMessage } from './fields/common';
import { formatUtc } from '../../lib/time/zoned';
import { formatWhen, historyLines } from './history-format';
import type { PanelCallbacks } from './types';

type Load =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'loaded'; events: RunEvent[] }
  | { kind: 'failed'; message: string };

/** Loaded on demand each time it is opened, so it is never stale. */
export function StepHistory({
  step,
  onLoadHistory,
}: {
  step: Step;
  onLoadHistory: PanelCallbacks['onLoadHistory'];
}) {
  const [load, setLoad] = useState<Load>({ kind: 'closed' });
  const regionId = `cb-${step.id}--history`;
  const open = load.kind !== 'closed';

  const toggle = async () => {
    if (open) {
      setLoad({ kind: 'closed' });
      return;
    }
    setLoad({ kind: 'loading' });
    try {
      const events = await onLoadHistory(step.id);
      setLoad((current) => (current.kind === 'closed' ? current : { kind: 'loaded', events }));
    } catch (e) {
      setLoad((current) =>
        current.kind === 'closed' ? current : { kind: 'failed', message: errorMessage(e) },
      );
    }
  };

  return (
    <div className="cb-history">
      <button
        type="button"
        className="cb-button cb-button-quiet"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => void toggle()}
      >
        {open ? 'Hide history' : 'History'}
      </button>
      {open ? (
        <div id={regionId} className="cb-history-body" aria-live="polite">
          {load.kind === 'loading' ? <p className="cb-muted">Loading history…</p> : null}
          {load.kind === 'failed' ? (
            <p className="cb-field-error" role="alert">
              Could not load the history: {load.message}
            </p>
          ) : null}
          {load.kind === 'loaded' ? <HistoryList events={load.events} step={step} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function HistoryList({ events, step }: { events: RunEvent[]; step: Step }) {
  const lines = historyLines(events, step);
  if (lines.length === 0) return <p className="cb-muted">No changes recorded yet.</p>;
  return (
    <ol className="cb-history-list" aria-label={`History of ${step.title}`}>
      {lines.map((line) => (
        <li key={line.key} className="cb-history-item">
          <div className="cb-history-meta">
            <time dateTime={new Date(line.at).toISOString()} title={formatUtc(line.at)}>
              {formatWhen(line.at)}
            </time>
            {' · '}
            <span className="cb-history-who">{line.who}</span>
          </div>
          <div>
            <span className="cb-history-what">{line.what}</span>
            {line.old !== undefined || line.new !== undefined ? (
              <>
                {': '}
                <span className="cb-history-old">{line.old}</span>
                <span aria-hidden="true"> → </span>
                <span className="cb-visually-hidden"> changed to </span>
                <span className="cb-history-new">{line.new}</span>
              </>
            ) : null}
          </div>
          {line.note ? <div className="cb-muted">{line.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
