/**
 * Messages the ticket page showed: merged into the run by id (the engine's
 * `observe-conversation`), which moves its SLA clocks; views are told only
 * when something was new.
 */
import { mutateRun } from '../db/repo';
import type { DomainHandlers } from './context';

export const conversationHandlers = {
  'run.observeConversation': async ({ runId, messages, actor }, ctx) => {
    const now = ctx.now();
    const change = await mutateRun(
      ctx.db,
      runId,
      {
        type: 'observe-conversation',
        messages: messages.map((m) => ({ id: m.id, role: m.role, at: m.at ?? now })),
      },
      actor,
      now,
    );
    const seen = change.events.find((e) => e.type === 'ticket-updated')?.new as
      { messages?: unknown[] } | undefined;
    if (change.events.length > 0) ctx.effects.runChanged(change);
    return { added: seen?.messages?.length ?? 0 };
  },
} satisfies DomainHandlers<'run.observeConversation'>;
