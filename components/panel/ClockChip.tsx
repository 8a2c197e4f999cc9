import type { ClockView } from '../../lib/workflow/view';
import { clockChipText } from './clock-format';

/** One SLA clock: label and time in words, tone by colour and by text (never colour alone). */
export function ClockChip({
  clock,
  now,
  leadMinutes,
}: {
  clock: ClockView;
  now: number;
  leadMinutes: number;
}) {
  const text = clockChipText(clock, now, leadMinutes);
  return (
    <span
      className={`cb-chip cb-chip--${text.tone}`}
      data-clock-id={clock.id}
      data-state={text.state}
      title={`${clock.label}: ${text.stateLabel}`}
    >
      <span className="cb-chip-label">{clock.label}</span>{' '}
      <span className="cb-chip-detail">{text.detail}</span>
    </span>
  );
}
