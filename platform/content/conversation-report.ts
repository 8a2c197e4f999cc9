/**
 * Tells the background which messages the ticket's conversation shows, once
 * the run is open and whenever the list changes (a reply was sent, the
 * customer wrote). The background merges them by message id, so a resend
 * after a reconnect or a re-render changes nothing.
 */
import { useEffect, useRef } from 'react';
import type { ObservedMessage } from '../../lib/adapters/conversation';
import type { Actor } from '../../lib/workflow/schema';
import { send } from '../messaging/content-client';

export function useConversationReport(
  runId: string | undefined,
  runOpen: boolean,
  messages: ObservedMessage[] | undefined,
  actor: { current: Actor },
): void {
  const sent = useRef<string | undefined>(undefined);
  const key = messages?.map((m) => `${m.id}:${m.role}:${m.at ?? ''}`).join('|') ?? '';
  useEffect(() => {
    if (!runId || !runOpen || !messages || messages.length === 0) return;
    const signature = `${runId}#${key}`;
    if (sent.current === signature) return;
    sent.current = signature;
    send({ type: 'run.observeConversation', runId, messages, actor: actor.current }).catch(() => {
      // Not recorded (worker restarting): try again on the next change or reopen.
      if (sent.current === signature) sent.current = undefined;
    });
    // `key` stands for `messages`: a re-read with the same content is not news.
  }, [runId, runOpen, key]);
}
