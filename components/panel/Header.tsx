import type { PointerEventHandler, ReactNode, Ref } from 'react';
import type { Helpdesk, TicketInfo } from '../../lib/workflow/schema';
import type { ClockView } from '../../lib/workflow/view';
import { ClockChip } from './ClockChip';
import { HELPDESK_LABEL, ticketLabel } from './labels';

export interface HeaderProps {
  helpdesk: Helpdesk;
  ticket: TicketInfo;
  clocks: ClockView[];
  leadMinutes: number;
  bodyId: string;
  /** Dock/float and side buttons, before the collapse button. */
  layoutControls?: ReactNode;
  /** What collapsing does, for its label: to the rail (docked) or to the pill. */
  collapseHint?: string;
  onCollapse(): void;
  collapseButtonRef?: Ref<HTMLButtonElement>;
  onClickCapture(e: { preventDefault(): void; stopPropagation(): void }): void;
  /** The header is the drag handle. */
  dragHandlers: {
    onPointerDown: PointerEventHandler;
    onPointerMove: PointerEventHandler;
    onPointerUp: PointerEventHandler;
    onPointerCancel: PointerEventHandler;
  };
}

export function Header(props: HeaderProps) {
  const { helpdesk, ticket, clocks, leadMinutes } = props;
  return (
    <div className="cb-header" {...props.dragHandlers} onClickCapture={props.onClickCapture}>
      <div className="cb-header-top">
        <h2 className="cb-title">
          <span className="cb-helpdesk">{HELPDESK_LABEL[helpdesk]}</span>{' '}
          <span className="cb-ticket-id">{ticketLabel(ticket)}</span>
        </h2>
        {props.layoutControls}
        <button
          ref={props.collapseButtonRef}
          type="button"
          className="cb-icon-button"
          aria-expanded={true}
          aria-controls={props.bodyId}
          aria-label="Collapse Casebook panel"
          title={props.collapseHint ?? 'Collapse (Esc). Alt+arrow keys move the panel.'}
          onClick={props.onCollapse}
        >
          <span aria-hidden="true">–</span>
        </button>
      </div>
      <p className="cb-subject">{ticket.subject || <span className="cb-muted">No subject</span>}</p>
      {clocks.length > 0 ? (
        <div className="cb-chips" aria-label="SLA clocks" role="group">
          {clocks.map((clock) => (
            <ClockChip key={clock.id} clock={clock} leadMinutes={leadMinutes} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
