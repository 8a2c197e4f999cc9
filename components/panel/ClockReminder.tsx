import type { ClockView } from '../../lib/workflow/view';
import { clockChipText, clockTitle } from './clock-format';
import { useNow } from './now';

/**
 * The escalation reminder in the panel: at 75 % of a target (or the lead
 * time) and at breach, one line per clock says so in words above the steps,
 * where the agent reads, not only as a chip colour in the header. A clock that
 * already stopped late is history, not a reminder.
 */
export function ClockReminder({
  clocks,
  leadMinutes,
}: {
  clocks: ClockView[];
  leadMinutes: number;
}) {
  const now = useNow();
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
            {text.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
