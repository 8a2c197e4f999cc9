/**
 * The popup: quick triage for the ticket in the current tab (when it is
 * one), then every open run across tickets, most urgent first. Keyboard
 * first: the search box has focus on open, ↑/↓ move through the runs, Enter
 * opens one; outside text fields 1–4 set the severity, A acknowledges and
 * P opens the panel.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TicketRef } from '../../lib/adapters/types';
import type { OpenRunSummary } from '../../lib/messaging/runs';
import {
  SEVERITIES,
  type PlanTier,
  type Run,
  type Severity,
  type WorkflowTemplate,
} from '../../lib/workflow/schema';
import type { RunView } from '../../lib/workflow/view';
import { COUNTING, countsText } from './format';
import { OpenRunsList, optionId } from './OpenRunsList';
import { TicketTriage } from './TicketTriage';

export type TicketState =
  | { kind: 'none' }
  | { kind: 'loading'; ref: TicketRef }
  | {
      kind: 'ready';
      ref: TicketRef;
      run: Run;
      view: RunView;
      template: WorkflowTemplate;
    }
  | { kind: 'error'; ref: TicketRef; message: string };

export interface OpenRunsState {
  status: 'loading' | 'ready' | 'error';
  items: readonly OpenRunSummary[];
  /** Absent while they are still being counted (they follow the first rows). */
  counts?: { open: number; breached: number; dueSoon: number };
  error?: string;
}

export interface PopupViewProps {
  now: number;
  ticket: TicketState;
  busy: boolean;
  notice: { tone: 'info' | 'error'; text: string } | undefined;
  onAcknowledge(): void;
  onPlan(plan: PlanTier): void;
  onSeverity(severity: Severity): void;
  onOpenPanel(): void;
  query: string;
  onQuery(query: string): void;
  runs: OpenRunsState;
  onChooseRun(runId: string): void;
  onOpenOptions(): void;
  /** Open the support trends report and run history in a tab. */
  onOpenReport?(): void;
  /** Keep this popup open in its own window, bound to the ticket's tab. */
  onPopOut?: () => void;
  /** Shown when no agent name is configured yet. */
  agentHint?: string;
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === 'TEXTAREA' ||
      target.isContentEditable ||
      (target instanceof HTMLInputElement && ['text', 'search'].includes(target.type)))
  );
}

export function PopupView(props: PopupViewProps) {
  const { ticket, runs, now, query } = props;
  const listId = useId().replace(/:/g, '');
  const search = useRef<HTMLInputElement>(null);
  // The selection follows its run when live updates reorder the list; a new
  // search starts again at the most urgent run.
  const [activeId, setActiveId] = useState<string | undefined>();
  useEffect(() => setActiveId(undefined), [query]);
  const found = activeId === undefined ? -1 : runs.items.findIndex((r) => r.runId === activeId);
  const active = found < 0 ? 0 : found;
  const setActive = (next: number | ((current: number) => number)) => {
    const index = typeof next === 'function' ? next(active) : next;
    setActiveId(runs.items[index]?.runId);
  };

  const triageReady = ticket.kind === 'ready' && !props.busy;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target === search.current) {
      const last = runs.items.length - 1;
      if (e.key === 'ArrowDown') setActive((i) => Math.min(last, i + 1));
      else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
      else if (e.key === 'PageDown') setActive((i) => Math.min(last, i + 6));
      else if (e.key === 'PageUp') setActive((i) => Math.max(0, i - 6));
      else if (e.key === 'Enter') {
        const item = runs.items[active];
        if (item) props.onChooseRun(item.runId);
      } else return;
      e.preventDefault();
      return;
    }
    if (isTextField(e.target)) return;
    if (e.key === '/') {
      search.current?.focus();
    } else if (/^[1-4]$/.test(e.key) && triageReady) {
      props.onSeverity(SEVERITIES[Number(e.key) - 1] as Severity);
    } else if (e.key.toLowerCase() === 'a' && triageReady) {
      props.onAcknowledge();
    } else if (e.key.toLowerCase() === 'p' && ticket.kind !== 'none') {
      props.onOpenPanel();
    } else return;
    e.preventDefault();
  };

  const counts = runs.counts && countsText(runs.counts);
  const activeItem = runs.items[active];

  return (
    <div className="cb-popup" onKeyDown={onKeyDown}>
      {ticket.kind !== 'none' && (
        <>
          {ticket.kind === 'loading' && (
            <p className="cb-loading" role="status">
              Loading the ticket’s run…
            </p>
          )}
          {ticket.kind === 'error' && (
            <p className="cb-notice cb-notice--error" role="alert">
              {ticket.message}
            </p>
          )}
          {ticket.kind === 'ready' && (
            <TicketTriage
              ticketRef={ticket.ref}
              run={ticket.run}
              view={ticket.view}
              template={ticket.template}
              now={now}
              busy={props.busy}
              notice={props.notice}
              onAcknowledge={props.onAcknowledge}
              onPlan={props.onPlan}
              onSeverity={props.onSeverity}
              onOpenPanel={props.onOpenPanel}
            />
          )}
        </>
      )}

      <section className="cb-open" aria-labelledby="cb-open-title">
        <div className="cb-open__head">
          <h2 id="cb-open-title">Open runs</h2>
          <p className="cb-counts" data-testid="open-counts">
            {counts ? (
              <>
                <span className="cb-counts__urgent" title="The toolbar badge shows this number">
                  {counts.urgent}
                </span>
                {counts.rest}
              </>
            ) : (
              COUNTING
            )}
          </p>
        </div>
        <input
          ref={search}
          type="search"
          className="cb-search"
          placeholder="Search ticket id or subject"
          aria-label="Search open runs by ticket id or subject"
          role="combobox"
          aria-expanded={runs.items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeItem ? optionId(listId, active) : undefined}
          autoFocus
          value={query}
          onChange={(e) => props.onQuery(e.target.value)}
        />
        {runs.status === 'error' && (
          <p className="cb-notice cb-notice--error" role="alert">
            {runs.error}
          </p>
        )}
        {runs.status !== 'error' && runs.items.length > 0 && (
          <OpenRunsList
            id={listId}
            items={runs.items}
            now={now}
            activeIndex={active}
            onHover={setActive}
            onChoose={props.onChooseRun}
          />
        )}
        {runs.status === 'ready' && runs.items.length === 0 && (
          <p className="cb-empty">{query ? `No open run matches “${query}”.` : 'No open runs.'}</p>
        )}
        {runs.status === 'ready' &&
          !query &&
          runs.counts &&
          runs.items.length < runs.counts.open && (
            <p className="cb-hint">
              Showing the {runs.items.length} most urgent of {runs.counts.open}; search to find
              others.
            </p>
          )}
      </section>

      <footer className="cb-footer">
        {props.agentHint && <p className="cb-hint">{props.agentHint}</p>}
        <p className="cb-keys">
          <kbd>↑</kbd>
          <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search
          {ticket.kind === 'ready' && (
            <>
              {' '}
              · <kbd>1</kbd>–<kbd>4</kbd> severity · <kbd>A</kbd> acknowledge
            </>
          )}
        </p>
        <div className="cb-footer__actions">
          {props.onPopOut && (
            <button type="button" className="cb-link" onClick={props.onPopOut}>
              Pop out
            </button>
          )}
          {props.onOpenReport && (
            <button type="button" className="cb-link" onClick={props.onOpenReport}>
              Report
            </button>
          )}
          <button type="button" className="cb-link" onClick={props.onOpenOptions}>
            Options
          </button>
        </div>
      </footer>
    </div>
  );
}
