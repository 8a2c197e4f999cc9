/**
 * The ticket as the panel shows it: what the page shows over what the run
 * recorded, and recorded in the run when the page shows something new.
 */
import { useCallback, useEffect, useMemo, type RefObject } from 'react';
import { errorMessage } from '../../lib/errors';
import type { Actor, Run, TicketInfo } from '../../lib/workflow/schema';
import { mergeTicketInfo } from '../../lib/workflow/ticket-merge';
import { send } from '../messaging/content-client';
import { sameTicketInfo } from './ticket-watcher';

/** The ticket to show, and how to record ticket facts the agent enters. */
export function usePanelTicket(
  runId: string | undefined,
  run: Run | undefined,
  ticket: TicketInfo | undefined,
  found: boolean,
  actorRef: RefObject<Actor>,
  onError: (message: string) => void,
) {
  const shown = useMemo(
    () => (ticket ? mergeTicket(run?.ticket, ticket) : undefined),
    [run?.ticket, ticket],
  );
  // The page's metadata came in or changed after the run was opened: record
  // what the page shows now. Fields the page stopped showing keep their value.
  useEffect(() => {
    if (!run || !shown || !runId || !found) return;
    if (sameTicketInfo(run.ticket, shown)) return;
    void send({
      type: 'run.mutate',
      runId,
      mutation: { type: 'update-ticket', ticket: shown },
      actor: actorRef.current,
    }).catch((e: unknown) => onError(errorMessage(e)));
  }, [run, shown, runId, found, actorRef, onError]);

  const recordTicket = useCallback(
    async (next: TicketInfo) => {
      if (runId)
        await send({
          type: 'run.mutate',
          runId,
          mutation: { type: 'update-ticket', ticket: next },
          actor: actorRef.current,
        });
    },
    [runId, actorRef],
  );
  return { shown, recordTicket };
}

/** What the page shows, over what the run recorded before (a revisit shows the subject at once). */
function mergeTicket(recorded: TicketInfo | undefined, page: TicketInfo): TicketInfo {
  if (recorded?.ticketId === page.ticketId) return mergeTicketInfo(recorded, page).merged;
  return mergeTicketInfo({ helpdesk: page.helpdesk, ticketId: page.ticketId, url: page.url }, page)
    .merged;
}
