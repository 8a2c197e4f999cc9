import { clockNextAction } from '../../lib/workflow/clock-next-action';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import type { ClockView } from '../../lib/workflow/view';
import { clockChipText, clockTitle } from './clock-format';
import { useNow } from './now';

/**
 * The escalation reminder in the panel: at 75 % of a target (or the lead
 * time) and at breach, one line per clock says so in words above the steps,
 * where the agent reads, not only as a chip colour in the header, and what to
 * do about it (the chip already says how long is left). A clock that already
 * stopped late is history, not a reminder.
 */
export function ClockReminder({
  clocks,
  leadMinutes,
  template,
}: {
  clocks: ClockView[];
  leadMinutes: number;
  /** Where the clock's stop condition says what meets it. */
  template?: WorkflowTemplate;
}) {
  const now = useNow();
  const next = (clockId: string, breached: boolean) => nextStep(template, clockId, breached);
  const lines = clocks
    .filter((clock) => clock.stoppedAt === undefined)
    .map((clock) => ({ clock, text: clockChipText(clock, now, leadMinutes) }))
    .filter(({ text }) => text.state === 'due-soon' || text.state === 'breached');
  if (lines.length === 0) return null;
  return (
    // The live region wraps the list: role="status" on the <ul> itself would take away its list role.
    <div role="status" aria-label="SLA reminders">
      <ul className="cb-reminders">
        {lines.map(({ clock, text }) => (
          <li
            key={clock.id}
            className={`cb-reminder cb-reminder--${text.tone}`}
            data-clock-id={clock.id}
            title={clockTitle(clock, text, now)}
          >
            <strong>{text.state === 'breached' ? 'Breached' : 'Reminder'}:</strong> {clock.label}{' '}
            {text.detail}.{next(clock.id, text.state === 'breached')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** " Reply to the customer to meet it." while there is time; " … now." once breached. */
function nextStep(
  template: WorkflowTemplate | undefined,
  clockId: string,
  breached: boolean,
): string | null {
  const action = template && clockNextAction(template, clockId);
  if (!action) return null;
  return breached ? ` ${action} now.` : ` ${action} to meet it.`;
}
