/** Says when engineering has not acknowledged within its clock, next to re-page and escalate. */
import { clockByTarget } from '../../../lib/workflow/roles';
import type { WorkflowTemplate } from '../../../lib/workflow/schema';
import type { RunView } from '../../../lib/workflow/view';
import { useNow } from '../now';

export function AckNotice({ view, template }: { view: RunView; template: WorkflowTemplate }) {
  const now = useNow();
  const ackClock = clockByTarget(template, 'engineering-ack-by-severity');
  const ack = view.clocks.find((c) => c.id === ackClock?.id);
  if (!ack || ack.dueAt === undefined) return null;
  if (ack.state === 'breached' || (ack.state === 'running' && ack.dueAt <= now)) {
    return (
      <p className="cb-action-error" role="alert">
        No engineering acknowledgement within {ack.targetMinutes} min: re-page or escalate to the
        engineering manager.
      </p>
    );
  }
  return null;
}
