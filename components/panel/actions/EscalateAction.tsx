/** Copy an escalation for the engineering manager when engineering has not acknowledged. */
import { clockByTarget, fieldRefByRole } from '../../../lib/workflow/roles';
import { Outcome, useRunner } from './common';
import type { StepActionsProps } from './props';

export function EscalateAction(props: StepActionsProps) {
  const { facts } = props.drafts;
  const ackClock = clockByTarget(props.template, 'engineering-ack-by-severity');
  const ack = props.view.clocks.find((c) => c.id === ackClock?.id);
  const who = props.settings.escalationManager || 'the engineering manager';
  const text = [
    `${who}: ${facts.severity ?? 'Escalated'} ticket ${facts.displayId} has no engineering acknowledgement${ack ? ` after ${ack.targetMinutes} min` : ''}.`,
    facts.impact ? `Impact: ${facts.impact}` : undefined,
    facts.bugUrl ? `Bug: ${facts.bugUrl}` : undefined,
    `Ticket: ${facts.ticketUrl}`,
  ]
    .filter(Boolean)
    .join('\n');
  const { busy, error, done, run } = useRunner();
  const click = () =>
    run(async () => {
      await props.onCopy(text);
      await props.onRecordAction('escalate-to-manager', `Escalated to ${who}`);
      const escalated = fieldRefByRole(props.template, 'escalated');
      if (escalated)
        await props.onSetField?.(escalated.stepId, escalated.fieldId, 'escalated-to-manager');
      return `Escalation message copied: send it to ${who}.`;
    });
  return (
    <div className="cb-action" data-action="escalate-to-manager">
      <button type="button" className="cb-button" disabled={busy} onClick={click}>
        Escalate to {props.settings.escalationManager || 'engineering manager'}
      </button>
      <Outcome error={error} done={done} />
    </div>
  );
}
