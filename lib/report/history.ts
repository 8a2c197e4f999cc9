/** The run history's search and filters over run facts (pure, shared with a team server). */
import { NONE } from './filter';
import type { RunFacts } from './facts';

export interface HistoryQuery {
  /** Ticket id, subject, requester, organization, agent, bug URL; case-insensitive. */
  text?: string;
  status?: 'open' | 'closed';
  severity?: string;
  plan?: string;
  rootCause?: string;
  helpdesk?: string;
}

function same(wanted: string | undefined, actual: string | undefined): boolean {
  return wanted === undefined || (wanted === NONE ? actual === undefined : wanted === actual);
}

export function matchesHistory(f: RunFacts, q: HistoryQuery): boolean {
  if (q.status === 'open' && f.closedAt !== undefined) return false;
  if (q.status === 'closed' && f.closedAt === undefined) return false;
  if (
    !same(q.severity, f.severity) ||
    !same(q.plan, f.plan) ||
    !same(q.rootCause, f.rootCause) ||
    !same(q.helpdesk, f.helpdesk)
  ) {
    return false;
  }
  const needle = q.text?.trim().toLowerCase();
  if (!needle) return true;
  return [f.ticketId, f.displayId, f.subject, f.requester, f.organization, f.agent, f.bugUrl].some(
    (v) => v !== undefined && v.toLowerCase().includes(needle),
  );
}
