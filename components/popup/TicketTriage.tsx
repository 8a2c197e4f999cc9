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
import { effectiveClockState, formatAgo, formatRemaining, timeTitle } from '../panel/clock-format';
import { HELPDESK_LABEL } from '../panel/labels';

export const ACKNOWLEDGE_STEP = 'acknowledge';

/** The value the agent set (not what the page suggested). */
function setValue(run: Run | undefined, ref: { stepId: string; fieldId: string } | undefined) {
  if (!run || !ref) return undefined;
  const value = run.values[ref.stepId]?.[ref.fieldId]?.value;
  return typeof value === 'string' ? value : undefined;
}

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
  const plan = setValue(run, template?.policy.planField);
  const severity = setValue(run, template?.policy.severityField);
  // The page may show a plan (an organization field): offered, not yet confirmed.
  const suggestedPlan = !plan && view?.plan ? view.plan : undefined;

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
            <dd>
              {plan ??
                (suggestedPlan ? `${suggestedPlan} (from the page, not confirmed)` : 'not set')}
            </dd>
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
            // One phrase per clock: the state word once ("breached 9d 2h ago"), never twice.
            const phrase =
              clock.dueAt === undefined
                ? CLOCK_STATE_WORD[state]
                : state === 'breached'
                  ? `breached ${formatAgo(now - clock.dueAt)}`
                  : state === 'running'
                    ? `${formatRemaining(clock.dueAt - now)} left`
                    : state === 'due-soon'
                      ? `due soon, ${formatRemaining(clock.dueAt - now)} left`
                      : CLOCK_STATE_WORD[state];
            return (
              <li
                key={clock.id}
                className={`cb-clock cb-clock--${state}`}
                data-clock-id={clock.id}
                title={clock.dueAt === undefined ? undefined : `Due ${timeTitle(clock.dueAt, now)}`}
              >
                <span className="cb-clock__label">{clock.label}</span>
                <span className="cb-clock__state">{phrase}</span>
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
          {PLAN_TIERS.map((tier) => (
            <label key={tier} className="cb-choice">
              <input
                type="radio"
                name="cb-plan"
                value={tier}
                checked={plan === tier}
                onChange={() => props.onPlan(tier)}
              />
              {template?.policy.plans.find((p) => p.id === tier)?.label ?? tier}
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
                checked={severity === sev}
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
