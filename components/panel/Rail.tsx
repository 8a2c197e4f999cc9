import type { Ref } from 'react';
import type { Helpdesk, TicketInfo } from '../../lib/workflow/schema';
import type { ClockView, RunView } from '../../lib/workflow/view';
import { clockChipText, clockTitle, mostUrgentClock, railClockDetail } from './clock-format';
import { HELPDESK_LABEL, ticketLabel } from './labels';
import { useNow } from './now';

/**
 * The collapsed docked panel: a slim rail beside the page that still shows
 * how far the workflow is and the next clock due. The whole rail expands it.
 */
export function Rail(props: {
  helpdesk: Helpdesk;
  ticket: TicketInfo;
  clocks: ClockView[];
  leadMinutes: number;
  progress: RunView['progress'] | undefined;
  onExpand(): void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { helpdesk, ticket, leadMinutes, progress } = props;
  const now = useNow();
  const clock = mostUrgentClock(props.clocks, now, leadMinutes);
  const text = clock ? clockChipText(clock, now, leadMinutes) : undefined;
  const label = `${HELPDESK_LABEL[helpdesk]} ${ticketLabel(ticket)}`;
  return (
    <button
      ref={props.buttonRef}
      type="button"
      className="cb-rail"
      aria-expanded={false}
      title={clock && text ? `${clockTitle(clock, text, now)} (${text.detail})` : label}
      onClick={props.onExpand}
    >
      <span className="cb-visually-hidden">Expand Casebook panel: {label}</span>
      {progress ? (
        <span className="cb-rail-progress" data-testid="rail-progress">
          <span className="cb-rail-count">
            {progress.done}/{progress.applicable}
          </span>
        </span>
      ) : null}
      {clock && text ? (
        <span className={`cb-rail-clock cb-chip--${text.tone}`}>
          {/* Two short lines fit the 72 px rail without breaking words: the state, then the time. */}
          <span className="cb-rail-clock-label">{text.stateLabel}</span>
          <span className="cb-rail-clock-detail">{railClockDetail(text.detail)}</span>
        </span>
      ) : null}
    </button>
  );
}
