/**
 * The conversation and helpdesk status as the run records them for SLA
 * clocks: messages merged by the helpdesk's own id (so reporting the same
 * page twice changes nothing), and each status change with its time.
 */
import { WorkflowError } from './errors';
import type { Actor, ConversationMessage, Run, RunEvent } from './schema';
import { conversationMessageSchema } from './schema';

/** Older messages are dropped first once a conversation exceeds this (the schema's cap). */
const MAX_MESSAGES = 5000;
const MAX_STATUS_LOG = 1000;

export interface ConversationResult {
  run: Run;
  events: RunEvent[];
}

/**
 * Merge observed messages into the run. A message already known keeps its
 * first reading (its time and author do not change when the page re-renders).
 */
export function observeConversation(
  run: Run,
  messages: ConversationMessage[],
  by: Actor,
  now: number,
): ConversationResult {
  const known = new Map((run.messages ?? []).map((m) => [m.id, m]));
  const added: ConversationMessage[] = [];
  for (const raw of messages) {
    const parsed = conversationMessageSchema.safeParse(raw);
    if (!parsed.success) {
      throw new WorkflowError('invalid-value', 'A conversation message is malformed.', [
        ...parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`),
      ]);
    }
    if (known.has(parsed.data.id)) continue;
    known.set(parsed.data.id, parsed.data);
    added.push(parsed.data);
  }
  if (added.length === 0) return { run, events: [] };
  const all = [...known.values()].sort((a, b) => a.at - b.at).slice(-MAX_MESSAGES);
  const next: Run = { ...run, messages: all, updatedAt: now, revision: run.revision + 1 };
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by,
    type: 'ticket-updated',
    note: `${added.length} message${added.length === 1 ? '' : 's'} seen in the conversation`,
    new: { messages: added.map((m) => ({ id: m.id, role: m.role, at: m.at })) },
  };
  return { run: next, events: [event] };
}

/** The run with the helpdesk status appended to its log when it changed. */
export function withStatusLogged(run: Run, status: string | undefined, now: number): Run {
  if (status === undefined) return run;
  const log = run.statusLog ?? [];
  if (log[log.length - 1]?.status === status) return run;
  return { ...run, statusLog: [...log, { at: now, status }].slice(-MAX_STATUS_LOG) };
}
