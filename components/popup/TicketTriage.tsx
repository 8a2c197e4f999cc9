/**
 * Quick triage of the ticket in the current tab: who and what, the clocks,
 * and the three decisions that start a run well (acknowledge, plan tier,
 * severity), plus a way into the full panel.
 */
import type { TicketRef } from '../../lib/adapters/types';
import {
  PLAN_TIERS,
  SEVERITIES,
  type PlanTier,
  type Run,
  type Severity,
  type WorkflowTemplate,
} from '../../lib/workflow/schema';
import type { RunView } from '../../lib/workflow/view';
import { effectiveClockState, formatAgo, formatRemaining } from '../panel/clock-format';
import { HELPDESK_LABEL } from '../panel/labels';

export const ACKNOWLEDGE_STEP = 'acknowledge';

export interface TicketTriageProps {
  ticketRef: TicketRef;
  run: Run | undefined;
  view: RunView | undefined;
  template: WorkflowTemplate | undefined;
  now: number;
  busy: boolean;
  /** Result of the last triage action (e.g. what SEV1 added), or an error. */
  notice: { tone: 'info' | 'error'; text: string } | undefined;
  onAcknowledge(): void;
  onPlan(plan: PlanTier): void;
  onSeverity(severity: Severity): void;
  onOpenPanel(): void;
}

const CLOCK_STATE_WORD = {
  running: 'running',
  'due-soon': 'due soon',
  breached: 'breached',
  paused: 'paused',
  stopped: 'stopped',
  met: 'met',
} as const;

export function TicketTriage(props: TicketTriageProps) {
  const { ticketRef, run, view, template, now, busy, notice } = props;
  const ticket = run?.ticket;
  const ackStep = view?.sections
    .flatMap((s) => s.steps)
    .find((s) => s.step.id === ACKNOWLEDGE_STEP);
  const acknowledged = ackStep?.status === 'done';
  const lead = template?.policy.reminderLeadMinutes ?? 15;
  const requester = [ticket?.requesterName, ticket?.requesterEmail].filter(Boolean).join(' · ');

  return (
    <section className="cb-ticket" aria-labelledby="cb-ticket-title">
      <header className="cb-ticket__head">
        <span className="cb-ticket__desk">{HELPDESK_LABEL[ticketRef.helpdesk]}</span>
        <h1 id="cb-ticket-title" className="cb-ticket__title">
          {ticket?.displayId ?? ticketRef.displayId ?? `#${ticketRef.ticketId}`}{' '}
          <span className="cb-ticket__subject">{ticket?.subject || 'Subject not read yet'}</span>
        </h1>
        <dl className="cb-ticket__meta">
          <div>
            <dt>Requester</dt>
            <dd>{requester || 'not read yet'}</dd>
          </div>
          <div>
            <dt>Plan</dt>
            <dd>{view?.plan ?? ticket?.plan ?? 'not set'}</dd>
          </div>
          {view && (
            <div>
              <dt>Progress</dt>
              <dd>
                {view.progress.done}/{view.progress.applicable} steps
              </dd>
            </div>
          )}
        </dl>
      </header>

      {view && view.clocks.length > 0 && (
        <ul className="cb-clocks" aria-label="Clocks">
          {view.clocks.map((clock) => {
            const state = effectiveClockState(clock, now, lead);
            const detail =
              clock.dueAt === undefined
                ? ''
                : state === 'breached'
                  ? `breached ${formatAgo(now - clock.dueAt)}`
                  : state === 'running' || state === 'due-soon'
                    ? `${formatRemaining(clock.dueAt - now)} left`
                    : '';
            return (
              <li key={clock.id} className={`cb-clock cb-clock--${state}`} data-clock-id={clock.id}>
                <span className="cb-clock__label">{clock.label}</span>
                <span className="cb-clock__state">{CLOCK_STATE_WORD[state]}</span>
                {detail && <span className="cb-clock__left">{detail}</span>}
              </li>
            );
          })}
        </ul>
      )}

      <div className="cb-triage">
        <button
          type="button"
          className="cb-button cb-button--primary"
          onClick={props.onAcknowledge}
          disabled={!view || busy || acknowledged || ackStep?.canComplete === false}
          aria-keyshortcuts="a"
          title={
            ackStep?.blockedBy.join(' ') ||
            'Mark the first-touch reply sent (stops the first-response clock)'
          }
        >
          {acknowledged ? 'Acknowledged ✓' : 'Acknowledge (first touch sent)'}
          {!acknowledged && <kbd>A</kbd>}
        </button>
        {ackStep && !acknowledged && ackStep.blockedBy.length > 0 && (
          <p className="cb-hint">{ackStep.blockedBy.join(' ')}</p>
        )}

        <fieldset className="cb-choices" disabled={!view || busy}>
          <legend>Plan tier</legend>
          {PLAN_TIERS.map((plan) => (
            <label key={plan} className="cb-choice">
              <input
                type="radio"
                name="cb-plan"
                value={plan}
                checked={view?.plan === plan}
                onChange={() => props.onPlan(plan)}
              />
              {template?.policy.plans.find((p) => p.id === plan)?.label ?? plan}
            </label>
          ))}
        </fieldset>

        <fieldset className="cb-choices" disabled={!view || busy}>
          <legend>
            Severity <span className="cb-legend-hint">keys 1–4</span>
          </legend>
          {SEVERITIES.map((sev, i) => (
            <label
              key={sev}
              className={`cb-choice cb-choice--${sev}`}
              title={template?.policy.severities.find((s) => s.id === sev)?.definition}
            >
              <input
                type="radio"
                name="cb-severity"
                value={sev}
                checked={view?.severity === sev}
                onChange={() => props.onSeverity(sev)}
                aria-keyshortcuts={String(i + 1)}
              />
              {sev}
            </label>
          ))}
        </fieldset>

        <p
          className={`cb-notice cb-notice--${notice?.tone ?? 'info'}`}
          role="status"
          aria-live="polite"
        >
          {notice?.text ?? ''}
        </p>

        <button
          type="button"
          className="cb-button"
          onClick={props.onOpenPanel}
          aria-keyshortcuts="p"
        >
          Open the panel <kbd>P</kbd>
        </button>
      </div>
    </section>
  );
}
