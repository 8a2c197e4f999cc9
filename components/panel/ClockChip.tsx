import type { ClockView } from '../../lib/workflow/view';
import { clockChipText, clockTitle } from './clock-format';
import { useNow } from './now';

/**
 * One SLA clock: label and time in words, tone by colour and by text (never
 * colour alone). It reads the ticking clock itself, so each second
 * re-renders the chips and nothing around them.
 */
export function ClockChip({ clock, leadMinutes }: { clock: ClockView; leadMinutes: number }) {
  const now = useNow();
  const text = clockChipText(clock, now, leadMinutes);
  return (
    <span
      className={`cb-chip cb-chip--${text.tone}`}
      data-clock-id={clock.id}
      data-state={text.state}
      title={clockTitle(clock, text, now)}
    >
      <span className="cb-chip-label">{clock.label}</span>{' '}
      <span className="cb-chip-detail">{text.detail}</span>
    </span>
  );
}
