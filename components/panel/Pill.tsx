import type { MouseEventHandler, PointerEventHandler, Ref } from 'react';
import type { Helpdesk, TicketInfo } from '../../lib/workflow/schema';
import type { ClockView } from '../../lib/workflow/view';
import { ClockChip } from './ClockChip';
import { mostUrgentClock } from './clock-format';
import { HELPDESK_LABEL, ticketLabel } from './labels';
import { useNow } from './now';

/** The collapsed panel: still says which ticket and how urgent, and is itself the expand button. */
export function Pill(props: {
  helpdesk: Helpdesk;
  ticket: TicketInfo;
  clocks: ClockView[];
  leadMinutes: number;
  onExpand(): void;
  buttonRef?: Ref<HTMLButtonElement>;
  onClickCapture: MouseEventHandler;
  dragHandlers: {
    onPointerDown: PointerEventHandler;
    onPointerMove: PointerEventHandler;
    onPointerUp: PointerEventHandler;
    onPointerCancel: PointerEventHandler;
  };
}) {
  const { helpdesk, ticket, leadMinutes } = props;
  const clock = mostUrgentClock(props.clocks, useNow(), leadMinutes);
  return (
    <div className="cb-pill" {...props.dragHandlers} onClickCapture={props.onClickCapture}>
      <button
        ref={props.buttonRef}
        type="button"
        className="cb-pill-button"
        aria-expanded={false}
        title="Expand. Alt+arrow keys move the panel."
        onClick={props.onExpand}
      >
        <span className="cb-visually-hidden">Expand Casebook panel: </span>
        <span className="cb-pill-ticket">
          <span className="cb-helpdesk">{HELPDESK_LABEL[helpdesk]}</span>{' '}
          <span className="cb-ticket-id">{ticketLabel(ticket)}</span>
        </span>
        <span className="cb-pill-subject">{ticket.subject || 'No subject'}</span>
        {clock ? <ClockChip clock={clock} leadMinutes={leadMinutes} /> : null}
      </button>
    </div>
  );
}
